from __future__ import annotations

import marshmallow as ma

from api.schemas.common import Base
from api.schemas.org import LocationOut
from api.schemas.recaps import Month, RecapPeriod, RecapPolicy, RecapRow
from api.schemas.schedules import ScheduleDayOut


class MeOut(ma.Schema):
    id = ma.fields.Integer()
    nip = ma.fields.String()
    name = ma.fields.String()
    jabatan = ma.fields.String()
    golongan = ma.fields.String()
    employment_type = ma.fields.String()
    opd = ma.fields.Dict()
    unit = ma.fields.Dict(allow_none=True)
    supervisor = ma.fields.Dict(allow_none=True)
    roles = ma.fields.List(ma.fields.String())
    role_opds = ma.fields.Dict()
    must_change_password = ma.fields.Boolean()
    face_enrolled = ma.fields.Boolean()
    locations = ma.fields.List(ma.fields.Nested(LocationOut))
    today = ma.fields.Nested(ScheduleDayOut)
    pemda = ma.fields.Dict()
    server_time = ma.fields.String(metadata={
        "description": "Jam server (ISO 8601); klien memakainya untuk mengoreksi jam perangkat"})
    liveness_challenge = ma.fields.Boolean(metadata={
        "description": "Presensi dari aplikasi web memakai tantangan keaslian wajah "
                       "(POST /attendance/challenges)"})


class OwnRecapQuery(Base):
    month = Month(required=True, metadata={"example": "2026-03"})


class OwnRecapOut(ma.Schema):
    month, month_label, pemda = ma.fields.String(), ma.fields.String(), ma.fields.String()
    period = ma.fields.Nested(RecapPeriod)
    policy = ma.fields.Nested(RecapPolicy)
    rows = ma.fields.List(ma.fields.Nested(RecapRow), metadata={
        "description": "Baris sendiri (dua bila mutasi di tengah bulan)"})


class InboxQuery(Base):
    limit = ma.fields.Integer(load_default=50, validate=ma.validate.Range(1, 200))


class InboxItem(ma.Schema):
    kind = ma.fields.String(metadata={"enum": ["checkin", "absence", "device", "cancellation",
                                               "correction", "manual", "account"]})
    ref_id = ma.fields.Integer()
    status = ma.fields.String(metadata={"enum": ["approved", "rejected", "revoked",
                                                 "cancelled", "pending", "info"]})
    title = ma.fields.String()
    reason = ma.fields.String()
    by = ma.fields.String(allow_none=True)
    at = ma.fields.String(allow_none=True)


class InboxOut(ma.Schema):
    items = ma.fields.List(ma.fields.Nested(InboxItem))
