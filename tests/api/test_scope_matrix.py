"""Role × endpoint family: nobody reads or writes outside their scope (SPEC §1)."""
from __future__ import annotations

import io
import itertools

import pytest

from tests.api.checkin_helpers import checkin, enroll
from tests.conftest import face_photo
from tests.factories import OFFICE_B

ROLES = ("pegawai_a", "atasan_a", "kepala_a", "operator_a", "admin", "analis")
_codes = itertools.count(1)


def code() -> str:
    """A fresh code, so that one role's success does not turn the next into a conflict."""
    return f"K{next(_codes)}"


@pytest.fixture
def scene(client, world):
    """A pending out-of-office check-in of an OPD-B employee, with its selfie."""
    enroll(client, world, "pegawai_b", "webmorph_lisa", by="operator_b")
    far = (OFFICE_B[0] + 0.05, OFFICE_B[1])
    body = checkin(client, world, "pegawai_b", lat=far[0], lon=far[1],
                   note="Rapat di Pendopo", purpose="DINAS_LUAR").json
    assert body["status"] == "PENDING", body
    world.event_b = body["event_id"]
    return world


def statuses(client, world, method, url, body=None, files=None):
    """The status each role gets for one request."""
    out = {}
    for role in ROLES:
        kwargs = {"headers": world.headers(role)}
        if files is not None:
            kwargs.update(data=files(), content_type="multipart/form-data")
        elif body is not None:
            kwargs["json"] = body(world) if callable(body) else body
        out[role] = getattr(client, method)(url(world) if callable(url) else url,
                                            **kwargs).status_code
    return out


def allowed(out: dict) -> set:
    return {role for role, status in out.items() if status < 400}


WRITES = [
    ("create OPD", "post", "/api/v1/opds", lambda w: {"code": code(), "name": "Dinas Baru"},
     {"admin"}),
    ("unit in own OPD", "post", "/api/v1/units",
     lambda w: {"opd_id": w.opds["a"].id, "code": code(), "name": "Bidang Baru"},
     {"admin", "operator_a"}),
    ("unit in other OPD", "post", "/api/v1/units",
     lambda w: {"opd_id": w.opds["b"].id, "code": code(), "name": "Bidang Baru"}, {"admin"}),
    ("location in own OPD", "post", "/api/v1/locations",
     lambda w: {"opd_id": w.opds["a"].id, "name": "Gudang", "lat": -8.1, "lon": 113.7},
     {"admin", "operator_a"}),
    ("pemda-wide location", "post", "/api/v1/locations",
     {"name": "Kantor Kecamatan", "lat": -8.2, "lon": 113.6, "kind": "alternative"}, {"admin"}),
    ("employee in other OPD", "patch", lambda w: f"/api/v1/employees/{w.people['pegawai_b'].id}",
     {"jabatan": "Analis"}, {"admin"}),
    ("employee in own OPD", "patch", lambda w: f"/api/v1/employees/{w.people['pegawai_a'].id}",
     {"jabatan": "Analis"}, {"admin", "operator_a"}),
    ("grant role", "post", lambda w: f"/api/v1/employees/{w.people['pegawai_a'].id}/roles",
     {"role": "analis"}, {"admin"}),
    ("mutation", "post", lambda w: f"/api/v1/employees/{w.people['pegawai_b'].id}/mutations",
     lambda w: {"opd_id": w.opds["a"].id, "valid_from": "2026-03-02", "reason": "SK Bupati",
                "supervisor_id": w.people["kepala_a"].id},
     {"admin"}),
    ("reset password in other OPD", "post",
     lambda w: f"/api/v1/employees/{w.people['pegawai_b'].id}/password-reset", None, {"admin"}),
    ("weekly pattern", "put", lambda w: f"/api/v1/schedule-groups/{w.groups['6HK'].id}/patterns",
     {"patterns": []}, {"admin"}),
    ("local holiday", "post", "/api/v1/holidays/local",
     {"date": "2026-03-10", "action": "add", "name": "Hari Jadi Kabupaten"}, {"admin"}),
    ("roster of other OPD", "put", "/api/v1/rosters",
     lambda w: {"entries": [{"employee_id": w.people["pegawai_b"].id, "work_date": "2026-03-03",
                             "shift_code": None}]}, {"admin"}),
    ("kiosk for other OPD", "post", "/api/v1/devices/kiosks",
     lambda w: {"device_id": "kios-b-9", "label": "Kios", "opd_id": w.opds["b"].id}, {"admin"}),
    ("approve other OPD's out-of-office", "post",
     lambda w: f"/api/v1/attendance/checkins/{w.event_b}/approve", {}, set()),
    # separation of duties (api/rules/duties.py): an account above atasan is admin's alone,
    # and nobody administers their own
    ("reset password of own OPD's pegawai", "post",
     lambda w: f"/api/v1/employees/{w.people['pegawai_a'].id}/password-reset", None,
     {"admin", "operator_a"}),
    ("reset password of the head", "post",
     lambda w: f"/api/v1/employees/{w.people['kepala_a'].id}/password-reset", None, {"admin"}),
    ("reset password of the operator", "post",
     lambda w: f"/api/v1/employees/{w.people['operator_a'].id}/password-reset", None,
     {"admin"}),
    ("employee data of the head", "patch",
     lambda w: f"/api/v1/employees/{w.people['kepala_a'].id}", {"jabatan": "Kepala Dinas"},
     {"admin"}),
    ("locations of own OPD's pegawai", "put",
     lambda w: f"/api/v1/employees/{w.people['pegawai_a'].id}/locations",
     lambda w: {"locations": [{"location_id": w.locations["a"].id, "primary": True}]},
     {"admin", "operator_a"}),
    ("the operator's own locations", "put",
     lambda w: f"/api/v1/employees/{w.people['operator_a'].id}/locations",
     lambda w: {"locations": [{"location_id": w.locations["a"].id, "primary": True}]},
     {"admin"}),
]


