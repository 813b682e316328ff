"""Stored files (selfies, documents, evidence, letters): bytes on disk, metadata here."""
from __future__ import annotations

from peewee import BooleanField, CharField, DateField, DateTimeField, IntegerField

from api.models.base import BaseModel, utcnow


class StoredFile(BaseModel):
    purpose = CharField(max_length=20)  # selfie | document | evidence | letter | enrolment
    sha256 = CharField(max_length=64, index=True)
    mime = CharField(max_length=60)
    size = IntegerField()
    path = CharField(max_length=300)  # relative to UPLOAD_DIR
    owner = IntegerField(null=True, index=True)  # employee id the file is about
    uploaded_by = IntegerField(null=True)
    created_at = DateTimeField(default=utcnow)
    retain_until = DateField(null=True, index=True)
    purged = BooleanField(default=False)
