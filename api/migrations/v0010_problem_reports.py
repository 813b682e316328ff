"""Reports of system problems by OPD operators, followed up by the administrator (issue 15)."""
from __future__ import annotations

from api.models import ProblemReport


def upgrade(db, migrator) -> None:
    db.create_tables([ProblemReport])
