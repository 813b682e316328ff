"""Cancellation of attendance (Perbup Jember 55/2021 Pasal 13, Lampiran III)."""
from __future__ import annotations

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from api.models.base import BaseModel, utcnow
from api.models.files import StoredFile
from api.models.org import Employee, Opd


class Cancellation(BaseModel):
    """status: pending | approved | rejected. Filed by the direct supervisor, approved by the
    head of the OPD; an approved one turns the day into TK and carries the letter."""

    employee = ForeignKeyField(Employee, backref="cancellations")
    work_date = DateField()
    opd = ForeignKeyField(Opd)
    supervisor = ForeignKeyField(Employee, backref="filed_cancellations")
    witness_1 = ForeignKeyField(Employee, backref="+")
    witness_2 = ForeignKeyField(Employee, backref="+")
    statement = TextField()
    letter_number = CharField(max_length=80, default="")
    status = CharField(max_length=10, default="pending", index=True)
    filed_at = DateTimeField(default=utcnow)
    decided_by = IntegerField(null=True)
    decided_at = DateTimeField(null=True)
    decision_reason = TextField(default="")
    letter = ForeignKeyField(StoredFile, null=True)

    class Meta:
        indexes = ((("employee", "work_date"), False), (("opd", "status"), False))
