"""Month closing per OPD and the guards every write of a past day goes through.

New entries (absences, manual attendance, corrections, cancellations) are accepted only for
the current month or a month an admin reopened (Pasal 11(3)–(5)); decisions on items already
pending are accepted until the month is closed. A closed month is read-only until reopened.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from flask import current_app

from api import clock
from api.db import database, is_postgres, write_transaction
from api.errors import ApiError
from api.formats import month_text
from api.messages import message
from api.models import (
    AbsenceRequest,
    Cancellation,
    CheckinEvent,
    DailyRecord,
    Employee,
    MonthClosing,
    Opd,
    StoredFile,
)
from api.rules.months import month_end, month_of, months_between  # noqa: F401 - exported
from api.services import audit, daily
from api.services.org import snapshot

CLOSED, REOPENED = "closed", "reopened"
MONTH_LOCK_SPACE = 4244


def _lock(pairs: Iterable[tuple[int, date]], exclusive: bool = False) -> None:
    """On PostgreSQL, writers of a month share a lock that closing takes exclusively."""
    if not is_postgres():
        return  # SQLite: BEGIN IMMEDIATE already serialises every writer
    function = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    for opd_id, month in sorted(set(pairs)):
        key = (MONTH_LOCK_SPACE << 40) | (opd_id << 20) | (month.year * 12 + month.month - 1)
        database.execute_sql(f"SELECT {function}(%s)", (key,))


def opd_months(employee_id: int, days: Iterable[date]) -> set[tuple[int, date]]:
    """(OPD, month) pairs an employee's days belong to (mutation history respected)."""
    return _opd_months((employee_id, day) for day in days)


def _opd_months(pairs: Iterable[tuple[int, date]]) -> set[tuple[int, date]]:
    pairs = list(pairs)
    postings = daily.load_postings(sorted({e for e, _ in pairs}),
                                   current_app.config["PEMDA_TZ"])
    found = set()
    for employee_id, day in pairs:
        posting = daily.posting_on(postings.get(employee_id, []), day)
        if posting is not None:
            found.add((posting.opd_id, month_of(day)))
    return found


def opd_on(employee_id: int, day: date) -> int:
    """The OPD an employee belonged to on a date."""
    postings = daily.load_postings([employee_id], current_app.config["PEMDA_TZ"])
    posting = daily.posting_on(postings.get(employee_id, []), day)
    return posting.opd_id if posting else Employee.get_by_id(employee_id).opd_id


def statuses(pairs: Iterable[tuple[int, date]]) -> dict[tuple[int, date], str]:
    pairs = set(pairs)
    if not pairs:
        return {}
    query = MonthClosing.select(MonthClosing.opd, MonthClosing.month, MonthClosing.status).where(
        MonthClosing.opd.in_([p[0] for p in pairs]),
        MonthClosing.month.in_([p[1] for p in pairs]))
    return {(opd, month): status for opd, month, status in query.tuples() if (opd, month) in pairs}


def _closed_error(opd_id: int, month: date) -> ApiError:
    opd = Opd.get_by_id(opd_id)
    return ApiError("MONTH_CLOSED", 409, details={"opd_id": opd_id, "month": f"{month:%Y-%m}"},
                    message_text=message("MONTH_CLOSED_FOR").format(month=month_text(month),
                                                                    opd=opd.name))


def require_not_closed(employee_id: int, days: Iterable[date]) -> None:
    """Refuse a write touching an employee's day in a closed month (call inside the write)."""
    _require_open(opd_months(employee_id, days))


def _require_open(pairs: set[tuple[int, date]]) -> None:
    _lock(pairs)
    for pair, status in statuses(pairs).items():
        if status == CLOSED:
            raise _closed_error(*pair)


def require_entry_window(employee_id: int, days: Iterable[date], today: date) -> None:
    """New entries: the current month, or a month reopened for the employee's OPD."""
    require_window(opd_months(employee_id, days), today)


def require_window(pairs: set[tuple[int, date]], today: date) -> None:
    """(OPD, month) pairs are open for new entries (call inside the write)."""
    _lock(pairs)
    found = statuses(pairs)
    for pair in sorted(pairs):
        if found.get(pair) == CLOSED:
            raise _closed_error(*pair)
    for pair in sorted(pairs):
        if pair[1] != month_of(today) and found.get(pair) != REOPENED:
            raise ApiError("OUTSIDE_CURRENT_MONTH", 409,
                           details={"month": f"{pair[1]:%Y-%m}", "opd_id": pair[0]})


def require_months_open(date_from: date, date_to: date) -> None:
    """Pemda-wide schedule edits (holidays, schedule periods) may not touch a closed month."""
    row = (MonthClosing.select().where(MonthClosing.status == CLOSED,
                                       MonthClosing.month.in_(months_between(date_from, date_to)))
           .order_by(MonthClosing.month).first())
    if row is not None:
        raise _closed_error(row.opd_id, row.month)


def require_days_open(pairs: Iterable[tuple[int, date]]) -> None:
    """(employee id, date) pairs, e.g. roster entries, may not fall in a closed month."""
    _require_open(_opd_months(pairs))


def earliest_closing(month: date) -> date:
    """The first day the month may be closed: CLOSING_DEADLINE_DAYS after its last day."""
    return month_end(month) + timedelta(days=current_app.config["CLOSING_DEADLINE_DAYS"] + 1)


