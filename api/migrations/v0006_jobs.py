"""Background jobs (issue 14): what each job did, and the nightly runs finished."""
from __future__ import annotations

from api.models import Job, NightlyRun


def upgrade(db, migrator) -> None:
    db.create_tables([Job, NightlyRun])
