"""A synthetic pemda month for the recap benchmark, written with bulk inserts.

Independent of the demo generator: OPDs, units, offices, N employees (5-day, one 6-day OPD,
one hospital on shift rosters), accepted check-in events for every workday of the month with
a realistic spread of arrivals and departures, a few days without events (→ TK), mutations in
mid-month, and fraud-looking events (mock flags, a shared-coordinate cluster, shared phones).
"""
from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import numpy as np

from api.db import database, is_postgres
from api.models import (
    Assignment,
    CheckinEvent,
    Credential,
    Employee,
    EmployeeLocation,
    Location,
    Opd,
    RoleGrant,
    RosterEntry,
    Shift,
    Unit,
)
from api.services import schedules
from api.services.accounts import passwords
from api.services.schedules import ensure_default_schedules

TZ = "Asia/Jakarta"
UNITS_PER_OPD = 6
BATCH = 5000
ABSENCE_MIX = ("CT", "S", "DL", "I", "DIK", "CS")
FIRST_DAY = date(1900, 1, 1)


def _bulk(model, fields, rows) -> None:
    """Insert tuples in big batches (raw executemany: the ORM per-row cost is the bottleneck).
    Columns added since that are not null get their model default (the ORM's job otherwise)."""
    extra = [name for name, field in model._meta.fields.items()
             if name not in fields and not field.null and field.default is not None
             and not callable(field.default) and not field.primary_key]
    if extra:
        defaults = tuple(model._meta.fields[name].default for name in extra)
        fields, rows = [*fields, *extra], [(*row, *defaults) for row in rows]
    columns = ", ".join(f'"{model._meta.fields[f].column_name}"' for f in fields)
    mark = "%s" if is_postgres() else "?"
    sql = (f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES '
           f'({", ".join([mark] * len(fields))})')
    cursor = database.cursor()
    if is_postgres():
        from psycopg2.extras import execute_values

        template = "(" + ", ".join(["%s"] * len(fields)) + ")"
        head = sql.split(" VALUES ")[0] + " VALUES %s"
        for start in range(0, len(rows), BATCH * 4):
            execute_values(cursor, head, rows[start:start + BATCH * 4], template=template,
                           page_size=BATCH)
    else:
        for start in range(0, len(rows), BATCH * 4):
            cursor.executemany(sql, rows[start:start + BATCH * 4])


def _org(n_opds: int, now: datetime):
    opds = [{"code": f"OPD{i:03d}", "name": f"Dinas Sintetis {i:03d}",
             "short_name": f"DS{i:03d}", "address": f"Jl. Contoh No. {i}, Jember",
             "active": True, "created_at": now} for i in range(1, n_opds + 1)]
    Opd.insert_many(opds).execute()
    opd_ids = [o.id for o in Opd.select(Opd.id).order_by(Opd.id)]
    Unit.insert_many([{"opd": o, "code": f"U{u}", "name": f"Bidang {u}", "active": True}
                      for o in opd_ids for u in range(1, UNITS_PER_OPD + 1)]).execute()
    units = {}
    for unit_id, opd_id in Unit.select(Unit.id, Unit.opd).tuples():
        units.setdefault(opd_id, []).append(unit_id)
    rng = np.random.default_rng(1)
    Location.insert_many([{"opd": o, "name": f"Kantor {o}", "kind": "office",
                           "lat": -8.17 + rng.uniform(-0.05, 0.05),
                           "lon": 113.70 + rng.uniform(-0.05, 0.05), "radius_m": 150, "tz": TZ,
                           "active": True} for o in opd_ids]).execute()
    locations = dict(Location.select(Location.opd, Location.id).tuples())
    return opd_ids, units, locations


