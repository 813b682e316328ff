"""compute_day: late/early minutes and tiers, TM/TP/TK/BELUM, absences, overrides, WFH."""
from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from api.rules.daily_status import DayOverride, Punch, compute_day, tier_for, whole_minutes
from api.rules.policy import Policy
from api.rules.schedule import resolve_day
from api.rules.schedule_defaults import jember_5day, jember_6day, rsud_group, rsud_shifts
from api.rules.tz import WIB, WIT, WITA

from .helpers import at

TUE = date(2026, 8, 18)  # an ordinary 5-day Tuesday: 07.00-15.00, out 15.00-18.00
FRI = date(2026, 8, 14)
SAT = date(2026, 8, 15)
DAY_AFTER = at(TUE, "08:00", plus_days=1)


@pytest.fixture
def tue(calendar):
    return resolve_day(TUE, jember_5day(), calendar, WIB)


def punch(kind, clock, day=TUE, tz=WIB, plus_days=0, **kw):
    return Punch(kind, at(day, clock, tz, plus_days), **kw)


def full_day(check_in="07:00", check_out="15:00", **kw):
    return [punch("in", check_in, **kw), punch("out", check_out, **kw)]


@pytest.mark.parametrize(
    ("minutes", "tier", "label"),
    [(0, 0, "H"), (1, 1, "TL1"), (30, 1, "TL1"), (31, 2, "TL2"), (60, 2, "TL2"),
     (61, 3, "TL3"), (90, 3, "TL3"), (91, 4, "TL4"), (300, 4, "TL4"), (480, 4, "TL4")],
)  # fmt: skip
def test_late_tiers_at_every_boundary(tue, policy, minutes, tier, label):
    check_in = at(TUE, "07:00") + timedelta(minutes=minutes)
    punches = [Punch("in", check_in), punch("out", "15:00:59")]
    r = compute_day(tue, punches, None, policy, DAY_AFTER)
    assert (r.status, r.late_minutes, r.late_tier, r.label) == ("H", minutes, tier, label)
    assert (r.early_minutes, r.early_tier) == (0, 0)


@pytest.mark.parametrize(
    ("minutes", "tier", "label"),
    [(0, 0, "H"), (1, 1, "PSW1"), (30, 1, "PSW1"), (31, 2, "PSW2"), (60, 2, "PSW2"),
     (61, 3, "PSW3"), (90, 3, "PSW3"), (91, 4, "PSW4"), (420, 4, "PSW4")],
)  # fmt: skip
def test_early_tiers_at_every_boundary(tue, policy, minutes, tier, label):
    check_out = at(TUE, "15:00") - timedelta(minutes=minutes)
    r = compute_day(tue, [punch("in", "06:45"), Punch("out", check_out)], None, policy, DAY_AFTER)
    assert (r.early_minutes, r.early_tier, r.label) == (minutes, tier, label)


@pytest.mark.parametrize(
    ("minutes", "tier"),
    [(1, 1), (31, 1), (32, 2), (61, 2), (62, 3), (91, 3), (92, 4)],
)
def test_custom_bounds_greater_than_91(tue, minutes, tier):
    # RULES.md §7: some regulations draw the last line at "> 91"; bounds are data.
    policy = Policy.from_dict({"late_tier_bounds": [31, 61, 91]})
    check_in = at(TUE, "07:00") + timedelta(minutes=minutes)
    r = compute_day(tue, [Punch("in", check_in), punch("out", "15:00")], None, policy, DAY_AFTER)
    assert r.late_tier == tier


