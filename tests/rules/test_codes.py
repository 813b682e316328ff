"""Status codes of RULES.md §4 and their Lampiran I/II columns."""
from __future__ import annotations

import pytest

from api.rules.codes import (
    ABSENCE_CODES,
    CODES,
    PRESENT_CODES,
    REQUESTABLE_CODES,
    label,
    normalise_code,
    tier_codes,
    tier_range_label,
)


@pytest.mark.parametrize(
    ("code", "category", "column"),
    [
        ("H", "present", None),
        ("WFH", "present", None),
        ("TM", "present", None),
        ("TP", "present", None),
        ("TK", "unexcused", "tk"),
        ("LIBUR", "off", None),
        ("BELUM", "pending", None),
        ("CT", "excused", "cuti_sakit_dl_diklat"),
        ("CB", "excused", "cuti_sakit_dl_diklat"),
        ("CS", "excused", "cuti_sakit_dl_diklat"),
        ("CM", "excused", "cuti_sakit_dl_diklat"),
        ("CAP", "excused", "cuti_sakit_dl_diklat"),
        ("CB-BERSAMA", "excused", "cuti_sakit_dl_diklat"),
        ("CLTN", "excused", "cuti_sakit_dl_diklat"),
        ("S", "excused", "cuti_sakit_dl_diklat"),
        ("DL", "excused", "cuti_sakit_dl_diklat"),
        ("DIK", "excused", "cuti_sakit_dl_diklat"),
        ("TB", "excused", "cuti_sakit_dl_diklat"),
        ("I", "excused", "izin"),  # Lampiran II counts Ijin in its own column
    ],
)
def test_category_and_recap_column(code, category, column):
    assert CODES[code].category == category
    assert CODES[code].recap_column == column


def test_requestable_codes():
    assert REQUESTABLE_CODES == {"CT", "CB", "CS", "CM", "CAP", "CLTN", "S", "I", "DL", "DIK", "TB"}
    assert "CB-BERSAMA" in ABSENCE_CODES - REQUESTABLE_CODES


def test_present_codes():
    assert PRESENT_CODES == {"H", "WFH", "TM", "TP"}


@pytest.mark.parametrize(
    ("code", "sheet"),
    [("TK", "TK"), ("CT", "C"), ("CAP", "C"), ("CS", "S"), ("S", "S"), ("DL", "DL"), ("I", "I")],
)
def test_daily_sheet_codes_of_lampiran_i(code, sheet):
    assert CODES[code].sheet_code == sheet


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("H", "Hadir"),
        ("TK", "Tanpa keterangan"),
        ("DL", "Dinas luar / perjalanan dinas"),
        ("CB-BERSAMA", "Cuti bersama"),
        ("TL2", "Terlambat tingkat 2"),
        ("PSW4", "Pulang sebelum waktunya tingkat 4"),
    ],
)
def test_labels_are_indonesian(code, text):
    assert label(code) == text


@pytest.mark.parametrize("code", ["XX", "TLX", "PSW", ""])
def test_unknown_label(code):
    with pytest.raises(KeyError):
        label(code)


@pytest.mark.parametrize(
    ("raw", "code"), [("cb-bersama ", "CB-BERSAMA"), (" dl", "DL"), ("Wfh", "WFH")]
)
def test_normalise_code(raw, code):
    assert normalise_code(raw) == code


def test_normalise_unknown_code():
    with pytest.raises(KeyError):
        normalise_code("CUTI")


@pytest.mark.parametrize(
    ("prefix", "tier", "bounds", "text"),
    [
        ("TL", 1, (30, 60, 90), "Terlambat 1–30 menit"),
        ("TL", 2, (30, 60, 90), "Terlambat 31–60 menit"),
        ("TL", 3, (30, 60, 90), "Terlambat 61–90 menit"),
        ("TL", 4, (30, 60, 90), "Terlambat lebih dari 90 menit"),
        ("PSW", 2, (30, 60, 90), "Pulang sebelum waktunya 31–60 menit"),
        ("TL", 4, (31, 61, 91), "Terlambat lebih dari 91 menit"),
        ("TL", 2, (45,), "Terlambat lebih dari 45 menit"),
    ],
)
def test_tier_range_label_follows_bounds(prefix, tier, bounds, text):
    assert tier_range_label(prefix, tier, bounds) == text


@pytest.mark.parametrize("tier", [0, 5])
def test_tier_range_label_rejects_missing_tier(tier):
    with pytest.raises(ValueError, match="tidak ada"):
        tier_range_label("TL", tier, (30, 60, 90))


def test_tier_codes():
    assert tier_codes("PSW", (10, 20)) == ("PSW1", "PSW2", "PSW3")