def _employees(n: int, opd_ids, units, locations, groups, now: datetime, rng):
    """Employees spread unevenly over the OPDs; OPD 2 works 6 days, OPD 3 is the hospital."""
    weights = rng.pareto(1.2, len(opd_ids)) + 1
    opd_of = rng.choice(opd_ids, size=n, p=weights / weights.sum())
    group_of = np.where(opd_of == opd_ids[1], groups["6HK"].id,
                        np.where(opd_of == opd_ids[2], groups["RSUD"].id, groups["5HK"].id))
    unit_of = [units[o][i % UNITS_PER_OPD] for i, o in enumerate(opd_of)]
    joined = now.replace(year=2020)
    rows = [(f"SINTETIS{i:08d}", f"Pegawai {i:05d}", "Analis" if i % 3 else "Pengelola",
             "III/a", "PNS", int(o), int(u), int(g), True, joined, joined)
            for i, (o, u, g) in enumerate(zip(opd_of, unit_of, group_of, strict=True))]
    _bulk(Employee, ["nip", "name", "jabatan", "golongan", "employment_type", "opd", "unit",
                     "schedule_group", "active", "created_at", "updated_at"], rows)
    ids = [e for (e,) in Employee.select(Employee.id).order_by(Employee.id).tuples()]
    _bulk(Assignment, ["employee", "opd", "unit", "location", "valid_from", "applied", "reason",
                       "created_at"],
          [(e, int(o), int(u), locations[int(o)], FIRST_DAY, True, "Data awal", now)
           for e, o, u in zip(ids, opd_of, unit_of, strict=True)])
    _bulk(EmployeeLocation, ["employee", "location", "primary"],
          [(e, locations[int(o)], True) for e, o in zip(ids, opd_of, strict=True)])
    return np.array(ids), opd_of, np.array(unit_of), group_of


def _people(ids, opd_ids, opd_of, now: datetime) -> int:
    """A kepala_opd per OPD (the signature block) and one admin who can log in."""
    heads = {}
    for employee_id, opd_id in zip(ids, opd_of, strict=True):
        heads.setdefault(int(opd_id), int(employee_id))
    RoleGrant.insert_many([{"employee": e, "role": "kepala_opd", "opd": o, "granted_at": now}
                           for o, e in heads.items()]).execute()
    admin = int(ids[0])
    RoleGrant.create(employee=admin, role="admin", opd=None, granted_at=now)
    Credential.create(employee=admin, password_hash=passwords.hash_password("Bench12345"),
                      must_change_password=False)
    return admin


def _rosters(ids, group_of, groups, days: list[date]) -> None:
    shifts = {s.code: s.id for s in Shift.select().where(Shift.group == groups["RSUD"].id)}
    cycle = [shifts["P"], shifts["P"], shifts["S"], shifts["S"], shifts["M"], None, None]
    nurses = ids[group_of == groups["RSUD"].id]
    _bulk(RosterEntry, ["employee", "work_date", "shift"],
          [(int(e), d, cycle[(k + i) % 7]) for k, e in enumerate(nurses)
           for i, d in enumerate(days)])


def _events(ids, group_of, days: list[date], rng, now: datetime) -> int:
    """Accepted IN/OUT events for every scheduled day, resolved with the real schedule book."""
    book = schedules.ScheduleBook.load(days[0], days[-1], None)
    rows = []
    n = len(ids)
    for day in days:
        missing = rng.random(n) < 0.04
        no_in = rng.random(n) < 0.01
        no_out = rng.random(n) < 0.02
        arrive = np.where(rng.random(n) < 0.85, -rng.uniform(1, 60, n), rng.exponential(25, n))
        leave = np.where(rng.random(n) < 0.9, rng.uniform(1, 90, n), -rng.exponential(30, n))
        per_group = {}
        for k, employee_id in enumerate(ids):
            if missing[k]:
                continue
            g = int(group_of[k])
            key = (g, day) if book.groups[g].kind == "weekly" else None
            sched = per_group.get(key) if key else None
            if sched is None:
                sched = book.day(int(employee_id), g, day, TZ)
                if key:
                    per_group[key] = sched
            if not sched.workday:
                continue
            stamp = f"{employee_id}-{day.isoformat()}"
            if not no_in[k]:
                at = sched.checkin_close + timedelta(minutes=float(arrive[k]))
                rows.append(_event(int(employee_id), "in", at, day, stamp, now))
            if not no_out[k]:
                at = sched.checkout_open + timedelta(minutes=float(leave[k]))
                rows.append(_event(int(employee_id), "out", at, day, stamp, now))
    _bulk(CheckinEvent, EVENT_FIELDS, rows)
    return len(rows)


