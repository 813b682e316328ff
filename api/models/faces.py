"""Enrolled face templates (normalised float32 embeddings tagged with the model version)."""
from __future__ import annotations

from peewee import (
    BlobField,
    BooleanField,
    CharField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from api.models.base import BaseModel, utcnow
from api.models.org import Employee


class FaceTemplate(BaseModel):
    employee = ForeignKeyField(Employee, backref="face_templates", index=True)
    data = BlobField()
    model_version = CharField(max_length=80)
    photo_count = IntegerField()
    active = BooleanField(default=True)
    enrolled_by = IntegerField(null=True)
    enrolled_at = DateTimeField(default=utcnow)
    # a re-enrolment that would replace an active template waits for a second person:
    # pending → approved (it becomes the active one) | rejected; a first enrolment: null
    approval = CharField(max_length=10, null=True, index=True)
    decided_by = IntegerField(null=True)
    decided_at = DateTimeField(null=True)
    decision_reason = TextField(default="")
    photos = TextField(default="")  # stored_file ids of the enrolment photos, comma-separated
