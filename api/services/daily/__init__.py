"""Daily records (SPEC §6): each employee-day recomputed from its inputs by the pure status
engine, read back in scope; the whole-pemda recompute over worker processes."""
from .pool import recompute_all
from .reading import day_dict, days_query
from .recompute import (
    Posting,
    closed_months,
    dates,
    load_postings,
    pemda_today,
    posting_on,
    recompute_day,
    recompute_range,
)

__all__ = ["Posting", "closed_months", "dates", "day_dict", "days_query", "load_postings",
           "pemda_today", "posting_on", "recompute_all", "recompute_day", "recompute_range"]
