"""Schedules (SPEC §3): weekly patterns, override periods, shifts and rosters, holidays and
local days — loaded into the pure resolver, resolved per employee-date, and edited by admins
(each edit recomputes the records it touches)."""
from .admin import (
    add_period,
    add_shift,
    create_group,
    delete_local_day,
    delete_period,
    replace_patterns,
    set_local_day,
    set_roster,
)
from .book import TIME_FIELDS, ScheduleBook, employee_tz, load_calendar, load_groups
from .defaults import ensure_default_schedules, ramadan_suggestion
from .resolve import resolve_for, schedule_dict

__all__ = ["TIME_FIELDS", "ScheduleBook", "add_period", "add_shift", "create_group",
           "delete_local_day", "delete_period", "employee_tz", "ensure_default_schedules",
           "load_calendar", "load_groups", "ramadan_suggestion", "replace_patterns",
           "resolve_for", "schedule_dict", "set_local_day", "set_roster"]
