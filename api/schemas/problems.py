"""Reports of system problems (Perbup Pasal 5–6)."""
from __future__ import annotations

import marshmallow as ma

from api.schemas.absences import PersonOut
from api.schemas.common import Base, PageArgs, length, one_of
from api.services.problems import CATEGORIES, STATUSES


class ProblemForm(Base):
    opd_id = ma.fields.Integer(required=True)
    category = ma.fields.String(required=True, validate=one_of(CATEGORIES))
    title = ma.fields.String(required=True, validate=length(120, 5))
    description = ma.fields.String(required=True, validate=length(4000, 10))
    employee_id = ma.fields.Integer(load_default=None, allow_none=True, metadata={
        "description": "Pegawai yang terdampak, bila ada"})


class AttachmentFile(ma.Schema):
    attachment = ma.fields.Raw(metadata={"type": "string", "format": "binary",
                                         "description": "Tangkapan layar atau foto (opsional)"})


class FollowUpIn(Base):
    status = ma.fields.String(required=True, validate=one_of(STATUSES))
    response = ma.fields.String(load_default="", validate=length(4000))


class ProblemQuery(PageArgs):
    opd = ma.fields.Integer(load_default=None)
    status = ma.fields.String(load_default=None, validate=one_of(STATUSES))


class ProblemOut(ma.Schema):
    id = ma.fields.Integer()
    opd_id = ma.fields.Integer()
    filed_by = ma.fields.Nested(PersonOut)
    filed_at = ma.fields.String()
    category = ma.fields.String(metadata={"enum": list(CATEGORIES)})
    title = ma.fields.String()
    description = ma.fields.String()
    employee = ma.fields.Nested(PersonOut, allow_none=True)
    attachment_url = ma.fields.String(allow_none=True)
    status = ma.fields.String(metadata={"enum": list(STATUSES)})
    response = ma.fields.String()
    handled_by = ma.fields.Nested(PersonOut, allow_none=True)
    updated_at = ma.fields.String()


class ProblemPage(ma.Schema):
    total = ma.fields.Integer()
    items = ma.fields.List(ma.fields.Nested(ProblemOut))
