"""Corrections of a day's record."""
from __future__ import annotations

import marshmallow as ma

from api.schemas.absences import ClockTime, PersonOut
from api.schemas.common import Base, length, one_of
from api.services.changes.corrections import CORRECTION_CODES


class CorrectionForm(Base):
    employee_id = ma.fields.Integer(required=True)
    work_date = ma.fields.Date(required=True)
    check_in = ClockTime(load_default=None)
    check_out = ClockTime(load_default=None)
    code = ma.fields.String(load_default=None, validate=one_of(sorted(CORRECTION_CODES)))
    reason = ma.fields.String(required=True, validate=length(500, 5))

    @ma.validates_schema
    def _what(self, data, **_):
        times = data.get("check_in") or data.get("check_out")
        if bool(times) == bool(data.get("code")):
            raise ma.ValidationError("Isi jam datang/pulang atau kode, salah satu saja.", "code")
        if not data.get("reason", "").strip():
            raise ma.ValidationError("Alasan koreksi wajib diisi.", "reason")


class CorrectionOut(ma.Schema):
    id = ma.fields.Integer()
    employee = ma.fields.Nested(PersonOut)
    work_date = ma.fields.Date()
    opd_id = ma.fields.Integer()
    check_in_at = ma.fields.String(allow_none=True)
    check_out_at = ma.fields.String(allow_none=True)
    code = ma.fields.String(allow_none=True)
    reason = ma.fields.String()
    evidence_id = ma.fields.Integer()
    created_by = ma.fields.Integer()
    created_at = ma.fields.String()


class CorrectionPage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(CorrectionOut))
