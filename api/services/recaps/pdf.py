"""Lampiran I and II as PDF, from the same form definitions (api/services/recaps/forms.py)
and rows as the workbooks' first sheets: A4 landscape, the caption at the top right, the KOP,
the title, the bordered table with its header repeated on every page, and the signature
block kept whole under the table. fpdf2's core fonts: no font files on the server."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

import pandas as pd
from flask import Response, send_file
from fpdf import FPDF, FontFace
from fpdf.enums import TableCellFillMode

from api.formats import latin

from .forms import (
    LAMPIRAN_II,
    SIGNED_NAME,
    Form,
    form_rows,
    lampiran_i,
    month_line,
    signature_lines,
)
from .monthly import MonthlyRecap

PDF = "application/pdf"
LINE = 4.2  # mm per text line in the table
HEADING = FontFace(emphasis="BOLD", fill_color=(221, 235, 247))


@dataclass(frozen=True)
class Section:
    """One OPD's pages: its KOP, the date or month line, its rows and who signs."""

    kop: list[str]
    subtitle: str
    rows: pd.DataFrame
    signature: list[str]


class _FormPdf(FPDF):
    def footer(self) -> None:
        self.set_y(-9)
        self.set_font("Helvetica", size=7)
        self.cell(0, 4, f"Halaman {self.page_no()}/{{nb}}", align="R")


def form_pdf(form: Form, sections: list[Section]) -> bytes:
    pdf = _FormPdf(orientation="L", unit="mm", format="A4")
    pdf.set_margins(12, 10, 12)
    pdf.set_auto_page_break(True, margin=14)
    pdf.alias_nb_pages()
    pdf.set_title(latin(f"Lampiran {form.number} - {form.title.title()}"))
    for section in sections:
        pdf.add_page()
        _caption(pdf, form)
        _kop(pdf, section.kop)
        _title(pdf, form.title, section.subtitle)
        _table(pdf, form, section.rows)
        _signature(pdf, section.signature)
    return bytes(pdf.output())


def _caption(pdf: FPDF, form: Form) -> None:
    pdf.set_font("Helvetica", size=8)
    x = pdf.l_margin + pdf.epw * 0.68
    for text in form.caption:
        pdf.set_x(x)
        pdf.cell(pdf.epw * 0.32, 3.6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _kop(pdf: FPDF, kop: list[str]) -> None:
    for index, text in enumerate(kop):
        pdf.set_font("Helvetica", style="B" if index < 2 else "I", size=12 if index < 2 else 9)
        pdf.cell(0, 5.5 if index < 2 else 4.5, latin(text.strip()), align="C",
                 new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y() + 1
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.epw, y)
    pdf.set_line_width(0.2)
    pdf.ln(4)


def _title(pdf: FPDF, title: str, subtitle: str) -> None:
    pdf.set_font("Helvetica", style="B", size=11)
    for text in (title, subtitle):
        pdf.cell(0, 5.5, latin(text), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _table(pdf: FPDF, form: Form, rows: pd.DataFrame) -> None:
    total = sum(c.width for c in form.columns)
    widths = [pdf.epw * c.width / total for c in form.columns]
    pdf.set_font("Helvetica", size=8)
    with pdf.table(col_widths=widths, num_heading_rows=form.header_rows, line_height=LINE,
                   headings_style=HEADING, text_align="LEFT", v_align="TOP",
                   cell_fill_mode=TableCellFillMode.NONE) as table:
        _headings(table, form)
        keys = [c.key for c in form.columns]
        for record in rows[keys].itertuples(index=False, name=None):
            row = table.row()
            for column, value in zip(form.columns, record, strict=True):
                text = "" if value is None or value != value else str(value)
                row.cell(latin(text), align="CENTER" if column.number else "LEFT")


def _headings(table, form: Form) -> None:
    row = table.row()
    if form.header_rows == 1:
        for column in form.columns:
            row.cell(latin(column.header), align="CENTER", v_align="MIDDLE")
        return
    for group, run in form.spans():
        if group is None:
            for column in run:
                row.cell(latin(column.header), align="CENTER", v_align="MIDDLE", rowspan=2)
        else:
            row.cell(latin(group), align="CENTER", colspan=len(run))
    row = table.row()
    for column in form.columns:
        if column.group is not None:
            row.cell(latin(column.header), align="CENTER")


def _signature(pdf: FPDF, lines: list[str]) -> None:
    """Under the table at the right, kept on one page with at least its own height."""
    height = 5 * (len(lines) + 1)
    if pdf.get_y() + height > pdf.page_break_trigger:
        pdf.add_page()
    pdf.ln(5)
    x = pdf.l_margin + pdf.epw * 0.66
    for index, text in enumerate(lines):
        pdf.set_font("Helvetica", style="BU" if index == SIGNED_NAME else
                     "B" if index == 1 else "", size=9)
        pdf.set_x(x)
        pdf.cell(pdf.epw * 0.34, 5, latin(text), new_x="LMARGIN", new_y="NEXT")


def lampiran_ii_pdf(recap: MonthlyRecap, pemda: str, signed_on: date) -> bytes:
    """Lampiran II of each OPD in the recap, one after another."""
    sections = []
    for opd in recap.opds.itertuples(index=False):
        head = opd.head if isinstance(opd.head, dict) else None
        own = recap.rows[recap.rows["opd_id"] == opd.opd_id]
        sections.append(Section(
            [pemda.upper(), opd.opd_name.upper(), opd.opd_address or " "], month_line(recap.first),
            form_rows(own), signature_lines(head, opd.opd_name, signed_on, pemda)))
    return form_pdf(LAMPIRAN_II, sections)


def lampiran_i_pdf(data: dict, signed_on: date) -> bytes:
    """Lampiran I of one OPD and date (api/services/recaps/daily_sheet.py's data)."""
    from .daily_sheet import kop, subtitle

    opd = data["opd"]
    return form_pdf(lampiran_i(data["zone"]), [Section(
        kop(data), subtitle(data), form_rows(data["rows"]),
        signature_lines(data["head"], opd["name"], signed_on, data["pemda"]))])


def send_pdf(content: bytes, download_name: str) -> Response:
    return send_file(io.BytesIO(content), mimetype=PDF, as_attachment=True,
                     download_name=download_name, max_age=0)
