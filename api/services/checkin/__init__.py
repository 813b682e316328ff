"""The check-in hot path (SPEC §4) and what it checks against: the five checks in order, the
stored attempt and its answer, supervisors' review of pending ones, device bindings and
enrolled faces."""
from . import challenges, devices, enrolment, review
from .challenges import CLIENTS, INSTRUCTIONS, MAX_BURST_FRAMES
from .checks import (
    PURPOSES,
    ZONE_NAMES,
    Attempt,
    CheckinRequest,
    evaluate,
    evaluate_presence,
    stored_answer,
)
from .face_step import purge_prints
from .submit import retention_date, submit

__all__ = ["CLIENTS", "INSTRUCTIONS", "MAX_BURST_FRAMES", "PURPOSES", "ZONE_NAMES", "Attempt",
           "CheckinRequest", "challenges", "devices", "enrolment", "evaluate",
           "evaluate_presence", "purge_prints", "retention_date", "review", "stored_answer",
           "submit"]
