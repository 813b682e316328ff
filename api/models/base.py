"""Base model bound to the deferred database."""
from __future__ import annotations

from datetime import UTC, datetime

from peewee import Model

from api.db import database


def utcnow() -> datetime:
    """Naive UTC timestamp for audit columns (not the business clock)."""
    return datetime.now(UTC).replace(tzinfo=None)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False
