"""Manual attendance (Pasal 11(7)–(8)): Lampiran I sheets and their per-employee entries."""
from __future__ import annotations

from peewee import CharField, DateField, DateTimeField, ForeignKeyField, IntegerField, TextField

from api.models.base import BaseModel, utcnow
from api.models.files import StoredFile
from api.models.org import Employee, Opd


class ManualSheet(BaseModel):
    """One imported daily sheet: the xlsx and the scan of the signed paper."""

    opd = ForeignKeyField(Opd)
    work_date = DateField()
    workbook = ForeignKeyField(StoredFile)
    evidence = ForeignKeyField(StoredFile)
    entry_count = IntegerField()
    uploaded_by = IntegerField()
    uploaded_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("opd", "work_date"), False),)


class ManualEntry(BaseModel):
    """What the paper says for one employee-day: arrival/departure times or a code.

    One entry per employee and date: a later change is a correction, with its own evidence."""

    employee = ForeignKeyField(Employee, backref="manual_entries")
    work_date = DateField()
    opd = ForeignKeyField(Opd)
    check_in_at = DateTimeField(null=True)  # naive UTC
    check_out_at = DateTimeField(null=True)
    code = CharField(max_length=12, null=True)
    remarks = TextField(default="")
    evidence = ForeignKeyField(StoredFile)
    sheet = ForeignKeyField(ManualSheet, null=True, backref="entries")
    sheet_row = IntegerField(null=True)  # the row of the uploaded sheet it came from
    outcome = TextField(default="")  # JSON: what it changed when entered, and why not
    entered_by = IntegerField()
    entered_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("employee", "work_date"), True), (("opd", "work_date"), False))
