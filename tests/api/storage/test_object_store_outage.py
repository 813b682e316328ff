"""Fault injection (issue 17): the object store goes down under a running API and comes back.
A check-in is never accepted without its selfie: 503 STORAGE_UNAVAILABLE in the one error
shape, no row written, /readyz not ready; the phone's retry with the same Idempotency-Key once
the store is back records it once."""
from __future__ import annotations

import os

import pytest

from api.models import CheckinEvent, DailyRecord
from tests.api.checkin_helpers import checkin, enroll

from .conftest import keys_in_bucket

pytestmark = pytest.mark.skipif(bool(os.environ.get("TEST_DATABASE_URL")),
                                reason="fault tests run once: in the SQLite run")


def test_a_dead_store_refuses_the_check_in_and_the_retry_records_it_once(app, client, world,
                                                                         seaweed, prefix):
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    stored_before = keys_in_bucket(seaweed, prefix)
    seaweed.kill()
    try:
        refused = checkin(client, world, "pegawai_a", key="hp-a-0702")
        assert refused.status_code == 503, refused.json
        assert refused.json["error"]["code"] == "STORAGE_UNAVAILABLE"
        assert "belum tersimpan" in refused.json["error"]["message"]
        assert CheckinEvent.select().count() == 0
        assert DailyRecord.select().where(DailyRecord.check_in_at.is_null(False)).count() == 0
        ready = client.get("/readyz")
        assert ready.status_code == 503 and ready.json["checks"]["storage"].startswith("error")
    finally:
        seaweed.start()
    assert keys_in_bucket(seaweed, prefix) == stored_before
    accepted = checkin(client, world, "pegawai_a", key="hp-a-0702")
    assert accepted.status_code == 201, accepted.json
    again = checkin(client, world, "pegawai_a", key="hp-a-0702")
    assert again.json["event_id"] == accepted.json["event_id"]
    assert CheckinEvent.select().count() == 1
    assert len(keys_in_bucket(seaweed, prefix)) == len(stored_before) + 1
