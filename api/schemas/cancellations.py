"""Cancellations of attendance (Pasal 13)."""
from __future__ import annotations

import marshmallow as ma

from api.schemas.absences import PersonOut
from api.schemas.common import Base, PageArgs, length, one_of

STATUSES = ("pending", "approved", "rejected")


class CancellationIn(Base):
    employee_id = ma.fields.Integer(required=True)
    work_date = ma.fields.Date(required=True)
    witness_ids = ma.fields.List(ma.fields.Integer(), required=True, validate=ma.validate.Length(
        equal=2, error="Saksi harus tepat 2 (dua) orang."))
    statement = ma.fields.String(required=True, validate=length(2000, 10),
                                 metadata={"description": "keterangan atasan langsung"})
    letter_number = ma.fields.String(load_default="", validate=length(80))


class CancellationQuery(PageArgs):
    employee = ma.fields.Integer(load_default=None)
    opd = ma.fields.Integer(load_default=None)
    status = ma.fields.String(load_default=None, validate=one_of(STATUSES))
    date_from = ma.fields.Date(data_key="from", load_default=None)
    date_to = ma.fields.Date(data_key="to", load_default=None)


class CancellationOut(ma.Schema):
    id = ma.fields.Integer()
    employee = ma.fields.Nested(PersonOut)
    work_date = ma.fields.Date()
    opd_id = ma.fields.Integer()
    supervisor_id = ma.fields.Integer()
    witness_ids = ma.fields.List(ma.fields.Integer())
    statement = ma.fields.String()
    letter_number = ma.fields.String()
    status = ma.fields.String(metadata={"enum": list(STATUSES)})
    filed_at = ma.fields.String()
    decided_by = ma.fields.Integer(allow_none=True)
    decided_at = ma.fields.String(allow_none=True)
    decision_reason = ma.fields.String()
    letter_url = ma.fields.String(allow_none=True)


class CancellationPage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(CancellationOut))
