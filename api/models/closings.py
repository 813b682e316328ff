"""Month closing per OPD: a closed month is read-only until an audited reopen."""
from __future__ import annotations

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from api.models.base import BaseModel
from api.models.org import Opd


class MonthClosing(BaseModel):
    """status: closed | reopened; `month` is the first day of the month."""

    opd = ForeignKeyField(Opd, backref="closings")
    month = DateField()
    status = CharField(max_length=10)
    closed_by = IntegerField()
    closed_at = DateTimeField()
    reopened_by = IntegerField(null=True)
    reopened_at = DateTimeField(null=True)
    reopen_reason = TextField(default="")

    class Meta:
        indexes = ((("opd", "month"), True),)
