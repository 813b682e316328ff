"""Liveness (issue 13): server-issued challenges, and what each check-in's liveness step used
and found."""
from __future__ import annotations

from peewee import CharField, IntegerField, TextField
from playhouse.migrate import migrate

from api.models import LivenessChallenge


def upgrade(db, migrator) -> None:
    db.create_tables([LivenessChallenge])
    migrate(
        migrator.add_column("checkin_event", "client", CharField(max_length=10, default="other")),
        migrator.add_column("checkin_event", "liveness_path", CharField(max_length=10, null=True)),
        migrator.add_column("checkin_event", "liveness_band", CharField(max_length=10, null=True)),
        migrator.add_column("checkin_event", "challenge_id", IntegerField(null=True)),
        migrator.add_column("checkin_event", "challenge_result", TextField(default="")),
        migrator.add_column("checkin_event", "frames", TextField(default="")),
    )
