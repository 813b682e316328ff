"""Gather what the daily status engine needs for many employee-days in a few queries."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from api import clock
from api.bulk import as_date, as_datetime, raw_rows
from api.models import AbsenceRequest, Cancellation, CheckinEvent, Correction, ManualEntry
from api.rules.daily_status import DayOverride, Punch


@dataclass
class DayInputs:
    punches: list[Punch] = field(default_factory=list)
    absence_code: str | None = None
    override: DayOverride | None = None
    manual_code: str | None = None
    has_pending: bool = False


Inputs = dict[tuple[int, date], DayInputs]
Loader = Callable[[Inputs, Sequence[int], date, date], None]


def checkin_events(inputs: Inputs, employee_ids: Sequence[int], date_from: date,
                   date_to: date) -> None:
    """Accepted check-ins, and pending ones once the supervisor approved them; an approved
    offline capture counts at its capture time."""
    query = (CheckinEvent
             .select(CheckinEvent.employee, CheckinEvent.work_date, CheckinEvent.kind,
                     CheckinEvent.recorded_at, CheckinEvent.status, CheckinEvent.approval,
                     CheckinEvent.out_of_office, CheckinEvent.offline, CheckinEvent.client_time)
             .where(CheckinEvent.employee.in_(list(employee_ids)),
                    CheckinEvent.work_date.between(date_from, date_to),
                    CheckinEvent.status != "REJECTED"))
    for employee_id, work_date, kind, recorded_at, status, approval, out_of_office, offline, \
            captured_at in raw_rows(query):  # the hot loop of a recompute: no ORM conversion
        day = inputs[(employee_id, as_date(work_date))]
        if status == "PENDING" and approval != "approved":
            day.has_pending = day.has_pending or approval == "pending"
            continue
        at = as_datetime(captured_at if offline else recorded_at)
        day.punches.append(Punch(kind=kind, at=at, source="app",
                                 out_of_office=bool(out_of_office)))


def _clamp(date_from: date, date_to: date, start: date, end: date) -> list[date]:
    first, last = max(date_from, start), min(date_to, end)
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def absence_requests(inputs: Inputs, employee_ids: Sequence[int], date_from: date,
                     date_to: date) -> None:
    """Approved absences give their days a code; pending ones flag the days."""
    query = (AbsenceRequest
             .select(AbsenceRequest.employee, AbsenceRequest.date_from, AbsenceRequest.date_to,
                     AbsenceRequest.code, AbsenceRequest.status)
             .where(AbsenceRequest.employee.in_(list(employee_ids)),
                    AbsenceRequest.status.in_(("pending", "approved")),
                    AbsenceRequest.date_from <= date_to, AbsenceRequest.date_to >= date_from)
             .tuples())
    for employee_id, start, end, code, status in query:
        for day in _clamp(date_from, date_to, start, end):
            if status == "approved":
                inputs[(employee_id, day)].absence_code = code
            else:
                inputs[(employee_id, day)].has_pending = True


def manual_entries(inputs: Inputs, employee_ids: Sequence[int], date_from: date,
                   date_to: date) -> None:
    """The paper daily sheet (Lampiran I): times become manual punches and the code is kept;
    the status engine decides what of it counts (api/rules/precedence.py)."""
    query = (ManualEntry
             .select(ManualEntry.employee, ManualEntry.work_date, ManualEntry.check_in_at,
                     ManualEntry.check_out_at, ManualEntry.code)
             .where(ManualEntry.employee.in_(list(employee_ids)),
                    ManualEntry.work_date.between(date_from, date_to))
             .tuples())
    for employee_id, work_date, check_in_at, check_out_at, code in query:
        day = inputs[(employee_id, work_date)]
        day.manual_code = code or None
        for kind, moment in (("in", check_in_at), ("out", check_out_at)):
            if moment is not None:
                day.punches.append(Punch(kind=kind, at=clock.from_db(moment), source="manual"))


def corrections(inputs: Inputs, employee_ids: Sequence[int], date_from: date,
                date_to: date) -> None:
    """Operators' corrections, oldest first: a time replaces that kind's punches, a code
    forces the day; a later time correction lifts an earlier corrected code."""
    query = (Correction
             .select(Correction.employee, Correction.work_date, Correction.check_in_at,
                     Correction.check_out_at, Correction.code)
             .where(Correction.employee.in_(list(employee_ids)),
                    Correction.work_date.between(date_from, date_to))
             .order_by(Correction.id)
             .tuples())
    for employee_id, work_date, check_in_at, check_out_at, code in query:
        day = inputs[(employee_id, work_date)]
        if code:
            day.override = DayOverride(code, "correction")
            continue
        if day.override is not None and day.override.source == "correction":
            day.override = None
        for kind, moment in (("in", check_in_at), ("out", check_out_at)):
            if moment is not None:
                day.punches = [p for p in day.punches if p.kind != kind]
                day.punches.append(Punch(kind=kind, at=clock.from_db(moment),
                                         source="correction"))


def cancellations(inputs: Inputs, employee_ids: Sequence[int], date_from: date,
                  date_to: date) -> None:
    """Pasal 13: an approved cancellation makes the day TK; a pending one flags it."""
    query = (Cancellation
             .select(Cancellation.employee, Cancellation.work_date, Cancellation.status)
             .where(Cancellation.employee.in_(list(employee_ids)),
                    Cancellation.work_date.between(date_from, date_to),
                    Cancellation.status.in_(("pending", "approved")))
             .tuples())
    for employee_id, work_date, status in query:
        day = inputs[(employee_id, work_date)]
        if status == "approved":
            day.override = DayOverride("TK", "cancellation", "Pembatalan kehadiran (Pasal 13)")
        else:
            day.has_pending = True


# order matters: a cancellation is loaded after the corrections it overrides
LOADERS: list[Loader] = [checkin_events, absence_requests, manual_entries, corrections,
                         cancellations]


def load(employee_ids: Sequence[int], date_from: date, date_to: date) -> Inputs:
    inputs: Inputs = defaultdict(DayInputs)
    for loader in LOADERS:
        loader(inputs, employee_ids, date_from, date_to)
    return inputs
