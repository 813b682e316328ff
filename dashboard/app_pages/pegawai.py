"""Pegawai: search an employee in scope, their year as a calendar heatmap, and the month's
check-in events with selfies. A pegawai without a supervising role sees only themselves."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, data, filters, fmt, state, texts
from dashboard.client import ApiError

SEARCH_LIMIT = 50
SELFIE_LIMIT = 12
chosen = filters.current()
profile = data.me()
tz = profile["pemda"]["tz"]


def _pick_employee() -> dict | None:
    """Search in scope; the choice is kept in the URL (`pegawai=<id>`) for sharing."""
    query = st.text_input(texts.SEARCH, key="employee_q")
    found = data.get("/api/v1/employees", q=query.strip() or None, opd=chosen.opd,
                     unit=chosen.unit, employment_type=chosen.employment_type,
                     limit=SEARCH_LIMIT)
    people = {p["id"]: p for p in found["items"]}
    # a shared link preselects its employee once; afterwards the search and the list decide
    linked = None if "employee_pick" in st.session_state else _int(
        st.query_params.get("pegawai"))
    if linked is not None and linked not in people:
        try:
            people = {linked: data.get(f"/api/v1/employees/{linked}"), **people}
        except ApiError:
            linked = None
    if not people:
        st.info(texts.SEARCH_NONE)
        return None
    st.caption(texts.SEARCH_RESULTS.format(total=found["total"]))
    if linked is not None:
        st.session_state["employee_pick"] = linked
    chosen_id = st.selectbox(texts.PICK_EMPLOYEE, list(people), key="employee_pick",
                             format_func=lambda i: f"{people[i]['name']} — {people[i]['nip']}")
    st.query_params["pegawai"] = str(chosen_id)
    return people[chosen_id]


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _self() -> dict:
    return {"id": profile["id"], "name": profile["name"], "nip": profile["nip"],
            "jabatan": profile["jabatan"], "opd_name": profile["opd"]["name"]}


def _year(employee: dict) -> None:
    this_year = int(data.today()[:4])
    year = st.selectbox(texts.YEAR, [this_year, this_year - 1], key="employee_year")
    end = min(f"{year}-12-31", data.today())
    days = data.get("/api/v1/attendance/days", employee=employee["id"],
                    **{"from": f"{year}-01-01", "to": end})
    rows = data.frame(days["items"])
    if rows.empty:
        st.info(texts.NO_DATA)
        return
    categories = pd.Series([charts.day_category(s, lbl) for s, lbl in
                            zip(rows["status"], rows["label"], strict=True)])
    counts = categories.value_counts()
    summary = {"present": counts.get("present", 0) + counts.get("wfh", 0),
               "late": counts.get("late", 0) + counts.get("incomplete", 0),
               "absent": counts.get("absent", 0), "excused": counts.get("excused", 0)}
    for column, (key, value) in zip(st.columns(len(summary)), summary.items(), strict=True):
        column.metric(texts.YEAR_SUMMARY[key], int(value))
    st.plotly_chart(charts.year_calendar(rows, year, texts.YEAR_CALENDAR.format(year=year)),
                    key="year_calendar")


def _events(employee: dict) -> None:
    st.subheader(texts.EVENTS.format(month=state.month_label(chosen.month)))
    found = data.get("/api/v1/attendance/checkins", employee=employee["id"], limit=200,
                     **{"from": chosen.first_day.isoformat(),
                        "to": state.month_end(chosen.month).isoformat()})
    events = data.frame(found["items"])
    if events.empty:
        st.info(texts.EVENTS_EMPTY)
        return
    table = events.assign(
        recorded_at=[fmt.moment(v, tz) for v in events["recorded_at"]],
        kind=events["kind"].map(texts.EVENT_KINDS),
        status=events["status"].map(texts.EVENT_STATUS),
        codes=[", ".join(texts.CODE_NAMES.get(c, c) for c in codes) for codes in events["codes"]],
        approval=events["approval"].map(texts.APPROVAL_NAMES).fillna(""))
    st.dataframe(table[list(texts.EVENT_COLUMNS)].rename(columns=texts.EVENT_COLUMNS),
                 hide_index=True, key="events")
    with_selfie = events[events["has_selfie"]].head(SELFIE_LIMIT)
    if with_selfie.empty:
        return
    st.subheader(texts.SELFIES)
    columns = st.columns(6)
    for index, event in enumerate(with_selfie.itertuples()):
        with columns[index % 6]:
            st.image(data.image(f"/api/v1/attendance/checkins/{event.id}/selfie"), width=120,
                     caption=f"{fmt.moment(event.recorded_at, tz)} · "
                             f"{texts.EVENT_STATUS[event.status]}")


supervising = state.supervises(profile["roles"])
st.title(texts.PEGAWAI_TITLE if supervising else texts.PAGE_RIWAYAT)
person = _pick_employee() if supervising else _self()
if person is not None:
    st.markdown(texts.PROFILE.format(name=person["name"], nip=person["nip"],
                                     jabatan=person["jabatan"] or "–",
                                     opd=person["opd_name"]))
    _year(person)
    _events(person)
