"""Fault injection (issue 16): upload storage that cannot be written. A check-in is never
accepted without its selfie, the answer says why in the one error shape, nothing is left
half-written, and the phone's retry with the same Idempotency-Key succeeds once the storage
is back — one check-in, not two."""
from __future__ import annotations

from api.models import CheckinEvent, DailyRecord, StoredFile
from tests.api.checkin_helpers import checkin, enroll


def test_unwritable_storage_refuses_the_check_in_and_the_retry_records_it_once(app, client,
                                                                               world, tmp_path):
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    files_before = StoredFile.select().count()
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("x")  # a mount gone read-only or full behaves the same for the API
    healthy = app.config["UPLOAD_DIR"]
    app.config["UPLOAD_DIR"] = str(blocker / "uploads")
    refused = checkin(client, world, "pegawai_a", key="hp-a-0701")
    assert refused.status_code == 503, refused.json
    assert refused.json["error"]["code"] == "STORAGE_UNAVAILABLE"
    assert "belum tersimpan" in refused.json["error"]["message"]
    assert CheckinEvent.select().count() == 0
    assert StoredFile.select().count() == files_before
    assert DailyRecord.select().where(DailyRecord.employee == world.people["pegawai_a"].id,
                                      DailyRecord.check_in_at.is_null(False)).count() == 0
    app.config["UPLOAD_DIR"] = healthy
    accepted = checkin(client, world, "pegawai_a", key="hp-a-0701")  # the phone retries
    assert accepted.status_code == 201, accepted.json
    again = checkin(client, world, "pegawai_a", key="hp-a-0701")
    assert again.json["event_id"] == accepted.json["event_id"]
    assert CheckinEvent.select().count() == 1
