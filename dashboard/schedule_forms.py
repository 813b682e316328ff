"""The admin's schedule forms on Pengaturan: a group's weekly hours (set for several weekdays
at once, or a weekday made a day off), dated periods with their own hours, shifts, and the
roster of a shift group. Each save shows the recompute it started (dashboard/forms.py)."""
from __future__ import annotations

from datetime import date, time, timedelta

import streamlit as st

from dashboard import data, fmt, forms, texts

TIMES = ("start", "end", "checkin_open", "checkin_close", "checkout_open", "checkout_close",
         "break_start", "break_end")
REQUIRED = TIMES[:6]
DEFAULT = {"start": "07:30", "end": "16:00", "checkin_open": "06:00", "checkin_close": "10:00",
           "checkout_open": "14:00", "checkout_close": "20:00", "break_start": "12:00",
           "break_end": "13:00"}
ROSTER_DAYS = 7


def _time(value: str | None) -> time | None:
    return None if not value else time.fromisoformat(value[:5])


def _clock(value: time | None) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def set_days(patterns: list[dict], weekdays: list[int], times: dict | None) -> list[dict]:
    """The weekly patterns with these weekdays given `times` (None: they become days off),
    the other weekdays as they were; in the API's shape, sorted (pure)."""
    kept = {p["weekday"]: {k: p.get(k) for k in ("weekday", *TIMES)} for p in patterns}
    for weekday in weekdays:
        if times is None:
            kept.pop(weekday, None)
        else:
            kept[weekday] = {"weekday": weekday, **times}
    return [{k: (_clock(_time(v)) if k in TIMES else v) for k, v in kept[d].items()}
            for d in sorted(kept)]


def _times_inputs(key: str, current: dict) -> dict:
    """The eight clock fields, two per row; breaks may stay empty."""
    values = {}
    for row in (TIMES[0:2], TIMES[2:4], TIMES[4:6], TIMES[6:8]):
        for column, name in zip(st.columns(2), row, strict=True):
            default = _time(current.get(name)) if current.get(name) else (
                _time(DEFAULT[name]) if name in REQUIRED else None)
            values[name] = _clock(column.time_input(texts.TIME_FIELDS[name], value=default,
                                                    key=f"{key}_{name}", step=300))
    return values


def weekly_form(group: dict) -> None:
    """Set the hours of one or more weekdays, or make them days off."""
    form = f"weekly_{group['id']}"
    forms.refusal(form)
    patterns = group["patterns"]
    days = st.multiselect(texts.PATTERN_DAYS, list(range(7)), default=[0], key=f"{form}_days",
                          format_func=lambda d: texts.WEEKDAYS[d])
    off = st.toggle(texts.PATTERN_OFF, key=f"{form}_off")
    first = next((p for p in patterns if days and p["weekday"] == days[0]), {})
    times = None if off else _times_inputs(f"{form}_{days[0] if days else 'x'}", first)
    forms.other_reasons(form, set())
    if not st.button(texts.PATTERN_SAVE, key=f"{form}_save", type="primary", disabled=not days):
        return
    body = {"patterns": set_days(patterns, days, times)}
    forms.send(form, lambda: data.client().write(
        "PUT", f"/api/v1/schedule-groups/{group['id']}/patterns", json=body),
        texts.PATTERN_SAVED.format(name=group["name"]))
    st.rerun()


def period_forms(group: dict, today: date) -> None:
    """Remove a dated period, or add one with its own hours on the group's workdays."""
    form = f"period_{group['id']}"
    forms.refusal(form)
    for period in group["periods"]:
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.markdown(f"{period['name']}: {fmt.day(period['date_from'])} – "
                      f"{fmt.day(period['date_to'])}")
        if right.button(texts.DELETE, key=f"period_del_{period['id']}", icon=":material/delete:"):
            forms.send(form, lambda p=period: data.client().write(
                "DELETE", f"/api/v1/schedule-periods/{p['id']}"), texts.PERIOD_DELETED)
            st.rerun()
    with st.expander(texts.PERIOD_NEW):
        name = st.text_input(texts.PERIOD_NAME, key=f"{form}_name")
        forms.reason(form, "name")
        left, right = st.columns(2)
        start = left.date_input(texts.CHANGE_FROM, value=today, key=f"{form}_from",
                                format="DD/MM/YYYY")
        end = right.date_input(texts.CHANGE_TO, value=today + timedelta(days=6),
                               key=f"{form}_to", format="DD/MM/YYYY")
        forms.reason(form, "date_from", "date_to")
        times = _times_inputs(form, {})
        forms.other_reasons(form, {"name", "date_from", "date_to"})
        if st.button(texts.PERIOD_SAVE, key=f"{form}_save", type="primary"):
            workdays = [p["weekday"] for p in group["patterns"]] or list(range(5))
            body = {"name": name, "date_from": start.isoformat(), "date_to": end.isoformat(),
                    "patterns": [{"weekday": d, **times} for d in workdays]}
            forms.send(form, lambda: data.client().write(
                "POST", f"/api/v1/schedule-groups/{group['id']}/periods", json=body),
                texts.PERIOD_SAVED.format(name=name))
            st.rerun()


