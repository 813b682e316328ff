"""NIP PNS, NI PPPK and local ids (RULES.md §3)."""
from __future__ import annotations

from datetime import date

import pytest

from api.rules.identifiers import (
    InvalidIdentifier,
    format_nip,
    parse_nip,
    parse_nippppk,
    validate_employee_id,
)


def test_rules_md_example():
    info = parse_nip("19860926 201505 1 001")
    assert info.nip == "198609262015051001"
    assert info.birth_date == date(1986, 9, 26)
    assert info.tmt_cpns == date(2015, 5, 1)
    assert info.sex == "L"
    assert info.sequence == 1
    assert info.formatted == "19860926 201505 1 001"


@pytest.mark.parametrize(
    ("raw", "birth", "tmt", "sex", "seq"),
    [
        ("198609262015051001", date(1986, 9, 26), date(2015, 5, 1), "L", 1),
        ("19860926  201505\t1 001 ", date(1986, 9, 26), date(2015, 5, 1), "L", 1),
        # NIPs printed in the seeds (Sekda Jember, Sekda Jatim):
        ("19630215 199202 1 001", date(1963, 2, 15), date(1992, 2, 1), "L", 1),
        ("19610306 198903 1 010", date(1961, 3, 6), date(1989, 3, 1), "L", 10),
        ("19900101 201503 2 005", date(1990, 1, 1), date(2015, 3, 1), "P", 5),
        ("19880229 201012 2 999", date(1988, 2, 29), date(2010, 12, 1), "P", 999),
        ("19860926 200301 1 001", date(1986, 9, 26), date(2003, 1, 1), "L", 1),  # birth + 17
        ("19400101 196001 1 001", date(1940, 1, 1), date(1960, 1, 1), "L", 1),
    ],
)
def test_valid_nips(raw, birth, tmt, sex, seq):
    info = parse_nip(raw)
    assert (info.birth_date, info.tmt_cpns, info.sex, info.sequence) == (birth, tmt, sex, seq)
    assert len(info.nip) == 18


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("19860926 201505 1 01", "18 digit"),
        ("19860926 201505 1 0011", "18 digit"),
        ("", "wajib diisi"),
        ("   ", "wajib diisi"),
        ("19860926-201505-1-001", "hanya boleh berisi angka"),
        ("19860926 201505 1 OO1", "hanya boleh berisi angka"),
        ("１９８６０９２６２０１５０５１００１", "hanya boleh berisi angka"),
        ("19861326 201505 1 001", "tanggal lahir tidak valid"),
        ("19860230 201505 1 001", "tanggal lahir tidak valid"),
        ("19870229 201505 1 001", "tanggal lahir tidak valid"),
        ("19860900 201505 1 001", "tanggal lahir tidak valid"),
        ("19391231 196001 1 001", "sebelum 1940"),
        ("19860926 201500 1 001", "bulan TMT CPNS"),
        ("19860926 201513 1 001", "bulan TMT CPNS"),
        ("19860926 200212 1 001", "kurang dari 17 tahun"),
        ("19860926 198505 1 001", "kurang dari 17 tahun"),
        ("19860926 201505 3 001", "jenis kelamin"),
        ("19860926 201505 0 001", "jenis kelamin"),
        ("19860926 201505 1 000", "nomor urut"),
    ],
)
def test_invalid_nips_name_the_problem(raw, message):
    with pytest.raises(InvalidIdentifier, match=message):
        parse_nip(raw)


def test_non_string_is_rejected():
    with pytest.raises(InvalidIdentifier, match="wajib diisi"):
        parse_nip(198609262015051001)  # type: ignore[arg-type]


def test_invalid_identifier_is_a_value_error():
    assert issubclass(InvalidIdentifier, ValueError)


@pytest.mark.parametrize(
    ("raw", "as_of", "message"),
    [
        ("20300101 205001 1 001", date(2026, 8, 18), "tanggal lahir.*masa depan"),
        ("19860926 202701 1 001", date(2026, 8, 18), "TMT CPNS.*masa depan"),
    ],
)
def test_as_of_rejects_future_dates(raw, as_of, message):
    parse_nip(raw)  # plausible on its own
    with pytest.raises(InvalidIdentifier, match=message):
        parse_nip(raw, as_of=as_of)


def test_format_nip():
    assert format_nip("198609262015051001") == "19860926 201505 1 001"


def test_pppk_example():
    info = parse_nippppk("19850715 2021 2 1 2 001")
    assert info.ni == "198507152021212001"
    assert info.birth_date == date(1985, 7, 15)
    assert (info.appointment_year, info.contract_count) == (2021, 1)
    assert (info.sex, info.sequence) == ("P", 1)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("19850715 2021 1 1 2 001", "digit ke-13 harus 2"),
        ("19850715 2021 2 0 2 001", "jumlah kontrak"),
        ("19850715 2001 2 1 2 001", "kurang dari 17 tahun"),
        ("19850715 2021 2 1 5 001", "jenis kelamin"),
        ("19850715 2021 2 1 2 000", "nomor urut"),
        ("19851315 2021 2 1 2 001", "tanggal lahir"),
        ("19850715 2021 2 1 2 01", "18 digit"),
    ],
)
def test_invalid_pppk(raw, message):
    with pytest.raises(InvalidIdentifier, match=f"NI PPPK.*{message}"):
        parse_nippppk(raw)


def test_pppk_future_appointment_with_as_of():
    with pytest.raises(InvalidIdentifier, match="masa depan"):
        parse_nippppk("19850715 2027 2 1 2 001", as_of=date(2026, 8, 18))


LOCAL = (r"PTT-\d{4}-\d{3}", r"HON\d{6}")


@pytest.mark.parametrize(
    ("value", "employment_type", "expected"),
    [
        ("19860926 201505 1 001", "PNS", "198609262015051001"),
        ("19860926 201505 1 001", "CPNS", "198609262015051001"),
        ("19850715 2021 2 1 2 001", "PPPK", "198507152021212001"),
        ("PTT-2021-001", "PTT-PK", "PTT-2021-001"),
        ("  HON000123 ", "NON_ASN", "HON000123"),
    ],
)
def test_validate_employee_id(value, employment_type, expected):
    assert validate_employee_id(value, employment_type, LOCAL) == expected


@pytest.mark.parametrize(
    ("value", "employment_type", "patterns", "message"),
    [
        ("19850715 2021 2 1 2 001", "PNS", LOCAL, "bulan TMT CPNS"),  # a PPPK number is no NIP
        ("19860926 201505 1 001", "PPPK", LOCAL, "digit ke-13"),
        ("xPTT-2021-001", "PTT-PK", LOCAL, "tidak sesuai pola"),  # the whole id must match
        ("PTT-2021-0011", "PTT-PK", LOCAL, "tidak sesuai pola"),
        ("PTT-2021-001", "PTT-PK", (), "belum dikonfigurasi"),
        ("PTT-2021-001", "PTT-PK", ("PTT-(",), "Pola ID lokal tidak valid"),
        ("123", "HONORER", LOCAL, "Jenis kepegawaian tidak dikenal"),
    ],
)
def test_validate_employee_id_rejects(value, employment_type, patterns, message):
    with pytest.raises(InvalidIdentifier, match=message):
        validate_employee_id(value, employment_type, patterns)