@pytest.mark.parametrize(
    ("rounding", "check_in", "late"),
    [
        ("floor", "07:00:00", 0), ("floor", "07:00:59", 0), ("floor", "07:01:00", 1),
        ("floor", "07:30:59", 30), ("floor", "07:31:00", 31),
        ("ceil", "07:00:00", 0), ("ceil", "07:00:01", 1), ("ceil", "07:00:59", 1),
        ("ceil", "07:30:01", 31), ("ceil", "06:59:59", 0),
    ],
)  # fmt: skip
def test_partial_minutes(tue, rounding, check_in, late):
    policy = Policy.from_dict({"minute_rounding": rounding})
    r = compute_day(tue, full_day(check_in=check_in), None, policy, DAY_AFTER)
    assert r.late_minutes == late


@pytest.mark.parametrize(
    ("rounding", "check_out", "early"),
    [("floor", "14:59:01", 0), ("floor", "14:59:00", 1), ("ceil", "14:59:59", 1),
     ("ceil", "14:58:30", 2), ("floor", "15:00:00", 0)],
)  # fmt: skip
def test_partial_minutes_early(tue, rounding, check_out, early):
    policy = Policy.from_dict({"minute_rounding": rounding})
    r = compute_day(tue, full_day(check_out=check_out), None, policy, DAY_AFTER)
    assert r.early_minutes == early


def test_late_and_early_together(tue, policy):
    r = compute_day(tue, full_day("07:45", "14:40"), None, policy, DAY_AFTER)
    assert (r.late_minutes, r.early_minutes, r.label, r.source) == (45, 20, "TL2/PSW1", "app")
    assert r.check_in == at(TUE, "07:45") and r.check_out == at(TUE, "14:40")


@pytest.mark.parametrize(
    ("group", "work_date", "check_in", "check_out", "late", "early"),
    [
        ("5", FRI, "07:00", "14:30", 0, 0),  # 5-day Friday ends 14.30
        ("5", FRI, "07:05", "14:00", 5, 30),
        ("6", SAT, "07:45", "12:00", 45, 30),  # 6-day Saturday ends 12.30
        ("6", SAT, "06:00", "12:30", 0, 0),
        ("6", FRI, "07:00", "10:00", 0, 60),  # 6-day Friday ends 11.00
        ("6", TUE, "07:00", "14:00", 0, 0),
    ],
)
def test_other_days_of_the_table(calendar, policy, group, work_date, check_in, check_out,
                                 late, early):  # fmt: skip
    schedule = jember_5day() if group == "5" else jember_6day()
    d = resolve_day(work_date, schedule, calendar, WIB)
    punches = full_day(check_in, check_out, day=work_date)
    r = compute_day(d, punches, None, policy, at(work_date, "23:00"))
    assert (r.late_minutes, r.early_minutes) == (late, early)


@pytest.mark.parametrize(
    ("punches", "now", "status", "label", "late", "early"),
    [
        # TM: checked out, no check-in → TL4 by default (RULES.md §4).
        ([("out", "15:10")], "20:00", "TM", "TM", (0, 4), (0, 0)),
        ([("out", "14:00")], "20:00", "TM", "TM/PSW2", (0, 4), (60, 2)),
        ([("in", "04:30"), ("out", "15:10")], "20:00", "TM", "TM", (0, 4), (0, 0)),  # too early
        # TP: checked in, no check-out once the check-out window is over → PSW4.
        ([("in", "07:00")], "18:01", "TP", "TP", (0, 0), (0, 4)),
        ([("in", "07:20")], "23:00", "TP", "TL1/TP", (20, 1), (0, 4)),
        ([("in", "07:00")], "18:00:59", "H", "H", (0, 0), (0, 0)),  # still open: provisional
        ([("in", "07:20")], "16:00", "H", "TL1", (20, 1), (0, 0)),
        ([("out", "07:30"), ("in", "08:00")], "23:00", "TP", "TL2/TP", (60, 2), (0, 4)),
        # TK once the day is over without any counted punch; BELUM before that.
        ([], "18:01", "TK", "TK", (0, 0), (0, 0)),
        ([], "18:00", "BELUM", "BELUM", (0, 0), (0, 0)),
        ([], "06:00", "BELUM", "BELUM", (0, 0), (0, 0)),
        ([("in", "15:30")], "23:00", "TK", "TK", (0, 0), (0, 0)),  # IN after end: not counted
        ([("in", "04:59")], "23:00", "TK", "TK", (0, 0), (0, 0)),
        ([("out", "18:30")], "23:00", "TK", "TK", (0, 0), (0, 0)),
        ([("in", "15:00:30"), ("out", "15:05")], "23:00", "H", "TL4", (480, 4), (0, 0)),
    ],
)
def test_missing_punches(tue, policy, punches, now, status, label, late, early):
    r = compute_day(tue, [punch(k, c) for k, c in punches], None, policy, at(TUE, now))
    assert (r.status, r.label) == (status, label)
    assert (r.late_minutes, r.late_tier) == late
    assert (r.early_minutes, r.early_tier) == early
    assert r.source == ("system" if status in ("TK", "BELUM") else "app")