def shift_form(group: dict) -> None:
    """Add a shift to a shift group."""
    form = f"shift_{group['id']}"
    with st.expander(texts.SHIFT_NEW):
        forms.refusal(form)
        left, right = st.columns(2)
        code = left.text_input(texts.CODE, key=f"{form}_code")
        name = right.text_input(texts.LOCAL_NAME, key=f"{form}_name")
        forms.reason(form, "code", "name")
        times = _times_inputs(form, {})
        forms.other_reasons(form, {"code", "name"})
        if st.button(texts.SHIFT_SAVE, key=f"{form}_save", type="primary"):
            forms.send(form, lambda: data.client().write(
                "POST", f"/api/v1/schedule-groups/{group['id']}/shifts",
                json={"code": code, "name": name, **times}), texts.SHIFT_SAVED.format(code=code))
            st.rerun()


def roster_cells(people: list[dict], days: list[date], entries: list[dict]) -> dict:
    """{(employee id, date iso): shift code or None} from the API's roster (pure)."""
    cells = {(p["id"], d.isoformat()): None for p in people for d in days}
    for entry in entries:
        cells[(entry["employee_id"], str(entry["work_date"]))] = entry["shift_code"]
    return cells


def roster_form(group: dict, opd: int | None, today: date) -> None:
    """One week of a shift group's roster: a shift (or a day off) per employee per day."""
    form = f"roster_{group['id']}"
    forms.refusal(form)
    start = st.date_input(texts.ROSTER_WEEK, value=today - timedelta(days=today.weekday()),
                          key=f"{form}_start", format="DD/MM/YYYY")
    days = [start + timedelta(days=i) for i in range(ROSTER_DAYS)]
    people = [p for p in data.fresh("/api/v1/employees", opd=opd, active=True,
                                    limit=data.MAX_PAGE)["items"]
              if p["schedule_group_id"] == group["id"]]
    if not people:
        st.caption(texts.ROSTER_NOBODY)
        return
    entries = data.fresh("/api/v1/rosters", opd=opd, **{"from": days[0].isoformat(),
                                                        "to": days[-1].isoformat()})
    cells = roster_cells(people, days, entries)
    codes = [None, *(s["code"] for s in group["shifts"])]
    chosen = {}
    header = st.columns([3] + [1] * ROSTER_DAYS)
    header[0].markdown(f"**{texts.PICK_EMPLOYEE}**")
    for column, day in zip(header[1:], days, strict=True):
        column.markdown(f"**{texts.WEEKDAYS_SHORT[day.weekday()]} {day.day}**")
    for person in people:
        row = st.columns([3] + [1] * ROSTER_DAYS, vertical_alignment="center")
        row[0].markdown(person["name"])
        for column, day in zip(row[1:], days, strict=True):
            cell = (person["id"], day.isoformat())
            chosen[cell] = column.selectbox(
                texts.ROSTER_CELL, codes, index=codes.index(cells[cell]) if cells[cell] in codes
                else 0, key=f"{form}_{person['id']}_{day.isoformat()}",
                format_func=lambda c: c or texts.ROSTER_OFF, label_visibility="collapsed")
    changed = [{"employee_id": e, "work_date": d, "shift_code": code}
               for (e, d), code in chosen.items() if code != cells[(e, d)]]
    forms.other_reasons(form, set())
    if st.button(texts.ROSTER_SAVE.format(count=len(changed)), key=f"{form}_save",
                 type="primary", disabled=not changed):
        forms.send(form, lambda: data.client().write("PUT", "/api/v1/rosters",
                                                     json={"entries": changed}),
                   texts.ROSTER_SAVED.format(count=len(changed)))
        st.rerun()
