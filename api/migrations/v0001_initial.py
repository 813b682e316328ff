"""The first schema: organisation, accounts, schedules, devices, faces, attendance, audit."""
from __future__ import annotations


def upgrade(db, migrator) -> None:
    from api.models import ALL_MODELS

    db.create_tables(ALL_MODELS)
