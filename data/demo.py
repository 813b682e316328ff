"""Generate a demo pemda: `python -m data.demo --employees N --months M --seed S`.

Uses DATABASE_URL (default: the SQLite file under data/). Writes data/demo_logins.json with
one login per role; their passwords are already changed so they can log in at once."""
from __future__ import annotations

import argparse
import json
import os
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from data import demo_org
from data.demo_catalog import OUT_OF_OFFICE_NOTES

ROOT = Path(__file__).resolve().parent.parent
LOGINS = ROOT / "data" / "demo_logins.json"
FACES = Path(os.environ.get("HADIR_DEV_FACES", ROOT.parent / "shared" / "faces" / "dev"))
DEMO_PASSWORD = "Hadir#Demo2026"
# dev-set identities whose photo 2 passes against photo 1 with a margin: similarity 0.97–0.99,
# liveness ≥ 0.99 (measured with the project's engine); the README tells testers to check in
# with photo 2, which must stay true for every login
LOGIN_FACES = {"pegawai": "webmorph_lisa", "atasan": "london_012", "kepala_opd": "london_026",
               "operator": "london_030", "admin": "london_039", "analis": "london_045"}


def parse(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--employees", type=int, default=300)
    parser.add_argument("--months", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reset", action="store_true", help="drop existing data first")
    parser.add_argument("--no-faces", action="store_true", help="skip face enrolment")
    parser.add_argument("--logins", type=Path, default=LOGINS, help="where to write the logins")
    return parser.parse_args(argv)


def reset_database() -> None:
    from api.db import database
    from api.migrations import SchemaVersion
    from api.models import ALL_MODELS

    database.drop_tables([SchemaVersion, *ALL_MODELS], cascade=True, safe=True) \
        if database.obj.__class__.__name__.startswith("Postgres") else \
        database.drop_tables([SchemaVersion, *ALL_MODELS], safe=True)


def first_day(today: date, months: int) -> date:
    month_index = today.year * 12 + today.month - 1 - (months - 1)
    return date(month_index // 12, month_index % 12 + 1, 1)


def step(label: str, started: float) -> float:
    print(f"  {label}: {time.perf_counter() - started:.1f} s", flush=True)
    return time.perf_counter()


def choose_logins(org) -> dict[str, demo_org.Person]:
    """One account per role, all in one OPD so the supervisor sees the employee's requests."""
    code = "DINKES"
    pegawai = next(p for p in org.people if p.opd == code and p.habit == "punctual"
                   and p.supervisor_id not in (None, org.heads[code].id)
                   and p.id != org.operators[code].id)
    atasan = next(p for p in org.people if p.id == pegawai.supervisor_id)
    # a colleague with no face enrolled: the tester enrols their own face for it (as the
    # operator, in the web app) and then checks in with the laptop's camera
    kamera = next(p for p in org.people if p.supervisor_id == atasan.id and p.id != pegawai.id
                  and p.id != org.operators[code].id)
    return {"pegawai": pegawai, "atasan": atasan, "kepala_opd": org.heads[code],
            "operator": org.operators[code], "admin": org.admin, "analis": org.analis,
            "pegawai_kamera": kamera}


def set_logins(logins: dict) -> list[dict]:
    """Known passwords, already changed; no phone bound yet, so the first check-in from the
    tester's own device binds it (as a new employee's first use would)."""
    from api.models import Credential, DeviceBinding
    from api.services.accounts import passwords

    hashed = passwords.hash_password(DEMO_PASSWORD)
    out = []
    for role, person in logins.items():
        Credential.update(password_hash=hashed, must_change_password=False).where(
            Credential.employee == person.id).execute()
        DeviceBinding.delete().where(DeviceBinding.employee == person.id).execute()
        out.append({"role": role, "nip": person.nip, "password": DEMO_PASSWORD,
                    "name": person.name, "opd": person.opd,
                    "face_identity": LOGIN_FACES.get(role)})
    return out


def enrol_faces(logins: dict) -> int:
    """Templates for the demo accounts from ../shared/faces/dev (photo 1 of each identity)."""
    from api.models import Employee
    from api.services.checkin import enrolment

    count = 0
    for role, person in logins.items():
        if role not in LOGIN_FACES:
            continue
        photo = FACES / LOGIN_FACES[role] / "1.jpg"
        enrolment.enroll(None, Employee.get_by_id(person.id), [photo.read_bytes()])
        count += 1
    return count


def review_band_sample(photo: bytes, employee_id: int) -> dict:
    """A web-app check-in whose burst grew like a picture moved closer, not like a face (the
    frames are the selfie zoomed in): liveness in the review band, waiting for a supervisor."""
    import cv2

    from api.services import storage

    image = cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR)
    h, w = image.shape[:2]
    frames = []
    for zoom in (1.5, 2.2):
        crop = image[int(h * (1 - 1 / zoom) / 2):int(h * (1 + 1 / zoom) / 2),
                     int(w * (1 - 1 / zoom) / 2):int(w * (1 + 1 / zoom) / 2)]
        data = cv2.imencode(".jpg", cv2.resize(crop, (w, h)))[1].tobytes()
        frames.append(storage.save(data, "frame", employee_id, employee_id, None))
    result = {"outcome": "inconsistent", "reason": None, "growth": 2.2, "near_fraction": 0.31,
              "similarity": 0.97, "flatness": 0.968, "parallax": 0.004, "parallax_fit": 0.05}
    return {"codes": "SPOOF_REVIEW", "client": "web", "liveness": 0.71,
            "liveness_path": "challenge", "liveness_band": "review",
            "challenge_result": json.dumps(result), "frames": ",".join(str(f.id) for f in frames),
            "note": ""}


def pending_out_of_office(org, logins, today: date, now, rng) -> int:
    """Check-ins waiting for the demo supervisors, with real selfies: out of the office, and
    one whose liveness a supervisor must judge (SPOOF_REVIEW)."""
    from api import clock
    from api.models import CheckinEvent, Employee
    from api.services import storage
    from api.services.daily import recompute_day
    from api.services.schedules import ScheduleBook

    supervisors = {logins["atasan"].id, logins["kepala_opd"].id}
    testers = {person.id for person in logins.values()}  # their today is left to the tester
    team = [p for p in org.people if p.supervisor_id in supervisors
            and p.id not in testers and p.group != "RSUD"][:6]
    book = ScheduleBook.load(today - timedelta(days=10), today)
    group = org.groups["5HK"].id
    recent = [today - timedelta(days=i) for i in range(10)]
    workdays = [d for d in recent if book.day(0, group, d, "Asia/Jakarta").workday
                and book.day(0, group, d, "Asia/Jakarta").checkin_close <= now][:2]
    identities = sorted(d.name for d in FACES.glob("london_*") if d.is_dir())[20:40]
    created = 0
    for index, person in enumerate(team if workdays else []):
        day = workdays[index % len(workdays)]
        schedule = book.day(person.id, org.groups[person.group].id, day, "Asia/Jakarta")
        at = schedule.checkin_close - timedelta(minutes=int(rng.integers(2, 40)))
        photo = (FACES / identities[index] / "2.jpg").read_bytes()
        selfie = storage.save(photo, "selfie", person.id, person.id, None)
        office = org.offices[person.opd]
        common = dict(
            employee=person.id, kind="in", status="PENDING", recorded_at=clock.utc_naive(at),
            work_date=day, accuracy_m=12, device_uid=org.devices[person.id], location=office.id,
            similarity=round(float(rng.uniform(0.94, 0.98)), 4), selfie=selfie,
            selfie_sha256=selfie.sha256, idempotency_key=f"demo-pending-{person.id}-{day}",
            approval="pending", response="{}")
        if index == len(team) - 1:  # in the office, but the liveness step was not sure
            CheckinEvent.create(**common, **review_band_sample(photo, person.id),
                                lat=office.lat, lon=office.lon, distance_m=20.0)
        else:
            CheckinEvent.create(
                **common, codes="OUTSIDE_GEOFENCE", lat=office.lat - 0.031,
                lon=office.lon + 0.012, distance_m=3600.0, out_of_office=True,
                liveness=round(float(rng.uniform(0.6, 0.98)), 4),
                note=OUT_OF_OFFICE_NOTES[index % 5])
        recompute_day(Employee.get_by_id(person.id).id, day, now)
        created += 1
    return created


def main(argv=None) -> None:
    args = parse(argv)
    os.environ.setdefault("HADIR_ENV", "demo")
    from api import clock, create_app, migrations
    from api.models import Employee
    from api.services.daily import pemda_today, recompute_range
    from api.services.schedules import ensure_default_schedules
    from data import demo_activity

    app = create_app()
    rng = np.random.default_rng(args.seed)
    started = total = time.perf_counter()
    with app.app_context():
        if args.reset:
            reset_database()
        migrations.migrate()
        if Employee.select().exists():
            raise SystemExit("Database already has data: use --reset to replace it.")
        now, today = clock.now(), pemda_today()
        date_from = first_day(today, args.months)
        print(f"Membuat pemda demo: {args.employees} pegawai, {date_from} s.d. {today}")
        org = demo_org.Org(groups=ensure_default_schedules())
        demo_org.build_structure(org, rng, args.employees)
        demo_org.build_people(org, args.employees, rng, date_from)
        demo_org.grant_roles(org)
        demo_org.build_rosters(org, date_from - timedelta(days=1), today + timedelta(days=14))
        started = step("organisasi dan pegawai", started)
        logins = choose_logins(org)
        # today is left to the tester: the demo accounts have not checked in yet
        untouched = {(person.id, today) for person in logins.values()}
        events = demo_activity.generate(org, date_from, today, now, rng, skip=untouched)
        started = step(f"{events} upaya presensi", started)
        records = recompute_range(date_from, today, None, now)
        started = step(f"{records} catatan harian", started)
        entries = set_logins(logins)
        if not args.no_faces:
            step(f"{enrol_faces(logins)} templat wajah", started)
            started = time.perf_counter()
        pending = pending_out_of_office(org, logins, today, now, rng)
        started = step(f"{pending} presensi luar kantor menunggu persetujuan", started)
        from data import demo_campaign

        reports = demo_campaign.build(org, logins["admin"].id, today, app.config["PEMDA_TZ"],
                                      rng)
        started = step(f"{reports} laporan keberadaan (kampanye contoh)", started)
        from api.db import database

        database.execute_sql("ANALYZE")  # fresh planner statistics after the bulk load
        step("statistik basis data", started)
    args.logins.write_text(json.dumps(entries, indent=2, ensure_ascii=False))
    print(f"Selesai dalam {time.perf_counter() - total:.1f} s. Akun demo: {args.logins}")


if __name__ == "__main__":
    main()
