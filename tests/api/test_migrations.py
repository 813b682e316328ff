"""Versioned migrations: a database made at an older version is brought up to date, its rows
kept."""
from __future__ import annotations

from datetime import date

from playhouse.migrate import SchemaMigrator, SqliteMigrator, migrate

from api import migrations
from api.db import database
from api.migrations import SchemaVersion
from api.models import (
    Assignment,
    Campaign,
    CampaignExcuse,
    CampaignReport,
    CheckinEvent,
    Credential,
    FaceTemplate,
    Job,
    LivenessChallenge,
    MonthTally,
    NightlyRun,
    ProblemReport,
)
from tests.factories import daily_records, stored_checkin

# the columns each migration after the first adds
ADDED = {
    "v0002_checkin_purpose_offline": [("checkin_event", "purpose"), ("checkin_event", "offline")],
    "v0003_trust": [("credential", "token_version"), ("face_template", "approval"),
                    ("face_template", "decided_by"), ("face_template", "decided_at"),
                    ("face_template", "decision_reason"), ("face_template", "photos"),
                    ("checkin_event", "face_print"),
                    ("checkin_event", "matched_employee")],
    "v0004_liveness": [("checkin_event", c) for c in (
        "client", "liveness_path", "liveness_band", "challenge_id", "challenge_result",
        "frames")],
    "v0005_orphan_patterns": [],  # data only (tests/api/schedules/test_schedule_edits.py)
    "v0006_jobs": [],  # new tables only
    "v0007_mutation_supervisor": [("assignment", "supervisor_id")],
    "v0008_manual_outcome": [("manual_entry", "sheet_row"), ("manual_entry", "outcome")],
    "v0009_campaigns": [],  # new tables only
    "v0010_problem_reports": [],  # a new table only
    "v0011_month_tally": [],  # a new table, filled from the daily records
    "v0012_monthly_partitions": [],  # PostgreSQL only (tests/api/test_partitions.py)
    "v0013_fraud_indexes": [],  # indexes only
}


def test_every_migration_is_covered_here():
    assert set(migrations.available()) == {"v0001_initial", *ADDED}


def test_a_v0001_database_is_brought_up_to_date_with_its_rows(app, world):
    event = stored_checkin(world, "pegawai_a", "2026-03-02T07:05:00+07:00")
    employee = world.people["pegawai_a"].id
    daily_records(world.people["pegawai_a"], [date(2026, 2, 2), date(2026, 2, 3),
                                              date(2026, 3, 3)])
    migrator = SchemaMigrator.from_database(database.obj)
    for index in ("face_template_approval", "audit_entry_entity_entity_id",
                  "assignment_applied_valid_from"):
        database.execute_sql(f'DROP INDEX IF EXISTS "{index}"')
    # roll the schema back to v0001: the later columns gone, only the first version stamped
    # SQLite's own DROP COLUMN refuses a foreign key column: rebuild the table instead
    legacy = {"legacy": True} if isinstance(migrator, SqliteMigrator) else {}
    migrate(*(migrator.drop_column(table, column, **legacy) for columns in ADDED.values()
              for table, column in columns))
    LivenessChallenge.drop_table()
    Job.drop_table()
    NightlyRun.drop_table()
    for model in (CampaignExcuse, CampaignReport, Campaign, ProblemReport, MonthTally):
        model.drop_table()
    SchemaVersion.delete().where(SchemaVersion.version != "v0001_initial").execute()
    assert migrations.migrate() == sorted(ADDED)
    row = CheckinEvent.get_by_id(event.id)
    assert (row.status, row.offline, row.purpose, row.face_print) == ("ACCEPTED", False, None,
                                                                      None)
    assert (row.client, row.liveness_path, row.frames) == ("other", None, "")
    assert LivenessChallenge.select().count() == 0 and ProblemReport.select().count() == 0
    assert Assignment.get(Assignment.employee == employee).supervisor_id is None
    assert Credential.get(Credential.employee == employee).token_version == 0
    assert FaceTemplate.select().where(FaceTemplate.approval.is_null(False)).count() == 0
    tallies = {(t.month, t.status): t.days for t in MonthTally.select()}
    assert tallies[date(2026, 2, 1), "TK"] == 2 and tallies[date(2026, 3, 1), "TK"] == 1
    assert migrations.migrate() == []  # nothing left to apply
