"""Schedule writes (groups, patterns, override periods, shifts, rosters, local days).

Every write is audited and removes exactly what it owns. The days it affects are recomputed
by a background job (api/services/jobs) queued once the write is committed: a period's own
dates up to today (past months included; a closed month refuses the write), a roster's or a
local day's dates, and for the weekly pattern the current month."""
from __future__ import annotations

from datetime import date

from peewee import IntegrityError

from api.db import write_transaction
from api.errors import ApiError
from api.models import (
    Employee,
    LocalDay,
    RosterEntry,
    ScheduleGroup,
    SchedulePattern,
    SchedulePeriod,
    Shift,
)
from api.services import audit, closing, jobs
from api.services.org import snapshot


def check_times(times: dict, where: str) -> None:
    """A weekly day may not cross midnight and its windows must be in order."""
    order = ("checkin_open", "checkin_close", "end")
    problems = []
    if not times["start"] < times["end"]:
        problems.append("Jam mulai harus sebelum jam selesai.")
    if not all(times[a] <= times[b] for a, b in zip(order, order[1:], strict=False)):
        problems.append("Jendela presensi masuk harus di antara buka dan jam selesai.")
    if not times["start"] <= times["checkout_open"] <= times["checkout_close"]:
        problems.append("Jendela presensi pulang tidak berurutan.")
    if (times["break_start"] is None) != (times["break_end"] is None):
        problems.append("Jam istirahat harus lengkap (mulai dan selesai).")
    if problems:
        raise ApiError("INVALID_SCHEDULE", 400, details={where: problems})


def _patterns(group_id: int, period_id: int | None, patterns: list[dict]) -> None:
    weekdays = [p["weekday"] for p in patterns]
    if len(weekdays) != len(set(weekdays)):
        raise ApiError("INVALID_SCHEDULE", 400, details={"patterns": ["Hari ganda."]})
    for pattern in patterns:
        check_times(pattern, f"patterns[{pattern['weekday']}]")
        SchedulePattern.create(group=group_id, period=period_id, **pattern)


def _recompute(actor_id: int, first: date, last: date, today: date,
               employee_ids: list[int] | None, reason: str) -> None:
    """Queue the recompute of these employees over [first, last], as far as today (after
    the change is committed: the worker must see it)."""
    last = min(last, today)
    if first <= last and employee_ids != []:
        jobs.enqueue_recompute(actor_id, first, last, employee_ids, reason)


def _members(group_id: int) -> list[int]:
    return [e.id for e in Employee.select(Employee.id).where(Employee.schedule_group == group_id)]


def create_group(actor_id: int, data: dict) -> ScheduleGroup:
    with write_transaction():
        try:
            group = ScheduleGroup.create(code=data["code"], name=data["name"], kind=data["kind"],
                                         observes_holidays=data["observes_holidays"])
        except IntegrityError as exc:
            raise ApiError("DUPLICATE_CODE", 409) from exc
        _patterns(group.id, None, data["patterns"])
        for shift in data["shifts"]:
            Shift.create(group=group, **shift)
        audit.record(actor_id, "schedule.group.create", "schedule_group", group.id, None, data)
    return group


def replace_patterns(actor_id: int, group: ScheduleGroup, patterns: list[dict],
                     today: date) -> None:
    with write_transaction():
        before = [snapshot(p) for p in group.patterns.where(SchedulePattern.period.is_null())]
        SchedulePattern.delete().where(SchedulePattern.group == group,
                                       SchedulePattern.period.is_null()).execute()
        _patterns(group.id, None, patterns)
        audit.record(actor_id, "schedule.patterns", "schedule_group", group.id, before, patterns)
    _recompute(actor_id, today.replace(day=1), today, today, _members(group.id),
               "schedule.patterns")


