"""Stored files (selfies, documents, evidence, letters): typed by content, size-checked, kept
on the local disk or in an S3-compatible store, purged after their retention."""
from .blobs import StorageDown, store
from .evidence import evidence_of, read_audited
from .files import (
    DOCUMENT_TYPES,
    IMAGE_TYPES,
    check,
    discard,
    purge_expired,
    read,
    root,
    save,
    sniff,
    sweep_orphans,
)
from .uploads import evidence_ref, read_upload

__all__ = ["DOCUMENT_TYPES", "IMAGE_TYPES", "check", "discard", "evidence_ref", "purge_expired",
           "evidence_of", "read", "read_audited", "read_upload", "root", "save", "sniff",
           "store", "StorageDown", "sweep_orphans"]
