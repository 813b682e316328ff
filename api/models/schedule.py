"""Schedules as data: weekly patterns, dated override periods, shifts, rosters, local days."""
from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    ForeignKeyField,
    IntegerField,
    TimeField,
)

from api.models.base import BaseModel


class ScheduleGroup(BaseModel):
    code = CharField(max_length=30, unique=True)
    name = CharField(max_length=120)
    kind = CharField(max_length=10, default="weekly")  # weekly | shift
    observes_holidays = BooleanField(default=True)


class SchedulePeriod(BaseModel):
    """A dated override of a group's weekly pattern (e.g. Ramadan)."""

    group = ForeignKeyField(ScheduleGroup, backref="periods")
    name = CharField(max_length=120)
    date_from = DateField()
    date_to = DateField()


class _Times(BaseModel):
    start = TimeField()
    end = TimeField()
    break_start = TimeField(null=True)
    break_end = TimeField(null=True)
    checkin_open = TimeField()
    checkin_close = TimeField()
    checkout_open = TimeField()
    checkout_close = TimeField()


class SchedulePattern(_Times):
    """One weekday of a group's pattern; `period` set = the override's pattern."""

    group = ForeignKeyField(ScheduleGroup, backref="patterns")
    period = ForeignKeyField(SchedulePeriod, null=True, backref="patterns", on_delete="CASCADE")
    weekday = IntegerField()  # 0 = Monday


class Shift(_Times):
    group = ForeignKeyField(ScheduleGroup, backref="shifts")
    code = CharField(max_length=20)
    name = CharField(max_length=80)

    class Meta:
        indexes = ((("group", "code"), True),)


class LocalDay(BaseModel):
    """An admin's change to the holiday calendar: add a local holiday or remove a day."""

    date = DateField(unique=True)
    action = CharField(max_length=10)  # add | remove
    name = CharField(max_length=200, default="")
    kind = CharField(max_length=20, default="local")  # local | cuti_bersama (when added)
