"""Every rule parameter in one frozen `Policy`; defaults from RULES.md, overridable as data."""
from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any

from api.rules.codes import CODES, EARLY_PREFIX, LATE_PREFIX, tier_codes

LEVELS = ("ringan", "sedang", "berat")
_TIER_CODE = re.compile(rf"(?:{LATE_PREFIX}|{EARLY_PREFIX})[1-9][0-9]*")

# RULES.md §7 (percent of the monthly TPP attendance component, per occurrence or per day).
DEFAULT_TPP_RATES: dict[str, float] = {
    "TL1": 0.5, "TL2": 1.0, "TL3": 1.25, "TL4": 1.5,
    "PSW1": 0.5, "PSW2": 1.0, "PSW3": 1.25, "PSW4": 1.5,
    "TK": 3.0, "I": 2.5,
    "DL": 0.0, "DIK": 0.0, "TB": 0.0,
    "CT": 0.0, "CB": 0.0, "CS": 0.0, "CM": 0.0, "CAP": 0.0, "CB-BERSAMA": 0.0, "CLTN": 0.0,
    "S": 0.0,
}  # fmt: skip

# RULES.md §6, PP 94/2021: (min TK days, max TK days or None, level, penalty id).
DEFAULT_PP94_TIERS: tuple[tuple[int, int | None, str, str], ...] = (
    (3, 3, "ringan", "TEGURAN_LISAN"),
    (4, 6, "ringan", "TEGURAN_TERTULIS"),
    (7, 10, "ringan", "PERNYATAAN_TIDAK_PUAS"),
    (11, 13, "sedang", "POTONG_TPP_25_6_BULAN"),
    (14, 16, "sedang", "POTONG_TPP_25_9_BULAN"),
    (17, 20, "sedang", "POTONG_TPP_25_12_BULAN"),
    (21, 24, "berat", "TURUN_JABATAN_12_BULAN"),
    (25, 27, "berat", "JABATAN_PELAKSANA_12_BULAN"),
    (28, None, "berat", "PEMBERHENTIAN"),
)


