"""All peewee models, in creation order."""
from api.models.absences import AbsenceRequest
from api.models.accounts import Credential, RevokedToken, RoleGrant
from api.models.attendance import (
    GRID,
    CheckinEvent,
    DailyRecord,
    MonthTally,
    flagged,
    position_grid,
)
from api.models.audit import AuditEntry
from api.models.campaigns import Campaign, CampaignExcuse, CampaignReport
from api.models.cancellations import Cancellation
from api.models.challenges import LivenessChallenge
from api.models.closings import MonthClosing
from api.models.corrections import Correction
from api.models.devices import Device, DeviceBinding
from api.models.faces import FaceTemplate
from api.models.files import StoredFile
from api.models.jobs import Job, NightlyRun
from api.models.manual import ManualEntry, ManualSheet
from api.models.org import Assignment, Employee, EmployeeLocation, Location, Opd, Unit
from api.models.problems import ProblemReport
from api.models.roster import RosterEntry
from api.models.rules import RuleVersion
from api.models.schedule import LocalDay, ScheduleGroup, SchedulePattern, SchedulePeriod, Shift

ALL_MODELS = [
    ScheduleGroup,
    SchedulePeriod,
    SchedulePattern,
    Shift,
    LocalDay,
    Opd,
    Unit,
    Location,
    Employee,
    EmployeeLocation,
    Assignment,
    RosterEntry,
    Credential,
    RoleGrant,
    RevokedToken,
    StoredFile,
    Device,
    DeviceBinding,
    FaceTemplate,
    CheckinEvent,
    DailyRecord,
    AuditEntry,
    RuleVersion,
    # absences, manual attendance, corrections, cancellations, month closing (issue 4)
    AbsenceRequest,
    ManualSheet,
    ManualEntry,
    Correction,
    Cancellation,
    MonthClosing,
    # liveness challenges (issue 13)
    LivenessChallenge,
    # background jobs and the nightly runs (issue 14)
    Job,
    NightlyRun,
    # presence-reporting campaigns (issue 11)
    Campaign,
    CampaignReport,
    CampaignExcuse,
    # reports of system problems (issue 15)
    ProblemReport,
    # the month tally the recaps read (issue 17)
    MonthTally,
]

# the expressions the check-in indexes hold, for the queries that must match them
__all__ = [m.__name__ for m in ALL_MODELS] + ["ALL_MODELS", "GRID", "flagged", "position_grid"]
