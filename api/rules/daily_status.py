"""One employee-day → one status record (SPEC §6, RULES.md §4), from punches and absences.

Which input decides is the one rule in api/rules/precedence.py: a cancellation or correction
→ a non-workday (LIBUR) → an approved absence → the app's punches → the paper sheet.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from api.rules.codes import ABSENCE_CODES, CODES, EARLY_PREFIX, LATE_PREFIX, tier_code
from api.rules.policy import Policy
from api.rules.precedence import manual_code_applies, strongest
from api.rules.schedule import ScheduleDay, window_check
from api.rules.tz import as_utc

PUNCH_SOURCES = ("app", "manual", "correction")
OVERRIDE_SOURCES = ("correction", "cancellation")
_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True)
class Punch:
    """An accepted check-in/out; out-of-office ones only once the supervisor approved them."""

    kind: str  # in | out
    at: datetime  # aware
    source: str = "app"
    out_of_office: bool = False

    def __post_init__(self) -> None:
        if self.kind not in ("in", "out"):
            raise ValueError(f"Jenis presensi harus 'in' atau 'out': {self.kind!r}")
        if self.source not in PUNCH_SOURCES:
            raise ValueError(f"Sumber presensi tidak dikenal: {self.source!r}")
        as_utc(self.at)


@dataclass(frozen=True)
class DayOverride:
    """A forced code for the day: a cancellation (→ TK) or an approved correction."""

    code: str
    source: str
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.code not in CODES or self.code == "BELUM":
            raise ValueError(f"Kode status tidak dapat dipaksakan: {self.code!r}")
        if self.source not in OVERRIDE_SOURCES:
            raise ValueError(f"Sumber perubahan status tidak dikenal: {self.source!r}")


@dataclass(frozen=True)
class DayResult:
    """The derived record of one employee-date.

    check_in/check_out are the counted punches (and their sources); they are shown even when
    an absence or an override decides the status (minutes and tiers are then 0). `decided_by`
    names the precedence level that decided (precedence.DAY_RANK, "punches" or "none").
    """

    work_date: date
    workday: bool
    status: str
    check_in: datetime | None = None
    check_out: datetime | None = None
    late_minutes: int = 0
    early_minutes: int = 0
    late_tier: int = 0
    early_tier: int = 0
    excused_code: str | None = None
    source: str = "system"  # app | manual | correction | absence | cancellation | system
    label: str = ""
    check_in_source: str | None = None
    check_out_source: str | None = None
    decided_by: str = "none"


def whole_minutes(delta: timedelta, rounding: str) -> int:
    """Minutes in a positive delta: "floor" drops a started minute, "ceil" counts it."""
    if delta <= timedelta(0):
        return 0
    if rounding == "ceil":
        return math.ceil(delta / _MINUTE)
    return delta // _MINUTE


def tier_for(minutes: int, bounds: Sequence[int]) -> int:
    """0 for no minutes; else 1 + the number of bounds the minutes exceed (30 → 1, 31 → 2)."""
    if minutes <= 0:
        return 0
    return 1 + sum(1 for bound in bounds if minutes > bound)


def late_minutes(check_in: datetime, day: ScheduleDay, policy: Policy) -> int:
    """Minutes after the on-time limit, in absolute time."""
    assert day.checkin_close is not None
    return whole_minutes(as_utc(check_in) - day.utc("checkin_close"), policy.minute_rounding)


def early_minutes(check_out: datetime, day: ScheduleDay, policy: Policy) -> int:
    """Minutes before the earliest on-time leave, in absolute time."""
    assert day.checkout_open is not None
    return whole_minutes(day.utc("checkout_open") - as_utc(check_out), policy.minute_rounding)


def counted_punches(
    day: ScheduleDay, punches: Sequence[Punch]
) -> tuple[Punch | None, Punch | None]:
    """First IN and last OUT inside the acceptance windows, each from the strongest source that
    has one (precedence.PUNCH_RANK); an OUT before that IN is ignored."""
    ins = strongest([p for p in punches if p.kind == "in"
                     and window_check("in", day, p.at) is None])
    first_in = min(ins, key=lambda p: as_utc(p.at)) if ins else None
    outs = strongest([
        p for p in punches
        if p.kind == "out" and window_check("out", day, p.at) is None
        and (first_in is None or as_utc(p.at) > as_utc(first_in.at))
    ])  # fmt: skip
    last_out = max(outs, key=lambda p: as_utc(p.at)) if outs else None
    return first_in, last_out


def compute_day(
    day: ScheduleDay,
    punches: Sequence[Punch],
    absence_code: str | None,
    policy: Policy,
    now: datetime,
    override: DayOverride | None = None,
    manual_code: str | None = None,
) -> DayResult:
    """The day's status; provisional (H / BELUM) until `now` passes the check-out window."""
    now_utc = as_utc(now)
    check_in, check_out = counted_punches(day, punches) if day.workday else (None, None)
    times = {
        "check_in": check_in.at if check_in else None,
        "check_out": check_out.at if check_out else None,
        "check_in_source": check_in.source if check_in else None,
        "check_out_source": check_out.source if check_out else None,
    }
    if override is not None:
        code = override.code
        excused = code if code in ABSENCE_CODES else None
        return DayResult(day.work_date, day.workday, code, **times, excused_code=excused,
                         source=override.source, label=code, decided_by=override.source)
    if not day.workday:
        return DayResult(day.work_date, False, "LIBUR", label="LIBUR", decided_by="non-workday")
    if absence_code is not None:
        if absence_code not in ABSENCE_CODES:
            raise ValueError(f"Kode ketidakhadiran tidak dikenal: {absence_code!r}")
        return DayResult(day.work_date, True, absence_code, **times, excused_code=absence_code,
                         source="absence", label=absence_code, decided_by="absence")
    counted = [p for p in (check_in, check_out) if p is not None]
    if manual_code is not None and manual_code_applies(counted):
        excused = manual_code if manual_code in ABSENCE_CODES else None
        return DayResult(day.work_date, True, manual_code, **times, excused_code=excused,
                         source="manual", label=manual_code, decided_by="manual")
    ended = window_check("out", day, now_utc) == "WINDOW_CLOSED"
    if check_in is None and check_out is None:
        status = "TK" if ended else "BELUM"
        return DayResult(day.work_date, True, status, label=status)

    late = late_minutes(check_in.at, day, policy) if check_in else policy.tm_minutes
    late_tier = tier_for(late, policy.late_tier_bounds) if check_in else policy.tm_tier
    if check_out is not None:
        early = early_minutes(check_out.at, day, policy)
        early_tier = tier_for(early, policy.early_tier_bounds)
    elif ended:
        early, early_tier = policy.tp_minutes, policy.tp_tier
    else:
        early, early_tier = 0, 0  # still at work: the check-out window is open
    wfh = any(p.out_of_office for p in counted)

    parts = ["WFH"] if wfh else []
    if check_in is None:
        parts.append("TM")
    elif late_tier:
        parts.append(tier_code(LATE_PREFIX, late_tier))
    if check_out is None and ended:
        parts.append("TP")
    elif early_tier:
        parts.append(tier_code(EARLY_PREFIX, early_tier))
    if check_in is None:
        status = "TM"
    elif check_out is None and ended:
        status = "TP"
    else:
        status = "WFH" if wfh else "H"
    return DayResult(
        day.work_date, True, status, **times,
        late_minutes=late, early_minutes=early, late_tier=late_tier, early_tier=early_tier,
        source=_source(counted), label="/".join(parts) or status, decided_by="punches",
    )  # fmt: skip


def _source(counted: Sequence[Punch]) -> str:
    # The weakest evidence names the record: one corrected punch makes it a corrected day.
    sources = {p.source for p in counted}
    for source in ("correction", "manual"):
        if source in sources:
            return source
    return "app"
