"""Devices and their bindings to employees."""
from __future__ import annotations

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from api.models.base import BaseModel, utcnow
from api.models.org import Employee, Opd


class Device(BaseModel):
    uid = CharField(max_length=128, unique=True)
    kind = CharField(max_length=10, default="personal")  # personal | kiosk
    opd = ForeignKeyField(Opd, null=True)  # kiosk devices belong to an OPD
    label = CharField(max_length=120, default="")
    active = BooleanField(default=True)
    registered_by = IntegerField(null=True)
    created_at = DateTimeField(default=utcnow)


class DeviceBinding(BaseModel):
    """status: active | pending (a rebind request) | rejected | revoked."""

    employee = ForeignKeyField(Employee, backref="device_bindings", index=True)
    device = ForeignKeyField(Device, backref="bindings", index=True)
    status = CharField(max_length=10, default="active", index=True)
    note = TextField(default="")
    requested_at = DateTimeField(default=utcnow)
    decided_by = IntegerField(null=True)
    decided_at = DateTimeField(null=True)
    decision_reason = TextField(default="")
