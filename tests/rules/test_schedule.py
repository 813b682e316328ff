"""The schedule resolver: Perbup Jember 55/2021 Pasal 9 tables, holidays, Ramadan, shifts."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from api.rules.calendar import LocalDay, build_calendar
from api.rules.schedule import (
    NOT_ROSTERED,
    DayPattern,
    OverridePeriod,
    ScheduleGroup,
    Shift,
    WeeklyPattern,
    anchor,
    candidate_dates,
    pick_work_date,
    resolve_day,
    window_check,
)
from api.rules.schedule_defaults import (
    day,
    hm,
    jember_5day,
    jember_6day,
    ramadan_5day,
    ramadan_6day,
    rsud_group,
    rsud_shifts,
)
from api.rules.tz import WIB, WIT, WITA

from .helpers import at, hhmm

# A week without holidays: Monday 10 .. Sunday 16 August 2026.
WEEK = {name: date(2026, 8, 10 + i) for i, name in enumerate("Mon Tue Wed Thu Fri Sat Sun".split())}
TIMES = ("start", "end", "break_start", "break_end",
         "checkin_open", "checkin_close", "checkout_open", "checkout_close")  # fmt: skip
SHIFTS = {s.code: s for s in rsud_shifts()}


def local_times(d):
    return tuple(hhmm(getattr(d, name)) for name in TIMES)


# Pasal 9(1),(4),(5) / RULES.md §1: start, end, break, check-in window, check-out window.
FIVE_MON_THU = ("07:00", "15:00", None, None, "05:00", "07:00", "15:00", "18:00")
FIVE_FRI = ("07:00", "14:30", "11:00", "13:00", "05:00", "07:00", "14:30", "17:30")
SIX_MON_THU = ("07:00", "14:00", None, None, "05:00", "07:00", "14:00", "17:00")
SIX_FRI = ("07:00", "11:00", None, None, "05:00", "07:00", "11:00", "14:00")
SIX_SAT = ("07:00", "12:30", None, None, "05:00", "07:00", "12:30", "15:30")


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [("Mon", FIVE_MON_THU), ("Tue", FIVE_MON_THU), ("Wed", FIVE_MON_THU), ("Thu", FIVE_MON_THU),
     ("Fri", FIVE_FRI), ("Sat", None), ("Sun", None)],
)  # fmt: skip
def test_jember_5day_table(calendar, weekday, expected):
    d = resolve_day(WEEK[weekday], jember_5day(), calendar, WIB)
    assert d.workday is (expected is not None)
    assert d.source == "weekly"
    if expected is None:
        assert d.off_reason == "WEEKEND"
        assert d.start is None and d.checkout_close is None
    else:
        assert d.off_reason is None
        assert local_times(d) == expected


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [("Mon", SIX_MON_THU), ("Tue", SIX_MON_THU), ("Wed", SIX_MON_THU), ("Thu", SIX_MON_THU),
     ("Fri", SIX_FRI), ("Sat", SIX_SAT), ("Sun", None)],
)  # fmt: skip
def test_jember_6day_table(calendar, weekday, expected):
    d = resolve_day(WEEK[weekday], jember_6day(), calendar, WIB)
    assert d.workday is (expected is not None)
    if expected is not None:
        assert local_times(d) == expected


def test_effective_hours_are_37_5_per_week(calendar):
    # Pasal 9(2): 7.5 effective hours a day, 37.5 a week, breaks excluded.
    for group in (jember_5day(), jember_6day()):
        total = timedelta()
        for d in WEEK.values():
            r = resolve_day(d, group, calendar, WIB)
            if r.workday:
                total += r.end - r.start
                if r.break_start:
                    total -= r.break_end - r.break_start
        assert total == timedelta(hours=37, minutes=30), group.code


MON, FRI, SAT, SUN = WEEK["Mon"], WEEK["Fri"], WEEK["Sat"], WEEK["Sun"]


@pytest.mark.parametrize(
    ("group", "work_date", "kind", "clock", "expected"),
    [
        ("5", MON, "in", "04:59:59", "TOO_EARLY"),
        ("5", MON, "in", "05:00", None),
        ("5", MON, "in", "06:59", None),
        ("5", MON, "in", "07:00", None),
        ("5", MON, "in", "07:01", None),  # late is accepted and counted
        ("5", MON, "in", "14:59", None),
        ("5", MON, "in", "15:00:59", None),
        ("5", MON, "in", "15:01", "WINDOW_CLOSED"),
        ("5", MON, "in", "23:00", "WINDOW_CLOSED"),
        ("5", MON, "out", "05:30", "TOO_EARLY"),
        ("5", MON, "out", "06:59:59", "TOO_EARLY"),
        ("5", MON, "out", "07:00", None),  # early leave is accepted and counted
        ("5", MON, "out", "12:00", None),
        ("5", MON, "out", "15:00", None),
        ("5", MON, "out", "18:00", None),
        ("5", MON, "out", "18:00:59", None),
        ("5", MON, "out", "18:01", "WINDOW_CLOSED"),
        ("5", FRI, "in", "14:30", None),
        ("5", FRI, "in", "14:31", "WINDOW_CLOSED"),
        ("5", FRI, "out", "17:30", None),
        ("5", FRI, "out", "17:31", "WINDOW_CLOSED"),
        ("5", SAT, "in", "07:00", "NOT_WORKDAY"),
        ("5", SUN, "out", "15:00", "NOT_WORKDAY"),
        ("6", SAT, "in", "04:59", "TOO_EARLY"),
        ("6", SAT, "in", "05:00", None),
        ("6", SAT, "out", "15:30", None),
        ("6", SAT, "out", "15:31", "WINDOW_CLOSED"),
        ("6", FRI, "out", "14:00", None),
        ("6", FRI, "out", "14:01", "WINDOW_CLOSED"),
        ("6", FRI, "in", "11:01", "WINDOW_CLOSED"),
        ("6", SUN, "in", "07:00", "NOT_WORKDAY"),
    ],
)
def test_window_check(calendar, group, work_date, kind, clock, expected):
    schedule = jember_5day() if group == "5" else jember_6day()
    d = resolve_day(work_date, schedule, calendar, WIB)
    assert window_check(kind, d, at(work_date, clock)) == expected


def test_window_check_is_zone_independent_for_now(calendar):
    d = resolve_day(MON, jember_5day(), calendar, WIB)
    utc_now = at(MON, "04:59:59").astimezone(UTC)
    assert window_check("in", d, utc_now) == "TOO_EARLY"
    assert window_check("in", d, utc_now + timedelta(seconds=1)) is None


@pytest.mark.parametrize(
    ("bad", "message"), [("in", "timezone-aware"), ("sideways", "'in' atau 'out'")]
)
def test_window_check_rejects(calendar, bad, message):
    d = resolve_day(MON, jember_5day(), calendar, WIB)
    now = datetime(2026, 8, 10, 7, 0) if bad == "in" else at(MON, "07:00")
    with pytest.raises(ValueError, match=message):
        window_check(bad, d, now)


@pytest.mark.parametrize(
    ("group", "work_date", "off_reason", "name"),
    [
        ("5", date(2026, 3, 20), "CUTI_BERSAMA", "Cuti Bersama Hari Raya Idul Fitri"),  # Fri
        ("5", date(2026, 3, 23), "CUTI_BERSAMA", "Cuti Bersama Hari Raya Idul Fitri"),  # Mon
        ("5", date(2026, 8, 17), "HOLIDAY", "Hari Kemerdekaan Republik Indonesia"),  # Mon
        ("5", date(2026, 12, 25), "HOLIDAY", "Hari Raya Natal"),  # Fri
        # Public holidays on a weekend: the holiday is named as the reason.
        ("5", date(2026, 3, 21), "HOLIDAY", "Hari Raya Idul Fitri"),  # Sat
        ("5", date(2026, 3, 22), "HOLIDAY", "Hari kedua dari Hari Raya Idul Fitri"),  # Sun
        ("5", date(2026, 5, 31), "HOLIDAY", "Hari Raya Waisak"),  # Sun
        ("6", date(2026, 3, 21), "HOLIDAY", "Hari Raya Idul Fitri"),  # a 6-day Saturday lost
        ("6", date(2026, 5, 15), "CUTI_BERSAMA", "Cuti Bersama Kenaikan Yesus Kristus"),
    ],
)
def test_holidays_are_not_workdays(calendar, group, work_date, off_reason, name):
    schedule = jember_5day() if group == "5" else jember_6day()
    d = resolve_day(work_date, schedule, calendar, WIB)
    assert (d.workday, d.off_reason, d.holiday_name) == (False, off_reason, name)
    assert window_check("in", d, at(work_date, "07:00")) == "NOT_WORKDAY"


def test_plain_saturday_is_a_6day_workday(calendar):
    assert resolve_day(date(2026, 3, 28), jember_6day(), calendar, WIB).workday
    assert not resolve_day(date(2026, 3, 28), jember_5day(), calendar, WIB).workday


def test_local_holiday_and_removal():
    cal = build_calendar(
        [2026],
        additions=[LocalDay(date(2026, 10, 12), "Hari Jadi Kota Bontang")],
        removals=[date(2026, 12, 24)],
    )
    local = resolve_day(date(2026, 10, 12), jember_5day(), cal, WITA)
    assert (local.workday, local.off_reason, local.holiday_name) == (
        False, "LOCAL_HOLIDAY", "Hari Jadi Kota Bontang",
    )  # fmt: skip
    assert resolve_day(date(2026, 12, 24), jember_5day(), cal, WITA).workday


def test_group_that_ignores_holidays_still_names_them(calendar):
    group = replace(jember_5day(), observes_holidays=False)
    d = resolve_day(date(2026, 8, 17), group, calendar, WIB)
    assert d.workday and d.holiday_name == "Hari Kemerdekaan Republik Indonesia"


def test_unloaded_year_is_an_error_not_a_workday(calendar):
    with pytest.raises(ValueError, match="2030 belum dimuat"):
        resolve_day(date(2030, 1, 2), jember_5day(), calendar, WIB)


# Ramadan period of the test: Thu 19 Feb .. Thu 12 Mar 2026 (the year's SE gives real dates).
RAMADAN = (date(2026, 2, 19), date(2026, 3, 12))
R5_MON_THU = ("08:00", "15:00", "12:00", "12:30", "06:00", "08:00", "15:00", "18:00")
R5_FRI = ("08:00", "15:30", "11:30", "12:30", "06:00", "08:00", "15:30", "18:30")
R6_OTHER = ("08:00", "14:00", None, None, "06:00", "08:00", "14:00", "17:00")
R6_FRI = ("08:00", "14:30", None, None, "06:00", "08:00", "14:30", "17:30")


@pytest.mark.parametrize(
    ("group", "work_date", "expected", "source"),
    [
        ("5", date(2026, 2, 18), FIVE_MON_THU, "weekly"),  # the day before
        ("5", date(2026, 2, 19), R5_MON_THU, "override:Ramadan"),  # first day, inclusive
        ("5", date(2026, 3, 2), R5_MON_THU, "override:Ramadan"),
        ("5", date(2026, 3, 6), R5_FRI, "override:Ramadan"),
        ("5", date(2026, 3, 7), None, "override:Ramadan"),  # Saturday
        ("5", date(2026, 3, 12), R5_MON_THU, "override:Ramadan"),  # last day, inclusive
        ("5", date(2026, 3, 13), FIVE_FRI, "weekly"),  # the day after
        ("6", date(2026, 3, 2), R6_OTHER, "override:Ramadan"),
        ("6", date(2026, 3, 6), R6_FRI, "override:Ramadan"),
        ("6", date(2026, 3, 7), R6_OTHER, "override:Ramadan"),
        ("6", date(2026, 3, 8), None, "override:Ramadan"),
    ],
)
def test_ramadan_override(calendar, group, work_date, expected, source):
    if group == "5":
        schedule = jember_5day([ramadan_5day(*RAMADAN)])
    else:
        schedule = jember_6day([ramadan_6day(*RAMADAN)])
    d = resolve_day(work_date, schedule, calendar, WIB)
    assert d.source == source
    assert d.workday is (expected is not None)
    if expected is not None:
        assert local_times(d) == expected


def test_ramadan_5day_is_32_5_hours(calendar):
    group = jember_5day([ramadan_5day(date(2026, 2, 23), date(2026, 3, 1))])
    total = timedelta()
    for offset in range(7):
        r = resolve_day(date(2026, 2, 23) + timedelta(offset), group, calendar, WIB)
        if r.workday:
            total += (r.end - r.start) - (r.break_end - r.break_start)
    assert total == timedelta(hours=32, minutes=30)


def test_holiday_inside_an_override_is_still_off(calendar):
    group = jember_5day([ramadan_5day(date(2026, 2, 19), date(2026, 3, 19))])
    d = resolve_day(date(2026, 3, 18), group, calendar, WIB)  # cuti bersama Nyepi
    assert (d.workday, d.off_reason, d.source) == (False, "CUTI_BERSAMA", "override:Ramadan")


@pytest.mark.parametrize(
    ("code", "times", "end_days", "close_days"),
    [
        ("P", ("07:00", "14:00", None, None, "05:00", "07:00", "14:00", "17:00"), 0, 0),
        ("S", ("14:00", "21:00", None, None, "12:00", "14:00", "21:00", "00:00"), 0, 1),
        ("M", ("21:00", "07:00", None, None, "19:00", "21:00", "07:00", "10:00"), 1, 1),
    ],
)
def test_rsud_shifts_anchor_to_their_start_date(calendar, code, times, end_days, close_days):
    work_date = date(2026, 8, 17)  # a holiday: rostered units work through it
    d = resolve_day(work_date, rsud_group(), calendar, WITA, SHIFTS[code])
    assert d.workday and d.source == f"shift:{code}"
    assert d.holiday_name == "Hari Kemerdekaan Republik Indonesia"
    assert local_times(d) == times
    assert d.start.date() == work_date
    assert (d.end.date() - work_date).days == end_days
    assert (d.checkout_close.date() - work_date).days == close_days


@pytest.mark.parametrize(
    ("roster", "workday", "reason"),
    [(None, False, "ROSTER_OFF"), (NOT_ROSTERED, False, "NO_ROSTER")],
)
def test_roster_off_and_missing(calendar, roster, workday, reason):
    d = resolve_day(date(2026, 8, 18), rsud_group(), calendar, WITA, roster)
    assert (d.workday, d.off_reason, d.source) == (workday, reason, "roster")


def test_roster_must_be_a_shift(calendar):
    with pytest.raises(TypeError, match="Roster harus Shift"):
        resolve_day(MON, rsud_group(), calendar, WIB, "P")  # type: ignore[arg-type]


def test_overrides_given_as_a_list_become_a_tuple():
    group = ScheduleGroup("X", "X", "weekly", WeeklyPattern({}), [ramadan_5day(*RAMADAN)])
    assert isinstance(group.overrides, tuple)


def test_shift_groups_need_no_loaded_calendar():
    d = resolve_day(date(2030, 1, 2), rsud_group(), build_calendar([]), WIB, SHIFTS["P"])
    assert d.workday


def test_checkin_opening_before_midnight_belongs_to_the_previous_day(calendar):
    dini = Shift("D", "Dini hari", day("00:30", "07:30", ("22:30", "00:30"), ("07:30", "09:00")))
    d = resolve_day(date(2026, 8, 18), rsud_group(), calendar, WIB, dini)
    assert d.checkin_open == at(date(2026, 8, 17), "22:30")
    assert d.start == at(date(2026, 8, 18), "00:30")
    assert window_check("in", d, at(date(2026, 8, 17), "23:00")) is None


MALAM_D = date(2026, 8, 18)


@pytest.mark.parametrize(
    ("kind", "plus_days", "clock", "expected"),
    [
        ("in", 0, "18:59", "TOO_EARLY"),
        ("in", 0, "19:00", None),
        ("in", 0, "21:30", None),
        ("in", 1, "06:59", None),
        ("in", 1, "07:01", "WINDOW_CLOSED"),
        ("out", 0, "20:59", "TOO_EARLY"),
        ("out", 0, "23:00", None),
        ("out", 1, "07:30", None),
        ("out", 1, "10:00:59", None),
        ("out", 1, "10:01", "WINDOW_CLOSED"),
    ],
)
def test_overnight_windows(calendar, kind, plus_days, clock, expected):
    d = resolve_day(MALAM_D, rsud_group(), calendar, WITA, SHIFTS["M"])
    assert window_check(kind, d, at(MALAM_D, clock, WITA, plus_days)) == expected


def _roster_days(calendar, roster):
    """Resolved days for MALAM_D - 1 .. MALAM_D + 1 from a {offset: shift} roster."""
    return [
        resolve_day(MALAM_D + timedelta(offset), rsud_group(), calendar, WITA,
                    roster.get(offset, None))
        for offset in (-1, 0, 1)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("roster", "kind", "plus_days", "clock", "expected"),
    [
        ({0: "M"}, "out", 1, "07:30", MALAM_D),  # next morning's OUT closes the night shift
        ({0: "M"}, "out", 1, "10:00", MALAM_D),
        ({0: "M"}, "out", 1, "10:01", None),
        ({0: "M"}, "in", 0, "20:55", MALAM_D),
        ({0: "M", 1: "P"}, "out", 1, "07:30", MALAM_D),  # oldest open shift wins for OUT
        ({0: "M", 1: "P"}, "in", 1, "06:00", MALAM_D + timedelta(1)),  # newest for IN
        ({0: "M", 1: "P"}, "out", 1, "10:30", MALAM_D + timedelta(1)),
        ({-1: "S", 0: "M"}, "out", -1, "23:30", MALAM_D - timedelta(1)),
        ({-1: "S", 0: "M"}, "out", 0, "00:01", None),  # Siang closed at 00:00, Malam not begun
        ({-1: "S", 0: "M"}, "in", 0, "20:00", MALAM_D),
        ({0: "P"}, "in", 0, "04:00", None),
        ({}, "in", 0, "07:00", None),
    ],
)
def test_pick_work_date_for_shifts(calendar, roster, kind, plus_days, clock, expected):
    days = _roster_days(calendar, {k: SHIFTS[v] for k, v in roster.items()})
    picked = pick_work_date(at(MALAM_D, clock, WITA, plus_days), days, kind)
    assert (picked.work_date if picked else None) == expected


@pytest.mark.parametrize(
    ("kind", "clock", "expected"),
    [("in", "06:00", MON), ("out", "16:00", MON), ("in", "04:00", None), ("out", "19:00", None)],
)
def test_pick_work_date_for_office_days(calendar, kind, clock, expected):
    days = [resolve_day(MON + timedelta(o), jember_5day(), calendar, WIB) for o in (-1, 0, 1)]
    picked = pick_work_date(at(MON, clock), days, kind)
    assert (picked.work_date if picked else None) == expected


@pytest.mark.parametrize(
    ("utc", "tz", "expected_today"),
    [
        (datetime(2026, 8, 17, 23, 30, tzinfo=UTC), WIB, date(2026, 8, 18)),
        (datetime(2026, 8, 17, 16, 59, tzinfo=UTC), WIB, date(2026, 8, 17)),
        (datetime(2026, 8, 17, 17, 0, tzinfo=UTC), WIB, date(2026, 8, 18)),
        (datetime(2026, 8, 17, 15, 59, tzinfo=UTC), WITA, date(2026, 8, 17)),
        (datetime(2026, 8, 17, 16, 0, tzinfo=UTC), WITA, date(2026, 8, 18)),
        (datetime(2026, 8, 17, 15, 0, tzinfo=UTC), WIT, date(2026, 8, 18)),
    ],
)
def test_candidate_dates_use_the_office_zone(utc, tz, expected_today):
    yesterday, today, tomorrow = candidate_dates(utc, tz)
    assert today == expected_today
    assert (yesterday, tomorrow) == (today - timedelta(1), today + timedelta(1))


@pytest.mark.parametrize(
    ("tz", "utc_start"),
    [
        (WIB, datetime(2026, 8, 10, 0, 0, tzinfo=UTC)),
        ("Asia/Pontianak", datetime(2026, 8, 10, 0, 0, tzinfo=UTC)),
        (WITA, datetime(2026, 8, 9, 23, 0, tzinfo=UTC)),
        (WIT, datetime(2026, 8, 9, 22, 0, tzinfo=UTC)),
    ],
)
def test_times_are_local_to_the_office_zone(calendar, tz, utc_start):
    d = resolve_day(MON, jember_5day(), calendar, tz)
    assert d.tz == tz
    assert hhmm(d.start) == "07:00"
    assert d.start == utc_start


def _pattern(**changes):
    base = day("07:00", "15:00", ("05:00", "07:00"), ("15:00", "18:00"))
    return replace(base, **changes)


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: ScheduleGroup("X", "X", "monthly", None), "weekly atau shift"),
        (lambda: ScheduleGroup("X", "X", "weekly", None), "pola mingguan wajib"),
        (lambda: WeeklyPattern({7: _pattern()}), "0 \\(Senin\\) sampai 6"),
        (lambda: OverridePeriod("R", date(2026, 3, 2), date(2026, 3, 1),
                                WeeklyPattern({})), "sebelum tanggal mulai"),  # fmt: skip
        (lambda: _pattern(break_start=time(12)), "istirahat harus diisi lengkap"),
        (lambda: jember_5day([ramadan_5day(date(2026, 2, 19), date(2026, 3, 1)),
                              ramadan_5day(date(2026, 3, 1), date(2026, 3, 19))]),
         "tumpang tindih"),  # fmt: skip
    ],
)
def test_invalid_schedule_data(build, message):
    with pytest.raises(ValueError, match=message):
        build()


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        (_pattern(break_start=time(14), break_end=time(16)), "di dalam jam kerja"),
        (_pattern(checkin_close=time(16)), "sebelum jam pulang"),
    ],
)
def test_inconsistent_pattern_times(pattern, message):
    with pytest.raises(ValueError, match=message):
        anchor(pattern, MON, WIB)


def test_unknown_zone(calendar):
    with pytest.raises(ValueError, match="Zona waktu tidak dikenal"):
        resolve_day(MON, jember_5day(), calendar, "Asia/Bontang")


def test_weekly_group_refuses_a_roster(calendar):
    with pytest.raises(ValueError, match="tidak memakai roster"):
        resolve_day(MON, jember_5day(), calendar, WIB, SHIFTS["P"])


def test_non_adjacent_overrides_are_fine(calendar):
    group = jember_5day([ramadan_5day(date(2025, 3, 1), date(2025, 3, 30)),
                         ramadan_5day(date(2026, 2, 19), date(2026, 3, 19))])  # fmt: skip
    assert resolve_day(date(2025, 3, 3), group, calendar, WIB).source == "override:Ramadan"


@pytest.mark.parametrize(("text", "value"), [("07:00", time(7)), ("14.30", time(14, 30)),
                                             ("24:00", time(0))])  # fmt: skip
def test_hm(text, value):
    assert hm(text) == value


def test_pattern_constructor_positional_order():
    p = DayPattern(time(7), time(15), None, None, time(5), time(7), time(15), time(18))
    assert p == day("07:00", "15:00", ("05:00", "07:00"), ("15:00", "18:00"))
