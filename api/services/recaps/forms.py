"""Lampiran I and II as Perbup Jember 55/2021 prints them: each form's caption, title and
columns in the Perbup's wording, written as the first sheet of a workbook here and as PDF
pages by api/services/recaps/pdf.py, from the same rows."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

import pandas as pd

from api.formats import indonesian_date
from api.rules.identifiers import format_nip
from api.rules.recap import month_label

from .xlsx import Styles, place_name

HEADER_ROW = 12  # first header row (0-based) of a form sheet: caption, KOP and title above it
A4 = 9  # xlsxwriter's paper code
NO_HEAD = "(..............................)"


@dataclass(frozen=True)
class FormColumn:
    header: str
    key: str
    number: bool
    width: float  # in xlsx characters; the PDF scales the widths to its printed width
    group: str | None = None  # a heading over several columns (Lampiran I's "Kedatangan")


def perbup_caption(number: str) -> tuple[str, ...]:
    """The caption of the Perbup's attachment (seed 001: Perbup Jember 55/2021)."""
    return (f"LAMPIRAN {number} PERATURAN BUPATI JEMBER", "NOMOR : 55 TAHUN 2021",
            "TENTANG PEDOMAN PELAKSANAAN PRESENSI", "MOBILE DI LINGKUNGAN PEMERINTAH",
            "KABUPATEN JEMBER")


@dataclass(frozen=True)
class Form:
    number: str  # "I" or "II"; "" for a report that is not a Perbup attachment
    title: str
    columns: tuple[FormColumn, ...]
    caption: tuple[str, ...] = ()

    @property
    def header_rows(self) -> int:
        return 2 if any(c.group for c in self.columns) else 1

    def spans(self) -> list[tuple[str | None, list[FormColumn]]]:
        """The columns in runs under one heading (None: a column heads itself)."""
        return [(group, list(run)) for group, run in groupby(self.columns, lambda c: c.group)]


def lampiran_i(zone: str) -> Form:
    """The daily sheet: arrival and departure times with room for the signatures."""
    return Form("I", "PRESENSI HARIAN PEGAWAI MANUAL", caption=perbup_caption("I"), columns=(
        FormColumn("No.", "no", True, 5), FormColumn("Nama/NIP", "name_nip", False, 32),
        FormColumn("Jabatan", "jabatan", False, 24),
        FormColumn(f"Jam ({zone})", "check_in", False, 10, "Kedatangan"),
        FormColumn("Tanda Tangan", "sign_in", False, 13, "Kedatangan"),
        FormColumn(f"Jam ({zone})", "check_out", False, 10, "Kepulangan"),
        FormColumn("Tanda Tangan", "sign_out", False, 13, "Kepulangan"),
        FormColumn("TK/C/ S/DL/I", "code", False, 8),
        FormColumn("Keterangan", "remarks", False, 30),
    ))


LAMPIRAN_II = Form("II", "REKAPITULASI KEHADIRAN PEGAWAI", caption=perbup_caption("II"), columns=(
    FormColumn("No.", "no", True, 5), FormColumn("Nama/NIP", "name_nip", False, 34),
    FormColumn("Jabatan", "jabatan", False, 28),
    FormColumn("Rekap Terlambat Datang (Jumlah Menit)", "late_minutes", True, 15),
    FormColumn("Rekap Pulang Sebelum Waktu (Jumlah Menit)", "early_minutes", True, 15),
    FormColumn("Tidak Hadir Tanpa Alasan Sah (Jumlah Hari)", "tk_days", True, 15),
    FormColumn("Cuti/Sakit/Dinas Luar/Diklat (Jumlah Hari)", "leave_days", True, 15),
    FormColumn("Ijin (Jumlah Hari)", "izin_days", True, 12),
))


def kop_lines(pemda: str, opd_name: str, address: str | None) -> list[str]:
    """The KOP above a form: the pemda, the OPD, its address."""
    return [pemda.upper(), opd_name.upper(), address or " "]


def month_line(first: date) -> str:
    """Lampiran II's line under its title: "BULAN FEBRUARI 2026"."""
    return f"BULAN {month_label(first.year, first.month).upper()}"


