"""Organisation: OPDs, the unit tree, offices, employees and their mutation history."""
from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DoubleField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from api.models.base import BaseModel, utcnow
from api.models.schedule import ScheduleGroup


class Opd(BaseModel):
    code = CharField(max_length=20, unique=True)
    name = CharField(max_length=200)
    short_name = CharField(max_length=60, default="")
    address = TextField(default="")
    active = BooleanField(default=True)
    created_at = DateTimeField(default=utcnow)


class Unit(BaseModel):
    opd = ForeignKeyField(Opd, backref="units")
    parent = ForeignKeyField("self", null=True, backref="children")
    code = CharField(max_length=30)
    name = CharField(max_length=200)
    active = BooleanField(default=True)

    class Meta:
        indexes = ((("opd", "code"), True),)


class Location(BaseModel):
    """A presence location: a geofence circle with the office's IANA time zone."""

    opd = ForeignKeyField(Opd, null=True, backref="locations")  # null: usable pemda-wide
    name = CharField(max_length=200)
    kind = CharField(max_length=20, default="office")  # office | alternative
    lat = DoubleField()  # double precision: REAL would round GPS fixes to about a metre
    lon = DoubleField()
    radius_m = IntegerField(default=100)
    tz = CharField(max_length=40, default="Asia/Jakarta")
    active = BooleanField(default=True)


class Employee(BaseModel):
    nip = CharField(max_length=30, unique=True)
    name = CharField(max_length=200)
    jabatan = CharField(max_length=200, default="")
    golongan = CharField(max_length=20, default="")
    employment_type = CharField(max_length=20, default="PNS")  # PNS CPNS PPPK PTT-PK NON_ASN
    opd = ForeignKeyField(Opd, backref="employees", index=True)
    unit = ForeignKeyField(Unit, null=True, backref="employees")
    supervisor = ForeignKeyField("self", null=True, backref="subordinates", index=True)
    schedule_group = ForeignKeyField(ScheduleGroup, backref="employees")
    active = BooleanField(default=True)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class EmployeeLocation(BaseModel):
    """The presence locations an employee may check in at (office + approved alternatives)."""

    employee = ForeignKeyField(Employee, backref="location_links", on_delete="CASCADE")
    location = ForeignKeyField(Location, backref="employee_links")
    primary = BooleanField(default=False)

    class Meta:
        indexes = ((("employee", "location"), True),)


class Assignment(BaseModel):
    """Where an employee belonged from a date (mutation history, Pasal 12)."""

    employee = ForeignKeyField(Employee, backref="assignments", index=True)
    opd = ForeignKeyField(Opd)
    unit = ForeignKeyField(Unit, null=True)
    location = ForeignKeyField(Location, null=True)
    supervisor = ForeignKeyField(Employee, null=True, backref="+")  # the direct supervisor there
    valid_from = DateField()
    applied = BooleanField(default=False)
    reason = TextField(default="")
    created_by = IntegerField(null=True)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("employee", "valid_from"), True), (("applied", "valid_from"), False))