@dataclass(frozen=True)
class Policy:
    """Rule parameters of one pemda (a `RuleVersion` row merged over these defaults)."""

    late_tier_bounds: tuple[int, ...] = (30, 60, 90)  # TL1 1..30, TL2 31..60, TL3 61..90, TL4 >90
    early_tier_bounds: tuple[int, ...] = (30, 60, 90)  # PSW1..PSW4, same shape
    tm_tier: int = 4  # no check-in but checked out → this TL tier
    tp_tier: int = 4  # checked in, no check-out → this PSW tier
    # Minutes charged for a missing check-in / check-out; 0 = the tier only. No regulation
    # gives a figure, but with 0 not checking out hides early-leave minutes from the PP 94
    # minute conversion: a pemda that converts minutes may want e.g. 225 (half a TK day).
    tm_minutes: int = 0
    tp_minutes: int = 0
    # "floor": only whole elapsed minutes count (07:00:59 is on time, as the clock on the
    # paper sheet shows "07.00"); "ceil": any started minute counts (07:00:01 = 1 minute).
    minute_rounding: str = "floor"
    tpp_rates: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType(dict(DEFAULT_TPP_RATES))
    )
    tpp_monthly_cap: float = 100.0
    # Most one day may cost; None = no cap. RULES.md rates need none (TL4 + PSW4 = 3% = one
    # TK day); set it when a rate table makes a late-and-early day dearer than an absent one.
    tpp_daily_cap: float | None = None
    minutes_per_tk_day: int = 450  # 7.5 h = 1 TK day (PP 53/2010 explanation)
    convert_minutes_to_tk: bool = True  # [unverified] for PP 94: a switch
    pp94_tiers: tuple[tuple[int, int | None, str, str], ...] = DEFAULT_PP94_TIERS
    consecutive_tk_limit: int = 10  # workdays in a row → dismissal (Peraturan BKN 6/2022)
    geofence_max_accuracy_m: float = 100.0
    max_speed_kmh: float = 300.0  # faster than this between two fixes is an impossible jump
    jump_min_distance_m: float = 1000.0  # below this GPS jitter is never called a jump

    def __post_init__(self) -> None:
        # A private read-only copy: the caller's dict cannot change a validated policy.
        object.__setattr__(self, "tpp_rates", MappingProxyType(dict(self.tpp_rates)))
        _validate(self)

    def __hash__(self) -> int:
        # The generated hash would fail on the rate mapping; the JSON form is canonical.
        return hash(json.dumps(self.to_dict(), sort_keys=True))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Policy:
        """Defaults overridden by `data` (partial allowed); ValueError for bad or unknown keys."""
        if not isinstance(data, dict):
            raise ValueError("Parameter aturan harus berupa objek")
        unknown = sorted(set(data) - {f.name for f in fields(cls)})
        if unknown:
            raise ValueError(f"Parameter aturan tidak dikenal: {', '.join(unknown)}")
        kwargs = {name: _coerce(name, value) for name, value in data.items()}
        if "tpp_rates" in kwargs:
            # A partial rate table changes only the codes it names.
            kwargs["tpp_rates"] = {**DEFAULT_TPP_RATES, **kwargs["tpp_rates"]}
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe form; `Policy.from_dict(p.to_dict()) == p`."""
        return {f.name: _jsonable(getattr(self, f.name)) for f in fields(self)}

    def late_codes(self) -> tuple[str, ...]:
        """TL1..TLn for the configured bounds."""
        return tier_codes(LATE_PREFIX, self.late_tier_bounds)

    def early_codes(self) -> tuple[str, ...]:
        """PSW1..PSWn for the configured bounds."""
        return tier_codes(EARLY_PREFIX, self.early_tier_bounds)


_INTS = {"tm_tier", "tp_tier", "tm_minutes", "tp_minutes", "minutes_per_tk_day",
         "consecutive_tk_limit"}  # fmt: skip
_FLOATS = {"tpp_monthly_cap", "geofence_max_accuracy_m", "max_speed_kmh", "jump_min_distance_m"}


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return (_is_int(value) or isinstance(value, float)) and math.isfinite(value)


def _coerce(name: str, value: Any) -> Any:
    """JSON value → field type; ValueError (Indonesian) when the type is wrong."""
    bad = ValueError(f"Nilai parameter {name} tidak valid: {value!r}")
    if name in ("late_tier_bounds", "early_tier_bounds"):
        if not isinstance(value, (list, tuple)) or not all(_is_int(v) for v in value):
            raise bad
        return tuple(value)
    if name in _INTS:
        if not _is_int(value):
            raise bad
        return value
    if name in _FLOATS or name == "tpp_daily_cap":
        if value is None and name == "tpp_daily_cap":
            return None
        if not _is_number(value):
            raise bad
        return float(value)
    if name == "convert_minutes_to_tk":
        if not isinstance(value, bool):
            raise bad
        return value
    if name == "minute_rounding":
        if not isinstance(value, str):
            raise bad
        return value
    if name == "tpp_rates":
        if not isinstance(value, dict) or not all(
            isinstance(k, str) and _is_number(v) for k, v in value.items()
        ):
            raise bad
        return {k: float(v) for k, v in value.items()}
    if name == "pp94_tiers":
        if not isinstance(value, (list, tuple)) or not all(
            isinstance(t, (list, tuple)) and len(t) == 4 for t in value
        ):
            raise bad
        return tuple(tuple(t) for t in value)
    raise bad  # pragma: no cover - every field is handled above


def _validate(p: Policy) -> None:
    """Range and consistency checks; ValueError with an Indonesian message."""
    for name in ("late_tier_bounds", "early_tier_bounds"):
        bounds = getattr(p, name)
        if not bounds or not all(_is_int(b) and b > 0 for b in bounds):
            raise ValueError(f"{name}: batas tingkat harus bilangan bulat positif")
        if any(a >= b for a, b in zip(bounds, bounds[1:], strict=False)):
            raise ValueError(f"{name}: batas tingkat harus naik berurutan")
    if not 1 <= p.tm_tier <= len(p.late_tier_bounds) + 1:
        raise ValueError(
            f"tm_tier ({p.tm_tier}) di luar tingkat terlambat TL1–TL{len(p.late_tier_bounds) + 1}"
        )
    if not 1 <= p.tp_tier <= len(p.early_tier_bounds) + 1:
        raise ValueError(
            f"tp_tier ({p.tp_tier}) di luar tingkat pulang sebelum waktunya "
            f"PSW1–PSW{len(p.early_tier_bounds) + 1}"
        )
    for name in ("tm_minutes", "tp_minutes"):
        if getattr(p, name) < 0:
            raise ValueError(f"{name} tidak boleh negatif")
    if p.minute_rounding not in ("floor", "ceil"):
        raise ValueError("minute_rounding harus 'floor' atau 'ceil'")
    # Rates for tiers beyond the bounds are harmless (a partial table keeps the default TL4
    # when bounds shrink to two); anything else unknown is a typo.
    unknown = sorted(c for c in p.tpp_rates if c not in CODES and not _TIER_CODE.fullmatch(c))
    if unknown:
        raise ValueError(f"Kode potongan TPP tidak dikenal: {', '.join(unknown)}")
    required = set(p.late_codes()) | set(p.early_codes()) | {"TK"}
    missing = sorted(required - set(p.tpp_rates))
    if missing:
        raise ValueError(f"Tarif potongan TPP belum diisi untuk: {', '.join(missing)}")
    if any(not _is_number(v) or v < 0 or v > 100 for v in p.tpp_rates.values()):
        raise ValueError("Tarif potongan TPP harus antara 0 dan 100 persen")
    if not 0 <= p.tpp_monthly_cap <= 100:
        raise ValueError("Batas potongan TPP bulanan harus antara 0 dan 100 persen")
    if p.tpp_daily_cap is not None:
        if not 0 <= p.tpp_daily_cap <= 100:
            raise ValueError("Batas potongan TPP harian harus antara 0 dan 100 persen")
        # A cap below a single code's rate would silently discount every TK (or Izin) day.
        code, rate = max(p.tpp_rates.items(), key=lambda item: item[1])
        if p.tpp_daily_cap < rate:
            raise ValueError(
                f"Batas potongan TPP harian ({p.tpp_daily_cap}) lebih kecil dari tarif {code} "
                f"({rate})"
            )
    if p.minutes_per_tk_day <= 0:
        raise ValueError("minutes_per_tk_day harus lebih dari 0")
    if p.consecutive_tk_limit < 1:
        raise ValueError("consecutive_tk_limit minimal 1")
    for name in ("geofence_max_accuracy_m", "max_speed_kmh"):
        if getattr(p, name) <= 0:
            raise ValueError(f"{name} harus lebih dari 0")
    if p.jump_min_distance_m < 0:
        raise ValueError("jump_min_distance_m tidak boleh negatif")
    _validate_pp94(p.pp94_tiers)


def _validate_pp94(tiers: tuple[tuple[Any, ...], ...]) -> None:
    """Tiers ascending, non-overlapping, only the last one open-ended."""
    if not tiers:
        raise ValueError("Tabel hukuman disiplin PP 94 tidak boleh kosong")
    previous_max = 0
    for i, (low, high, level, penalty) in enumerate(tiers):
        last = i == len(tiers) - 1
        if not _is_int(low) or low <= previous_max:
            raise ValueError("Tabel PP 94: batas bawah harus naik dan tidak tumpang tindih")
        if high is None and not last:
            raise ValueError("Tabel PP 94: hanya baris terakhir boleh tanpa batas atas")
        if high is not None and (not _is_int(high) or high < low):
            raise ValueError("Tabel PP 94: batas atas harus ≥ batas bawah")
        if level not in LEVELS:
            raise ValueError(f"Tabel PP 94: tingkat hukuman harus salah satu dari {LEVELS}")
        if not isinstance(penalty, str) or not penalty:
            raise ValueError("Tabel PP 94: kode hukuman wajib diisi")
        previous_max = high if high is not None else low
