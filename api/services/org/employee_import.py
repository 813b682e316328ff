"""Employees from a SIMPEG/BKD export (xlsx or CSV): NIP, nama, jabatan, golongan, jenis
pegawai, unit, NIP atasan, lokasi. Every row is checked and the whole file is previewed
(dry run) before anything is written; then all rows are written in one transaction or none.
A row equal to what is stored changes nothing, a changed row updates that NIP (audited), a
new NIP becomes an employee of the OPD.

New accounts get no password at import: a one-time password is issued person by person
with *Reset kata sandi* when the account is handed over (argon2 costs a quarter of a second
a hash; 5,000 at once would hold the request for twenty minutes)."""
from __future__ import annotations

import io
from dataclasses import dataclass, field

import xlsxwriter

from api import clock
from api.db import write_transaction
from api.errors import ApiError
from api.models import Assignment, Employee, EmployeeLocation, Location, Opd, Unit
from api.rules.identifiers import EMPLOYMENT_TYPES, InvalidIdentifier, validate_employee_id
from api.services import audit
from api.spreadsheets import rows_of

from .structure import FIRST_DAY, snapshot

COLUMNS = ("NIP", "Nama", "Jabatan", "Golongan", "Jenis Pegawai", "Unit", "NIP Atasan",
           "Lokasi")
REQUIRED = ("NIP", "Nama")
MAX_ROWS = 10_000
TYPES = {t.replace("-", "").replace("_", ""): t for t in EMPLOYMENT_TYPES} | {
    "HONORER": "NON_ASN", "NONASN": "NON_ASN", "PTTPK": "PTT-PK"}
FIELDS = ("name", "jabatan", "golongan", "employment_type", "unit_id", "supervisor_id")


@dataclass
class ImportRow:
    row: int
    nip: str
    values: dict
    errors: list[str] = field(default_factory=list)
    action: str = "create"  # create | update | unchanged
    changes: dict = field(default_factory=dict)
    location_id: int | None = None

    def answer(self) -> dict:
        return {"row": self.row, "nip": self.nip, "name": self.values.get("name", ""),
                "action": self.action if not self.errors else "error",
                "changes": sorted(self.changes), "errors": self.errors}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _header(rows: list[tuple]) -> tuple[int, dict[str, int]]:
    """(index of the header row, column → position), among the first 20 rows."""
    for index, values in enumerate(rows[:20]):
        names = {_text(v).lower(): i for i, v in enumerate(values)}
        if "nip" in names and "nama" in names:
            return index, {c: names[c.lower()] for c in COLUMNS if c.lower() in names}
    raise ApiError("SHEET_UNREADABLE", 422, details={"columns": list(REQUIRED)})


def read(data: bytes) -> list[tuple[int, dict]]:
    """(row number as the user sees it, {column: text}) under the header row."""
    rows = rows_of(data, "file")
    index, header = _header(rows)
    out = []
    for number, values in enumerate(rows[index + 1:], start=index + 2):
        picked = {c: _text(values[i]) if i < len(values) else "" for c, i in header.items()}
        if any(picked.values()):
            out.append((number, picked))
    if len(out) > MAX_ROWS:
        raise ApiError("SHEET_UNREADABLE", 422, details={"rows": [f"Maksimal {MAX_ROWS} baris."]})
    return out


def _check_ids(rows: list[ImportRow], patterns: list[str]) -> None:
    seen: dict[str, int] = {}
    for item in rows:
        kind = TYPES.get(item.values["employment_type"].upper().replace(" ", "")
                         .replace("-", "").replace("_", ""))
        if kind is None:
            item.errors.append(f"Jenis pegawai tidak dikenal: {item.values['employment_type']}.")
            kind = "PNS"
        item.values["employment_type"] = kind
        try:
            item.nip = validate_employee_id(item.nip, kind, patterns)
        except InvalidIdentifier as exc:
            item.errors.append(f"NIP tidak valid: {exc}")
        if not item.values["name"]:
            item.errors.append("Nama wajib diisi.")
        if item.nip in seen:
            item.errors.append(f"NIP {item.nip} ganda di berkas (baris {seen[item.nip]}).")
        seen.setdefault(item.nip, item.row)


def check(opd: Opd, table: list[tuple[int, dict]], patterns: list[str]) -> list[ImportRow]:
    """Every row judged against the OPD and the database; nothing written."""
    rows = [ImportRow(number, values.get("NIP", "").replace(" ", ""), {
        "name": values.get("Nama", ""), "jabatan": values.get("Jabatan", ""),
        "golongan": values.get("Golongan", ""),
        "employment_type": values.get("Jenis Pegawai", "") or "PNS",
        "unit": values.get("Unit", ""), "supervisor_nip": values.get("NIP Atasan", "")
        .replace(" ", ""), "location": values.get("Lokasi", "")}) for number, values in table]
    _check_ids(rows, patterns)
    units = {}
    for unit in Unit.select().where(Unit.opd == opd.id):
        units[unit.code.lower()] = units[unit.name.lower()] = unit.id
    locations = {loc.name.lower(): loc.id for loc in Location.select().where(
        (Location.opd == opd.id) | Location.opd.is_null(), Location.active)}
    nips = {r.nip for r in rows} | {r.values["supervisor_nip"] for r in rows}
    stored = {e.nip: e for e in Employee.select().where(Employee.nip.in_(list(nips)))}
    in_file = {r.nip for r in rows}
    for item in rows:
        values = item.values
        unit_id = None
        if values["unit"]:
            unit_id = units.get(values["unit"].lower())
            if unit_id is None:
                item.errors.append(f"Unit tidak dikenal di OPD ini: {values['unit']}.")
        values["unit_id"] = unit_id
        boss = values["supervisor_nip"]
        values["supervisor_id"] = stored[boss].id if boss in stored else None
        if boss and boss not in stored and boss not in in_file:
            item.errors.append(f"Atasan dengan NIP {boss} tidak ditemukan.")
        elif boss and boss == item.nip:
            item.errors.append("Atasan tidak boleh dirinya sendiri.")
        if values["location"]:
            item.location_id = locations.get(values["location"].lower())
            if item.location_id is None:
                item.errors.append(f"Lokasi tidak dikenal: {values['location']}.")
        current = stored.get(item.nip)
        if current is not None and current.opd_id != opd.id:
            item.errors.append("NIP ini terdaftar di OPD lain: pindahkan lewat mutasi.")
        elif current is not None:
            item.changes = {k: values[k] for k in FIELDS
                            if values[k] != getattr(current, k) and not (
                                k == "supervisor_id" and boss in in_file and not values[k])}
            item.action = "update" if item.changes else "unchanged"
    return rows


