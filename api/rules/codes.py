"""Status and absence codes (RULES.md §4) as data: label, category, recap column."""
from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

# Categories decide how a day counts: present and excused days are not TK; "off" days are
# not workdays at all; "pending" is today's day that can still become anything.
PRESENT = "present"
EXCUSED = "excused"
UNEXCUSED = "unexcused"
OFF = "off"
PENDING = "pending"

# Lampiran II (Perbup Jember 55/2021) recap columns a day's code is counted in.
COL_TK = "tk"
COL_LEAVE = "cuti_sakit_dl_diklat"
COL_IZIN = "izin"


@dataclass(frozen=True)
class StatusCode:
    """One daily status / absence code."""

    code: str
    label: str
    category: str
    recap_column: str | None = None
    requestable: bool = False  # may be asked for in an absence request
    sheet_code: str | None = None  # the code column of the manual daily sheet (Lampiran I)


_ALL = (
    StatusCode("H", "Hadir", PRESENT),
    StatusCode("WFH", "Bekerja dari rumah / tugas luar kantor", PRESENT),
    StatusCode("TM", "Tidak presensi masuk", PRESENT),
    StatusCode("TP", "Tidak presensi pulang", PRESENT),
    StatusCode("TK", "Tanpa keterangan", UNEXCUSED, COL_TK, sheet_code="TK"),
    StatusCode("LIBUR", "Libur", OFF),
    StatusCode("BELUM", "Belum presensi", PENDING),
    StatusCode("CT", "Cuti tahunan", EXCUSED, COL_LEAVE, True, "C"),
    StatusCode("CB", "Cuti besar", EXCUSED, COL_LEAVE, True, "C"),
    StatusCode("CS", "Cuti sakit", EXCUSED, COL_LEAVE, True, "S"),
    StatusCode("CM", "Cuti melahirkan", EXCUSED, COL_LEAVE, True, "C"),
    StatusCode("CAP", "Cuti karena alasan penting", EXCUSED, COL_LEAVE, True, "C"),
    # Collective leave is decided nationally (a holiday in practice): never requested by one
    # employee, but kept so an operator can record it for a unit that works through it.
    StatusCode("CB-BERSAMA", "Cuti bersama", EXCUSED, COL_LEAVE, False, "C"),
    StatusCode("CLTN", "Cuti di luar tanggungan negara", EXCUSED, COL_LEAVE, True, "C"),
    StatusCode("S", "Sakit (dengan surat keterangan)", EXCUSED, COL_LEAVE, True, "S"),
    StatusCode("I", "Izin", EXCUSED, COL_IZIN, True, "I"),
    StatusCode("DL", "Dinas luar / perjalanan dinas", EXCUSED, COL_LEAVE, True, "DL"),
    StatusCode("DIK", "Pendidikan dan pelatihan (diklat)", EXCUSED, COL_LEAVE, True, "DIK"),
    StatusCode("TB", "Tugas belajar", EXCUSED, COL_LEAVE, True, "TB"),
)

CODES: MappingProxyType[str, StatusCode] = MappingProxyType({c.code: c for c in _ALL})
ABSENCE_CODES = frozenset(c.code for c in _ALL if c.category == EXCUSED)
REQUESTABLE_CODES = frozenset(c.code for c in _ALL if c.requestable)
PRESENT_CODES = frozenset(c.code for c in _ALL if c.category == PRESENT)

LATE_PREFIX = "TL"  # terlambat
EARLY_PREFIX = "PSW"  # pulang sebelum waktunya


def normalise_code(code: str) -> str:
    """Upper-cased, trimmed code ("cb-bersama " → "CB-BERSAMA"); KeyError if unknown."""
    key = code.strip().upper()
    if key not in CODES:
        raise KeyError(code)
    return key


def label(code: str) -> str:
    """Indonesian label of a status code or a TL/PSW tier code ("TL2" → "Terlambat 2")."""
    if code in CODES:
        return CODES[code].label
    for prefix, word in ((LATE_PREFIX, "Terlambat"), (EARLY_PREFIX, "Pulang sebelum waktunya")):
        if code.startswith(prefix) and code[len(prefix):].isdigit():
            return f"{word} tingkat {code[len(prefix):]}"
    raise KeyError(code)


def tier_code(prefix: str, tier: int) -> str:
    """"TL" + 2 → "TL2"."""
    return f"{prefix}{tier}"


def tier_codes(prefix: str, bounds: tuple[int, ...]) -> tuple[str, ...]:
    """All tier codes a bound list produces: (30, 60, 90) → TL1..TL4."""
    return tuple(tier_code(prefix, n) for n in range(1, len(bounds) + 2))


def tier_range_label(prefix: str, tier: int, bounds: tuple[int, ...]) -> str:
    """Indonesian description of a tier from its bounds: TL2 with (30, 60, 90) → 31–60 menit."""
    word = "Terlambat" if prefix == LATE_PREFIX else "Pulang sebelum waktunya"
    if not 1 <= tier <= len(bounds) + 1:
        raise ValueError(f"Tingkat {prefix}{tier} tidak ada")
    low = 1 if tier == 1 else bounds[tier - 2] + 1
    if tier == len(bounds) + 1:
        return f"{word} lebih dari {bounds[-1]} menit"
    return f"{word} {low}–{bounds[tier - 1]} menit"
