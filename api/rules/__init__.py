"""Hadir attendance rules: pure functions over frozen dataclasses (no Flask, no DB, no clock).

Modules:
- policy            `Policy`: every rule parameter (RULES.md defaults), from_dict/to_dict.
- codes             status and absence codes: labels, categories, recap columns.
- identifiers       NIP PNS, NI PPPK and local employee-id validation.
- calendar          holiday calendar (package `holidays`, cuti bersama, local days).
- tz                office zones and UTC instants.
- schedule          the one schedule resolver (`resolve_day`), windows, `pick_work_date`.
- schedule_defaults shipped schedules: Jember 5/6-day, Ramadan, example RSUD shifts.
- daily_status      one employee-day → `DayResult` (`compute_day`).
- geo               geofence matching and location fraud flags.
- discipline        PP 94/2021 levels, TK streaks, TPP deductions.
- recap             Lampiran II monthly recap columns.
- duties            separation of duties: who may do what to whom.
Callers pass `now` and every input; nothing here reads the clock, the database or files.
"""
from api.rules.calendar import Holiday, HolidayCalendar, LocalDay, build_calendar
from api.rules.codes import ABSENCE_CODES, CODES, REQUESTABLE_CODES, StatusCode
from api.rules.daily_status import DayOverride, DayResult, Punch, compute_day
from api.rules.discipline import (
    Pp94Result,
    TppResult,
    consecutive_tk_flag,
    longest_tk_streak,
    pp94_level,
    tk_equivalent_days,
    tpp_counts,
    tpp_deduction,
    tpp_for_days,
)
from api.rules.geo import (
    Geofence,
    GeofenceMatch,
    GpsFix,
    distance_m,
    implied_speed_kmh,
    location_flags,
    match_geofence,
    validate_fix,
)
from api.rules.identifiers import (
    InvalidIdentifier,
    NipInfo,
    NiPppkInfo,
    parse_nip,
    parse_nippppk,
    validate_employee_id,
)
from api.rules.policy import Policy
from api.rules.recap import MonthRecap, month_recap
from api.rules.schedule import (
    NOT_ROSTERED,
    DayPattern,
    OverridePeriod,
    ScheduleDay,
    ScheduleGroup,
    Shift,
    WeeklyPattern,
    candidate_dates,
    pick_work_date,
    resolve_day,
    window_check,
)
from api.rules.schedule_defaults import (
    jember_5day,
    jember_6day,
    ramadan_5day,
    ramadan_6day,
    rsud_group,
    rsud_shifts,
)

__all__ = [
    "ABSENCE_CODES", "CODES", "NOT_ROSTERED", "REQUESTABLE_CODES",
    "DayOverride", "DayPattern", "DayResult", "Geofence", "GeofenceMatch", "GpsFix", "Holiday",
    "HolidayCalendar", "InvalidIdentifier", "LocalDay", "MonthRecap", "NiPppkInfo", "NipInfo",
    "OverridePeriod", "Policy", "Pp94Result", "Punch", "ScheduleDay", "ScheduleGroup", "Shift",
    "StatusCode", "TppResult", "WeeklyPattern",
    "build_calendar", "candidate_dates", "compute_day", "consecutive_tk_flag", "distance_m",
    "implied_speed_kmh", "jember_5day", "jember_6day", "location_flags", "longest_tk_streak",
    "match_geofence", "month_recap", "parse_nip", "parse_nippppk", "pick_work_date",
    "pp94_level", "ramadan_5day", "ramadan_6day", "resolve_day", "rsud_group", "rsud_shifts",
    "tk_equivalent_days", "tpp_counts", "tpp_deduction", "tpp_for_days", "validate_employee_id",
    "validate_fix", "window_check",
]
