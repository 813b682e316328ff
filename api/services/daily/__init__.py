"""Daily records (SPEC §6): each employee-day recomputed from its inputs by the pure status
engine, read back in scope; the whole-pemda recompute over worker processes; the recomputes
a change of current data queues; the month tally the recaps read, kept with the records."""
from .follow import after_group_change, after_office_change, office_tz
from .pool import recompute_all
from .reading import day_dict, days_query
from .recompute import (
    Posting,
    closed_months,
    dates,
    day_results,
    load_postings,
    pemda_today,
    posting_on,
    recompute_day,
    recompute_range,
)
from .tally import counted_days
from .tally import refresh as refresh_tally

__all__ = ["Posting", "after_group_change", "after_office_change", "closed_months",
           "counted_days", "dates", "day_dict", "day_results", "days_query", "load_postings",
           "office_tz", "pemda_today", "posting_on", "recompute_all",
           "recompute_day", "recompute_range", "refresh_tally"]
