"""Stored files (selfies, documents, evidence), typed by content, not extension; their bytes in
the store STORAGE_URL names (blobs.py), their rows in the database."""
from __future__ import annotations

import hashlib
import logging
import time
import uuid
from datetime import date
from pathlib import Path

from flask import current_app

from api import clock
from api.errors import ApiError
from api.models import StoredFile
from api.rules.months import months_between

from .blobs import StorageDown, store

log = logging.getLogger(__name__)

SIGNATURES = (
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"%PDF-", "application/pdf", "pdf"),
    (b"PK\x03\x04", "application/zip", "zip"),  # xlsx is a zip; checked further by its reader
)
IMAGE_TYPES = ("image/jpeg", "image/png")
DOCUMENT_TYPES = ("image/jpeg", "image/png", "application/pdf")


def sniff(data: bytes) -> tuple[str, str] | None:
    """(mime, extension) from the magic bytes, or None."""
    for magic, mime, ext in SIGNATURES:
        if data.startswith(magic):
            return mime, ext
    return None


def check(data: bytes, allowed: tuple[str, ...], max_bytes: int, field: str) -> str:
    """Validate size and content type; return the mime type."""
    if not data:
        raise ApiError("VALIDATION_ERROR", 422, details={field: ["Berkas kosong."]})
    if len(data) > max_bytes:
        raise ApiError("PAYLOAD_TOO_LARGE", 413,
                       details={field: [f"Maksimal {max_bytes // 1024} KB."]})
    kind = sniff(data)
    if kind is None or kind[0] not in allowed:
        raise ApiError("UNSUPPORTED_MEDIA", 415,
                       details={field: ["Jenis berkas harus: " + ", ".join(allowed)]})
    return kind[0]


def root() -> Path:
    """The local disk's folder (UPLOAD_DIR); where STORAGE_URL names a bucket, unused."""
    return Path(current_app.config["UPLOAD_DIR"])


def save(data: bytes, purpose: str, owner: int | None, uploaded_by: int | None,
         retain_until: date | None = None) -> StoredFile:
    """Write the bytes and record them; the caller's transaction holds the row. A store that
    cannot take them (a full disk, an unreachable bucket) answers 503: nothing is accepted."""
    mime, ext = sniff(data) or ("application/octet-stream", "bin")
    today = clock.now().date()
    key = f"{purpose}/{today:%Y}/{today:%m}/{uuid.uuid4().hex}.{ext}"
    try:
        store().put(key, data)
    except StorageDown as exc:
        log.error("upload storage unwritable", extra={"purpose": purpose, "error": str(exc)})
        raise ApiError("STORAGE_UNAVAILABLE", 503) from exc
    return StoredFile.create(purpose=purpose, sha256=hashlib.sha256(data).hexdigest(), mime=mime,
                             size=len(data), path=key, owner=owner,
                             uploaded_by=uploaded_by, retain_until=retain_until)


def read(stored: StoredFile) -> bytes:
    if stored.purged:
        raise ApiError("NOT_FOUND", 404, message_text="Berkas sudah dihapus sesuai masa simpan.")
    try:
        data = store().get(stored.path)
    except StorageDown as exc:
        log.error("upload storage unreadable", extra={"purpose": stored.purpose,
                                                       "error": str(exc)})
        raise ApiError("STORAGE_UNAVAILABLE", 503) from exc
    if data is None:
        raise ApiError("NOT_FOUND", 404)
    return data


def discard(stored: StoredFile | None) -> None:
    """Remove the bytes of a file whose transaction failed (if the store is down too, the
    nightly orphan sweep removes them later)."""
    if stored is not None:
        try:
            store().delete(stored.path)
        except StorageDown:
            log.warning("orphan left for the sweep", extra={"purpose": stored.purpose})


def purge_expired(today: date) -> int:
    """Delete files past their retention date; the rows stay, marked purged."""
    count, blobs = 0, store()
    query = StoredFile.select().where(StoredFile.retain_until < today, ~StoredFile.purged)
    for stored in query.iterator():
        blobs.delete(stored.path)
        StoredFile.update(purged=True).where(StoredFile.id == stored.id).execute()
        count += 1
    return count


def sweep_orphans(first: date, last: date, grace_s: float = 3600) -> int:
    """Delete the bytes no row names, in the month folders from `first` to `last`: what a
    process killed between writing a file and committing its row leaves behind (a selfie
    that would otherwise outlive every retention rule). A file younger than `grace_s` may
    still belong to an open transaction and is left."""
    blobs, removed, cutoff = store(), 0, time.time() - grace_s
    purposes = blobs.purposes()
    for month in months_between(first, last):
        for purpose in purposes:
            prefix = f"{purpose}/{month:%Y/%m}"
            named = {row.path for row in StoredFile.select(StoredFile.path)
                     .where(StoredFile.path.startswith(prefix + "/"))}
            for key, modified in list(blobs.listing(prefix)):
                if key not in named and modified < cutoff:
                    blobs.delete(key)
                    removed += 1
    return removed