def summary(rows: list[ImportRow]) -> dict:
    counts = {a: sum(1 for r in rows if r.answer()["action"] == a)
              for a in ("create", "update", "unchanged", "error")}
    return {"rows": [r.answer() for r in rows], "counts": counts}


def apply(actor_id: int, opd: Opd, rows: list[ImportRow], group_id: int) -> dict:
    """Write every row in one transaction (the caller checked there is no error)."""
    now = clock.utc_naive(clock.now())
    with write_transaction():
        created = [r for r in rows if r.action == "create"]
        if created:
            Employee.insert_many([{
                "nip": r.nip, "name": r.values["name"], "jabatan": r.values["jabatan"],
                "golongan": r.values["golongan"], "employment_type": r.values["employment_type"],
                "opd": opd.id, "unit": r.values["unit_id"], "schedule_group": group_id,
                "created_at": now, "updated_at": now} for r in created]).execute()
        ids = dict(Employee.select(Employee.nip, Employee.id).where(
            Employee.nip.in_([r.nip for r in rows])).tuples())
        if created:
            Assignment.insert_many([{
                "employee": ids[r.nip], "opd": opd.id, "unit": r.values["unit_id"],
                "location": r.location_id, "valid_from": FIRST_DAY, "applied": True,
                "reason": "Impor data pegawai", "created_by": actor_id, "created_at": now}
                for r in created]).execute()
            EmployeeLocation.insert_many([{"employee": ids[r.nip], "location": r.location_id,
                                           "primary": True}
                                          for r in created if r.location_id]).execute()
        bosses = dict(Employee.select(Employee.id, Employee.supervisor).where(
            Employee.id.in_(list(ids.values()))).tuples())
        for item in rows:  # supervisors named by NIP, now that every NIP has an id
            boss = item.values["supervisor_nip"]
            item.values["supervisor_id"] = ids.get(boss) if boss else None
            if item.action == "unchanged" and item.values["supervisor_id"] != bosses[
                    ids[item.nip]]:
                item.action, item.changes = "update", {
                    "supervisor_id": item.values["supervisor_id"]}
            elif item.action == "update" and "supervisor_id" in item.changes:
                item.changes["supervisor_id"] = item.values["supervisor_id"]
        under: dict[int, list[int]] = {}  # new employees by supervisor: one update each
        for item in created:
            if item.values["supervisor_id"]:
                under.setdefault(item.values["supervisor_id"], []).append(ids[item.nip])
        for boss_id, members in under.items():
            Employee.update(supervisor=boss_id).where(Employee.id.in_(members)).execute()
        for item in rows:
            employee_id = ids[item.nip]
            if item.action == "update":
                before = snapshot(Employee.get_by_id(employee_id))
                Employee.update(**{k.removesuffix("_id"): v for k, v in item.changes.items()},
                                updated_at=now).where(Employee.id == employee_id).execute()
                audit.record(actor_id, "employee.import.update", "employee", employee_id, before,
                             snapshot(Employee.get_by_id(employee_id)))
        if created:
            audit.record(actor_id, "employee.import.create", "opd", opd.id, None,
                         {"employees": [ids[r.nip] for r in created]})
    return summary(rows)


def template() -> bytes:
    """The columns to fill, with one example row and what each column takes."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    text = book.add_format({"num_format": "@"})
    sheet = book.add_worksheet("Pegawai")
    for col, (name, width) in enumerate(zip(COLUMNS, (22, 30, 28, 10, 14, 24, 22, 24),
                                            strict=True)):
        sheet.write_string(0, col, name, head)
        sheet.set_column(col, col, width, text)
    example = ("198703152015031002", "Siti Aminah, S.Kom.", "Pranata Komputer", "III/b", "PNS",
               "Sekretariat", "", "")
    for col, value in enumerate(example):
        sheet.write_string(1, col, value, text)
    notes = book.add_worksheet("Petunjuk")
    for row, line in enumerate((
            "NIP: 18 digit untuk PNS/CPNS, NI PPPK untuk PPPK (ditulis sebagai teks).",
            "Jenis Pegawai: PNS, CPNS, PPPK, PTT-PK atau NON_ASN (honorer).",
            "Unit: kode atau nama unit kerja di OPD ini. Lokasi: nama lokasi presensi.",
            "NIP Atasan: NIP atasan langsung (boleh pegawai di berkas yang sama).",
            "Baris dengan NIP yang sudah ada memperbarui data pegawai itu.",
            "Akun baru belum punya kata sandi: terbitkan dengan Reset kata sandi.")):
        notes.write_string(row, 0, line)
    book.close()
    return buffer.getvalue()
