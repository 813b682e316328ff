"""Reading an uploaded table, xlsx or CSV, safely: a zip bomb is refused before openpyxl
opens it, and a file that is not a table is the user's error, not ours."""
from __future__ import annotations

import csv
import io
import zipfile

import openpyxl

from api.errors import ApiError

MAX_UNZIPPED_BYTES = 50 * 1024 * 1024


def unzipped_size(data: bytes) -> int:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return sum(info.file_size for info in archive.infolist())


def open_workbook(data: bytes, field: str = "sheet"):
    """An openpyxl workbook (read-only, values), or SHEET_UNREADABLE / PAYLOAD_TOO_LARGE."""
    try:
        if unzipped_size(data) > MAX_UNZIPPED_BYTES:
            raise ApiError("PAYLOAD_TOO_LARGE", 413, details={field: ["Isi xlsx terlalu besar."]})
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except ApiError:
        raise
    except Exception as exc:  # not a zip, not a workbook, broken XML: the user's file is bad
        raise ApiError("SHEET_UNREADABLE", 422) from exc


def rows_of(data: bytes, field: str = "sheet") -> list[tuple]:
    """Every row of the first sheet of an xlsx, or of a CSV (comma or semicolon, UTF-8 with or
    without BOM), as tuples of cell values."""
    if data[:2] == b"PK":
        book = open_workbook(data, field)
        try:
            return [tuple(row) for row in book.worksheets[0].iter_rows(values_only=True)]
        finally:
            book.close()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApiError("SHEET_UNREADABLE", 422, details={field: [
            "CSV harus UTF-8 (simpan ulang sebagai CSV UTF-8)."]}) from exc
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [tuple(row) for row in csv.reader(io.StringIO(text), dialect)]
