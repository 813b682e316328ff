"""Source precedence (api/rules/precedence.py): one table of app check-ins, paper entries,
corrections, approved absences, approved out-of-office punches and cancellations, and what
decides the day; and how a paper entry's fate is explained to the operator."""
from __future__ import annotations

from datetime import date

import pytest

from api.rules.daily_status import DayOverride, Punch, compute_day
from api.rules.precedence import ManualLine, manual_outcome
from api.rules.schedule import resolve_day
from api.rules.schedule_defaults import jember_5day
from api.rules.tz import WIB

from .helpers import at, hhmm

TUE = date(2026, 8, 18)  # 07.00–15.00, check-out from 15.00
SAT = date(2026, 8, 15)
AFTER = at(TUE, "08:00", plus_days=1)


def p(kind: str, clock: str, source: str = "app", day: date = TUE, **kw) -> Punch:
    return Punch(kind, at(day, clock), source=source, **kw)


APP_DAY = [p("in", "07:10"), p("out", "15:05")]
WFH_IN = p("in", "07:20", out_of_office=True)

# (case, punches, absence, override, manual code, day) →
# (status, decided_by, check-in hh:mm and source, check-out hh:mm and source)
TABLE = [
    ("app alone", APP_DAY, None, None, None, TUE,
     ("H", "punches", ("07:10", "app"), ("15:05", "app"))),
    ("paper time never beats an app punch", [*APP_DAY, p("in", "07:00", "manual")], None, None,
     None, TUE, ("H", "punches", ("07:10", "app"), ("15:05", "app"))),
    ("nor an approved out-of-office one", [WFH_IN, p("in", "07:00", "manual")], None, None,
     None, TUE, ("TP", "punches", ("07:20", "app"), (None, None))),
    ("paper fills the kind the app lacks", [p("in", "07:10"), p("out", "15:00", "manual")],
     None, None, None, TUE, ("H", "punches", ("07:10", "app"), ("15:00", "manual"))),
    ("paper alone counts", [p("in", "07:00", "manual"), p("out", "15:00", "manual")], None,
     None, None, TUE, ("H", "punches", ("07:00", "manual"), ("15:00", "manual"))),
    ("a paper code on a day without app punches", [], None, None, "S", TUE,
     ("S", "manual", (None, None), (None, None))),
    ("a paper code does not overwrite app punches", APP_DAY, None, None, "S", TUE,
     ("H", "punches", ("07:10", "app"), ("15:05", "app"))),
    ("an approved absence beats paper", [], "CT", None, "S", TUE,
     ("CT", "absence", (None, None), (None, None))),
    ("an approved absence beats app punches", APP_DAY, "DL", None, None, TUE,
     ("DL", "absence", ("07:10", "app"), ("15:05", "app"))),
    ("a corrected time beats the app's", [*APP_DAY, p("in", "07:00", "correction")], None,
     None, None, TUE, ("H", "punches", ("07:00", "correction"), ("15:05", "app"))),
    ("a corrected time lifts a paper code", [p("in", "07:00", "correction")], None, None, "S",
     TUE, ("TP", "punches", ("07:00", "correction"), (None, None))),
    ("a corrected code beats an absence and paper", [], "CT", DayOverride("H", "correction"),
     "S", TUE, ("H", "correction", (None, None), (None, None))),
    ("a cancellation beats everything", APP_DAY, "DL", DayOverride("TK", "cancellation"), "S",
     TUE, ("TK", "cancellation", ("07:10", "app"), ("15:05", "app"))),
    ("a day off ignores paper and absences", [], "CT", None, "S", SAT,
     ("LIBUR", "non-workday", (None, None), (None, None))),
    ("a correction still decides a day off", [], None, DayOverride("H", "correction"), None, SAT,
     ("H", "correction", (None, None), (None, None))),
]


@pytest.mark.parametrize(("punches", "absence", "override", "code", "day", "expected"),
                         [row[1:] for row in TABLE], ids=[row[0] for row in TABLE])
def test_what_decides_the_day(calendar, policy, punches, absence, override, code, day,
                              expected):
    schedule = resolve_day(day, jember_5day(), calendar, WIB)
    r = compute_day(schedule, punches, absence, policy, AFTER, override, code)
    status, decided_by, (in_at, in_source), (out_at, out_source) = expected
    assert (r.status, r.decided_by) == (status, decided_by)
    assert (hhmm(r.check_in), r.check_in_source) == (in_at, in_source)
    assert (hhmm(r.check_out), r.check_out_source) == (out_at, out_source)


OUTCOMES = [
    ("counted times", ManualLine(check_in=at(TUE, "07:00"), check_out=at(TUE, "15:00")),
     [p("in", "07:00", "manual"), p("out", "15:00", "manual")], None, None, None,
     True, ["Jam datang 07.00 dicatat.", "Jam pulang 15.00 dicatat."]),
    ("lost to the app", ManualLine(check_in=at(TUE, "07:00")),
     [WFH_IN, p("in", "07:00", "manual")], None, None, None,
     False, ["Jam datang 07.00 tidak dipakai: presensi aplikasi 07.20 lebih kuat."]),
    ("half counted", ManualLine(check_in=at(TUE, "07:00"), check_out=at(TUE, "15:00")),
     [p("in", "07:10"), p("in", "07:00", "manual"), p("out", "15:00", "manual")], None, None,
     None, True, ["Jam datang 07.00 tidak dipakai: presensi aplikasi 07.10 lebih kuat.",
                  "Jam pulang 15.00 dicatat."]),
    ("code counted", ManualLine(code="S"), [], None, None, "S", True, ["Kode S dicatat."]),
    ("code against app punches", ManualLine(code="S"), APP_DAY, None, None, "S", False,
     ["Kode S tidak berlaku: ada presensi aplikasi (datang 07.10, pulang 15.05); ubah lewat "
      "koreksi atau pembatalan."]),
    ("code against an absence", ManualLine(code="S"), [], "CT", None, "S", False,
     ["Tidak berlaku: CT yang disetujui meliputi tanggal itu."]),
    ("code against a correction", ManualLine(code="S"), [], None,
     DayOverride("H", "correction"), "S", False,
     ["Tidak berlaku: koreksi yang disetujui menetapkan H."]),
    ("times against a cancellation", ManualLine(check_in=at(TUE, "07:00")),
     [p("in", "07:00", "manual")], None, DayOverride("TK", "cancellation"), None, False,
     ["Tidak berlaku: kehadiran hari itu dibatalkan (Pasal 13)."]),
]


@pytest.mark.parametrize(("line", "punches", "absence", "override", "code", "counted", "notes"),
                         [row[1:] for row in OUTCOMES], ids=[row[0] for row in OUTCOMES])
def test_a_paper_entry_is_told_what_it_changed(calendar, policy, line, punches, absence,
                                               override, code, counted, notes):
    schedule = resolve_day(TUE, jember_5day(), calendar, WIB)
    result = compute_day(schedule, punches, absence, policy, AFTER, override, code)
    outcome = manual_outcome(line, result, WIB)
    assert (outcome.counted, list(outcome.notes)) == (counted, notes)
