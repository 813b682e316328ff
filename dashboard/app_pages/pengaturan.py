"""Pengaturan (admin): schedules, holidays, locations on a map, rule parameters, devices, and
the background jobs (recomputes after a change, the nightly run)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import admin_forms, data, fmt, forms, location_forms, maps, schedule_forms, texts


def _hhmm(value: str | None) -> str:
    return value[:5] if value else "–"


def _patterns(patterns: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{
        texts.SCHEDULE_COLUMNS["weekday"]: texts.WEEKDAYS[p["weekday"]],
        texts.SCHEDULE_COLUMNS["start"]: _hhmm(p["start"]),
        texts.SCHEDULE_COLUMNS["end"]: _hhmm(p["end"]),
        texts.SCHEDULE_COLUMNS["checkin"]: f"{_hhmm(p['checkin_open'])}–"
                                           f"{_hhmm(p['checkin_close'])}",
        texts.SCHEDULE_COLUMNS["checkout"]: f"{_hhmm(p['checkout_open'])}–"
                                            f"{_hhmm(p['checkout_close'])}",
        texts.SCHEDULE_COLUMNS["break"]: (f"{_hhmm(p['break_start'])}–{_hhmm(p['break_end'])}"
                                          if p["break_start"] else "–"),
    } for p in sorted(patterns, key=lambda p: p["weekday"])])


def schedules_tab() -> None:
    for group in data.get("/api/v1/schedule-groups"):
        with st.expander(f"{group['name']} ({group['code']})", expanded=group["code"] == "5HK"):
            if group["patterns"]:
                st.dataframe(_patterns(group["patterns"]), hide_index=True,
                             key=f"patterns_{group['id']}")
            for period in group["periods"]:
                st.markdown(f"**{texts.PERIODS}:** {period['name']}, "
                            f"{fmt.day(period['date_from'])} – {fmt.day(period['date_to'])}")
                st.dataframe(_patterns(period["patterns"]), hide_index=True,
                             key=f"period_{period['id']}")
            if group["shifts"]:
                st.markdown(f"**{texts.SHIFTS}**")
                shifts = pd.DataFrame([{texts.CODE: s["code"], texts.LOCAL_NAME: s["name"],
                                        texts.SCHEDULE_COLUMNS["start"]: _hhmm(s["start"]),
                                        texts.SCHEDULE_COLUMNS["end"]: _hhmm(s["end"])}
                                       for s in group["shifts"]])
                st.dataframe(shifts, hide_index=True, key=f"shifts_{group['id']}")
            today = date.fromisoformat(data.today())
            if group["kind"] == "weekly":
                st.markdown(f"**{texts.PATTERN_EDIT}**")
                schedule_forms.weekly_form(group)
                st.markdown(f"**{texts.PERIODS}**")
                schedule_forms.period_forms(group, today)
                admin_forms.ramadan_form(group)
            else:
                schedule_forms.shift_form(group)
                st.markdown(f"**{texts.ROSTER}**")
                schedule_forms.roster_form(group, None, today)


def holidays_tab() -> None:
    this_year = int(data.today()[:4])
    year = st.selectbox(texts.YEAR, [this_year, this_year + 1, this_year - 1],
                        key="holiday_year")
    holidays = data.frame(data.get("/api/v1/holidays", year=year))
    if not holidays.empty:
        table = holidays.assign(date=[fmt.day(d) for d in holidays["date"]],
                                kind=holidays["kind"].map(texts.HOLIDAY_KINDS))
        st.dataframe(table[["date", "name", "kind"]].rename(columns=texts.HOLIDAY_COLUMNS),
                     hide_index=True, key="holidays")
    st.subheader(texts.LOCAL_DAYS)
    local = data.frame(data.get("/api/v1/holidays/local"),
                       ["id", "date", "action", "name", "kind"])
    if not local.empty:
        table = local.assign(date=[fmt.day(d) for d in local["date"]],
                             kind=local["kind"].map(texts.HOLIDAY_KINDS),
                             action=local["action"].map(texts.LOCAL_ACTIONS))
        st.dataframe(table[["date", "name", "kind", "action"]].rename(
            columns=texts.HOLIDAY_COLUMNS), hide_index=True, key="local_days")
    admin_forms.remove_local_day(local)
    admin_forms.local_day_form()


def locations_tab() -> None:
    rows = data.get("/api/v1/locations")
    locations = data.frame(rows)
    if not locations.empty:
        st.plotly_chart(maps.locations_map(locations), key="locations_map",
                        config={"displayModeBar": False})
        table = locations.assign(kind=locations["kind"].map(texts.LOCATION_KINDS))
        st.dataframe(table[list(texts.LOCATION_COLUMNS)].rename(columns=texts.LOCATION_COLUMNS),
                     hide_index=True, key="locations")
    st.subheader(texts.LOCATION_EDIT)
    location_forms.location_form(rows, data.opds())


def rules_tab() -> None:
    rules = data.get("/api/v1/rules")
    in_force = rules["in_force"]
    since = in_force["effective_from"]
    st.caption(texts.RULES_IN_FORCE.format(since=fmt.day(since)) if since
               else texts.RULES_DEFAULT)
    params = in_force["params"]
    rates, other = st.columns(2)
    rates.markdown(f"**{texts.TPP_TABLE}**")
    rates.dataframe(pd.DataFrame({texts.CODE: list(params["tpp_rates"]),
                                  texts.PERCENT: list(params["tpp_rates"].values())}),
                    hide_index=True, key="tpp_rates")
    other.markdown(f"**{texts.RULE_PARAMS}**")
    shown = {key: params[key] for key in texts.RULE_PARAM_NAMES if key in params}
    other.dataframe(pd.DataFrame({texts.RULE_PARAM: [texts.RULE_PARAM_NAMES[k] for k in shown],
                                  texts.VALUE: [str(v) for v in shown.values()]}),
                    hide_index=True, key="rule_params")
    versions = rules["versions"]
    if versions:
        st.markdown(f"**{texts.RULE_VERSIONS}**")
        st.dataframe(pd.DataFrame([{texts.EFFECTIVE_FROM: fmt.day(v["effective_from"]),
                                    texts.RULE_NOTE: v["note"]} for v in versions]),
                     hide_index=True, key="rule_versions")
    admin_forms.rule_version_form(in_force)


def devices_tab() -> None:
    st.subheader(texts.DEVICE_REQUESTS)
    pending = data.frame(data.fresh("/api/v1/devices/requests", status="pending"))
    admin_forms.device_requests(pending)
    st.subheader(texts.KIOSKS)
    kiosks = data.frame(data.get("/api/v1/devices/kiosks"))
    if kiosks.empty:
        st.caption(texts.NO_DATA)
    else:
        shown = [c for c in texts.KIOSK_COLUMNS if c in kiosks]
        st.dataframe(kiosks[shown].rename(columns=texts.KIOSK_COLUMNS), hide_index=True,
                     key="kiosks")


def _outcome(job: dict) -> str:
    result = job["result"] or {}
    if job["status"] == "failed":
        return job["error"] or "–"
    if "records" not in result:
        return "–"
    closed = result.get("closed_months_skipped") or []
    return texts.JOB_OUTCOME.format(records=result["records"]) + (
        texts.JOB_CLOSED.format(months=", ".join(closed)) if closed else "")


def jobs_tab() -> None:
    tz = data.me()["pemda"]["tz"]
    st.caption(texts.JOBS_CAPTION)
    page = data.fresh("/api/v1/jobs", limit=30)
    if not page["items"]:
        st.caption(texts.NO_DATA)
        return
    rows = [{
        texts.JOB_COLUMNS["kind"]: texts.JOB_KINDS.get(j["kind"], j["kind"]),
        texts.JOB_COLUMNS["status"]: texts.JOB_STATUSES.get(j["status"], j["status"]),
        texts.JOB_COLUMNS["progress"]: f"{j['done']}/{j['total']}",
        texts.JOB_COLUMNS["dates"]: (f"{fmt.day(j['params']['from'])} – "
                                     f"{fmt.day(j['params']['to'])}"
                                     if "from" in j["params"] else "–"),
        texts.JOB_COLUMNS["why"]: texts.JOB_REASONS.get(j["params"].get("reason"), "–"),
        texts.JOB_COLUMNS["created"]: fmt.moment(j["created_at"], tz),
        texts.JOB_COLUMNS["finished"]: fmt.moment(j["finished_at"], tz) if j["finished_at"]
        else "–",
        texts.JOB_COLUMNS["outcome"]: _outcome(j)} for j in page["items"]]
    st.dataframe(pd.DataFrame(rows), hide_index=True, key="jobs")


st.title(texts.PENGATURAN_TITLE)
forms.flash()
tabs = st.tabs([texts.TAB_SCHEDULES, texts.TAB_HOLIDAYS, texts.TAB_LOCATIONS, texts.TAB_RULES,
                texts.TAB_DEVICES, texts.TAB_JOBS])
for tab, draw in zip(tabs, [schedules_tab, holidays_tab, locations_tab, rules_tab, devices_tab,
                            jobs_tab], strict=True):
    with tab:
        draw()
