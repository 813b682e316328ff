"""Check-in events (every attempt) and the derived daily records."""
from __future__ import annotations

from peewee import (
    SQL,
    BlobField,
    BooleanField,
    Cast,
    CharField,
    DateField,
    DateTimeField,
    DoubleField,
    ForeignKeyField,
    IntegerField,
    ModelIndex,
    TextField,
    fn,
)

from api.models.base import BaseModel, utcnow
from api.models.devices import Device
from api.models.files import StoredFile
from api.models.org import Employee, Location, Opd, Unit


class CheckinEvent(BaseModel):
    # indexed through (employee, idempotency_key) and (employee, work_date) below
    employee = ForeignKeyField(Employee, backref="events", index=False)
    kind = CharField(max_length=3)  # in | out
    status = CharField(max_length=10)  # ACCEPTED | PENDING | REJECTED
    codes = TextField(default="")  # comma-separated machine codes
    recorded_at = DateTimeField(index=True)  # server time, naive UTC
    work_date = DateField(null=True)
    client_time = DateTimeField(null=True)
    lat = DoubleField(null=True)
    lon = DoubleField(null=True)
    accuracy_m = DoubleField(null=True)
    is_mock = BooleanField(default=False)
    device = ForeignKeyField(Device, null=True)
    device_uid = CharField(max_length=128, default="")
    location = ForeignKeyField(Location, null=True)
    distance_m = DoubleField(null=True)
    out_of_office = BooleanField(default=False)
    similarity = DoubleField(null=True)
    liveness = DoubleField(null=True)
    # liveness (issue 13): the client kind the request declared, the path judged (challenge |
    # passive), the band (accept | review | reject), the challenge used and what it found,
    # and the burst's frames (stored file ids in capture order, kept like the selfie)
    client = CharField(max_length=10, default="other")
    liveness_path = CharField(max_length=10, null=True)
    liveness_band = CharField(max_length=10, null=True)
    challenge_id = IntegerField(null=True)  # liveness_challenge.id
    challenge_result = TextField(default="")
    frames = TextField(default="")
    selfie = ForeignKeyField(StoredFile, null=True)
    selfie_sha256 = CharField(max_length=64, default="", index=True)
    embedding = BlobField(null=True)
    face_print = BlobField(null=True)  # the aligned face's fingerprint, for copy detection
    matched_employee = IntegerField(null=True)  # FACE_OF_OTHER_EMPLOYEE: whose face it was
    note = TextField(default="")
    purpose = CharField(max_length=12, null=True)  # WFH | DINAS_LUAR, outside every geofence
    # captured without network (the web app's outbox): client_time is the capture time, told
    # by the device; the event waits for a supervisor and then counts at that time
    offline = BooleanField(default=False)
    idempotency_key = CharField(max_length=128)
    approval = CharField(max_length=10, null=True, index=True)  # pending | approved | rejected
    decided_by = IntegerField(null=True)
    decided_at = DateTimeField(null=True)
    decision_reason = TextField(default="")
    response = TextField(default="{}")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = (
            (("employee", "idempotency_key"), True),
            (("employee", "work_date"), False),
            # the fraud signals (api/services/analytics/fraud.py): phones per period, read
            # from the index alone
            (("work_date", "device_uid", "employee"), False),
        )


GRID = 100000  # fraud signals compare positions at 5 decimals (~1 m)


def position_grid(field):
    """A coordinate in units of 1e-5 degree as an integer, exactly as the position index
    below holds it (a literal factor: SQLite matches an index expression only without bound
    parameters)."""
    return Cast(fn.ROUND(field * SQL(str(GRID))), "BIGINT")


def flagged():
    """Attempts that carry a fraud-relevant mark; the partial index below holds only those."""
    return ((CheckinEvent.codes != SQL("''")) | CheckinEvent.is_mock
            | CheckinEvent.matched_employee.is_null(False))


CheckinEvent.add_index(ModelIndex(
    CheckinEvent, (CheckinEvent.work_date, position_grid(CheckinEvent.lat),
                   position_grid(CheckinEvent.lon), CheckinEvent.employee,
                   CheckinEvent.device_uid),
    where=CheckinEvent.lat.is_null(False), name="checkin_event_position"))
CheckinEvent.add_index(ModelIndex(CheckinEvent, (CheckinEvent.work_date, CheckinEvent.employee),
                                  where=flagged(), name="checkin_event_flagged"))


class DailyRecord(BaseModel):
    """One record per employee and date, derived by the daily status engine."""

    # the composite indexes below lead with employee and opd; single-column ones would only
    # slow the bulk upserts of a recompute
    employee = ForeignKeyField(Employee, backref="days", index=False)
    work_date = DateField()
    opd = ForeignKeyField(Opd, index=False)  # the OPD of that day (mutations keep history)
    unit = ForeignKeyField(Unit, null=True, index=False)
    workday = BooleanField()
    status = CharField(max_length=12)
    label = CharField(max_length=20)
    check_in_at = DateTimeField(null=True)
    check_out_at = DateTimeField(null=True)
    late_minutes = IntegerField(default=0)
    early_minutes = IntegerField(default=0)
    late_tier = IntegerField(default=0)
    early_tier = IntegerField(default=0)
    excused_code = CharField(max_length=12, null=True)
    source = CharField(max_length=12, default="system")
    has_pending = BooleanField(default=False)
    computed_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = (
            (("employee", "work_date"), True),
            (("opd", "work_date"), False),
            # covers the recap and analytics GROUP BYs over a date range: SQLite reads the
            # index alone instead of fetching a million rows by rowid (6.8 s → 3.8 s at 50k)
            (("work_date", "employee", "opd", "unit", "status", "late_tier", "early_tier",
              "workday", "late_minutes", "early_minutes"), False),
        )


class MonthTally(BaseModel):
    """An employee-month's counted days (workdays not declared a day off) grouped as the
    monthly recap counts them: by the day's OPD and unit, status and tiers. Derived from the
    daily records and rebuilt with them (api/services/daily/tally.py), so the whole-pemda
    recap and the PP 94 year-to-date read a few rows per employee instead of every day."""

    employee = ForeignKeyField(Employee, index=False)
    month = DateField()  # the month's first day
    opd = ForeignKeyField(Opd, index=False)
    unit = ForeignKeyField(Unit, null=True, index=False)
    status = CharField(max_length=12)
    late_tier = IntegerField(default=0)
    early_tier = IntegerField(default=0)
    days = IntegerField()
    late_minutes = IntegerField()
    early_minutes = IntegerField()
    first_day = DateField()
    last_day = DateField()

    class Meta:
        table_name = "month_tally"
        # the first covers the whole-pemda read (SQLite answers from the index alone) and
        # the rebuild's delete by employee
        indexes = (
            (("month", "employee", "opd", "unit", "status", "late_tier", "early_tier", "days",
              "late_minutes", "early_minutes", "first_day", "last_day"), False),
            (("month", "opd"), False),
        )
