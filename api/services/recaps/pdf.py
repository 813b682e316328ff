"""Lampiran I and II as PDF, from the same form definitions (api/services/recaps/forms.py)
and rows as the workbooks' first sheets: A4 landscape, the caption at the top right, the KOP,
the title, the bordered table with its header repeated on every page, and the signature
block kept whole under the table. fpdf2's core fonts: no font files on the server.

The table is drawn with fpdf2's primitives and wrapped with the core font's own widths: its
`table()` lays out every cell through the full text engine, ~15× slower (a whole pemda's
Lampiran II is tens of thousands of rows; docs/BENCHMARKS.md)."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

import pandas as pd
from flask import Response, send_file
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from api.formats import latin

from .daily_sheet import kop, subtitle
from .forms import (
    LAMPIRAN_II,
    SIGNED_NAME,
    Form,
    form_rows,
    kop_lines,
    lampiran_i,
    month_line,
    signature_lines,
)
from .monthly import MonthlyRecap

PDF = "application/pdf"
LINE = 4.2  # mm per text line in the table
PAD = 1.2  # mm inside a cell
HEADING_FILL = (221, 235, 247)
BOTTOM = 14  # mm kept free at the foot of a page (the page number)


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
    """One document per OPD (its own page numbers, "Halaman 2/3"), joined in order."""
    documents = [_section_pdf(form, section) for section in sections]
    if len(documents) == 1:
        return documents[0]
    joined = PdfWriter()
    for document in documents:
        joined.append(PdfReader(io.BytesIO(document)))
    out = io.BytesIO()
    joined.write(out)
    return out.getvalue()


def _section_pdf(form: Form, section: Section) -> bytes:
    pdf = _FormPdf(orientation="L", unit="mm", format="A4")
    pdf.set_margins(12, 10, 12)
    pdf.set_auto_page_break(True, margin=BOTTOM)
    pdf.alias_nb_pages()
    what = form.title.title()
    pdf.set_title(latin(f"Lampiran {form.number} - {what}" if form.number else what))
    pdf.add_page()
    _caption(pdf, form)
    _kop(pdf, section.kop)
    _title(pdf, form.title, section.subtitle)
    _table(pdf, form, section.rows, _signature_height(section.signature))
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


def _table(pdf: FPDF, form: Form, rows: pd.DataFrame, keep_with_last: float) -> None:
    """The bordered table; a row that does not fit starts a new page under the headings, and
    the last row goes with the signature block (`keep_with_last` mm) so that it never stands
    alone on a page."""
    total = sum(c.width for c in form.columns)
    widths = [pdf.epw * c.width / total for c in form.columns]
    aligns = ["C" if c.number else "L" for c in form.columns]
    y = _headings(pdf, form, widths, pdf.get_y())
    records = list(rows[[c.key for c in form.columns]].itertuples(index=False, name=None))
    for number, record in enumerate(records, start=1):
        cells = [wrap(pdf, latin("" if v is None or v != v else str(v)), w - 2 * PAD)
                 for v, w in zip(record, widths, strict=True)]
        height = max(len(c) for c in cells) * LINE + 2 * PAD
        limit = pdf.h - BOTTOM - (keep_with_last if number == len(records) else 0)
        if y + height > limit:
            pdf.add_page()
            y = _headings(pdf, form, widths, pdf.t_margin)
        _cells(pdf, y, widths, cells, aligns, height)
        y += height
    pdf.set_y(y)


def _headings(pdf: FPDF, form: Form, widths: list[float], y: float) -> float:
    """The heading row(s) at `y`, a shared heading over its columns; returns the y below."""
    pdf.set_font("Helvetica", style="B", size=8)
    pdf.set_fill_color(*HEADING_FILL)
    lines = [wrap(pdf, latin(c.header), w - 2 * PAD) for c, w in zip(form.columns, widths,
                                                                     strict=True)]
    low = max(len(c) for c in lines) * LINE + 2 * PAD
    high = LINE + 2 * PAD if form.header_rows == 2 else 0.0
    x, index = pdf.l_margin, 0
    for group, run in form.spans():
        run_widths = widths[index:index + len(run)]
        if group is None:
            for width, text in zip(run_widths, lines[index:index + len(run)], strict=True):
                _cells(pdf, y, [width], [text], ["C"], high + low, fill=True, x=x, middle=True)
                x += width
        else:
            _cells(pdf, y, [sum(run_widths)], [[latin(group)]], ["C"], high, fill=True, x=x)
            _cells(pdf, y + high, run_widths, lines[index:index + len(run)], ["C"] * len(run),
                   low, fill=True, x=x, middle=True)
            x += sum(run_widths)
        index += len(run)
    pdf.set_font("Helvetica", size=8)
    return y + high + low


def _cells(pdf: FPDF, y: float, widths: list[float], cells: list[list[str]], aligns: list[str],
           height: float, fill: bool = False, x: float | None = None,
           middle: bool = False) -> None:
    """Bordered cells side by side from x (default: the left margin), each text's lines
    from the top (or centred in the height)."""
    x = pdf.l_margin if x is None else x
    for width, lines, align in zip(widths, cells, aligns, strict=True):
        pdf.rect(x, y, width, height, style="DF" if fill else "D")
        top = y + (height - len(lines) * LINE) / 2 if middle else y + PAD
        for index, line in enumerate(lines):
            left = x + (width - text_width(pdf, line)) / 2 if align == "C" else x + PAD
            pdf.text(left, top + (index + 1) * LINE - 1.1, line)
        x += width


def text_width(pdf: FPDF, text: str) -> float:
    """The width of a Latin-1 text in the current core font (fpdf2's own measure goes
    through its whole text engine)."""
    widths = pdf.current_font.cw
    return sum(widths.get(ch, 600) for ch in text) * pdf.font_size / 1000


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """Greedy word wrap by the current core font's character widths; a word longer than
    the cell is cut."""

    def measure(part: str) -> float:
        return text_width(pdf, part)

    lines: list[str] = []
    for paragraph in text.split("\n"):
        if measure(paragraph) <= width:  # most cells: one line as it is
            lines.append(paragraph)
            continue
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if measure(candidate) <= width or not current:
                current = candidate
            else:
                lines.append(current)
                current = word
            while len(current) > 1 and measure(current) > width:
                cut = len(current) - 1
                while cut > 1 and measure(current[:cut]) > width:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


def _signature_height(lines: list[str]) -> float:
    return 5 * (len(lines) + 1)


def _signature(pdf: FPDF, lines: list[str]) -> None:
    """Under the table at the right, on the page of the table's last row."""
    if pdf.get_y() + _signature_height(lines) > pdf.page_break_trigger:
        pdf.add_page()  # only an OPD without rows at the foot of a page gets here
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
            kop_lines(pemda, opd.opd_name, opd.opd_address), month_line(recap.first),
            form_rows(own), signature_lines(head, opd.opd_name, signed_on, pemda)))
    return form_pdf(LAMPIRAN_II, sections)


def lampiran_i_pdf(data: dict, signed_on: date) -> bytes:
    """Lampiran I of one OPD and date (api/services/recaps/daily_sheet.py's data)."""
    opd = data["opd"]
    return form_pdf(lampiran_i(data["zone"]), [Section(
        kop(data), subtitle(data), form_rows(data["rows"]),
        signature_lines(data["head"], opd["name"], signed_on, data["pemda"]))])


def send_pdf(content: bytes, download_name: str) -> Response:
    return send_file(io.BytesIO(content), mimetype=PDF, as_attachment=True,
                     download_name=download_name, max_age=0)
