"""Reading the rows of an uploaded Lampiran I xlsx: the table under its header row, each row
with the number the user sees in Excel, cell values read the way people type them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time

from api.errors import ApiError
from api.spreadsheets import open_workbook

SHEET_NAME, META_SHEET = "Presensi", "meta"
COLUMNS = ("No", "Nama", "NIP", "Jabatan", "Jam Datang", "Jam Pulang", "Kode", "Keterangan")
REQUIRED_COLUMNS = ("NIP", "Jam Datang", "Jam Pulang", "Kode")
MAX_ROWS = 5000
TIME_TEXT = re.compile(r"^(\d{1,2})[.:](\d{2})$")


@dataclass
class SheetRow:
    row: int
    values: dict
    errors: list[str] = field(default_factory=list)


def _header(values: tuple) -> dict[str, int] | None:
    names = {str(v).strip().lower(): i for i, v in enumerate(values) if v is not None}
    if "nip" not in names:
        return None
    return {column: names[column.lower()] for column in COLUMNS if column.lower() in names}


def read_workbook(data: bytes) -> tuple[list[SheetRow], dict[str, str]]:
    """The data rows (with their Excel row numbers) and the template's metadata."""
    book = open_workbook(data)
    try:
        meta = {}
        if META_SHEET in book.sheetnames:
            meta = {str(k): str(v) for k, v, *_ in book[META_SHEET].iter_rows(values_only=True)
                    if k is not None}
        sheet = book[SHEET_NAME] if SHEET_NAME in book.sheetnames else book.worksheets[0]
        return _data_rows(sheet), meta
    finally:
        book.close()


def _data_rows(sheet) -> list[SheetRow]:
    columns, rows, ended = None, [], False
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        if columns is None:
            columns = _header(values) if number <= 20 else None
            if columns is None and number >= 20:
                break
            continue
        picked = {name: values[i] if i < len(values) else None for name, i in columns.items()}
        if all(_blank(picked.get(name)) for name in ("No", "Nama", "NIP")):
            ended = True  # the table ends here; what follows is the signature block
            continue
        if ended:
            if not _blank(picked.get("NIP")):
                rows.append(SheetRow(number, picked, ["Baris ini terpisah dari tabel oleh baris "
                                                      "kosong; hapus baris kosong di atasnya."]))
            continue
        rows.append(SheetRow(number, picked))
        if len(rows) > MAX_ROWS:
            raise ApiError("SHEET_UNREADABLE", 422, details={"rows": [f"Maksimal {MAX_ROWS}."]})
    if columns is None or any(c not in columns for c in REQUIRED_COLUMNS):
        missing = [c for c in REQUIRED_COLUMNS if columns is None or c not in columns]
        raise ApiError("SHEET_UNREADABLE", 422, details={"columns": missing})
    return rows


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def cell_time(value) -> time | None:
    """A clock time from a cell: a time/datetime, a day fraction, 7.15 or "07.15"/"07:15"."""
    if _blank(value):
        return None
    if isinstance(value, datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0)
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 0 <= value < 1:
            minutes = round(value * 24 * 60)
            return time(minutes // 60 % 24, minutes % 60)
        text = f"{value:.2f}"
    else:
        text = str(value).strip().upper().replace(" ", "")
        for zone_name in ("WITA", "WIB", "WIT"):
            text = text.removesuffix(zone_name)
    match = TIME_TEXT.match(text)
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return time(int(match[1]), int(match[2]))
    raise ValueError(f"{value!r} bukan jam yang valid (tulis JJ.MM, mis. 07.15).")


def cell_nip(value) -> str | None:
    if _blank(value):
        return None
    if isinstance(value, float):
        raise ValueError("NIP harus ditulis sebagai teks (format angka Excel merusak 18 digit).")
    return str(value).replace(" ", "").strip()
