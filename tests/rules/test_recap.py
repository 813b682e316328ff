"""Lampiran II recap columns from a month of day records."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from api.rules.daily_status import DayResult, Punch, compute_day
from api.rules.recap import month_recap
from api.rules.schedule import resolve_day
from api.rules.schedule_defaults import jember_5day

from .helpers import at


def r(status, workday=True, late=0, early=0):
    return DayResult(date(2026, 8, 3), workday, status, late_minutes=late, early_minutes=early)


def test_columns():
    days = [r("H", late=15), r("H", late=45, early=20), r("WFH"), r("TM"), r("TP", late=5),
            r("TK"), r("TK"), r("CT"), r("S"), r("DL"), r("DIK"), r("TB"), r("I"),
            r("LIBUR", workday=False), r("LIBUR", workday=False), r("BELUM")]  # fmt: skip
    recap = month_recap(days)
    assert (recap.workdays, recap.present_days, recap.pending_days) == (14, 5, 1)
    assert (recap.late_minutes, recap.early_minutes) == (65, 20)
    assert (recap.tk_days, recap.leave_days, recap.izin_days) == (2, 5, 1)
    assert recap.attendance_percent == round(100 * 5 / 13, 2)


@pytest.mark.parametrize(
    ("days", "percent"),
    [([], 0.0), ([r("BELUM")], 0.0), ([r("H")] * 20, 100.0), ([r("H")] * 19 + [r("TK")], 95.0)],
)
def test_attendance_percent(days, percent):
    assert month_recap(days).attendance_percent == percent


def test_a_corrected_day_off_is_not_a_workday():
    assert month_recap([r("LIBUR", workday=True), r("H")]).workdays == 1


def test_unknown_status():
    with pytest.raises(ValueError, match="tidak dikenal"):
        month_recap([r("XX")])


def test_august_2026_end_to_end(calendar, policy):
    # Every workday of August 2026 on time except 18 Aug TK, 19 Aug DL, 20 Aug 31 minutes
    # late; 17 Aug (Kemerdekaan) and 25 Aug (Maulid Nabi) are holidays; now = 1 September.
    group, now = jember_5day(), at(date(2026, 9, 1), "08:00")
    results = []
    for offset in range(31):
        day = date(2026, 8, 1) + timedelta(offset)
        schedule = resolve_day(day, group, calendar, "Asia/Jakarta")
        arrival = "07:31" if day.day == 20 else "06:55"
        punches = [Punch("in", at(day, arrival)), Punch("out", at(day, "15:05"))]
        if day == date(2026, 8, 18):
            punches = []
        absence = "DL" if day == date(2026, 8, 19) else None
        results.append(compute_day(schedule, punches, absence, policy, now))
    recap = month_recap(results)
    assert recap.workdays == 19  # 21 weekdays minus two holidays
    assert (recap.tk_days, recap.leave_days, recap.late_minutes) == (1, 1, 31)
    assert recap.present_days == 17