def printed_nip(nip: str) -> str:
    try:
        return format_nip(nip) if nip else ""
    except ValueError:
        return nip


def name_nip(name: str, nip: str) -> str:
    """"Nama/NIP" as one cell: the name, then the NIP in its printed grouping."""
    nip = printed_nip(nip)
    return f"{name}\nNIP. {nip}" if nip else name


def form_rows(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows with the form's own cells: Nama/NIP joined, the signature columns blank."""
    joined = [name_nip(name, nip) for name, nip in zip(rows["name"], rows["nip"], strict=True)]
    return rows.assign(name_nip=joined, sign_in="", sign_out="")


SIGNED_NAME = 5  # the line of the signature block that holds the name


def signature_lines(head: dict | None, opd_name: str, day: date, pemda: str) -> list[str]:
    """The head of the OPD's signature block: place and date, office, room to sign, name,
    NIP."""
    nip = printed_nip(head["nip"]) if head else ""
    return [f"{place_name(pemda)}, {indonesian_date(day)}",
            f"Kepala {opd_name}", "", "", "", head["name"] if head else NO_HEAD,
            f"NIP. {nip or '..............................'}"]


def form_signature(ws, styles: Styles, row: int, form: Form, lines: list[str]) -> None:
    """The signature block one row under the table, over its last three columns (inside the
    printed width)."""
    col = len(form.columns) - 3
    for offset, text in enumerate(lines):
        style = (styles.name if offset == SIGNED_NAME else styles.bold if offset == 1
                 else None)
        if text:
            ws.write_string(row + 1 + offset, col, text, style)


def form_sheet(ws, styles: Styles, form: Form, kop: list[str], subtitle: str,
               rows: pd.DataFrame) -> int:
    """Caption, KOP, title, the bordered table (its header repeated on every page) and the
    A4-landscape print setup; returns the row after the table."""
    columns = form.columns
    width = len(columns)
    for row, text in enumerate(form.caption):
        ws.merge_range(row, width - 3, row, width - 1, text, styles.caption)
    for offset, text in enumerate(kop):
        ws.merge_range(6 + offset, 0, 6 + offset, width - 1, text,
                       styles.kop if offset < 2 else styles.kop_sub)
    ws.merge_range(10, 0, 10, width - 1, form.title, styles.title)
    ws.merge_range(11, 0, 11, width - 1, subtitle, styles.title)
    for index, column in enumerate(columns):
        ws.set_column(index, index, column.width)
    _headings(ws, styles, form)
    last_heading = HEADER_ROW + form.header_rows - 1
    ws.repeat_rows(HEADER_ROW, last_heading)
    ws.set_landscape()
    ws.set_paper(A4)
    ws.fit_to_pages(1, 0)  # one page wide, as many tall as the OPD needs
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    row = last_heading + 1
    for record in rows[[c.key for c in columns]].itertuples(index=False, name=None):
        ws.set_row(row, 30)
        for col, (column, value) in enumerate(zip(columns, record, strict=True)):
            if column.number:
                ws.write_number(row, col, value, styles.cell_number)
            else:
                text = "" if value is None or value != value else str(value)
                ws.write_string(row, col, text, styles.cell_wrap)
        row += 1
    return row


def _headings(ws, styles: Styles, form: Form) -> None:
    """One header row, or two where columns share a heading (merged above them; a
    constant-memory worksheet cannot go back a row to merge)."""
    top = HEADER_ROW
    if form.header_rows == 1:
        ws.set_row(top, 48)
        ws.write_row(top, 0, [c.header for c in form.columns], styles.header)
        return
    if ws.constant_memory:
        raise ValueError("Dua baris judul tidak dapat ditulis dalam mode constant_memory.")
    ws.set_row(top, 20)
    ws.set_row(top + 1, 30)
    index = 0
    for group, run in form.spans():
        if group is None:
            for column in run:
                ws.merge_range(top, index, top + 1, index, column.header, styles.header)
                index += 1
            continue
        ws.merge_range(top, index, top, index + len(run) - 1, group, styles.header)
        for column in run:
            ws.write_string(top + 1, index, column.header, styles.header)
            index += 1
