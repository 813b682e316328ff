"""Attendance changes backed by evidence (SPEC §5): absence requests, manual entries and the
Lampiran I upload, corrections, cancellations with the Lampiran III letter."""
from . import absences, cancellations, corrections, manual, manual_sheet
from .steps import day_rows_query, person

__all__ = ["absences", "cancellations", "corrections", "day_rows_query", "manual",
           "manual_sheet", "person"]
