"""Lampiran I: the daily attendance sheet of one OPD (JSON and xlsx).

Rows are the records the OPD holds for the date (a mutated employee appears where they were
that day); from today on, active employees without a record yet are listed blank, so the
sheet also serves as the paper form of the manual fallback (Pasal 11(7))."""
from __future__ import annotations

from datetime import date, datetime

import pandas as pd
import xlsxwriter
from flask import current_app

from api import clock
from api.models import DailyRecord, Employee, EmployeeLocation, Location, Opd
from api.rules.codes import CODES
from api.rules.recap import date_label, day_remarks
from api.services.schedules import load_calendar

from . import xlsx as rx
from .forms import form_rows, form_sheet, form_signature, kop_lines, lampiran_i, signature_lines
from .lookups import opd_heads

ZONES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA",
         "Asia/Jayapura": "WIT"}
COLUMNS = ["no", "employee_id", "nip", "name", "jabatan", "check_in", "check_out", "code",
           "status", "label", "remarks", "late_minutes", "early_minutes", "source",
           "has_pending"]


def local_time(moment: datetime | None, tz: str, day: date) -> str | None:
    """"07:05", or "07:05 (+1)" for a check-out on the next day (an overnight shift)."""
    if moment is None:
        return None
    local = clock.local(clock.from_db(moment), tz)
    shift = (local.date() - day).days
    return local.strftime("%H:%M") + (f" ({shift:+d})" if shift else "")


def office_zones(employee_ids: list[int]) -> dict[int, str]:
    query = (EmployeeLocation.select(EmployeeLocation.employee, Location.tz).join(Location)
             .where(EmployeeLocation.employee.in_(employee_ids), EmployeeLocation.primary))
    return dict(query.tuples())


def records(opd_id: int, day: date) -> list[tuple]:
    query = (DailyRecord
             .select(DailyRecord.employee, Employee.nip, Employee.name, Employee.jabatan,
                     DailyRecord.check_in_at, DailyRecord.check_out_at, DailyRecord.status,
                     DailyRecord.label, DailyRecord.late_minutes, DailyRecord.early_minutes,
                     DailyRecord.source, DailyRecord.has_pending)
             .join(Employee)
             .where(DailyRecord.opd == opd_id, DailyRecord.work_date == day))
    return list(query.tuples())


def blank_rows(opd_id: int, day: date) -> list[tuple]:
    """Active employees of the OPD with no record on the date (yet)."""
    recorded = DailyRecord.select(DailyRecord.employee).where(DailyRecord.work_date == day)
    query = (Employee.select(Employee.id, Employee.nip, Employee.name, Employee.jabatan)
             .where(Employee.opd == opd_id, Employee.active, Employee.id.not_in(recorded)))
    return [(*row, None, None, None, "", 0, 0, "", False) for row in query.tuples()]


def sheet(opd: Opd, day: date, today: date) -> dict:
    found = records(opd.id, day) + (blank_rows(opd.id, day) if day >= today else [])
    zones = office_zones([row[0] for row in found])
    default_tz = current_app.config["PEMDA_TZ"]
    holiday = load_calendar([day.year]).get(day)
    rows = []
    for (employee_id, nip, name, jabatan, check_in, check_out, status, label, late, early,
         source, pending) in sorted(found, key=lambda r: (r[2], r[1])):
        tz = zones.get(employee_id, default_tz)
        rows.append({
            "employee_id": employee_id, "nip": nip, "name": name, "jabatan": jabatan,
            "check_in": local_time(check_in, tz, day), "check_out": local_time(check_out, tz, day),
            "code": (CODES[status].sheet_code or "") if status else "", "status": status,
            "label": label, "late_minutes": late, "early_minutes": early, "source": source,
            "has_pending": bool(pending),
            "remarks": day_remarks(status, late, early, source, bool(pending),
                                   holiday.name if holiday else None) if status else "",
        })
    frame = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "no"])
    frame.insert(0, "no", range(1, len(frame) + 1))
    zone_names = {ZONES.get(tz, tz) for tz in zones.values()} or {ZONES.get(default_tz,
                                                                           default_tz)}
    return {"date": day.isoformat(), "date_label": date_label(day),
            "pemda": current_app.config["PEMDA_NAME"],
            "opd": {"id": opd.id, "code": opd.code, "name": opd.name, "address": opd.address},
            "head": opd_heads().get(opd.id), "zone": "/".join(sorted(zone_names)),
            "holiday": holiday.name if holiday else None, "rows": frame}


def detail_columns(zone: str) -> list[rx.Column]:
    """The second sheet: what the form's codes and times come from."""
    return [
        rx.Column("No.", "no", rx.INT, 5), rx.Column("Nama", "name", rx.TEXT, 28),
        rx.Column("NIP", "nip", rx.TEXT, 21), rx.Column("Jabatan", "jabatan", rx.TEXT, 24),
        rx.Column(f"Datang ({zone})", "check_in", rx.TEXT, 11),
        rx.Column(f"Pulang ({zone})", "check_out", rx.TEXT, 11),
        rx.Column("TK/C/S/DL/I", "code", rx.TEXT, 9), rx.Column("Status", "status", rx.TEXT, 8),
        rx.Column("Label", "label", rx.TEXT, 12),
        rx.Column("Terlambat (menit)", "late_minutes", rx.INT, 11, blank_zero=True),
        rx.Column("Pulang cepat (menit)", "early_minutes", rx.INT, 11, blank_zero=True),
        rx.Column("Sumber", "source", rx.TEXT, 11),
        rx.Column("Keterangan", "remarks", rx.TEXT, 44),
    ]


def kop(data: dict) -> list[str]:
    return kop_lines(data["pemda"], data["opd"]["name"], data["opd"]["address"])


def subtitle(data: dict) -> str:
    return f"HARI, TANGGAL: {data['date_label'].upper()}"


def write_sheet(path: str, data: dict, signed_on: date) -> None:
    """Lampiran I as the Perbup prints it (first sheet) and its detail (second sheet)."""
    # not constant-memory: the form's two heading rows are merged across each other
    book = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False,
                                      "strings_to_urls": False})
    styles = rx.Styles(book)
    opd, form = data["opd"], lampiran_i(data["zone"])
    used: set[str] = set()
    code = rx.sheet_name(opd["code"], used)
    ws = book.add_worksheet(code)
    end = form_sheet(ws, styles, form, kop(data), subtitle(data), form_rows(data["rows"]))
    form_signature(ws, styles, end, form,
                   signature_lines(data["head"], opd["name"], signed_on, data["pemda"]))
    columns = detail_columns(data["zone"])
    ws = book.add_worksheet(rx.sheet_name(f"{code} rinci", used))
    rx.header_block(ws, styles, len(columns), kop(data),
                    ["PRESENSI HARIAN PEGAWAI (RINCIAN)", subtitle(data)])
    rx.table(ws, styles, columns, data["rows"])
    book.close()
