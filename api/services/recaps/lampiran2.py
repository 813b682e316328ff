"""The Lampiran II sheet as Perbup Jember 55/2021 prints it (see api/services/recaps/xlsx.py
for the workbook around it)."""
from __future__ import annotations

import pandas as pd

from api.rules.identifiers import format_nip

from .xlsx import INT, TEXT, Column, Styles

LAMPIRAN_ROW = 12  # header row index of a Lampiran II sheet (caption and KOP above it)
# the caption of the Perbup's attachment (seed 001: Perbup Jember 55/2021)
LAMPIRAN_CAPTION = ("LAMPIRAN II PERATURAN BUPATI JEMBER", "NOMOR : 55 TAHUN 2021",
                    "TENTANG PEDOMAN PELAKSANAAN PRESENSI", "MOBILE DI LINGKUNGAN PEMERINTAH",
                    "KABUPATEN JEMBER")
A4 = 9  # xlsxwriter's paper code


def lampiran_columns() -> list[Column]:
    """Lampiran II's own eight columns, in the Perbup's wording."""
    return [
        Column("No.", "no", INT, 5), Column("Nama/NIP", "name_nip", TEXT, 34),
        Column("Jabatan", "jabatan", TEXT, 28),
        Column("Rekap Terlambat Datang (Jumlah Menit)", "late_minutes", INT, 15),
        Column("Rekap Pulang Sebelum Waktu (Jumlah Menit)", "early_minutes", INT, 15),
        Column("Tidak Hadir Tanpa Alasan Sah (Jumlah Hari)", "tk_days", INT, 15),
        Column("Cuti/Sakit/Dinas Luar/Diklat (Jumlah Hari)", "leave_days", INT, 15),
        Column("Ijin (Jumlah Hari)", "izin_days", INT, 12),
    ]


def name_nip(name: str, nip: str) -> str:
    """"Nama/NIP" as one cell: the name, then the NIP in its printed grouping."""
    try:
        nip = format_nip(nip) if nip else ""
    except ValueError:
        pass
    return f"{name}\nNIP. {nip}" if nip else name


def lampiran_sheet(ws, styles: Styles, kop: list[str], title_month: str,
                   frame: pd.DataFrame) -> int:
    """Caption, KOP, title, the bordered eight-column table (header repeated on every page)
    and the A4-landscape print setup; returns the row after the table."""
    columns = lampiran_columns()
    width = len(columns)
    for row, text in enumerate(LAMPIRAN_CAPTION):
        ws.merge_range(row, width - 3, row, width - 1, text, styles.caption)
    for offset, text in enumerate(kop):
        ws.merge_range(6 + offset, 0, 6 + offset, width - 1, text,
                       styles.kop if offset < 2 else styles.kop_sub)
    ws.merge_range(10, 0, 10, width - 1, "REKAPITULASI KEHADIRAN PEGAWAI", styles.title)
    ws.merge_range(11, 0, 11, width - 1, title_month, styles.title)
    for index, column in enumerate(columns):
        ws.set_column(index, index, column.width)
    ws.set_row(LAMPIRAN_ROW, 48)
    ws.write_row(LAMPIRAN_ROW, 0, [c.header for c in columns], styles.header)
    ws.repeat_rows(LAMPIRAN_ROW)
    ws.set_landscape()
    ws.set_paper(A4)
    ws.fit_to_pages(1, 0)  # one page wide, as many tall as the OPD needs
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    row = LAMPIRAN_ROW + 1
    for record in frame.itertuples(index=False):
        ws.set_row(row, 30)
        ws.write_number(row, 0, record.no, styles.cell_number)
        ws.write_string(row, 1, name_nip(record.name, record.nip), styles.cell_wrap)
        ws.write_string(row, 2, record.jabatan or "", styles.cell_wrap)
        for col, key in enumerate(("late_minutes", "early_minutes", "tk_days", "leave_days",
                                   "izin_days"), start=3):
            ws.write_number(row, col, getattr(record, key), styles.cell_number)
        row += 1
    return row