def test_tk_the_next_morning_and_belum_before_the_day(tue, policy):
    assert compute_day(tue, [], None, policy, DAY_AFTER).status == "TK"
    assert compute_day(tue, [], None, policy, at(TUE, "23:00", plus_days=-1)).status == "BELUM"


@pytest.mark.parametrize(
    ("changes", "punches", "late", "early"),
    [
        ({"tm_tier": 3}, [("out", "15:00")], (0, 3), (0, 0)),
        ({"tm_minutes": 225}, [("out", "15:00")], (225, 4), (0, 0)),
        ({"tp_tier": 2}, [("in", "07:00")], (0, 0), (0, 2)),
        ({"tp_minutes": 225}, [("in", "07:00")], (0, 0), (225, 4)),
    ],
)
def test_tm_tp_treatment_is_policy(tue, changes, punches, late, early):
    policy = Policy.from_dict(changes)
    r = compute_day(tue, [punch(k, c) for k, c in punches], None, policy, DAY_AFTER)
    assert ((r.late_minutes, r.late_tier), (r.early_minutes, r.early_tier)) == (late, early)


def test_first_in_and_last_out_count(tue, policy):
    punches = [punch("in", "07:10"), punch("in", "06:50"), punch("out", "14:00"),
               punch("out", "16:00"), punch("out", "15:30")]  # fmt: skip
    r = compute_day(tue, punches, None, policy, DAY_AFTER)
    assert (r.check_in, r.check_out) == (at(TUE, "06:50"), at(TUE, "16:00"))
    assert (r.late_minutes, r.early_minutes, r.label) == (0, 0, "H")


@pytest.mark.parametrize("code", ["S", "DL", "CT", "I", "DIK", "TB", "CAP", "CB-BERSAMA"])
def test_absence_overrides_tk(tue, policy, code):
    r = compute_day(tue, [], code, policy, DAY_AFTER)
    assert (r.status, r.excused_code, r.source, r.label) == (code, code, "absence", code)
    assert (r.late_tier, r.early_tier) == (0, 0)


@pytest.mark.parametrize(
    "punches", [[("out", "15:00")], [("in", "07:00")], [("in", "09:00"), ("out", "10:00")]]
)
def test_absence_wins_over_punches(tue, policy, punches):
    r = compute_day(tue, [punch(k, c) for k, c in punches], "DL", policy, DAY_AFTER)
    assert (r.status, r.late_minutes, r.early_minutes, r.late_tier, r.early_tier) == (
        "DL", 0, 0, 0, 0,
    )  # fmt: skip
    assert r.check_in is not None or r.check_out is not None  # kept for the record


@pytest.mark.parametrize("code", ["TK", "H", "XX", "LIBUR"])
def test_absence_code_must_be_an_excused_code(tue, policy, code):
    with pytest.raises(ValueError, match="Kode ketidakhadiran"):
        compute_day(tue, [], code, policy, DAY_AFTER)


