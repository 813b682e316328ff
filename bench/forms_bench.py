"""How fast the Perbup forms are written as PDF and xlsx (api/services/recaps/forms.py,
pdf.py), on synthetic rows shaped like a pemda's: no database, one thread.

    python bench/forms_bench.py --employees 50000 --opds 45
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date

import pandas as pd
import xlsxwriter

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from api.services.recaps.forms import (  # noqa: E402
    LAMPIRAN_II,
    form_rows,
    form_sheet,
    form_signature,
    lampiran_i,
    signature_lines,
)
from api.services.recaps.pdf import Section, form_pdf  # noqa: E402
from api.services.recaps.xlsx import Styles  # noqa: E402

PEMDA = "Pemerintah Kabupaten Jember"
HEAD = {"name": "Dr. Siti Rahayu, M.Si.", "nip": "198501012010011001"}


def synthetic(count: int) -> pd.DataFrame:
    return pd.DataFrame({
        "no": range(1, count + 1), "name": [f"Pegawai Nomor {i}" for i in range(count)],
        "nip": ["198703152015031002"] * count,
        "jabatan": ["Pranata Komputer Ahli Pertama"] * count,
        "late_minutes": [i % 97 for i in range(count)], "early_minutes": [i % 13 for i in
                                                                            range(count)],
        "tk_days": [i % 3 for i in range(count)], "leave_days": [i % 5 for i in range(count)],
        "izin_days": [i % 2 for i in range(count)], "check_in": ["07:05"] * count,
        "check_out": ["15:10"] * count, "code": [""] * count,
        "remarks": ["Terlambat 5 menit"] * count})


def sections(rows: pd.DataFrame, opds: int) -> list[Section]:
    size = -(-len(rows) // opds)
    signature = signature_lines(HEAD, "Dinas Komunikasi dan Informatika", date(2026, 5, 4), PEMDA)
    return [Section([PEMDA.upper(), f"DINAS NOMOR {k}", "Jl. Sudarman No. 1"],
                    "BULAN APRIL 2026", form_rows(rows.iloc[k * size:(k + 1) * size]), signature)
            for k in range(opds)]


def timed(work) -> tuple[float, object]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def xlsx_forms(parts: list[Section]) -> int:
    handle, path = tempfile.mkstemp(suffix=".xlsx")
    os.close(handle)
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    styles = Styles(book)
    for index, part in enumerate(parts):
        ws = book.add_worksheet(f"OPD{index}")
        end = form_sheet(ws, styles, LAMPIRAN_II, part.kop, part.subtitle, part.rows)
        form_signature(ws, styles, end, LAMPIRAN_II, part.signature)
    book.close()
    size = os.path.getsize(path)
    os.unlink(path)
    return size


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--employees", type=int, default=50000)
    parser.add_argument("--opds", type=int, default=45)
    args = parser.parse_args()
    rows = synthetic(args.employees)
    pemda = sections(rows, args.opds)
    one = sections(rows.iloc[:1100], 1)
    out = {"employees": args.employees, "opds": args.opds, "load": os.getloadavg()[0]}
    for name, form, parts in (("lampiran_ii_pdf_pemda", LAMPIRAN_II, pemda),
                              ("lampiran_ii_pdf_one_opd_1100", LAMPIRAN_II, one),
                              ("lampiran_i_pdf_one_opd_1100", lampiran_i("WIB"), one)):
        seconds, content = timed(lambda f=form, p=parts: form_pdf(f, p))
        rows_out = sum(len(p.rows) for p in parts)
        out[name] = {"s": round(seconds, 2), "rows_per_s": round(rows_out / seconds),
                     "mb": round(len(content) / 1e6, 2)}
    seconds, size = timed(lambda: xlsx_forms(pemda))
    out["lampiran_ii_xlsx_form_sheets_pemda"] = {"s": round(seconds, 2),
                                                 "mb": round(size / 1e6, 2)}
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
