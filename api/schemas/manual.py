"""Manual attendance: single entries and the Lampiran I sheet."""
from __future__ import annotations

import marshmallow as ma

from api.schemas.absences import ClockTime, PersonOut
from api.schemas.common import Base, length
from api.services.changes.manual import entry_code


class ManualForm(Base):
    employee_id = ma.fields.Integer(required=True)
    work_date = ma.fields.Date(required=True)
    check_in = ClockTime(load_default=None)
    check_out = ClockTime(load_default=None)
    code = ma.fields.String(load_default=None,
                            metadata={"description": "TK, C, S, DL, I, DIK, TB atau kode cuti"})
    remarks = ma.fields.String(load_default="", validate=length(500))

    @ma.post_load
    def _code(self, data, **_):
        try:
            data["code"] = entry_code(data["code"])
        except ValueError as exc:
            raise ma.ValidationError(str(exc), "code") from exc
        return data


class OutcomeOut(ma.Schema):
    counted = ma.fields.Boolean(metadata={"description": "Entri ini dipakai dalam catatan hari"})
    changed = ma.fields.Boolean(metadata={"description": "Catatan hari berubah karena entri ini"})
    notes = ma.fields.List(ma.fields.String(), metadata={
        "description": "Apa yang dicatat, dan mengapa tidak (urutan sumber, "
                       "api/rules/precedence.py)"})


class ManualOut(ma.Schema):
    id = ma.fields.Integer()
    employee = ma.fields.Nested(PersonOut)
    work_date = ma.fields.Date()
    opd_id = ma.fields.Integer()
    check_in_at = ma.fields.String(allow_none=True)
    check_out_at = ma.fields.String(allow_none=True)
    code = ma.fields.String(allow_none=True)
    remarks = ma.fields.String()
    evidence_id = ma.fields.Integer()
    sheet_id = ma.fields.Integer(allow_none=True)
    sheet_row = ma.fields.Integer(allow_none=True)
    entered_by = ma.fields.Integer()
    entered_at = ma.fields.String()
    outcome = ma.fields.Nested(OutcomeOut, allow_none=True)


class ManualPage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(ManualOut))


class SheetTarget(Base):
    opd = ma.fields.Integer(required=True)
    date = ma.fields.Date(required=True)


class SheetForm(SheetTarget):
    dry_run = ma.fields.Boolean(load_default=False, metadata={
        "description": "Pratinjau: apa yang akan berubah per baris, tanpa menyimpan apa pun"})


class SheetFiles(ma.Schema):
    sheet = ma.fields.Raw(required=True, metadata={"type": "string", "format": "binary",
                                                   "description": "Lampiran I (xlsx)"})
    evidence = ma.fields.Raw(required=True, metadata={
        "type": "string", "format": "binary",
        "description": "pindaian lembar kertas yang ditandatangani (PDF/JPEG/PNG)"})


class SheetRowOut(OutcomeOut):
    row = ma.fields.Integer()
    employee = ma.fields.Nested(PersonOut)
    code = ma.fields.String(allow_none=True)
    check_in_at = ma.fields.String(allow_none=True)
    check_out_at = ma.fields.String(allow_none=True)


class SheetOut(ma.Schema):
    id = ma.fields.Integer(allow_none=True, metadata={"description": "null pada pratinjau"})
    opd_id = ma.fields.Integer()
    work_date = ma.fields.Date()
    entry_count = ma.fields.Integer()
    evidence_id = ma.fields.Integer(allow_none=True)
    workbook_id = ma.fields.Integer(allow_none=True)
    uploaded_by = ma.fields.Integer()
    uploaded_at = ma.fields.String()
    counted_count = ma.fields.Integer(metadata={"description": "Baris yang dipakai"})
    preview = ma.fields.Boolean(metadata={"description": "Pratinjau (dry_run): belum disimpan"})
    rows = ma.fields.List(ma.fields.Nested(SheetRowOut))
