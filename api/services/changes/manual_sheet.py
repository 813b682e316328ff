"""The Lampiran I daily sheet as xlsx: a pre-filled template per OPD and date, and its import
(every row validated, errors reported with their row numbers, all or nothing)."""
from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, datetime, time

import xlsxwriter
from flask import current_app

from api.db import write_transaction
from api.errors import ApiError
from api.formats import indonesian_date, iso_z, pemda_place
from api.messages import message
from api.models import Employee, ManualEntry, ManualSheet, Opd
from api.services import audit, closing, daily, org, storage
from api.services.accounts import Actor, scope
from api.services.schedules import ScheduleBook
from api.services.storage import evidence_ref

from .manual import (
    CheckedEntry,
    check_date,
    entry_code,
    entry_dict,
    entry_problems,
    record_outcomes,
    store_entry,
)
from .sheet_reader import (
    COLUMNS,
    META_SHEET,
    SHEET_NAME,
    SheetRow,
    cell_nip,
    cell_time,
    read_workbook,
)
from .steps import day_snapshot

HEADER_ROW = 6  # as the user sees it (1-based); data rows follow
SHEET_CODES = ("TK", "C", "S", "DL", "I", "DIK", "TB", "CT", "CB", "CS", "CM", "CAP", "CLTN")


def template_employees(opd_id: int) -> list[Employee]:
    return list(Employee.select().where(Employee.opd == opd_id, Employee.active)
                .order_by(Employee.name, Employee.nip))


def build_template(opd: Opd, day: date) -> bytes:
    """Lampiran I for one OPD and date, pre-filled with its active employees."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = book.add_format({"bold": True})
    title = book.add_format({"bold": True, "font_size": 13})
    note = book.add_format({"italic": True, "font_color": "#555555"})
    head = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter",
                            "text_wrap": True, "bg_color": "#DDEBF7"})
    cell = book.add_format({"border": 1, "valign": "top"})
    text = book.add_format({"border": 1, "valign": "top", "num_format": "@"})
    sheet = book.add_worksheet(SHEET_NAME)
    for col, width in enumerate((5, 30, 22, 28, 11, 11, 8, 30)):
        sheet.set_column(col, col, width)
    sheet.write(0, 0, current_app.config["PEMDA_NAME"].upper(), title)
    sheet.write(1, 0, opd.name.upper(), title)
    sheet.write(2, 0, "PRESENSI HARIAN PEGAWAI MANUAL", bold)
    sheet.write(3, 0, f"Hari, tanggal: {indonesian_date(day, weekday=True)}", bold)
    sheet.write(4, 0, "Isi Jam Datang/Jam Pulang (JJ.MM, mis. 07.15) atau Kode (TK/C/S/DL/I); "
                      "baris tanpa jam dan kode tidak diimpor. Jangan sisipkan baris kosong.", note)
    sheet.write_row(HEADER_ROW - 1, 0, COLUMNS, head)
    employees = template_employees(opd.id)
    for index, employee in enumerate(employees):
        row = HEADER_ROW + index
        sheet.write_number(row, 0, index + 1, cell)
        sheet.write_string(row, 1, employee.name, cell)
        sheet.write_string(row, 2, employee.nip, text)
        sheet.write_string(row, 3, employee.jabatan or "", cell)
        for col in range(4, 8):
            sheet.write_blank(row, col, None, text)
    last = HEADER_ROW + max(len(employees), 1) - 1
    sheet.data_validation(HEADER_ROW, 6, last, 6, {"validate": "list", "source": list(SHEET_CODES),
                                                    "ignore_blank": True})
    sheet.freeze_panes(HEADER_ROW, 0)
    _signature(sheet, last + 2, opd, day, bold)
    meta = book.add_worksheet(META_SHEET)
    for row, (key, value) in enumerate((("opd_id", opd.id), ("opd_code", opd.code),
                                        ("date", day.isoformat()), ("generator", "Hadir"))):
        meta.write_string(row, 0, key)
        meta.write_string(row, 1, str(value))
    meta.hide()
    book.close()
    return buffer.getvalue()


def _signature(sheet, row: int, opd: Opd, day: date, bold) -> None:
    """Lampiran I's signature block, to the right (no NIP column, so the import skips it)."""
    head = org.head_of(opd.id)
    sheet.write(row, 5, f"{pemda_place()}, {indonesian_date(day)}")
    sheet.write(row + 1, 5, "Pimpinan OPD")
    sheet.write(row + 5, 5, head.name if head else "(nama)", bold)
    sheet.write(row + 6, 5, f"NIP. {head.nip}" if head else "NIP.")


