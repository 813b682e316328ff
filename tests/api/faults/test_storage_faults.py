"""Fault injection (issue 16): upload storage that cannot be written. A check-in is never
accepted without its selfie, the answer says why in the one error shape, nothing is left
half-written, and the phone's retry with the same Idempotency-Key succeeds once the storage
is back — one check-in, not two."""
from __future__ import annotations

from pathlib import Path

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


def test_the_nightly_sweep_removes_bytes_whose_row_never_committed(app, world):
    """A worker killed between writing a selfie and committing its row leaves the bytes
    behind; the nightly run removes them (an old one only: a young file may belong to a
    transaction still open) and keeps every file a row names."""
    import os
    import time
    from datetime import date

    from api import clock
    from api.services import jobs, storage

    kept = storage.save(b"\xff\xd8\xff\xe0kept", "selfie", world.people["pegawai_a"].id, None)
    orphan = storage.root() / kept.path.replace(Path(kept.path).stem, "f" * 32)
    young = orphan.with_name("e" * 32 + ".jpg")
    for path in (orphan, young):
        path.write_bytes(b"\xff\xd8\xff\xe0lost")
    hours_ago = time.time() - 7200
    os.utime(orphan, (hours_ago, hours_ago))
    os.utime(storage.root() / kept.path, (hours_ago, hours_ago))
    done = jobs.run_nightly(clock.now())
    assert done["orphan_files_removed"] == 1
    assert not orphan.exists() and young.exists()
    assert storage.read(kept) == b"\xff\xd8\xff\xe0kept"
    assert storage.sweep_orphans(date(2026, 3, 1), date(2026, 3, 2), grace_s=0) == 1
    assert not young.exists()
