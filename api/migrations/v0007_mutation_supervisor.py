"""Mutations carry the direct supervisor at the new post (issue 14), and due mutations are
found by an index on (applied, valid_from) on every request."""
from __future__ import annotations

from peewee import ForeignKeyField
from playhouse.migrate import migrate

from api.models import Employee


def upgrade(db, migrator) -> None:
    migrate(
        migrator.add_column("assignment", "supervisor_id",
                            ForeignKeyField(Employee, null=True, field=Employee.id)),
        migrator.add_index("assignment", ("applied", "valid_from"), False),
    )
