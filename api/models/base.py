"""Base model bound to the deferred database."""
from __future__ import annotations

from datetime import datetime

from peewee import Model

from api import clock
from api.db import database


def utcnow() -> datetime:
    """Naive UTC now from the business clock (api.clock): under HADIR_FAKE_NOW a device
    request, an enrolment or a manual entry is stamped with the same time as everything else."""
    return clock.utc_naive(clock.now())


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False
