"""PP 94/2021 discipline levels and TPP attendance deductions (RULES.md §6–7), pure."""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from api.rules.codes import ABSENCE_CODES, CODES, EARLY_PREFIX, LATE_PREFIX, tier_code
from api.rules.daily_status import DayResult
from api.rules.policy import Policy

PENALTIES = {
    "TEGURAN_LISAN": "Teguran lisan",
    "TEGURAN_TERTULIS": "Teguran tertulis",
    "PERNYATAAN_TIDAK_PUAS": "Pernyataan tidak puas secara tertulis",
    "POTONG_TPP_25_6_BULAN": "Pemotongan tunjangan kinerja/TPP sebesar 25% selama 6 bulan",
    "POTONG_TPP_25_9_BULAN": "Pemotongan tunjangan kinerja/TPP sebesar 25% selama 9 bulan",
    "POTONG_TPP_25_12_BULAN": "Pemotongan tunjangan kinerja/TPP sebesar 25% selama 12 bulan",
    "TURUN_JABATAN_12_BULAN": "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
    "JABATAN_PELAKSANA_12_BULAN": (
        "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"
    ),
    "PEMBERHENTIAN": "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
}
NO_PENALTY = "Tidak ada hukuman disiplin"
# Guards floor() against 2.9999999 from summing fractional days.
_EPSILON = 1e-9


@dataclass(frozen=True)
class Pp94Result:
    """A year-to-date TK total and the PP 94 level it reaches."""

    days: int  # whole days used for the table (the floor of exact_days)
    exact_days: float
    level: str | None  # ringan | sedang | berat
    penalty_id: str | None
    penalty: str  # Indonesian text
    tier: int | None  # 1-based row of policy.pp94_tiers


@dataclass(frozen=True)
class TppResult:
    """A month's TPP attendance deduction in percent."""

    percent: float  # what is cut: capped by the daily and the monthly cap
    uncapped: float  # the sum of the breakdown, before any cap
    breakdown: dict[str, float] = field(default_factory=dict)  # code → percent
    daily_cap_reduction: float = 0.0  # how much the daily cap took off


def tk_equivalent_days(
    tk_days: float, late_minutes: int, early_minutes: int, policy: Policy
) -> float:
    """TK days plus late and early-leave minutes at policy.minutes_per_tk_day (when switched on)."""
    if not policy.convert_minutes_to_tk:
        return float(tk_days)
    return tk_days + (late_minutes + early_minutes) / policy.minutes_per_tk_day


def pp94_level(tk_days: float, policy: Policy) -> Pp94Result:
    """The PP 94 row for a year's TK total; only completed days count (2.99 days → 2)."""
    whole = max(0, math.floor(tk_days + _EPSILON))
    for i, (low, high, level, penalty_id) in enumerate(policy.pp94_tiers, start=1):
        if whole >= low and (high is None or whole <= high):
            text = PENALTIES.get(penalty_id, penalty_id)
            return Pp94Result(whole, float(tk_days), level, penalty_id, text, i)
    return Pp94Result(whole, float(tk_days), None, None, NO_PENALTY, None)


def longest_tk_streak(workday_statuses: Sequence[str]) -> int:
    """Most consecutive TK workdays; pass workday statuses in date order.

    Weekends and holidays are not workdays, so they neither extend nor break a streak:
    leave them out (a stray "LIBUR" is skipped for the same reason). Any other status ends it.
    """
    longest = current = 0
    for status in workday_statuses:
        if status == "LIBUR":
            continue
        current = current + 1 if status == "TK" else 0
        longest = max(longest, current)
    return longest


def consecutive_tk_flag(workday_statuses: Sequence[str], policy: Policy) -> bool:
    """True from policy.consecutive_tk_limit TK workdays in a row (dismissal, BKN 6/2022)."""
    return longest_tk_streak(workday_statuses) >= policy.consecutive_tk_limit


def tpp_counts(results: Iterable[DayResult]) -> dict[str, int]:
    """Occurrences per deduction code (TL1.., PSW1.., TK, absence codes) of day records."""
    counts: dict[str, int] = {}
    for code in (c for r in results for c in day_codes(r)):
        counts[code] = counts.get(code, 0) + 1
    return counts


def day_codes(result: DayResult) -> tuple[str, ...]:
    """The deduction codes one day carries (a day late and leaving early carries two)."""
    if result.status == "TK" or result.status in ABSENCE_CODES:
        return (result.status,)
    codes = []
    if result.late_tier:
        codes.append(tier_code(LATE_PREFIX, result.late_tier))
    if result.early_tier:
        codes.append(tier_code(EARLY_PREFIX, result.early_tier))
    return tuple(codes)


def tpp_deduction(counts: Mapping[str, float], policy: Policy) -> TppResult:
    """Percent cut for occurrences per code, capped monthly (use tpp_for_days for a daily cap)."""
    breakdown = _breakdown(counts, policy)
    uncapped = _round(sum(breakdown.values()))
    return TppResult(_round(min(uncapped, policy.tpp_monthly_cap)), uncapped, breakdown)


def tpp_for_days(results: Iterable[DayResult], policy: Policy) -> TppResult:
    """Percent cut for a month of day records, with the daily and the monthly cap."""
    results = list(results)
    breakdown = _breakdown(tpp_counts(results), policy)
    uncapped = _round(sum(breakdown.values()))
    reduction = 0.0
    if policy.tpp_daily_cap is not None:
        for result in results:
            day = sum(policy.tpp_rates.get(c, 0.0) for c in day_codes(result))
            reduction += max(0.0, day - policy.tpp_daily_cap)
    reduction = _round(reduction)
    percent = _round(min(uncapped - reduction, policy.tpp_monthly_cap))
    return TppResult(percent, uncapped, breakdown, reduction)


def _breakdown(counts: Mapping[str, float], policy: Policy) -> dict[str, float]:
    known = set(CODES) | set(policy.late_codes()) | set(policy.early_codes())
    breakdown: dict[str, float] = {}
    for code, count in counts.items():
        if code not in known:
            raise ValueError(f"Kode potongan TPP tidak dikenal: {code!r}")
        if count < 0:
            raise ValueError(f"Jumlah kejadian {code} tidak boleh negatif")
        # H, WFH, LIBUR… have no rate: they cut nothing.
        percent = policy.tpp_rates.get(code, 0.0) * count
        if percent:
            breakdown[code] = _round(percent)
    return breakdown


def _round(value: float) -> float:
    # Rates are quarter percents; 6 decimals removes float noise (0.1 + 0.2) from reports.
    return round(value, 6)


def day_cost(result: DayResult, policy: Policy) -> tuple[float, float]:
    """(percent one day costs, what the daily cap takes off it): `tpp_for_days` per day."""
    percent = sum(policy.tpp_rates.get(c, 0.0) for c in day_codes(result))
    if policy.tpp_daily_cap is None:
        return _round(percent), 0.0
    return _round(percent), _round(max(0.0, percent - policy.tpp_daily_cap))
