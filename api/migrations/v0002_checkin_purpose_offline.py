"""Check-in events: the out-of-office purpose and the offline-capture flag (the web app)."""
from __future__ import annotations

from peewee import BooleanField, CharField
from playhouse.migrate import migrate


def upgrade(db, migrator) -> None:
    migrate(
        migrator.add_column("checkin_event", "purpose", CharField(max_length=12, null=True)),
        migrator.add_column("checkin_event", "offline", BooleanField(default=False)),
    )
