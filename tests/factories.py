"""A small pemda for API tests, built through the real services (no fixtures in SQL)."""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date, timedelta

from api.models import Credential, Employee
from api.services import org
from api.services.accounts import passwords, tokens
from api.services.schedules import ensure_default_schedules

PASSWORD = "Rahasia123"
OFFICE_A = (-8.1724, 113.7005)  # Jember, Alun-alun
OFFICE_B = (-8.1600, 113.7200)
_sequence = itertools.count(1)


def make_nip(sex: int = 1) -> str:
    """A valid NIP, never repeated in a test run: TMT CPNS 2010-01, the birth date and the
    3-digit sequence walk forward together."""
    n = next(_sequence)
    born = date(1985, 1, 1) + timedelta(days=n // 999)
    return f"{born:%Y%m%d}201001{sex}{n % 999 + 1:03d}"


@dataclass
class World:
    groups: dict
    opds: dict = field(default_factory=dict)
    units: dict = field(default_factory=dict)
    locations: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)

    @classmethod
    def build(cls, app) -> World:
        world = cls(groups=ensure_default_schedules())
        world.opds["bkd"] = org.create_opd(None, {"code": "BKD", "name": "Badan Kepegawaian "
                                                  "dan Pengembangan SDM", "short_name": "BKPSDM",
                                                  "address": ""})
        world.opds["a"] = org.create_opd(None, {"code": "KOMINFO", "name": "Dinas Komunikasi dan "
                                                "Informatika", "short_name": "Diskominfo",
                                                "address": ""})
        world.opds["b"] = org.create_opd(None, {"code": "DINKES", "name": "Dinas Kesehatan",
                                                "short_name": "Dinkes", "address": ""})
        for key in ("bkd", "a", "b"):
            world.units[key] = org.create_unit(None, {"opd_id": world.opds[key].id,
                                                      "parent_id": None, "code": "SEK",
                                                      "name": "Sekretariat"})
        for key, (lat, lon) in (("a", OFFICE_A), ("b", OFFICE_B), ("bkd", OFFICE_A)):
            world.locations[key] = org.create_location(None, {
                "opd_id": world.opds[key].id, "name": f"Kantor {world.opds[key].short_name}",
                "kind": "office", "lat": lat, "lon": lon, "radius_m": 100,
                "tz": "Asia/Jakarta"})
        add = world.add_person
        add("admin", "bkd", roles=[("admin", None)])
        add("analis", "bkd", roles=[("analis", None)])
        add("kepala_a", "a", roles=[("kepala_opd", "a")])
        add("operator_a", "a", roles=[("operator", "a")], supervisor="kepala_a")
        add("atasan_a", "a", supervisor="kepala_a")
        add("pegawai_a", "a", supervisor="atasan_a")
        add("pegawai_a2", "a", supervisor="kepala_a")
        add("kepala_b", "b", roles=[("kepala_opd", "b")])
        add("operator_b", "b", roles=[("operator", "b")], supervisor="kepala_b")
        add("pegawai_b", "b", supervisor="kepala_b")
        return world

    def add_person(self, key: str, opd: str, roles=(), supervisor: str | None = None,
                   group: str = "5HK", password: str | None = PASSWORD) -> Employee:
        employee, _default = org.create_employee(None, {
            "nip": make_nip(), "name": key.replace("_", " ").title(), "jabatan": "Staf",
            "golongan": "III/a", "employment_type": "PNS", "opd_id": self.opds[opd].id,
            "unit_id": self.units[opd].id,
            "supervisor_id": self.people[supervisor].id if supervisor else None,
            "schedule_group_id": self.groups[group].id,
            "location_ids": [self.locations[opd].id],
        })
        employee.created_at = employee.created_at.replace(year=2020)
        employee.save()
        for role, role_opd in roles:
            org.grant_role(None, employee, role, self.opds[role_opd].id if role_opd else None)
        if password:
            Credential.update(password_hash=passwords.hash_password(password),
                              must_change_password=False).where(
                Credential.employee == employee.id).execute()
        self.people[key] = employee
        return employee

    def token(self, key: str) -> str:
        return tokens.issue(self.people[key].id, False)["access_token"]

    def headers(self, key: str, **extra) -> dict:
        return {"Authorization": f"Bearer {self.token(key)}", **extra}


# --- issue 4 (absences, manual attendance, cancellations, approvals): stored check-ins and
# small documents. They insert what the check-in flow stores; they are data, not mocks.
PDF_DOCUMENT = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
                b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>"
                b"\n%%EOF\n")
