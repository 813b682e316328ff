"""Versioned migrations: a database made at an older version is brought up to date, its rows
kept."""
from __future__ import annotations

from playhouse.migrate import SchemaMigrator, migrate

from api import migrations
from api.db import database
from api.migrations import SchemaVersion
from api.models import CheckinEvent
from tests.factories import stored_checkin


def test_a_v0001_database_gets_the_checkin_purpose_and_offline_columns(app, world):
    event = stored_checkin(world, "pegawai_a", "2026-03-02T07:05:00+07:00")
    # roll the schema back to v0001: the two columns gone, only the first version stamped
    migrate(*(SchemaMigrator.from_database(database.obj).drop_column("checkin_event", column)
              for column in ("purpose", "offline")))
    SchemaVersion.delete().where(SchemaVersion.version != "v0001_initial").execute()
    assert "v0002_checkin_purpose_offline" in migrations.migrate()
    row = CheckinEvent.get_by_id(event.id)
    assert (row.status, row.offline, row.purpose) == ("ACCEPTED", False, None)
    assert migrations.migrate() == []  # nothing left to apply
