"""Absence requests (RULES.md §4 codes over a date range, with a supporting document)."""
from __future__ import annotations

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from api.models.base import BaseModel, utcnow
from api.models.files import StoredFile
from api.models.org import Employee, Opd


class AbsenceRequest(BaseModel):
    """status: pending | approved | rejected | cancelled."""

    employee = ForeignKeyField(Employee, backref="absence_requests", index=True)
    opd = ForeignKeyField(Opd)  # the employee's OPD when submitted (scope of the queue)
    code = CharField(max_length=12)
    date_from = DateField()
    date_to = DateField()
    workdays = IntegerField()
    reason = TextField(default="")
    document = ForeignKeyField(StoredFile)
    status = CharField(max_length=10, default="pending", index=True)
    submitted_by = IntegerField()
    submitted_at = DateTimeField(default=utcnow)
    decided_by = IntegerField(null=True)
    decided_at = DateTimeField(null=True)
    decision_reason = TextField(default="")

    class Meta:
        indexes = ((("employee", "date_from", "date_to"), False),)