def member_ids(opd_id: int, month: date) -> list[int]:
    """Employees whose days of that month belong to the OPD, and its current employees."""
    recorded = (DailyRecord.select(DailyRecord.employee).distinct()
                .where(DailyRecord.opd == opd_id,
                       DailyRecord.work_date.between(month, month_end(month))))
    ids = {row[0] for row in recorded.tuples()}
    ids |= {row[0] for row in Employee.select(Employee.id).where(Employee.opd == opd_id).tuples()}
    return sorted(ids)


def pending_counts(opd_id: int, month: date, ids: list[int]) -> dict[str, int]:
    last = month_end(month)
    return {
        "checkins": CheckinEvent.select().where(
            CheckinEvent.approval == "pending", CheckinEvent.employee.in_(ids),
            CheckinEvent.work_date.between(month, last)).count(),
        "absences": AbsenceRequest.select().where(
            AbsenceRequest.status == "pending", AbsenceRequest.employee.in_(ids),
            AbsenceRequest.date_from <= last, AbsenceRequest.date_to >= month).count(),
        "cancellations": Cancellation.select().where(
            Cancellation.status == "pending", Cancellation.employee.in_(ids),
            Cancellation.work_date.between(month, last)).count(),
    }


def close(actor_id: int, opd_id: int, month: date, today: date, now: datetime) -> MonthClosing:
    """Close an ended month for one OPD: final records, then read-only."""
    month = month_of(month)
    first_day = earliest_closing(month)
    if today < first_day:
        raise ApiError("MONTH_NOT_ENDED", 409, details={"earliest": first_day.isoformat()},
                       message_text=message("MONTH_NOT_ENDED").format(
                           month=month_text(month), first_day=first_day.isoformat()))
    ids = member_ids(opd_id, month)
    with write_transaction():
        _lock([(opd_id, month)], exclusive=True)
        row = MonthClosing.get_or_none(MonthClosing.opd == opd_id, MonthClosing.month == month)
        if row is not None and row.status == CLOSED:
            raise ApiError("MONTH_ALREADY_CLOSED", 409)
        pending = pending_counts(opd_id, month, ids)
        if any(pending.values()):
            raise ApiError("MONTH_HAS_PENDING", 409, details={"pending": pending},
                           message_text=message("MONTH_HAS_PENDING").format(
                               month=month_text(month)))
        if ids:  # the records become final: days without any event are TK now
            daily.recompute_range(month, month_end(month), ids, now)
        before = snapshot(row) if row else None
        stamp = clock.utc_naive(now)
        if row is None:
            row = MonthClosing.create(opd=opd_id, month=month, status=CLOSED, closed_by=actor_id,
                                      closed_at=stamp)
        else:
            row.status, row.closed_by, row.closed_at = CLOSED, actor_id, stamp
            row.save()
        selfies = _expire_selfies(ids, month, today)
        audit.record(actor_id, "month.close", "month_closing", row.id, before,
                     {**snapshot(row), "selfies_expiring": selfies})
    return row


def _expire_selfies(ids: list[int], month: date, today: date) -> int:
    """Out-of-office selfies were kept until the month is closed (SPEC §4); now they age."""
    retain = today + timedelta(days=current_app.config["SELFIE_RETENTION_DAYS"])
    selfies = (CheckinEvent.select(CheckinEvent.selfie)
               .where(CheckinEvent.out_of_office, CheckinEvent.employee.in_(ids),
                      CheckinEvent.work_date.between(month, month_end(month)),
                      CheckinEvent.selfie.is_null(False)))
    return (StoredFile.update(retain_until=retain)
            .where(StoredFile.id.in_(selfies), StoredFile.retain_until.is_null())
            .execute())


def reopen(actor_id: int, row: MonthClosing, reason: str, now: datetime) -> MonthClosing:
    with write_transaction():
        _lock([(row.opd_id, row.month)], exclusive=True)
        updated = (MonthClosing.update(status=REOPENED, reopened_by=actor_id,
                                       reopened_at=clock.utc_naive(now),
                                       reopen_reason=reason.strip())
                   .where(MonthClosing.id == row.id, MonthClosing.status == CLOSED).execute())
        if not updated:
            raise ApiError("MONTH_NOT_CLOSED", 409)
        after = MonthClosing.get_by_id(row.id)
        audit.record(actor_id, "month.reopen", "month_closing", row.id, snapshot(row),
                     snapshot(after))
    return after


def closings_query(opd_ids: Iterable[int] | None, year: int | None):
    query = (MonthClosing.select(MonthClosing, Opd.name.alias("opd_name")).join(Opd)
             .order_by(MonthClosing.month.desc(), Opd.code))
    if opd_ids is not None:
        query = query.where(MonthClosing.opd.in_(list(opd_ids)))
    if year is not None:
        query = query.where(MonthClosing.month.between(date(year, 1, 1), date(year, 12, 31)))
    return query.objects()


def closing_dict(row: MonthClosing) -> dict:
    return {
        "id": row.id, "opd_id": row.opd_id,
        "opd_name": getattr(row, "opd_name", None) or row.opd.name,
        "month": f"{row.month:%Y-%m}", "status": row.status, "closed_by": row.closed_by,
        "closed_at": row.closed_at, "reopened_by": row.reopened_by,
        "reopened_at": row.reopened_at, "reopen_reason": row.reopen_reason,
    }