PNG_DOCUMENT = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def stored_checkin(world: World, key: str, at: str, kind: str = "in", *,
                   out_of_office: bool = False, note: str = "", lat: float | None = None,
                   lon: float | None = None, distance_m: float | None = None):
    """A check-in event as `checkin_submit` stores it: accepted inside the geofence, or
    PENDING (approval pending) outside it, with a selfie kept until the month is closed."""
    from datetime import datetime, timedelta

    from api import clock
    from api.models import CheckinEvent
    from api.services import daily, storage

    employee = world.people[key]
    moment = datetime.fromisoformat(at)
    selfie = storage.save(b"\xff\xd8\xff\xe0" + at.encode(), "selfie", employee.id, employee.id,
                          None if out_of_office else moment.date() + timedelta(days=90))
    office = OFFICE_A if employee.opd_id != world.opds["b"].id else OFFICE_B
    event = CheckinEvent.create(
        employee=employee, kind=kind, status="PENDING" if out_of_office else "ACCEPTED",
        codes="OUTSIDE_GEOFENCE" if out_of_office else "", recorded_at=clock.utc_naive(moment),
        work_date=moment.date(), lat=lat if lat is not None else office[0],
        lon=lon if lon is not None else office[1], accuracy_m=12.0, device_uid=f"hp-{key}",
        location=world.locations["b" if employee.opd_id == world.opds["b"].id else "a"],
        distance_m=distance_m if distance_m is not None else 8.0, out_of_office=out_of_office,
        similarity=0.71, liveness=0.93, selfie=selfie, selfie_sha256=selfie.sha256, note=note,
        idempotency_key=f"factory-{key}-{at}-{kind}",
        approval="pending" if out_of_office else None)
    daily.recompute_day(employee.id, moment.date(), clock.now())
    return event


# --- issue 5 (recaps, discipline, analytics): accepted check-ins at given local times (the
# caller recomputes once), and daily records for tests of the reading side only.
WIB = "Asia/Jakarta"


def local(day, hhmm: str, tz: str = WIB, plus_days: int = 0):
    """An aware local time: local(date(2026, 2, 2), "07:15")."""
    from datetime import datetime, time, timedelta
    from zoneinfo import ZoneInfo

    hours, minutes = (int(part) for part in hhmm.split(":"))
    return datetime.combine(day + timedelta(days=plus_days), time(hours, minutes),
                            tzinfo=ZoneInfo(tz))


def accepted_event(employee, work_date, moment, kind: str, *, status: str = "ACCEPTED",
                   codes: str = "", lat: float | None = None, lon: float | None = None,
                   device_uid: str | None = None, is_mock: bool = False):
    """A check-in attempt as the check-in flow stores it (no selfie), for `work_date`.

    An overnight shift's check-out happens the next day but belongs to the shift's date, which
    is what the flow's `pick_work_date` decides; the date is given here. Without lat/lon the
    fix lies a few metres from office A, as real GPS noise does. No recompute."""
    from api import clock
    from api.models import CheckinEvent

    noise = ((employee.id * 7919 + moment.minute * 31) % 997) * 1e-6
    lat = OFFICE_A[0] + noise if lat is None else lat
    lon = OFFICE_A[1] - noise if lon is None else lon

    return CheckinEvent.create(
        employee=employee, kind=kind, status=status, codes=codes,
        recorded_at=clock.utc_naive(moment), work_date=work_date, lat=lat, lon=lon,
        accuracy_m=10.0, is_mock=is_mock, device_uid=device_uid or f"hp-{employee.id}",
        distance_m=5.0, idempotency_key=f"recap-{employee.id}-{moment.isoformat()}-{kind}",
        response="{}")


def daily_records(employee, days, status: str = "TK", *, opd_id: int | None = None,
                  late_minutes: int = 0, early_minutes: int = 0, late_tier: int = 0,
                  early_tier: int = 0, workday: bool = True, check_in=None) -> None:
    """DailyRecord rows written directly, for tests of what reads them (recaps, analytics);
    the daily status engine that normally writes them is tested on its own."""
    from api.models import DailyRecord
    from api.services.daily import refresh_tally

    excused = status if status not in ("H", "WFH", "TM", "TP", "TK", "LIBUR", "BELUM") else None
    DailyRecord.insert_many([{
        "employee": employee.id, "work_date": day, "opd": opd_id or employee.opd_id,
        "unit": employee.unit_id, "workday": workday, "status": status, "label": status,
        "late_minutes": late_minutes, "early_minutes": early_minutes, "late_tier": late_tier,
        "early_tier": early_tier, "excused_code": excused,
        "source": "absence" if excused else "system", "check_in_at": check_in,
    } for day in days]).execute()
    refresh_tally([employee.id], {day.replace(day=1) for day in days})  # as the engine does
