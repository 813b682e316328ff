"""Reports of problems with the attendance system (Perbup Pasal 6 ayat 2 huruf d): an OPD's
operator reports, the administrator follows up (Pasal 5 ayat 2 huruf d)."""
from __future__ import annotations

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from api.models.base import BaseModel, utcnow
from api.models.files import StoredFile
from api.models.org import Employee, Opd


class ProblemReport(BaseModel):
    """status: open | in_progress | resolved; `response` is the administrator's answer."""

    opd = ForeignKeyField(Opd)
    filed_by = ForeignKeyField(Employee, backref="problem_reports")
    filed_at = DateTimeField(default=utcnow)
    category = CharField(max_length=20)
    title = CharField(max_length=120)
    description = TextField()
    employee = ForeignKeyField(Employee, null=True)  # the employee affected, if one is
    attachment = ForeignKeyField(StoredFile, null=True)  # e.g. a screenshot of the error
    status = CharField(max_length=12, default="open", index=True)
    response = TextField(default="")
    handled_by = IntegerField(null=True)
    updated_at = DateTimeField(default=utcnow)
