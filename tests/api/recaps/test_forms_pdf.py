"""The Perbup forms as PDF over several pages: every page starts with the headings, every
row is there once, and the signature block is whole on the last page."""
from __future__ import annotations

import io
from datetime import date

import pandas as pd
from pypdf import PdfReader

from api.services.recaps.forms import LAMPIRAN_II, form_rows, lampiran_i, signature_lines
from api.services.recaps.pdf import Section, form_pdf

HEAD = {"name": "Dr. Siti Rahayu", "nip": "198501012010011001"}


def people(count: int) -> pd.DataFrame:
    return pd.DataFrame({
        "no": range(1, count + 1), "name": [f"Pegawai Ke-{i:03d}" for i in range(1, count + 1)],
        "nip": ["198703152015031002"] * count, "jabatan": ["Pranata Komputer Ahli Pertama"] * count,
        "late_minutes": [i % 40 for i in range(count)], "early_minutes": [0] * count,
        "tk_days": [i % 3 for i in range(count)], "leave_days": [0] * count,
        "izin_days": [1] * count, "check_in": ["07:05"] * count, "check_out": ["15:10"] * count,
        "code": [""] * count, "remarks": ["Terlambat 5 menit; keterangan yang panjang sekali "
                                          "sampai harus dibungkus ke baris berikutnya"] * count})


def pages_of(form, rows: pd.DataFrame) -> list[str]:
    signature = signature_lines(HEAD, "Dinas Komunikasi dan Informatika", date(2026, 3, 2),
                                "Pemerintah Kabupaten Jember")
    content = form_pdf(form, [Section(["PEMERINTAH KABUPATEN JEMBER", "DINAS KOMINFO", " "],
                                      "BULAN FEBRUARI 2026", form_rows(rows), signature)])
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages]


def test_a_long_lampiran_ii_repeats_its_headings_and_keeps_the_signature_whole():
    pages = pages_of(LAMPIRAN_II, people(120))
    assert len(pages) > 3
    for number, text in enumerate(pages, start=1):
        assert "Nama/NIP" in text and "Rekap Terlambat Datang (Jumlah Menit)" in text
        assert f"Halaman {number}/{len(pages)}" in text
    everything = " ".join(pages)
    assert all(everything.count(f"Pegawai Ke-{i:03d}") == 1 for i in range(1, 121))
    last = pages[-1]
    for line in ("Jember, 2 Maret 2026", "Kepala Dinas Komunikasi dan Informatika",
                 "Dr. Siti Rahayu", "NIP. 19850101 201001 1 001"):
        assert line in last
    assert last.index("Pegawai Ke-120") < last.index("Jember, 2 Maret 2026")


def test_lampiran_i_draws_its_two_heading_rows_on_every_page():
    pages = pages_of(lampiran_i("WITA"), people(60))
    assert len(pages) > 1
    for text in pages:
        assert "Kedatangan" in text and "Kepulangan" in text and "Jam (WITA)" in text
        assert text.count("Tanda Tangan") == 2
    assert "dibungkus ke baris berikutnya" in pages[0]  # a long remark wraps, nothing is lost
