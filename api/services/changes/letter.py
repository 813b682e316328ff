"""The Lampiran III letter (Surat Keterangan Pembatalan Kehadiran, Perbup Jember 55/2021
Pasal 13) as PDF, with fpdf2's core fonts so it renders without font files on the server."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import current_app
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from api.formats import MONTHS, WEEKDAYS, indonesian_date, latin, pemda_place, pemda_region
from api.models import Employee, Opd

# PP 99/2000: the rank (pangkat) that goes with each golongan ruang of a PNS
PANGKAT = {
    "I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
    "II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur",
    "II/d": "Pengatur Tingkat I", "III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I",
    "III/c": "Penata", "III/d": "Penata Tingkat I", "IV/a": "Pembina",
    "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda", "IV/d": "Pembina Utama Madya",
    "IV/e": "Pembina Utama",
}
BODY = ("Berdasarkan data Presensi Mobile/manual yang bersangkutan pada hari {day} dinyatakan "
        "hadir namun yang bersangkutan tidak hadir secara fisik di lingkungan kerja dan tidak "
        "melaksanakan tugas dan fungsinya. Sehingga perlu dilakukan pembatalan kehadiran "
        "terhadap yang bersangkutan.")
CLOSING = ("Demikian Surat Keterangan ini dibuat dengan sesungguhnya dan dapat dipergunakan "
           "dengan sebaik-baiknya.")


def rank(golongan: str) -> str:
    """"III/a" → "Penata Muda / III/a"; a golongan without a PNS rank is shown as it is."""
    key = golongan.strip()
    return f"{PANGKAT[key]} / {key}" if key in PANGKAT else (key or "-")


def formatted_nip(nip: str) -> str:
    """An 18-digit NIP the way letters print it: 19850101 201001 1 001."""
    if len(nip) == 18 and nip.isdigit():
        return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}"
    return nip


@dataclass(frozen=True)
class LetterData:
    opd: Opd
    employee: Employee
    supervisor: Employee
    head: Employee
    witnesses: tuple[Employee, Employee]
    work_date: date
    statement_date: date
    signed_on: date
    number: str
    statement: str


LINE = 5.5  # mm; the letter fits one A4 page, as the paper form does


class _Letter(FPDF):
    def line_text(self, text: str, style: str = "", size: float = 11, align: str = "L",
                  height: float = LINE) -> None:
        self.set_font("Times", style, size)
        self.cell(0, height, latin(text), align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def paragraph(self, text: str) -> None:
        self.set_font("Times", "", 11)
        self.multi_cell(0, LINE, latin(text), align="J", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def fitted_cell(self, width: float, text: str) -> None:
        """One line in a signature column; a long jabatan gets a smaller font, not a wrap."""
        size = 11.0
        self.set_font("Times", "", size)
        while size > 7 and self.get_string_width(text) > width - 2:
            size -= 0.5
            self.set_font("Times", "", size)
        self.cell(width, LINE, text)
        self.set_font("Times", "", 11)

    def identity(self, employee: Employee, indent: float = 10) -> None:
        self.set_font("Times", "", 11)
        for name, value in (("Nama", employee.name), ("NIP", formatted_nip(employee.nip)),
                            ("Pangkat/Golongan", rank(employee.golongan)),
                            ("Jabatan", employee.jabatan or "-")):
            self.set_x(self.l_margin + indent)
            self.cell(38, LINE, name)
            self.multi_cell(0, LINE, latin(f": {value}"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def witnesses(self, witnesses: tuple[Employee, Employee]) -> None:
        """Pasal 13(2): the two witnesses, who they are, and where they sign."""
        self.set_font("Times", "", 10)
        with self.table(col_widths=(8, 52, 36, 46, 24), line_height=4.6,
                        text_align=("C", "L", "L", "L", "C")) as table:
            table.row(["No", "Nama / NIP", "Pangkat/Golongan", "Jabatan", "Tanda Tangan"])
            for number, witness in enumerate(witnesses, start=1):
                table.row([str(number),
                           latin(f"{witness.name}\nNIP. {formatted_nip(witness.nip)}"),
                           latin(rank(witness.golongan)), latin(witness.jabatan or "-"), ""])
        self.ln(2)


def _signatures(pdf: _Letter, data: LetterData) -> None:
    half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    pdf.set_font("Times", "", 11)
    pdf.cell(half, LINE, "")
    pdf.cell(half, LINE, latin(f"{pemda_place()}, {indonesian_date(data.signed_on)}"),
             new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.cell(half, LINE, "Mengetahui", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.fitted_cell(half, latin(data.head.jabatan or "Kepala Perangkat Daerah"))
    pdf.cell(half, LINE, "Atasan Langsung", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(16)
    for style, left, right in (("BU", data.head.name, data.supervisor.name),
                               ("", rank(data.head.golongan), rank(data.supervisor.golongan)),
                               ("", f"NIP. {formatted_nip(data.head.nip)}",
                                f"NIP. {formatted_nip(data.supervisor.nip)}")):
        pdf.set_font("Times", style, 11)
        pdf.cell(half, LINE, latin(left))
        pdf.cell(half, LINE, latin(right), new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def cancellation_letter(data: LetterData) -> bytes:
    """The filled-in Lampiran III, signed by the head of the OPD and the direct supervisor."""
    pdf = _Letter(format="A4")
    pdf.set_margins(22, 15, 22)
    pdf.set_auto_page_break(True, 12)
    pdf.set_title("Surat Keterangan Pembatalan Kehadiran")
    pdf.set_creator("Hadir")
    pdf.add_page()
    pdf.line_text(current_app.config["PEMDA_NAME"].upper(), "B", 13, "C", 6)
    pdf.line_text(data.opd.name.upper(), "B", 14, "C", 7)
    if data.opd.address:
        pdf.line_text(data.opd.address, "", 10, "C", 5)
    y = pdf.get_y() + 1.5
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(5)
    pdf.line_text("SURAT KETERANGAN PEMBATALAN KEHADIRAN", "BU", 12, "C")
    pdf.line_text(f"NOMOR : {data.number or '.............................'}", "", 11, "C")
    pdf.ln(3)
    said = data.statement_date
    pdf.paragraph(f"Pada hari ini {WEEKDAYS[said.weekday()]} tanggal {said.day} bulan "
                  f"{MONTHS[said.month - 1]} tahun {said.year} bertempat di {pemda_region()}, "
                  "saya yang bertanda tangan di bawah ini :")
    pdf.identity(data.supervisor)
    pdf.paragraph("Dengan ini menerangkan dengan sesungguhnya bahwa Pegawai :")
    pdf.identity(data.employee)
    pdf.paragraph(BODY.format(day=indonesian_date(data.work_date, weekday=True)))
    if data.statement.strip():
        pdf.paragraph(f"Keterangan atasan langsung: {data.statement.strip()}")
    pdf.paragraph("Keterangan ini didukung oleh 2 (dua) orang saksi (Pasal 13 ayat (2)):")
    pdf.witnesses(data.witnesses)
    pdf.paragraph(CLOSING)
    _signatures(pdf, data)
    return bytes(pdf.output())