EVENT_FIELDS = ["employee", "kind", "status", "codes", "recorded_at", "work_date", "lat", "lon",
                "accuracy_m", "is_mock", "device_uid", "out_of_office", "selfie_sha256", "note",
                "idempotency_key", "decision_reason", "response", "created_at"]


def _event(employee_id, kind, at, day, stamp, now, status="ACCEPTED", codes="", lat=None,
           lon=None, mock=False, device=None):
    utc = at.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)
    lat = -8.17 if lat is None else lat  # placed at the office by `gps_noise` afterwards
    lon = 113.70 if lon is None else lon
    return (employee_id, kind, status, codes, utc, day, lat, lon, 8.0, mock,
            device or f"dev-{employee_id}", False, "", "", f"{stamp}-{kind}-{codes}", "", "{}",
            now)


def _fraud(ids, days: list[date], rng, now: datetime) -> int:
    """Mock-location refusals, one cluster at identical coordinates, phones shared by 3."""
    rows = []
    day = days[len(days) // 2]
    at = datetime.combine(day, time(6, 30), tzinfo=ZoneInfo(TZ))
    for employee_id in rng.choice(ids, 300, replace=False):
        rows.append(_event(int(employee_id), "in", at, day, f"mock-{employee_id}", now,
                           "REJECTED", "MOCK_LOCATION", mock=True))
    for employee_id in rng.choice(ids, 60, replace=False):
        rows.append(_event(int(employee_id), "in", at, day, f"cluster-{employee_id}", now,
                           "REJECTED", "FACE_MISMATCH", lat=-8.123456, lon=113.654321))
    for k, employee_id in enumerate(rng.choice(ids, 90, replace=False)):
        rows.append(_event(int(employee_id), "in", at, day, f"shared-{employee_id}", now,
                           "REJECTED", "DEVICE_SHARED", device=f"shared-phone-{k // 3}"))
    _bulk(CheckinEvent, EVENT_FIELDS, rows)
    return len(rows)


def _mutations(ids, opd_of, unit_of, opd_ids, units, locations, day: date, rng, now) -> int:
    """300 employees move to another OPD in mid-month (history kept in Assignment)."""
    moved = rng.choice(len(ids), 300, replace=False)
    rows = []
    for k in moved:
        target = int(opd_ids[(opd_ids.index(int(opd_of[k])) + 7) % len(opd_ids)])
        rows.append((int(ids[k]), target, units[target][0], locations[target], day, True,
                     "Mutasi (sintetis)", now))
        Employee.update(opd=target, unit=units[target][0]).where(
            Employee.id == int(ids[k])).execute()
    _bulk(Assignment, ["employee", "opd", "unit", "location", "valid_from", "applied", "reason",
                       "created_at"], rows)
    return len(rows)


# ±0.0003° (~±33 m), continuous; latitude and longitude from different multipliers (one
# multiplier for both put every fix of an office on one line: 5,490 positions for 2 M fixes)
NOISE = "((({id} * {factor}) % 600001) - 300000) * 1e-9"


def gps_noise() -> None:
    """Accepted attempts lie around their employee's office, as real fixes wander."""
    row_id = "e.id::bigint" if is_postgres() else "checkin_event.id"
    lat_noise = NOISE.format(id=row_id, factor=2654435761)
    lon_noise = NOISE.format(id=row_id, factor=40503)
    if is_postgres():  # psycopg2 reads % as a placeholder mark
        lat_noise, lon_noise = lat_noise.replace("%", "%%"), lon_noise.replace("%", "%%")
        database.execute_sql(
            f"UPDATE checkin_event AS e SET lat = l.lat + {lat_noise}, lon = l.lon + {lon_noise} "
            "FROM employee_location AS el JOIN location AS l ON l.id = el.location_id "
            "WHERE el.employee_id = e.employee_id AND el.\"primary\" AND e.codes = ''")
        return
    database.execute_sql(
        "UPDATE checkin_event SET "
        f"lat = (SELECT l.lat FROM employee_location el JOIN location l ON l.id = el.location_id"
        f" WHERE el.employee_id = checkin_event.employee_id AND el.\"primary\") + {lat_noise}, "
        f"lon = (SELECT l.lon FROM employee_location el JOIN location l ON l.id = el.location_id"
        f" WHERE el.employee_id = checkin_event.employee_id AND el.\"primary\") + {lon_noise} "
        "WHERE codes = ''")


def placeholder_records(days: list[date], now: datetime) -> int:
    """One BELUM record per employee and date, written date by date.

    The nightly job creates each day's records for everyone, so a live table is laid out
    date-major; the recompute then updates rows in place (ON CONFLICT keeps the row)."""
    from api.models import DailyRecord

    people = list(Employee.select(Employee.id, Employee.opd, Employee.unit).tuples())
    rows = [(e, d, o, u, True, "BELUM", "BELUM", 0, 0, 0, 0, "system", False, now)
            for d in days for e, o, u in people]
    _bulk(DailyRecord, ["employee", "work_date", "opd", "unit", "workday", "status", "label",
                        "late_minutes", "early_minutes", "late_tier", "early_tier", "source",
                        "has_pending", "computed_at"], rows)
    return len(rows)


def build(n_employees: int, first: date, last: date, seed: int = 7) -> dict:
    """Write the whole synthetic pemda; returns counts and the admin's employee id."""
    rng = np.random.default_rng(seed)
    now = datetime(first.year, first.month, 1)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    groups = ensure_default_schedules()
    stats: dict = {}
    with database.atomic():
        opd_ids, units, locations = _org(max(10, n_employees // 1100), now)
        ids, opd_of, unit_of, group_of = _employees(n_employees, opd_ids, units, locations,
                                                    groups, now, rng)
        stats["admin_id"] = _people(ids, opd_ids, opd_of, now)
        _rosters(ids, group_of, groups, days)
    with database.atomic():
        stats["events"] = _events(ids, group_of, days, rng, now)
        gps_noise()
        stats["fraud_events"] = _fraud(ids, days, rng, now)
        stats["mutations"] = _mutations(ids, opd_of, unit_of, opd_ids, units, locations,
                                        days[len(days) // 2], rng, now)
    with database.atomic():
        stats["placeholder_records"] = placeholder_records(days, now)
    stats.update(opds=len(opd_ids), employees=len(ids))
    return stats


def sprinkle_absences(first: date, last: date, share: float = 0.6, seed: int = 11) -> int:
    """Turn part of the TK days into approved absences, as the absence flow (issue 4) would.

    Runs after the recompute (which knows no absences yet) so the recap sees every kind."""
    rng = np.random.default_rng(seed)
    from api.models import DailyRecord
    from api.services.daily import refresh_tally

    tk = [r for (r,) in DailyRecord.select(DailyRecord.id).where(
        DailyRecord.work_date.between(first, last), DailyRecord.status == "TK").tuples()]
    chosen = rng.choice(tk, int(len(tk) * share), replace=False) if tk else []
    codes = rng.choice(ABSENCE_MIX, len(chosen))
    with database.atomic():
        for code in ABSENCE_MIX:
            ids = [int(r) for r, c in zip(chosen, codes, strict=True) if c == code]
            for start in range(0, len(ids), 900):
                DailyRecord.update(status=code, label=code, excused_code=code,
                                   source="absence").where(
                    DailyRecord.id.in_(ids[start:start + 900])).execute()
        refresh_tally(None, [first.replace(day=1)])  # these writes bypass the engine
    return len(chosen)


def describe(stats: dict) -> str:
    return json.dumps(stats, default=str)
