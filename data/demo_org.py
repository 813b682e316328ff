"""Demo organisation: OPDs, units, offices, employees, supervisors, roles, devices, rosters."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np

from api.bulk import insert_rows, next_id, reset_sequences
from api.models import (
    Assignment,
    Credential,
    Device,
    DeviceBinding,
    Employee,
    EmployeeLocation,
    Location,
    Opd,
    RoleGrant,
    RosterEntry,
    Unit,
)
from api.services.accounts import passwords
from data import demo_catalog as cat

FIRST_DAY = date(1900, 1, 1)


@dataclass
class Person:
    id: int
    nip: str
    name: str
    opd: str
    unit_id: int
    supervisor_id: int | None
    group: str
    post: str
    habit: str = "punctual"


@dataclass
class Org:
    opds: dict = field(default_factory=dict)  # code -> Opd
    groups: dict = field(default_factory=dict)  # code -> ScheduleGroup row
    offices: dict = field(default_factory=dict)  # opd code -> Location
    heads: dict = field(default_factory=dict)  # opd code -> Person
    operators: dict = field(default_factory=dict)
    people: list = field(default_factory=list)
    devices: dict = field(default_factory=dict)  # employee id -> device uid


class Ids:
    """Unique NIPs, NI PPPKs and local ids."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng, self.seen = rng, set()

    def make(self, kind: str, sex: int) -> str:
        while True:
            value = self._candidate(kind, sex)
            if value not in self.seen:
                self.seen.add(value)
                return value

    def _candidate(self, kind: str, sex: int) -> str:
        r = self.rng
        born = date(int(r.integers(1966, 1999)), int(r.integers(1, 13)), int(r.integers(1, 29)))
        seq = int(r.integers(1, 1000))
        if kind == "PTT-PK":
            return f"PTT.{int(r.integers(2015, 2025))}.{int(r.integers(1, 100000)):05d}"
        start = min(born.year + int(r.integers(22, 36)), 2024)
        if kind == "PPPK":
            return f"{born:%Y%m%d}{max(start, 2019)}2{int(r.integers(1, 4))}{sex}{seq:03d}"
        if kind == "CPNS":
            start = 2024
        return f"{born:%Y%m%d}{start}{int(r.integers(1, 13)):02d}{sex}{seq:03d}"


def _name(rng, sex: int) -> str:
    first = rng.choice(cat.FIRST_MALE if sex == 1 else cat.FIRST_FEMALE)
    name = f"{first} {rng.choice(cat.LAST)}"
    degree = rng.choice(cat.DEGREES)
    return f"{name}, {degree}" if degree else name


def build_structure(org: Org, rng, total: int) -> None:
    """OPDs, their units and offices scattered around the town centre."""
    for index, (code, name, short, _group, _weight) in enumerate(opd_catalog(total)):
        org.opds[code] = Opd.create(code=code, name=name, short_name=short,
                                    address=f"Jl. Demo No. {index + 1}, Jember")
        lat = cat.PEMDA_CENTRE[0] + float(rng.normal(0, 0.02))
        lon = cat.PEMDA_CENTRE[1] + float(rng.normal(0, 0.02))
        org.offices[code] = Location.create(opd=org.opds[code], name=f"Kantor {short}",
                                            lat=round(lat, 6), lon=round(lon, 6),
                                            radius_m=int(rng.choice([100, 120, 150])),
                                            tz="Asia/Jakarta")
        for unit_index, unit in enumerate(cat.UNITS.get(code, cat.UNITS["default"])):
            Unit.create(opd=org.opds[code], code=f"U{unit_index + 1}", name=unit)
    Location.create(opd=None, name="Kantor Kecamatan Sumbersari (lokasi alternatif)",
                    kind="alternative", lat=-8.1675, lon=113.7226, radius_m=150,
                    tz="Asia/Jakarta")


MIN_PER_OPD = 8