def add_period(actor_id: int, group: ScheduleGroup, data: dict,
               today: date) -> SchedulePeriod:
    with write_transaction():
        closing.require_months_open(data["date_from"], data["date_to"])
        overlapping = group.periods.where(SchedulePeriod.date_from <= data["date_to"],
                                          SchedulePeriod.date_to >= data["date_from"])
        if overlapping.exists():
            raise ApiError("CONFLICT", 409, details={"date_from": ["Bertumpang tindih dengan "
                                                                   "periode lain."]})
        period = SchedulePeriod.create(group=group, name=data["name"],
                                       date_from=data["date_from"], date_to=data["date_to"])
        _patterns(group.id, period.id, data["patterns"])
        audit.record(actor_id, "schedule.period.create", "schedule_period", period.id, None, data)
    _recompute(actor_id, period.date_from, period.date_to, today, _members(group.id),
               "schedule.period.create")
    return period


def delete_period(actor_id: int, period: SchedulePeriod, today: date) -> None:
    with write_transaction():
        closing.require_months_open(period.date_from, period.date_to)
        audit.record(actor_id, "schedule.period.delete", "schedule_period", period.id,
                     snapshot(period), None)
        # its own patterns go with it (delete_instance(recursive=True) would only null their
        # period and turn them into the group's weekly pattern)
        SchedulePattern.delete().where(SchedulePattern.period == period.id).execute()
        period.delete_instance()
    _recompute(actor_id, period.date_from, period.date_to, today, _members(period.group_id),
               "schedule.period.delete")


def add_shift(actor_id: int, group: ScheduleGroup, data: dict) -> Shift:
    if group.kind != "shift":
        raise ApiError("INVALID_SCHEDULE", 400, details={"kind": ["Grup ini bukan grup shift."]})
    with write_transaction():
        try:
            shift = Shift.create(group=group, **data)
        except IntegrityError as exc:
            raise ApiError("DUPLICATE_CODE", 409) from exc
        audit.record(actor_id, "schedule.shift.create", "shift", shift.id, None, data)
    return shift


def set_roster(actor_id: int, entries: list[dict], employees: dict[int, Employee],
               today: date) -> int:
    """Upsert roster entries (shift code or None = day off) for shift-group employees."""
    shifts = {(s.group_id, s.code): s.id for s in Shift.select()}
    rows = []
    for index, entry in enumerate(entries):
        employee = employees[entry["employee_id"]]
        shift_id = None
        if entry["shift_code"] is not None:
            shift_id = shifts.get((employee.schedule_group_id, entry["shift_code"]))
            if shift_id is None:
                raise ApiError("INVALID_REFERENCE", 400, details={
                    f"entries[{index}]": [f"Shift {entry['shift_code']} tidak ada di grup "
                                          "jadwal pegawai."]})
        rows.append({"employee": employee.id, "work_date": entry["work_date"], "shift": shift_id})
    with write_transaction():
        closing.require_days_open((e["employee_id"], e["work_date"]) for e in entries)
        for start in range(0, len(rows), 500):
            (RosterEntry.insert_many(rows[start:start + 500])
             .on_conflict(conflict_target=[RosterEntry.employee, RosterEntry.work_date],
                          preserve=[RosterEntry.shift]).execute())
        audit.record(actor_id, "schedule.roster", "roster", len(rows), None, entries)
    past = [e for e in entries if e["work_date"] <= today]
    if past:
        _recompute(actor_id, min(e["work_date"] for e in past),
                   max(e["work_date"] for e in past), today,
                   sorted({e["employee_id"] for e in past}), "schedule.roster")
    return len(rows)


def set_local_day(actor_id: int, data: dict, today: date) -> LocalDay:
    with write_transaction():
        closing.require_months_open(data["date"], data["date"])
        existing = LocalDay.get_or_none(LocalDay.date == data["date"])
        before = snapshot(existing) if existing else None
        if existing:
            existing.action, existing.name, existing.kind = (data["action"], data["name"],
                                                             data["kind"])
            existing.save()
            row = existing
        else:
            row = LocalDay.create(**data)
        audit.record(actor_id, "holiday.set", "local_day", row.id, before, data)
    _recompute(actor_id, data["date"], data["date"], today, None, "holiday.set")
    return row


def delete_local_day(actor_id: int, row: LocalDay, today: date) -> None:
    with write_transaction():
        closing.require_months_open(row.date, row.date)
        audit.record(actor_id, "holiday.delete", "local_day", row.id, snapshot(row), None)
        day = row.date
        row.delete_instance()
    _recompute(actor_id, day, day, today, None, "holiday.delete")
