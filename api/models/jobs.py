"""Background jobs as users see them (the queue itself is huey's), and the nightly runs."""
from __future__ import annotations

from peewee import CharField, DateField, DateTimeField, IntegerField, TextField

from api.models.base import BaseModel, utcnow


class Job(BaseModel):
    """One unit of background work: what it is, who asked, how far it got, how it ended."""

    id = CharField(max_length=36, primary_key=True)  # uuid4 (huey numbers its own messages)
    kind = CharField(max_length=30)  # recompute | nightly
    params = TextField(default="{}")
    status = CharField(max_length=10, default="queued")  # queued | running | done | failed
    done = IntegerField(default=0)
    total = IntegerField(default=0)
    result = TextField(default="null")
    error = TextField(default="")
    created_by = IntegerField(null=True)
    created_at = DateTimeField(default=utcnow, index=True)
    started_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)

    class Meta:
        table_name = "job"


class NightlyRun(BaseModel):
    """A pemda-local date whose nightly work finished (the catch-up starts after the last)."""

    work_date = DateField(primary_key=True)
    finished_at = DateTimeField(default=utcnow)
    job = CharField(max_length=36, null=True)

    class Meta:
        table_name = "nightly_run"