def opd_catalog(total: int) -> list[tuple]:
    """The OPDs a pemda of this size gets: at least six (with the 6-day OPD and the RSUD),
    one more per 25 employees, all twenty from 500."""
    if total < 6 * MIN_PER_OPD:
        raise SystemExit(f"--employees harus minimal {6 * MIN_PER_OPD}")
    return cat.OPDS[:min(len(cat.OPDS), max(6, total // 25))]


def headcounts(total: int) -> dict[str, int]:
    weights = {code: w for code, _n, _s, _g, w in opd_catalog(total)}
    scale = total / sum(weights.values())
    counts = {code: max(MIN_PER_OPD, int(round(w * scale))) for code, w in weights.items()}
    while sum(counts.values()) != total:  # exact total, never below the minimum
        largest = max(counts, key=counts.get)
        counts[largest] += 1 if sum(counts.values()) < total else -1
    return counts


# of every 100 employees: their attendance habit (data/demo_activity.py HABITS)
HABIT_MIX = ["punctual"] * 75 + ["late"] * 12 + ["early"] * 7 + ["absent"] * 3 + ["both"] * 3


def build_people(org: Org, total: int, rng, start: date) -> None:
    """Employees with posts, supervisors (head → unit heads → staff), habits and ids."""
    ids = Ids(rng)
    next_employee = next_id(Employee)
    kinds, shares = zip(*cat.EMPLOYMENT, strict=True)
    for code, count in headcounts(total).items():
        group = next(g for c, _n, _s, g, _w in cat.OPDS if c == code)
        units = list(Unit.select().where(Unit.opd == org.opds[code]).order_by(Unit.code))
        posts = cat.RSUD_POSTS if code == "RSUD" else cat.STAFF_POSTS
        unit_heads: dict[int, int] = {}
        for index in range(count):
            sex = int(rng.integers(1, 3))
            leader = index <= len(units)  # the head, then one head per unit
            kind = "PNS" if leader else str(rng.choice(kinds, p=shares))
            unit = units[0] if index == 0 else units[(index - 1) % len(units)]
            if index == 0:
                post, supervisor = f"Kepala {org.opds[code].short_name}", None
            elif leader:
                post = "Sekretaris" if unit.name == "Sekretariat" else f"Kepala {unit.name}"
                supervisor = org.heads[code].id
            else:
                post, supervisor = str(rng.choice(posts)), unit_heads[unit.id]
            shift_worker = code == "RSUD" and not leader
            person = Person(
                next_employee, ids.make(kind, sex), _name(rng, sex), code, unit.id, supervisor,
                "RSUD" if shift_worker else ("5HK" if group == "RSUD" else group), post,
                "punctual" if leader else str(rng.choice(HABIT_MIX)))
            person.kind = kind
            person.golongan = str(rng.choice(cat.GOLONGAN[4:] if leader else cat.GOLONGAN))
            next_employee += 1
            org.people.append(person)
            if index == 0:
                org.heads[code] = person
            elif leader:
                unit_heads[unit.id] = person.id
        org.operators[code] = next(p for p in org.people if p.opd == code
                                   and p.unit_id == units[0].id and p.supervisor_id is not None
                                   and p.supervisor_id != org.heads[code].id)
    _insert_people(org, start)


def _insert_people(org: Org, start: date) -> None:
    created = datetime.combine(start - timedelta(days=400), datetime.min.time())
    insert_rows(Employee, ("id", "nip", "name", "jabatan", "golongan", "employment_type", "opd",
                           "unit", "supervisor", "schedule_group", "active", "created_at",
                           "updated_at"),
                ((p.id, p.nip, p.name, p.post, p.golongan, p.kind, org.opds[p.opd].id,
                  p.unit_id, p.supervisor_id, org.groups[p.group].id, True, created, created)
                 for p in org.people))
    insert_rows(EmployeeLocation, ("employee", "location", "primary"),
                ((p.id, org.offices[p.opd].id, True) for p in org.people))
    insert_rows(Assignment, ("employee", "opd", "unit", "location", "valid_from", "applied",
                             "reason", "created_at"),
                ((p.id, org.opds[p.opd].id, p.unit_id, org.offices[p.opd].id, FIRST_DAY, True,
                  "Data awal", created) for p in org.people))
    # accounts without a demo login get an unusable random password they must change
    locked = passwords.hash_password(passwords.generate_default_password() * 2)
    insert_rows(Credential, ("employee", "password_hash", "must_change_password", "failed_count"),
                ((p.id, locked, True, 0) for p in org.people))
    device_id = next_id(Device)
    devices, bindings = [], []
    for offset, person in enumerate(org.people):
        uid = f"HP-{person.id:06d}-{abs(hash(person.nip)) % 10**6:06d}"
        org.devices[person.id] = uid
        devices.append((device_id + offset, uid, "personal", "", True, created))
        bindings.append((person.id, device_id + offset, "active", "Data demo", created))
    insert_rows(Device, ("id", "uid", "kind", "label", "active", "created_at"), devices)
    insert_rows(DeviceBinding, ("employee", "device", "status", "note", "requested_at"), bindings)
    reset_sequences([Employee, Device])


def grant_roles(org: Org) -> None:
    rows = []
    for code, head in org.heads.items():
        rows.append((head.id, "kepala_opd", org.opds[code].id))
        rows.append((org.operators[code].id, "operator", org.opds[code].id))
    bkd = [p for p in org.people if p.opd == "BKPSDM" and p.supervisor_id is not None]
    org.admin, org.analis = bkd[-1], bkd[-2]
    rows += [(org.admin.id, "admin", None), (org.analis.id, "analis", None)]
    insert_rows(RoleGrant, ("employee", "role", "opd"), rows)


def build_rosters(org: Org, date_from: date, date_to: date) -> None:
    """Nurses rotate Pagi, Siang, Malam, Malam, off, off (a 6-day cycle)."""
    shifts = {s.code: s.id for s in org.groups["RSUD"].shifts}
    cycle = ["P", "S", "M", "M", None, None]
    days = (date_to - date_from).days + 1
    rows = []
    nurses = [p for p in org.people if p.group == "RSUD"]
    for index, nurse in enumerate(nurses):
        for offset in range(days):
            code = cycle[(index + offset) % len(cycle)]
            rows.append((nurse.id, date_from + timedelta(days=offset),
                         shifts[code] if code else None))
    insert_rows(RosterEntry, ("employee", "work_date", "shift"), rows)

