"""Uploaded files as the request carries them, and how the audit log names stored evidence."""
from __future__ import annotations

from flask import current_app

from api.models import StoredFile

from .files import check


def read_upload(files, field: str, allowed: tuple[str, ...]) -> bytes:
    """The bytes of an uploaded file, checked by content and size (MAX_DOCUMENT_BYTES)."""
    limit = current_app.config["MAX_DOCUMENT_BYTES"]
    data = files[field].read(limit + 1)
    check(data, allowed, limit, field)
    return data


def evidence_ref(stored: StoredFile) -> str:
    """How an audit entry names its evidence: the stored file and its content hash."""
    return f"stored_file:{stored.id} sha256:{stored.sha256}"