@dataclass
class ParsedRow:
    row: SheetRow
    nip: str | None = None
    check_in: time | None = None
    check_out: time | None = None
    code: str | None = None
    remarks: str = ""

    @property
    def filled(self) -> bool:
        return bool(self.check_in or self.check_out or self.code or self.remarks)


def parse(row: SheetRow) -> ParsedRow:
    parsed = ParsedRow(row, remarks=str(row.values.get("Keterangan") or "").strip()[:500])
    for attr, column, reader in (("nip", "NIP", cell_nip), ("check_in", "Jam Datang", cell_time),
                                 ("check_out", "Jam Pulang", cell_time),
                                 ("code", "Kode", entry_code)):
        try:
            setattr(parsed, attr, reader(row.values.get(column)))
        except ValueError as exc:
            row.errors.append(f"{column}: {exc}")
    return parsed


def validate(rows: list[SheetRow], opd_id: int, day: date, now: datetime,
             entered_by: int | None = None) -> list[CheckedEntry]:
    """Check every row against the OPD, the day's schedule and existing entries; the errors
    land in each row's `errors`."""
    parsed = [p for p in map(parse, rows) if p.filled or p.row.errors]
    nips = {p.nip for p in parsed if p.nip}
    employees = {e.nip: e for e in Employee.select().where(Employee.nip.in_(list(nips)))}
    ids = [e.id for e in employees.values()]
    postings = daily.load_postings(ids, current_app.config["PEMDA_TZ"])
    book = ScheduleBook.load(day, day, ids)
    existing = {row[0] for row in ManualEntry.select(ManualEntry.employee).where(
        ManualEntry.employee.in_(ids), ManualEntry.work_date == day).tuples()}
    seen: dict[str, int] = {}
    entries = []
    for item in parsed:
        errors = item.row.errors
        employee = employees.get(item.nip) if item.nip else None
        posting = daily.posting_on(postings.get(employee.id, []), day) if employee else None
        if not item.nip:
            errors.append("NIP wajib diisi.")
        elif employee is None:
            errors.append(f"NIP {item.nip} tidak terdaftar.")
        elif not employee.active:
            errors.append(f"Pegawai {employee.name} tidak aktif.")
        elif posting is None or posting.opd_id != opd_id:
            errors.append(f"{employee.name} bukan pegawai OPD ini pada tanggal tersebut.")
        elif item.nip in seen:
            errors.append(f"NIP {item.nip} sudah ada di baris {seen[item.nip]}.")
        elif employee.id in existing:
            errors.append(message("MANUAL_EXISTS"))
        elif employee.id == entered_by:  # nobody enters their own attendance
            errors.append(message("SELF_DECISION"))
        if item.nip:
            seen.setdefault(item.nip, item.row.row)
        if errors or employee is None or posting is None:
            continue
        schedule_day = book.day(employee.id, employee.schedule_group_id, day, posting.tz)
        problems, check_in_at, check_out_at = entry_problems(
            schedule_day, item.check_in, item.check_out, item.code, now)
        errors.extend(problems)
        if not problems:
            entries.append(CheckedEntry(employee, day, check_in_at, check_out_at, item.code,
                                        item.remarks, item.row.row))
    return entries


