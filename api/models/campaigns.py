"""Presence-reporting campaigns (SiAbOn): the campaign an admin defines, the whereabouts
reports employees send inside its windows, and the excuses for a missed window. Separate
from attendance: nothing here touches a daily record."""
from __future__ import annotations

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from api.models.base import BaseModel, utcnow
from api.models.files import StoredFile
from api.models.org import Employee, Opd


class Campaign(BaseModel):
    """Windows, targets and zone are JSON (api/services/campaigns/admin.py writes them):
    windows [["07:00", "09:00"], ...]; opds [ids] and employment_types [codes], empty = all;
    zone {"kind": "none" | "circle" | "polygon", ...}."""

    name = CharField(max_length=200)
    date_from = DateField()
    date_to = DateField()
    windows = TextField()
    opds = TextField(default="[]")
    employment_types = TextField(default="[]")
    selfie_required = BooleanField(default=True)
    zone = TextField(default='{"kind": "none"}')
    report_deadline = DateTimeField()  # naive UTC: when heads of OPD report to BKD
    created_by = IntegerField()
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class CampaignReport(BaseModel):
    """One accepted whereabouts report; the first in a window counts, a later one is
    answered with it."""

    campaign = ForeignKeyField(Campaign, backref="reports", on_delete="CASCADE")
    employee = ForeignKeyField(Employee)
    opd = ForeignKeyField(Opd)  # where the employee belonged that day
    work_date = DateField()  # the employee's local date
    window = IntegerField()  # index into the campaign's windows
    reported_at = DateTimeField()  # naive UTC
    lat = FloatField()
    lon = FloatField()
    accuracy_m = FloatField()
    inside_zone = BooleanField()
    selfie = ForeignKeyField(StoredFile, null=True)
    selfie_sha256 = CharField(max_length=64, default="")
    similarity = FloatField(null=True)
    liveness = FloatField(null=True)
    device_uid = CharField(max_length=128)
    idempotency_key = CharField(max_length=128)

    class Meta:
        indexes = ((("campaign", "employee", "work_date", "window"), True),
                   (("employee", "idempotency_key"), True),
                   (("campaign", "opd", "work_date"), False))


class CampaignExcuse(BaseModel):
    """A reason and a document for a missed window (window None: the whole day), decided by
    the direct supervisor. status: pending | approved | rejected."""

    campaign = ForeignKeyField(Campaign, backref="excuses", on_delete="CASCADE")
    employee = ForeignKeyField(Employee)
    opd = ForeignKeyField(Opd)
    work_date = DateField()
    window = IntegerField(null=True)
    reason = TextField()
    document = ForeignKeyField(StoredFile)
    status = CharField(max_length=10, default="pending", index=True)
    submitted_at = DateTimeField(default=utcnow)
    decided_by = IntegerField(null=True)
    decided_at = DateTimeField(null=True)
    decision_reason = TextField(default="")

    class Meta:
        indexes = ((("campaign", "employee", "work_date"), False),)
