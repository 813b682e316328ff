"""Append-only, hash-chained audit log."""
from __future__ import annotations

from peewee import CharField, DateTimeField, IntegerField, TextField

from api.models.base import BaseModel


class AuditEntry(BaseModel):
    at = DateTimeField()
    actor = IntegerField(null=True)  # employee id; null = system
    action = CharField(max_length=60)
    entity = CharField(max_length=40)
    entity_id = CharField(max_length=60)
    before = TextField(default="null")
    after = TextField(default="null")
    evidence = TextField(default="")
    prev_hash = CharField(max_length=64, unique=True)  # a fork of the chain cannot be written
    hash = CharField(max_length=64, unique=True)

    class Meta:
        indexes = ((("entity", "entity_id"), False),)  # an employee's inbox reads by subject
