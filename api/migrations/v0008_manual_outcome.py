"""Paper entries keep what they changed when entered, and their row of the uploaded sheet
(issue 14: a Lampiran I upload reports per row what it changed and what not, and why)."""
from __future__ import annotations

from peewee import IntegerField, TextField
from playhouse.migrate import migrate


def upgrade(db, migrator) -> None:
    migrate(
        migrator.add_column("manual_entry", "sheet_row", IntegerField(null=True)),
        migrator.add_column("manual_entry", "outcome", TextField(default="")),
    )
