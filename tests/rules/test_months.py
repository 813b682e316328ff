"""Calendar months as first days (api/rules/months.py): where the month tally can answer a
date range, and the months a range touches."""
from __future__ import annotations

from datetime import date

import pytest

from api.rules.months import month_end, months_between, next_month, whole_months


@pytest.mark.parametrize(("date_from", "date_to", "expected"), [
    (date(2026, 1, 1), date(2026, 3, 2), (date(2026, 1, 1), date(2026, 2, 1))),
    (date(2026, 1, 1), date(2026, 3, 31), (date(2026, 1, 1), date(2026, 3, 1))),
    (date(2026, 1, 1), date(2026, 1, 30), None),  # January not over yet
    (date(2026, 1, 2), date(2026, 12, 31), None),  # does not start on a first day
    (date(2024, 2, 1), date(2024, 2, 29), (date(2024, 2, 1), date(2024, 2, 1))),  # leap year
    (date(2025, 12, 1), date(2026, 1, 15), (date(2025, 12, 1), date(2025, 12, 1))),
])
def test_whole_months(date_from, date_to, expected):
    assert whole_months(date_from, date_to) == expected


def test_month_arithmetic_across_years_and_leap_days():
    assert month_end(date(2024, 2, 1)) == date(2024, 2, 29)
    assert month_end(date(2026, 2, 1)) == date(2026, 2, 28)
    assert next_month(date(2026, 12, 1)) == date(2027, 1, 1)
    assert months_between(date(2025, 11, 17), date(2026, 2, 3)) == [
        date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    assert months_between(date(2026, 4, 5), date(2026, 3, 31)) == []
