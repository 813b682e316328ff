"""Rule parameters, versioned by effective date."""
from __future__ import annotations

from peewee import DateField, DateTimeField, IntegerField, TextField

from api.models.base import BaseModel, utcnow


class RuleVersion(BaseModel):
    effective_from = DateField(unique=True)
    params = TextField()  # JSON, merged over the shipped defaults
    note = TextField(default="")
    created_by = IntegerField(null=True)
    created_at = DateTimeField(default=utcnow)
