"""Gather what the daily status engine needs for many employee-days in a few queries."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from api import clock
from api.models import CheckinEvent
from api.rules.daily_status import DayOverride, Punch


@dataclass
class DayInputs:
    punches: list[Punch] = field(default_factory=list)
    absence_code: str | None = None
    override: DayOverride | None = None
    has_pending: bool = False


Inputs = dict[tuple[int, date], DayInputs]
Loader = Callable[[Inputs, Sequence[int], date, date], None]


def checkin_events(inputs: Inputs, employee_ids: Sequence[int], date_from: date,
                   date_to: date) -> None:
    """Accepted check-ins, and out-of-office ones once the supervisor approved them."""
    query = (CheckinEvent
             .select(CheckinEvent.employee, CheckinEvent.work_date, CheckinEvent.kind,
                     CheckinEvent.recorded_at, CheckinEvent.status, CheckinEvent.approval,
                     CheckinEvent.out_of_office)
             .where(CheckinEvent.employee.in_(list(employee_ids)),
                    CheckinEvent.work_date.between(date_from, date_to),
                    CheckinEvent.status != "REJECTED")
             .tuples())
    for employee_id, work_date, kind, recorded_at, status, approval, out_of_office in query:
        day = inputs[(employee_id, work_date)]
        if status == "PENDING" and approval != "approved":
            day.has_pending = day.has_pending or approval == "pending"
            continue
        day.punches.append(Punch(kind=kind, at=clock.from_db(recorded_at), source="app",
                                 out_of_office=bool(out_of_office)))


LOADERS: list[Loader] = [checkin_events]


def load(employee_ids: Sequence[int], date_from: date, date_to: date) -> Inputs:
    inputs: Inputs = defaultdict(DayInputs)
    for loader in LOADERS:
        loader(inputs, employee_ids, date_from, date_to)
    return inputs
