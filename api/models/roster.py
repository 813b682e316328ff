"""Shift rosters: which shift an employee works on a date (None = day off)."""
from __future__ import annotations

from peewee import DateField, ForeignKeyField

from api.models.base import BaseModel
from api.models.org import Employee
from api.models.schedule import Shift


class RosterEntry(BaseModel):
    employee = ForeignKeyField(Employee, backref="roster")
    work_date = DateField()
    shift = ForeignKeyField(Shift, null=True)

    class Meta:
        indexes = ((("employee", "work_date"), True),)
