from __future__ import annotations

import marshmallow as ma

from api.schemas.org import LocationOut


class ScheduleDayOut(ma.Schema):
    work_date = ma.fields.Date()
    workday = ma.fields.Boolean()
    off_reason = ma.fields.String(allow_none=True)
    holiday_name = ma.fields.String(allow_none=True)
    tz = ma.fields.String()
    source = ma.fields.String()
    start = ma.fields.String(allow_none=True)
    end = ma.fields.String(allow_none=True)
    break_start = ma.fields.String(allow_none=True)
    break_end = ma.fields.String(allow_none=True)
    checkin_open = ma.fields.String(allow_none=True)
    checkin_close = ma.fields.String(allow_none=True)
    checkout_open = ma.fields.String(allow_none=True)
    checkout_close = ma.fields.String(allow_none=True)


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
