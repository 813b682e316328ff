"""The campaign's compliance for print: an xlsx with the KOP (a summary sheet per OPD for BKD,
then one sheet per OPD: every employee and every window), and a PDF per OPD of the
non-reporters, signed by the head of the OPD, for the report to BKD."""
from __future__ import annotations

from datetime import date

import pandas as pd
import xlsxwriter

from api.formats import indonesian_date
from api.models import Opd
from api.rules.campaigns import STATUSES
from api.services.org import head_of
from api.services.recaps import forms, pdf
from api.services.recaps import xlsx as rx

from .book import rules_of

WORDS = {"reported": "Lapor", "excused": "Izin", "missed": "Tidak", "open": "Terbuka",
         "upcoming": "–"}
COUNT_HEADERS = {"reported": "Melapor", "excused": "Berizin", "missed": "Tidak melapor",
                 "open": "Terbuka", "upcoming": "Belum"}
TITLE = "LAPORAN PEMANTAUAN KEBERADAAN PEGAWAI"


def _dates_line(first: date, last: date) -> str:
    return f"{indonesian_date(first)} – {indonesian_date(last)}".upper()


def summary_columns() -> list[rx.Column]:
    return [rx.Column("No.", "no", rx.INT, 5), rx.Column("Perangkat Daerah", "opd_name",
                                                         rx.TEXT, 40),
            rx.Column("Pegawai", "employees", rx.INT, 10),
            *[rx.Column(COUNT_HEADERS[s], s, rx.INT, 12) for s in STATUSES],
            rx.Column("Di luar zona", "outside_zone", rx.INT, 11),
            rx.Column("Kepatuhan (%)", "percent", rx.PERCENT, 12)]


def employee_table(frame: pd.DataFrame, labels: list[str]) -> tuple[list[rx.Column],
                                                                    pd.DataFrame]:
    """One row per employee, one column per (date, window), the word for its status."""
    slots = sorted({(d, w) for d, w in zip(frame["work_date"], frame["window"], strict=True)})
    keys = {slot: f"s{n}" for n, slot in enumerate(slots)}
    wide = (frame.assign(slot=[keys[(d, w)] for d, w in zip(frame["work_date"],
                                                              frame["window"], strict=True)],
                         word=frame["status"].map(WORDS))
            .pivot_table(index=["employee_id", "name", "nip", "jabatan"], columns="slot",
                         values="word", aggfunc="first").reset_index())
    counts = frame.groupby("employee_id").agg(
        missed=("status", lambda s: int((s == "missed").sum())),
        outside_zone=("outside_zone", "sum")).reset_index()
    wide = wide.merge(counts, on="employee_id").sort_values(["name", "nip"])
    wide.insert(0, "no", range(1, len(wide) + 1))
    columns = [rx.Column("No.", "no", rx.INT, 5), rx.Column("Nama", "name", rx.TEXT, 28),
               rx.Column("NIP", "nip", rx.TEXT, 21), rx.Column("Jabatan", "jabatan", rx.TEXT, 22),
               *[rx.Column(f"{d:%d/%m} {labels[w]}", keys[(d, w)], rx.TEXT, 11)
                 for d, w in slots],
               rx.Column("Tidak melapor", "missed", rx.INT, 10),
               rx.Column("Di luar zona", "outside_zone", rx.INT, 10)]
    return columns, wide


def write_xlsx(path: str, campaign, answer: dict, frame: pd.DataFrame, pemda: str,
               opds: list[Opd]) -> None:
    rules = rules_of(campaign)
    book = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_numbers": False,
                                      "strings_to_formulas": False, "strings_to_urls": False})
    styles = rx.Styles(book)
    used: set[str] = set()
    subtitle = [TITLE, f"{rules.name.upper()} — {_dates_line(rules.date_from, rules.date_to)}"]
    summary = pd.DataFrame(answer["by_opd"])
    ws = book.add_worksheet(rx.sheet_name("Ringkasan", used))
    rx.header_block(ws, styles, len(summary_columns()),
                    [pemda.upper(), "BADAN KEPEGAWAIAN DAERAH", " "], subtitle)
    if not summary.empty:
        rx.table(ws, styles, summary_columns(), summary.assign(no=range(1, len(summary) + 1)))
    for opd in opds:
        own = frame[frame["opd_id"] == opd.id]
        ws = book.add_worksheet(rx.sheet_name(opd.code, used))
        if own.empty:
            rx.header_block(ws, styles, 8, forms.kop_lines(pemda, opd.name, opd.address),
                            subtitle)
            continue
        columns, wide = employee_table(own, answer["windows"])
        rx.header_block(ws, styles, len(columns), forms.kop_lines(pemda, opd.name, opd.address),
                        subtitle)
        rx.table(ws, styles, columns, wide)
    book.close()


NON_REPORTERS = forms.Form("", TITLE, (
    forms.FormColumn("No.", "no", True, 5), forms.FormColumn("Nama/NIP", "name_nip", False, 30),
    forms.FormColumn("Jabatan", "jabatan", False, 22),
    forms.FormColumn("Unit Kerja", "unit_name", False, 22),
    forms.FormColumn("Jendela yang tidak dilaporkan", "missed_text", False, 42),
    forms.FormColumn("Jumlah", "missed_count", True, 9),
), caption=())


def write_pdf(campaign, answer: dict, pemda: str, opds: list[Opd], signed_on: date) -> bytes:
    """Per OPD: the non-reporters and what they missed, the head's signature block."""
    rules = rules_of(campaign)
    non = pd.DataFrame(answer["non_reporters"])
    by_opd = {row["opd_id"]: row for row in answer["by_opd"]}
    sections = []
    for opd in opds:
        own = non[non["opd_id"] == opd.id] if not non.empty else non
        rows = (own.assign(no=range(1, len(own) + 1),
                           missed_text=[", ".join(m) for m in own["missed"]])
                if not own.empty else pd.DataFrame(columns=["no", "name", "nip", "jabatan",
                                                            "unit_name", "missed_text",
                                                            "missed_count"]))
        counts = by_opd.get(opd.id, {})
        line = (f"{rules.name.upper()} — {_dates_line(rules.date_from, rules.date_to)} · "
                f"MELAPOR {counts.get('reported', 0)}, BERIZIN {counts.get('excused', 0)}, "
                f"TIDAK MELAPOR {counts.get('missed', 0)} JENDELA")
        sections.append(pdf.Section(forms.kop_lines(pemda, opd.name, opd.address), line,
                                    forms.form_rows(rows),
                                    forms.signature_lines(_head(opd.id), opd.name,
                                                          signed_on, pemda)))
    return pdf.form_pdf(NON_REPORTERS, sections)


def _head(opd_id: int) -> dict | None:
    head = head_of(opd_id)
    return {"name": head.name, "nip": head.nip} if head else None