def test_non_workday_is_libur_and_ignores_punches_and_absences(calendar, policy):
    sat = resolve_day(SAT, jember_5day(), calendar, WIB)
    r = compute_day(sat, full_day(day=SAT), "CT", policy, at(SAT, "23:00"))
    assert (r.workday, r.status, r.label, r.check_in, r.excused_code) == (
        False, "LIBUR", "LIBUR", None, None,
    )  # fmt: skip


def test_holiday_is_libur(calendar, policy):
    d = resolve_day(date(2026, 8, 17), jember_5day(), calendar, WIB)
    assert compute_day(d, [], None, policy, DAY_AFTER).status == "LIBUR"


@pytest.mark.parametrize("absence", [None, "DL"])
def test_cancellation_makes_the_day_tk(tue, policy, absence):
    override = DayOverride("TK", "cancellation", "Tidak berada di tempat tugas (Pasal 13)")
    r = compute_day(tue, full_day("07:45"), absence, policy, DAY_AFTER, override)
    assert (r.status, r.source, r.label, r.excused_code) == ("TK", "cancellation", "TK", None)
    assert (r.late_minutes, r.late_tier) == (0, 0)
    assert r.check_in == at(TUE, "07:45")  # what was cancelled stays visible


@pytest.mark.parametrize(
    ("code", "excused"), [("H", None), ("S", "S"), ("TK", None), ("LIBUR", None)]
)
def test_correction_forces_a_code(tue, policy, code, excused):
    r = compute_day(tue, [], None, policy, DAY_AFTER, DayOverride(code, "correction"))
    assert (r.status, r.excused_code, r.source) == (code, excused, "correction")


def test_override_wins_on_a_non_workday_too(calendar, policy):
    sat = resolve_day(SAT, jember_5day(), calendar, WIB)
    r = compute_day(sat, [], None, policy, DAY_AFTER, DayOverride("H", "correction"))
    assert (r.workday, r.status) == (False, "H")


@pytest.mark.parametrize(
    ("code", "source", "message"),
    [("BELUM", "correction", "tidak dapat dipaksakan"), ("XX", "correction", "tidak dapat"),
     ("TK", "app", "Sumber perubahan")],
)  # fmt: skip
def test_invalid_overrides(code, source, message):
    with pytest.raises(ValueError, match=message):
        DayOverride(code, source)


@pytest.mark.parametrize(
    ("in_ooo", "out_ooo", "check_in", "status", "label"),
    [
        (True, True, "07:00", "WFH", "WFH"),
        (True, True, "07:10", "WFH", "WFH/TL1"),
        (True, False, "07:00", "WFH", "WFH"),
        (False, True, "07:00", "WFH", "WFH"),
        (False, False, "07:00", "H", "H"),
    ],
)
def test_wfh(tue, policy, in_ooo, out_ooo, check_in, status, label):
    punches = [punch("in", check_in, out_of_office=in_ooo),
               punch("out", "15:00", out_of_office=out_ooo)]  # fmt: skip
    r = compute_day(tue, punches, None, policy, DAY_AFTER)
    assert (r.status, r.label) == (status, label)


def test_wfh_with_missing_checkout_is_tp(tue, policy):
    r = compute_day(tue, [punch("in", "07:00", out_of_office=True)], None, policy, DAY_AFTER)
    assert (r.status, r.label) == ("TP", "WFH/TP")


@pytest.mark.parametrize(
    ("sources", "expected"),
    [(("app", "app"), "app"), (("manual", "manual"), "manual"), (("app", "manual"), "manual"),
     (("manual", "correction"), "correction")],
)  # fmt: skip
def test_source_names_the_weakest_evidence(tue, policy, sources, expected):
    punches = [punch("in", "07:00", source=sources[0]), punch("out", "15:00", source=sources[1])]
    assert compute_day(tue, punches, None, policy, DAY_AFTER).source == expected


