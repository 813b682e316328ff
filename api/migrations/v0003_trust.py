"""Trust (issue 12): per-account token versions, face re-enrolment approval with its photos,
the aligned-face fingerprint of check-ins, the colleague a selfie matched, and the audit log
read by subject."""
from __future__ import annotations

from peewee import BlobField, CharField, DateTimeField, IntegerField, TextField
from playhouse.migrate import migrate


def upgrade(db, migrator) -> None:
    migrate(
        migrator.add_column("credential", "token_version", IntegerField(default=0)),
        migrator.add_column("face_template", "approval", CharField(max_length=10, null=True)),
        migrator.add_column("face_template", "decided_by", IntegerField(null=True)),
        migrator.add_column("face_template", "decided_at", DateTimeField(null=True)),
        migrator.add_column("face_template", "decision_reason", TextField(default="")),
        migrator.add_column("face_template", "photos", TextField(default="")),
        migrator.add_column("checkin_event", "face_print", BlobField(null=True)),
        migrator.add_column("checkin_event", "matched_employee", IntegerField(null=True)),
        migrator.add_index("face_template", ("approval",), False),
        migrator.add_index("audit_entry", ("entity", "entity_id"), False),
    )
