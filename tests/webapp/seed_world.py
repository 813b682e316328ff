"""The small pemda the web app's browser tests use: OPD Kominfo with one office, a direct
supervisor, and one employee per flow, each with their own dev-set face enrolled (photo 1).

Run as `python -m tests.webapp.seed_world OUT.json` with the server's environment
(DATABASE_URL, UPLOAD_DIR, FACE_*); a separate process, so the test process never opens the
server's database. Writes the logins as JSON."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.conftest import face_photo

# employee key → dev-set identity whose photo 1 is enrolled (photo 2 feeds the fake camera):
# photos of one studio session that are not near-duplicates of each other (cosine < 0.985)
PEOPLE = {"atasan": "london_029", "hadir": "london_010", "luar": "london_031",
          "offline": "london_064", "kamera": "london_086", "titip": "london_013",
          "izin": "london_001", "baru": "london_034", "riwayat": "london_039",
          "gps": "london_090", "server": "london_094", "lapor": "london_100",
          "wajah": None}  # no face yet: the operator enrols it in the test


def seed(out: Path) -> None:
    from api.models import Employee
    from api.services import org
    from api.services.checkin import enrolment
    from tests.factories import PASSWORD, World, make_nip

    world = World.build(None)
    logins = {}
    for key, identity in PEOPLE.items():
        supervisor = None if key == "atasan" else "atasan"
        if key == "baru":  # a new account: default password, must change it first
            employee, password = org.create_employee(None, {
                "nip": make_nip(2), "name": "Sri Pegawai Baru", "jabatan": "Pranata Komputer",
                "golongan": "III/a", "employment_type": "PNS", "opd_id": world.opds["a"].id,
                "unit_id": world.units["a"].id, "supervisor_id": world.people["atasan"].id,
                "schedule_group_id": world.groups["5HK"].id,
                "location_ids": [world.locations["a"].id]})
        else:
            employee = world.add_person(key, "a", supervisor=supervisor)
            employee.name = {"atasan": "Budi Santoso"}.get(key, f"Pegawai {key.title()}")
            employee.save()
            password = PASSWORD
        if identity:
            enrolment.enroll(world.people["operator_a"].id, employee, [face_photo(identity, 1)])
        logins[key] = {"id": employee.id, "nip": employee.nip, "name": employee.name,
                       "password": password, "face": identity}
    history(world, logins["riwayat"]["id"], logins["atasan"]["id"])
    logins["campaign"] = campaign(world)
    for key in ("kepala_a", "admin"):
        person = world.people[key]
        logins[key] = {"id": person.id, "nip": person.nip, "name": person.name,
                       "password": PASSWORD, "face": None}
    operator = world.people["operator_a"]
    logins["operator"] = {"id": operator.id, "nip": operator.nip, "name": operator.name,
                          "password": PASSWORD, "face": None}
    office = world.locations["a"]
    logins["office"] = {"lat": office.lat, "lon": office.lon, "radius_m": office.radius_m}
    assert Employee.select().count() >= len(PEOPLE)
    out.write_text(json.dumps(logins, indent=1))


def campaign(world) -> int:
    """A whereabouts campaign running on the test's Monday, defined by the admin a week
    before: 06.00–09.00 and 15.00–17.00 office time, OPD Kominfo."""
    from datetime import date, datetime

    from api.services import campaigns

    row = campaigns.admin.create(world.people["admin"].id, {
        "name": "Pemantauan keberadaan ASN", "date_from": date(2026, 3, 1),
        "date_to": date(2026, 3, 5), "windows": [["06:00", "09:00"], ["15:00", "17:00"]],
        "opds": [world.opds["a"].id], "employment_types": [], "selfie_required": True,
        "zone": {"kind": "none"},
        "report_deadline": datetime.fromisoformat("2026-03-06T11:00:00+07:00")},
        date(2026, 2, 23))
    return row.id


def history(world, employee_id: int, supervisor_id: int) -> None:
    """February for one employee: on time, late, a day absent, a sick day approved by the
    supervisor, an out-of-office check-in rejected — a calendar, a recap and an inbox to show."""
    from datetime import date, datetime, timedelta

    from api import clock
    from api.models import Employee
    from api.services import daily
    from api.services.accounts import load_actor
    from api.services.changes import absences
    from tests.factories import PDF_DOCUMENT, accepted_event, local, stored_checkin

    employee = Employee.get_by_id(employee_id)
    arrivals = {2: "06:50", 3: "07:12", 4: "06:45", 5: "07:40", 9: "06:58", 10: "06:55",
                11: "07:05", 12: "06:40", 16: "06:52", 17: "06:59", 18: "07:31", 19: "06:48"}
    for day, hhmm in arrivals.items():
        work_date = date(2026, 2, day)
        accepted_event(employee, work_date, local(work_date, hhmm), "in")
        accepted_event(employee, work_date, local(work_date, "15:05"), "out")
    now = datetime.fromisoformat("2026-02-27T20:00:00+07:00")
    daily.recompute_range(date(2026, 2, 1), date(2026, 2, 27), [employee_id], now)
    sick = absences.submit(load_actor(employee_id), {
        "code": "S", "date_from": date(2026, 2, 24), "date_to": date(2026, 2, 25),
        "reason": "Demam, surat dokter terlampir"}, PDF_DOCUMENT, date(2026, 2, 24), now)
    absences.decide(load_actor(supervisor_id), sick.id, True, "Lekas sembuh", date(2026, 2, 24),
                    now)
    key = next(k for k, person in world.people.items() if person.id == employee_id)
    event = stored_checkin(world, key, "2026-02-26T07:02:00+07:00", out_of_office=True,
                           note="Rapat di luar kantor")
    event.purpose, event.approval, event.decided_by = "DINAS_LUAR", "rejected", supervisor_id
    event.decided_at = clock.utc_naive(now - timedelta(hours=9))
    event.decision_reason = "Tidak ada surat tugas"
    event.save()
    daily.recompute_range(date(2026, 2, 1), date(2026, 2, 28), [employee_id], now)


def main() -> None:
    from api import create_app
    from api.db import database
    from api.migrations import migrate

    app = create_app()
    with app.app_context():
        database.connect(reuse_if_open=True)
        migrate()
        seed(Path(sys.argv[1]))


if __name__ == "__main__":
    main()
