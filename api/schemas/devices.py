from __future__ import annotations

import marshmallow as ma

from api.schemas.common import Base, Moment, length, one_of


class DeviceRequestIn(Base):
    device_id = ma.fields.String(required=True, validate=length(128, 4))
    note = ma.fields.String(load_default="", validate=length(500))


class KioskIn(Base):
    device_id = ma.fields.String(required=True, validate=length(128, 4))
    label = ma.fields.String(required=True, validate=length(120, 2))
    opd_id = ma.fields.Integer(required=True)


class BindingOut(ma.Schema):
    id = ma.fields.Integer()
    employee_id = ma.fields.Integer()
    employee_name = ma.fields.String()
    device_uid = ma.fields.String()
    device_kind = ma.fields.String()
    status = ma.fields.String()
    note = ma.fields.String()
    requested_at = Moment()
    decided_at = Moment(allow_none=True)
    decision_reason = ma.fields.String()


class BindingQuery(Base):
    status = ma.fields.String(load_default="pending",
                              validate=one_of(("pending", "active", "rejected", "revoked")))
    opd = ma.fields.Integer(load_default=None)


class KioskOut(ma.Schema):
    id = ma.fields.Integer()
    uid = ma.fields.String()
    label = ma.fields.String()
    opd_id = ma.fields.Integer(allow_none=True)
    active = ma.fields.Boolean()
