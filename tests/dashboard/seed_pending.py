"""Out-of-office check-ins waiting for a head of OPD, for tests that approve or reject them.

Run as `python -m tests.dashboard.seed_pending --head-nip NIP --count N` with the demo's
environment (DATABASE_URL, UPLOAD_DIR, HADIR_FAKE_NOW); prints the created items as JSON. A
separate process, so the test process never opens the demo database itself."""
from __future__ import annotations

import argparse
import json
import os
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FACES = Path(os.environ.get("HADIR_DEV_FACES", ROOT.parent / "shared" / "faces" / "dev"))


def seed(head_nip: str, count: int, tag: str) -> list[dict]:
    from api import clock
    from api.models import CheckinEvent, Employee, EmployeeLocation, Location
    from api.services import storage
    from api.services.daily import pemda_today, recompute_day

    head = Employee.get(Employee.nip == head_nip)
    busy = CheckinEvent.select(CheckinEvent.employee).where(CheckinEvent.approval == "pending")
    located = EmployeeLocation.select(EmployeeLocation.employee)
    staff = (Employee.select().where(Employee.opd == head.opd_id, Employee.id != head.id,
                                     Employee.active, Employee.id.not_in(busy),
                                     Employee.id.in_(located))
             .order_by(Employee.id.desc()).limit(count))
    now = clock.now()
    day = pemda_today()
    faces = sorted(p for p in FACES.glob("london_*") if p.is_dir())[60:]
    created = []
    for index, person in enumerate(staff):
        office = (Location.select().join(EmployeeLocation)
                  .where(EmployeeLocation.employee == person.id).first())
        selfie = storage.save((faces[index % len(faces)] / "2.jpg").read_bytes(), "selfie",
                              person.id, person.id, None)
        received = now - timedelta(minutes=20 + index)
        offline = index == 0  # the first came from a phone's offline outbox, 3 hours late
        event = CheckinEvent.create(
            employee=person.id, kind="in", status="PENDING",
            codes="OFFLINE_CAPTURE,OUTSIDE_GEOFENCE" if offline else "OUTSIDE_GEOFENCE",
            recorded_at=clock.utc_naive(received), work_date=day, purpose="DINAS_LUAR",
            offline=offline,
            client_time=clock.utc_naive(received - timedelta(hours=3)) if offline else None,
            lat=office.lat + 0.02, lon=office.lon - 0.01, accuracy_m=15, device_uid=f"uji-{tag}",
            location=office.id, distance_m=2460.0, out_of_office=True, similarity=0.95,
            liveness=0.9, selfie=selfie, selfie_sha256=selfie.sha256,
            note=f"Dinas luar {tag} ke kantor kecamatan", approval="pending",
            idempotency_key=f"uji-{tag}-{uuid.uuid4().hex}", response="{}")
        recompute_day(person.id, day, now)
        created.append({"id": event.id, "employee_id": person.id, "name": person.name})
    reenrolment(head, staff[-1] if staff else None)
    return created


def reenrolment(head, person) -> None:
    """One face re-enrolment of the head's OPD waiting for a second person (the head)."""
    from api.models import Employee, RoleGrant
    from api.services.checkin import enrolment

    if person is None:
        return
    operator = (Employee.select().join(RoleGrant, on=(RoleGrant.employee == Employee.id))
                .where(RoleGrant.role == "operator", RoleGrant.opd == head.opd_id).first())
    faces = sorted(p for p in FACES.glob("london_*") if p.is_dir())[50]
    enrolment.enroll(operator.id, person, [(faces / "1.jpg").read_bytes()])
    enrolment.enroll(operator.id, person, [(faces / "2.jpg").read_bytes()])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--head-nip", required=True)
    parser.add_argument("--count", type=int, default=1)
    parser.add_argument("--tag", default="uji")
    args = parser.parse_args()
    from api import create_app

    with create_app().app_context():
        print(json.dumps(seed(args.head_nip, args.count, args.tag)))


if __name__ == "__main__":
    main()