def check_meta(meta: dict[str, str], opd: Opd, day: date) -> None:
    """A template made for another OPD or date is refused before its rows are read."""
    if meta.get("opd_id") not in (None, str(opd.id)):
        raise ApiError("SHEET_MISMATCH", 422, message_text=message("SHEET_MISMATCH").format(
            what="OPD"), details={"opd": [meta.get("opd_code", "")]})
    if meta.get("date") not in (None, day.isoformat()):
        raise ApiError("SHEET_MISMATCH", 422, message_text=message("SHEET_MISMATCH").format(
            what="tanggal"), details={"date": [meta.get("date", "")]})


class _Preview(Exception):  # noqa: N818 - not an error: it carries a dry run's answer
    def __init__(self, answer: dict):
        super().__init__("preview")
        self.answer = answer


def import_sheet(actor: Actor, opd: Opd, day: date, workbook: bytes, evidence: bytes,
                 today: date, now: datetime, dry_run: bool = False) -> dict:
    """Validate every row; import all of them in one transaction, or none. A dry run does the
    whole import and rolls it back: its answer is exactly what the import would change."""
    scope.require_manage_opd(actor, opd.id)
    check_date(day, today)
    rows, meta = read_workbook(workbook)
    check_meta(meta, opd, day)
    entries = validate(rows, opd.id, day, now, entered_by=actor.id)
    bad = [{"row": r.row, "errors": r.errors} for r in rows if r.errors]
    if bad:
        raise ApiError("SHEET_INVALID", 422, details={"rows": bad},
                       message_text=message("SHEET_INVALID").format(count=len(bad)))
    if not entries:
        raise ApiError("SHEET_EMPTY", 422)
    saved = []
    try:
        with write_transaction():
            closing.require_window({(opd.id, closing.month_of(day))}, today)
            saved.append(storage.save(workbook, "sheet", None, actor.id))
            saved.append(storage.save(evidence, "evidence", None, actor.id))
            sheet = ManualSheet.create(opd=opd, work_date=day, workbook=saved[0],
                                       evidence=saved[1], entry_count=len(entries),
                                       uploaded_by=actor.id)
            before = {e.employee.id: day_snapshot(e.employee.id, day) for e in entries}
            rows_out = [store_entry(actor.id, entry, opd.id, saved[1], sheet.id)
                        for entry in entries]
            audit.record(actor.id, "manual.sheet.import", "manual_sheet", sheet.id, None,
                         {"opd": opd.id, "work_date": day, "entries": [r.id for r in rows_out],
                          "workbook": evidence_ref(saved[0])}, evidence_ref(saved[1]))
            daily.recompute_range(day, day, [e.employee.id for e in entries], now)
            record_outcomes(rows_out, before, now)
            if dry_run:
                raise _Preview({**sheet_dict(sheet), "id": None, "evidence_id": None,
                                "workbook_id": None, "preview": True})
    except _Preview as preview:
        for stored in saved:
            storage.discard(stored)
        return preview.answer
    except Exception:
        for stored in saved:
            storage.discard(stored)
        raise
    return sheet_dict(sheet)


def sheet_dict(sheet: ManualSheet) -> dict:
    """The sheet and, per imported row, what it changed and what not, and why."""
    entries = [entry_dict(e) for e in sheet.entries.order_by(ManualEntry.sheet_row)]
    return {"id": sheet.id, "opd_id": sheet.opd_id, "work_date": sheet.work_date,
            "entry_count": sheet.entry_count, "evidence_id": sheet.evidence_id,
            "workbook_id": sheet.workbook_id, "uploaded_by": sheet.uploaded_by,
            "uploaded_at": iso_z(sheet.uploaded_at),
            "counted_count": sum(1 for e in entries if e["outcome"]["counted"]),
            "preview": False,
            "rows": [{"row": e["sheet_row"], "employee": e["employee"], "code": e["code"],
                      "check_in_at": e["check_in_at"], "check_out_at": e["check_out_at"],
                      **e["outcome"]} for e in entries]}
