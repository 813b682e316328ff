"""Fixtures of the rules tests: the default policy and a holiday calendar built once."""
from __future__ import annotations

import pytest

from api.rules import Policy, build_calendar
from api.rules.calendar import HolidayCalendar


@pytest.fixture(scope="session")
def calendar() -> HolidayCalendar:
    return build_calendar(range(2024, 2028))


@pytest.fixture
def policy() -> Policy:
    return Policy()
