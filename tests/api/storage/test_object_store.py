"""Issue 17: selfies and documents in an S3-compatible store (STORAGE_URL=s3://bucket/prefix),
against a real SeaweedFS server. The API behaves as on the local disk: the selfie is kept, read
back in scope, purged after its retention, swept when no row names it; nothing of it lands on
the local disk."""
from __future__ import annotations

from datetime import date

from api.models import CheckinEvent, StoredFile
from api.services import storage
from tests.api.checkin_helpers import checkin, enroll
from tests.conftest import face_photo

from .conftest import BUCKET, keys_in_bucket


def test_a_check_in_keeps_its_selfie_in_the_bucket_and_its_owner_can_see_it(
        app, client, world, seaweed, prefix, tmp_path):
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    done = checkin(client, world, "pegawai_a")
    assert done.status_code == 201, done.json
    event = CheckinEvent.get_by_id(done.json["event_id"])
    selfie = StoredFile.get_by_id(event.selfie_id)
    assert selfie.path in keys_in_bucket(seaweed, prefix)
    assert selfie.path.startswith("selfie/2026/03/")
    assert not (tmp_path / "uploads").exists()  # nothing on the local disk
    seen = client.get(f"/api/v1/attendance/checkins/{event.id}/selfie",
                      headers=world.headers("pegawai_a"))
    assert seen.status_code == 200
    assert seen.data == face_photo("webmorph_lisa", 2)
    other = client.get(f"/api/v1/attendance/checkins/{event.id}/selfie",
                       headers=world.headers("pegawai_b"))
    assert other.status_code in (403, 404)
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json["checks"]["storage"] == "ok"


def test_retention_purges_the_object_and_the_sweep_removes_unnamed_ones(app, world, seaweed,
                                                                        prefix):
    owner = world.people["pegawai_a"].id
    expired = storage.save(b"\xff\xd8\xff\xe0old", "selfie", owner, None, date(2026, 3, 1))
    kept = storage.save(b"\xff\xd8\xff\xe0kept", "selfie", owner, None, date(2026, 6, 1))
    seaweed.client().put_object(Bucket=BUCKET, Key=f"{prefix}/selfie/2026/03/{'f' * 32}.jpg",
                                Body=b"\xff\xd8\xff\xe0lost")  # bytes whose row never committed
    assert len(keys_in_bucket(seaweed, prefix)) == 3
    assert storage.purge_expired(date(2026, 3, 2)) == 1
    assert StoredFile.get_by_id(expired.id).purged
    assert storage.sweep_orphans(date(2026, 3, 1), date(2026, 3, 2)) == 0  # young: left
    assert storage.sweep_orphans(date(2026, 3, 1), date(2026, 3, 2), grace_s=0) == 1
    assert keys_in_bucket(seaweed, prefix) == [kept.path]
    assert storage.read(kept) == b"\xff\xd8\xff\xe0kept"
