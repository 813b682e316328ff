"""Employee identifiers (RULES.md §3): NIP PNS, NI PPPK, and locally configured ids."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

MIN_BIRTH_YEAR = 1940
MIN_AGE_AT_APPOINTMENT = 17  # a TMT earlier than birth year + 17 is a typo, not a person
SEX = {"1": "L", "2": "P"}  # laki-laki / perempuan

EMPLOYMENT_TYPES = ("PNS", "CPNS", "PPPK", "PTT-PK", "NON_ASN")


class InvalidIdentifier(ValueError):
    """An identifier that fails validation; the message is Indonesian and names the problem."""


@dataclass(frozen=True)
class NipInfo:
    """The parts of an 18-digit NIP PNS."""

    nip: str
    birth_date: date
    tmt_cpns: date  # first day of the TMT CPNS month
    sex: str  # "L" | "P"
    sequence: int

    @property
    def formatted(self) -> str:
        """The way NIPs are printed: 19860926 201505 1 001."""
        return format_nip(self.nip)


@dataclass(frozen=True)
class NiPppkInfo:
    """The parts of an 18-digit NI PPPK."""

    ni: str
    birth_date: date
    appointment_year: int
    contract_count: int
    sex: str  # "L" | "P"
    sequence: int


def format_nip(nip: str) -> str:
    """18 digits → "YYYYMMDD YYYYMM S NNN"."""
    d = _digits(nip, "NIP")
    return f"{d[:8]} {d[8:14]} {d[14]} {d[15:]}"


def parse_nip(nip: str, *, as_of: date | None = None) -> NipInfo:
    """Validate a NIP PNS (spaces allowed); `as_of` also rejects dates in the future."""
    d = _digits(nip, "NIP")
    birth = _birth_date(d[:8], "NIP", as_of)
    tmt_year, tmt_month = int(d[8:12]), int(d[12:14])
    if not 1 <= tmt_month <= 12:
        raise InvalidIdentifier(f"NIP: bulan TMT CPNS tidak valid ({d[12:14]})")
    _appointment_year(tmt_year, birth, "NIP", "TMT CPNS")
    tmt = date(tmt_year, tmt_month, 1)
    if as_of is not None and tmt > as_of:
        raise InvalidIdentifier("NIP: TMT CPNS tidak boleh di masa depan")
    return NipInfo(d, birth, tmt, _sex(d[14], "NIP"), _sequence(d[15:], "NIP"))


def parse_nippppk(ni: str, *, as_of: date | None = None) -> NiPppkInfo:
    """Validate a NI PPPK: birth YYYYMMDD + appointment YYYY + "2" + contract + sex + NNN."""
    d = _digits(ni, "NI PPPK")
    birth = _birth_date(d[:8], "NI PPPK", as_of)
    year = int(d[8:12])
    _appointment_year(year, birth, "NI PPPK", "tahun pengangkatan")
    if as_of is not None and year > as_of.year:
        raise InvalidIdentifier("NI PPPK: tahun pengangkatan tidak boleh di masa depan")
    if d[12] != "2":
        raise InvalidIdentifier(f"NI PPPK: digit ke-13 harus 2 (penanda PPPK), bukan {d[12]}")
    if d[13] == "0":
        raise InvalidIdentifier("NI PPPK: digit jumlah kontrak tidak boleh 0")
    return NiPppkInfo(d, birth, year, int(d[13]), _sex(d[14], "NI PPPK"),
                      _sequence(d[15:], "NI PPPK"))


def validate_employee_id(
    value: str, employment_type: str, local_patterns: Sequence[str] = ()
) -> str:
    """The normalised id for an employment type: NIP, NI PPPK, or a configured local pattern."""
    if employment_type in ("PNS", "CPNS"):
        return parse_nip(value).nip
    if employment_type == "PPPK":
        return parse_nippppk(value).ni
    if employment_type in ("PTT-PK", "NON_ASN"):
        local = value.strip()
        if not local_patterns:
            raise InvalidIdentifier("ID pegawai non-ASN: pola ID lokal belum dikonfigurasi")
        for pattern in local_patterns:
            try:
                if re.fullmatch(pattern, local):
                    return local
            except re.error as exc:
                raise InvalidIdentifier(f"Pola ID lokal tidak valid: {pattern!r}") from exc
        raise InvalidIdentifier("ID pegawai non-ASN tidak sesuai pola yang ditetapkan")
    raise InvalidIdentifier(f"Jenis kepegawaian tidak dikenal: {employment_type!r}")


def _digits(value: str, what: str) -> str:
    # Officials write NIPs with spaces ("19860926 201505 1 001"); only whitespace is dropped.
    if not isinstance(value, str) or not value.strip():
        raise InvalidIdentifier(f"{what} wajib diisi")
    d = "".join(value.split())
    if not d.isascii() or not d.isdigit():
        raise InvalidIdentifier(f"{what} hanya boleh berisi angka")
    if len(d) != 18:
        raise InvalidIdentifier(f"{what} harus 18 digit (diterima {len(d)} digit)")
    return d


def _birth_date(text: str, what: str, as_of: date | None) -> date:
    try:
        birth = date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise InvalidIdentifier(f"{what}: tanggal lahir tidak valid ({text})") from None
    if birth.year < MIN_BIRTH_YEAR:
        raise InvalidIdentifier(f"{what}: tahun lahir sebelum {MIN_BIRTH_YEAR} tidak wajar")
    if as_of is not None and birth > as_of:
        raise InvalidIdentifier(f"{what}: tanggal lahir tidak boleh di masa depan")
    return birth


def _appointment_year(year: int, birth: date, what: str, label: str) -> None:
    if year < birth.year + MIN_AGE_AT_APPOINTMENT:
        raise InvalidIdentifier(
            f"{what}: {label} ({year}) kurang dari {MIN_AGE_AT_APPOINTMENT} tahun "
            f"setelah tahun lahir ({birth.year})"
        )


def _sex(digit: str, what: str) -> str:
    if digit not in SEX:
        raise InvalidIdentifier(f"{what}: kode jenis kelamin harus 1 atau 2, bukan {digit}")
    return SEX[digit]


def _sequence(text: str, what: str) -> int:
    if text == "000":
        raise InvalidIdentifier(f"{what}: nomor urut tidak boleh 000")
    return int(text)
