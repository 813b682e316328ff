"""Operators' corrections of a day's record, each with evidence and a reason."""
from __future__ import annotations

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from api.models.base import BaseModel, utcnow
from api.models.files import StoredFile
from api.models.org import Employee, Opd


class Correction(BaseModel):
    """Sets the day's check-in and/or check-out time, or forces a code; applied in id order."""

    employee = ForeignKeyField(Employee, backref="corrections")
    work_date = DateField()
    opd = ForeignKeyField(Opd)
    check_in_at = DateTimeField(null=True)  # naive UTC
    check_out_at = DateTimeField(null=True)
    code = CharField(max_length=12, null=True)
    reason = TextField()
    evidence = ForeignKeyField(StoredFile)
    created_by = IntegerField()
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("employee", "work_date"), False), (("opd", "work_date"), False))
