"""Absence requests."""
from __future__ import annotations

import re
from datetime import time

import marshmallow as ma

from api.rules.codes import REQUESTABLE_CODES
from api.schemas.common import Base, PageArgs, length, one_of

STATUSES = ("pending", "approved", "rejected", "cancelled")
CLOCK = re.compile(r"^(\d{1,2})[.:](\d{2})$")


class ClockTime(ma.fields.Field):
    """A clock time as people write it: "07:15" or "07.15" (Lampiran I)."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("metadata", {"type": "string", "example": "07.15"})
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs) -> time:
        match = CLOCK.match(str(value).strip())
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            raise ma.ValidationError("Jam harus JJ:MM atau JJ.MM, mis. 07.15.")
        return time(int(match[1]), int(match[2]))

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else value.strftime("%H:%M")


class PersonOut(ma.Schema):
    id = ma.fields.Integer()
    name = ma.fields.String()
    nip = ma.fields.String()
    opd_id = ma.fields.Integer()


class DocumentFile(ma.Schema):
    document = ma.fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class EvidenceFile(ma.Schema):
    evidence = ma.fields.Raw(required=True, metadata={"type": "string", "format": "binary"})


class DateRange(Base):
    date_from = ma.fields.Date(required=True)
    date_to = ma.fields.Date(required=True)

    @ma.validates_schema
    def _range(self, data, **_):
        if data["date_to"] < data["date_from"]:
            raise ma.ValidationError("Tanggal akhir sebelum tanggal awal.", "date_to")
        if (data["date_to"] - data["date_from"]).days > 62:
            raise ma.ValidationError("Rentang maksimal 62 hari.", "date_to")


class AbsenceForm(DateRange):
    employee_id = ma.fields.Integer(load_default=None,
                                    metadata={"description": "kosong = diri sendiri"})
    code = ma.fields.String(required=True, validate=one_of(sorted(REQUESTABLE_CODES)))
    reason = ma.fields.String(load_default="", validate=length(500))


class AbsenceQuery(PageArgs):
    employee = ma.fields.Integer(load_default=None)
    opd = ma.fields.Integer(load_default=None)
    status = ma.fields.String(load_default=None, validate=one_of(STATUSES))
    date_from = ma.fields.Date(data_key="from", load_default=None)
    date_to = ma.fields.Date(data_key="to", load_default=None)


class AbsenceOut(ma.Schema):
    id = ma.fields.Integer()
    employee = ma.fields.Nested(PersonOut)
    code = ma.fields.String()
    code_label = ma.fields.String()
    date_from = ma.fields.Date()
    date_to = ma.fields.Date()
    workdays = ma.fields.Integer()
    reason = ma.fields.String()
    status = ma.fields.String(metadata={"enum": list(STATUSES)})
    document_url = ma.fields.String()
    submitted_by = ma.fields.Integer()
    submitted_at = ma.fields.String()
    decided_by = ma.fields.Integer(allow_none=True)
    decided_at = ma.fields.String(allow_none=True)
    decision_reason = ma.fields.String()


class AbsencePage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(AbsenceOut))