@pytest.mark.parametrize(
    ("tz", "late", "tier"), [(WIB, 30, 1), (WITA, 90, 3), (WIT, 150, 4)]
)
def test_same_instant_different_zones(calendar, policy, tz, late, tier):
    # 00:30 UTC is 07.30 WIB, 08.30 WITA, 09.30 WIT: the office's own clock decides.
    d = resolve_day(TUE, jember_5day(), calendar, tz)
    check_in = Punch("in", datetime(2026, 8, 18, 0, 30, tzinfo=UTC))
    check_out = Punch("out", at(TUE, "15:00", tz))
    r = compute_day(d, [check_in, check_out], None, policy, DAY_AFTER)
    assert (r.late_minutes, r.late_tier) == (late, tier)


SHIFTS = {s.code: s for s in rsud_shifts()}


@pytest.mark.parametrize(
    ("punches", "now", "status", "label", "late", "early"),
    [
        ([("in", 0, "21:10"), ("out", 1, "07:30")], (1, "12:00"), "H", "TL1", 10, 0),
        ([("in", 0, "20:00"), ("out", 1, "06:00")], (1, "12:00"), "H", "PSW2", 0, 60),
        ([("in", 0, "21:00")], (1, "10:00"), "H", "H", 0, 0),
        ([("in", 0, "21:00")], (1, "10:01"), "TP", "TP", 0, 0),
        ([("out", 1, "07:05")], (1, "12:00"), "TM", "TM", 0, 0),
        ([], (1, "09:00"), "BELUM", "BELUM", 0, 0),
        ([], (1, "10:01"), "TK", "TK", 0, 0),
        ([("in", 1, "06:00"), ("out", 1, "07:00")], (1, "12:00"), "H", "TL4", 540, 0),
    ],
)
def test_overnight_shift(calendar, policy, punches, now, status, label, late, early):
    d = resolve_day(TUE, rsud_group(), calendar, WITA, SHIFTS["M"])
    ps = [Punch(k, at(TUE, c, WITA, plus)) for k, plus, c in punches]
    r = compute_day(d, ps, None, policy, at(TUE, now[1], WITA, now[0]))
    assert (r.status, r.label, r.late_minutes, r.early_minutes) == (status, label, late, early)


def test_rostered_day_off_is_libur(calendar, policy):
    d = resolve_day(TUE, rsud_group(), calendar, WITA, None)
    assert compute_day(d, [], None, policy, DAY_AFTER).status == "LIBUR"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "lunch", "at": at(TUE, "07:00")}, "'in' atau 'out'"),
        ({"kind": "in", "at": datetime(2026, 8, 18, 7)}, "timezone-aware"),
        ({"kind": "in", "at": at(TUE, "07:00"), "source": "sms"}, "Sumber presensi"),
    ],
)
def test_invalid_punches(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Punch(**kwargs)


def test_now_must_be_aware(tue, policy):
    with pytest.raises(ValueError, match="timezone-aware"):
        compute_day(tue, [], None, policy, datetime(2026, 8, 18, 12))


@pytest.mark.parametrize(
    ("minutes", "bounds", "tier"),
    [(0, (30, 60, 90), 0), (-5, (30, 60, 90), 0), (30, (30, 60, 90), 1), (91, (30, 60, 90), 4),
     (10, (5,), 2), (5, (5,), 1)],
)  # fmt: skip
def test_tier_for(minutes, bounds, tier):
    assert tier_for(minutes, bounds) == tier


@pytest.mark.parametrize(
    ("seconds", "rounding", "minutes"),
    [(0, "floor", 0), (-30, "ceil", 0), (59, "floor", 0), (59, "ceil", 1), (60, "ceil", 1),
     (61, "ceil", 2), (3599, "floor", 59)],
)  # fmt: skip
def test_whole_minutes(seconds, rounding, minutes):
    assert whole_minutes(timedelta(seconds=seconds), rounding) == minutes
