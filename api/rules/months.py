"""Calendar months as their first days: pure arithmetic shared by closings, tallies,
partitions and sweeps."""
from __future__ import annotations

from datetime import date, timedelta


def month_of(day: date) -> date:
    return day.replace(day=1)


def month_end(month: date) -> date:
    return (month.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def next_month(month: date) -> date:
    return month_end(month) + timedelta(days=1)


def months_between(date_from: date, date_to: date) -> list[date]:
    """The first days of the months from `date_from`'s to `date_to`'s, both included."""
    months, current = [], month_of(date_from)
    while current <= date_to:
        months.append(current)
        current = next_month(current)
    return months


def whole_months(date_from: date, date_to: date) -> tuple[date, date] | None:
    """The first and last month wholly inside [date_from, date_to], when the range starts on
    a month's first day; None when no whole month does."""
    if date_from.day != 1:
        return None
    last = month_of(date_to) if date_to == month_end(date_to) else \
        month_of(month_of(date_to) - timedelta(days=1))
    return (date_from, last) if last >= date_from else None
