"""Liveness challenges: issued to one employee's device before a capture, used once."""
from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField

from api.models.base import BaseModel, utcnow
from api.models.org import Employee


class LivenessChallenge(BaseModel):
    employee = ForeignKeyField(Employee, index=False)
    device_uid = CharField(max_length=128)
    nonce_sha256 = CharField(max_length=64, unique=True)  # the nonce itself is never stored
    instruction = CharField(max_length=12)  # face_engine.challenge.INSTRUCTIONS
    issued_at = DateTimeField(default=utcnow)
    expires_at = DateTimeField()
    used_at = DateTimeField(null=True)
    used_key = CharField(max_length=128, null=True)  # the check-in's Idempotency-Key

    class Meta:
        table_name = "liveness_challenge"
        indexes = ((("employee", "issued_at"), False),)