@pytest.mark.parametrize(("what", "method", "url", "body", "expected"), WRITES,
                         ids=[w[0] for w in WRITES])
def test_writes(client, scene, what, method, url, body, expected):
    assert allowed(statuses(client, scene, method, url, body)) == expected


def test_face_enrolment_outside_own_opd(client, scene):
    photos = lambda: {"photos": [(io.BytesIO(face_photo("london_007", 1)), "1.jpg")]}  # noqa: E731
    out = statuses(client, scene, "post",
                   lambda w: f"/api/v1/employees/{w.people['pegawai_b'].id}/face", files=photos)
    assert allowed(out) == {"admin"}


@pytest.mark.parametrize(("who", "expected"), [("pegawai_a2", {"operator_a"}),
                                               ("kepala_a", {"admin"}),
                                               ("operator_a", {"admin"})])
def test_face_enrolment_within_the_duties(client, scene, who, expected):
    """A first enrolment by whoever holds the duty; the head's face and the operator's own
    are for an admin. (The second success would be a re-enrolment: 202, pending, counted.)"""
    photos = lambda: {"photos": [(io.BytesIO(face_photo("london_007", 1)), "1.jpg")]}  # noqa: E731
    out = statuses(client, scene, "post",
                   lambda w: f"/api/v1/employees/{w.people[who].id}/face", files=photos)
    assert allowed(out) == expected | ({"admin"} if who == "pegawai_a2" else set())


READS = [
    ("other OPD's employee", lambda w: f"/api/v1/employees/{w.people['pegawai_b'].id}",
     {"admin", "analis"}),
    ("other OPD's days", lambda w: f"/api/v1/attendance/days?employee={w.people['pegawai_b'].id}"
     "&from=2026-03-01&to=2026-03-31", {"admin", "analis"}),
    ("other OPD's days by OPD", lambda w: f"/api/v1/attendance/days?opd={w.opds['b'].id}"
     "&from=2026-03-01&to=2026-03-31", {"admin", "analis"}),
    ("own OPD's days by OPD", lambda w: f"/api/v1/attendance/days?opd={w.opds['a'].id}"
     "&from=2026-03-01&to=2026-03-31", {"kepala_a", "operator_a", "admin", "analis"}),
    # raw evidence: the employee, those who decide on it, admins; analysts see aggregates only
    ("other OPD's selfie", lambda w: f"/api/v1/attendance/checkins/{w.event_b}/selfie",
     {"admin"}),
    ("subordinate's record", lambda w: f"/api/v1/employees/{w.people['pegawai_a'].id}",
     {"pegawai_a", "atasan_a", "kepala_a", "operator_a", "admin", "analis"}),
    ("device requests", "/api/v1/devices/requests", {"kepala_a", "operator_a", "admin", "analis"}),
]


@pytest.mark.parametrize(("what", "url", "expected"), READS, ids=[r[0] for r in READS])
def test_reads(client, scene, what, url, expected):
    assert allowed(statuses(client, scene, "get", url)) == expected


def test_lists_hold_only_what_is_in_scope(client, scene):
    world = scene
    people = world.people
    opd_a = {p.id for key, p in people.items() if key.endswith("_a") or key.endswith("_a2")}
    everyone = {p.id for p in people.values()}
    expected = {
        "pegawai_a": {people["pegawai_a"].id},
        "atasan_a": {people["atasan_a"].id, people["pegawai_a"].id},
        "kepala_a": opd_a,
        "operator_a": opd_a,
        "admin": everyone,
        "analis": everyone,
    }
    for role, ids in expected.items():
        body = client.get("/api/v1/employees?limit=1000", headers=world.headers(role)).json
        assert {e["id"] for e in body["items"]} == ids, role
        events = client.get("/api/v1/attendance/checkins", headers=world.headers(role)).json
        seen = {e["employee_id"] for e in events["items"]}
        assert seen <= ids, role
        opds = {o["id"] for o in client.get("/api/v1/opds", headers=world.headers(role)).json}
        assert (world.opds["b"].id in opds) == (role in ("admin", "analis")), role
