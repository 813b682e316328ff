"""Versioned schema migrations.

A fresh database gets the current schema in one step and is stamped with every version
(as Alembic's "create_all + stamp head"); an existing database runs, in order, the
migrations it has not seen. Each migration is a module `vNNNN_<name>.py` with
`def upgrade(db, migrator) -> None` (playhouse.migrate's SchemaMigrator).
"""
from __future__ import annotations

import importlib
import logging
import pkgutil
from datetime import UTC, datetime

from peewee import CharField, DateTimeField, Model
from playhouse.migrate import SchemaMigrator

from api import clock
from api.db import database
from api.partitions import partition_tables

log = logging.getLogger(__name__)


class SchemaVersion(Model):
    version = CharField(max_length=80, primary_key=True)
    applied_at = DateTimeField()

    class Meta:
        database = database
        table_name = "schema_version"


def available() -> list[str]:
    names = [m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("v")]
    return sorted(names)


def applied() -> set[str]:
    if not database.table_exists("schema_version"):
        return set()
    return {row.version for row in SchemaVersion.select()}


def _stamp(version: str) -> None:
    SchemaVersion.create(version=version, applied_at=datetime.now(UTC).replace(tzinfo=None))


def migrate() -> list[str]:
    """Bring the schema up to date; returns the versions applied."""
    from api.models import ALL_MODELS

    db = database.obj
    done = applied()
    pending = [v for v in available() if v not in done]
    if not pending:
        return []
    with db.atomic():
        if not done and not any(db.table_exists(m._meta.table_name) for m in ALL_MODELS):
            db.create_tables([SchemaVersion, *ALL_MODELS])
            partition_tables(clock.now().date())  # the head schema: PostgreSQL only
            for version in pending:
                _stamp(version)
            log.info("schema created at %s", pending[-1])
            return pending
        db.create_tables([SchemaVersion])
        migrator = SchemaMigrator.from_database(db)
        for version in pending:
            module = importlib.import_module(f"{__name__}.{version}")
            module.upgrade(db, migrator)
            _stamp(version)
            log.info("migration %s applied", version)
    return pending
