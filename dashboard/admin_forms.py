"""The admin's write forms on Pengaturan: local holidays, rule-parameter versions, devices, the
Ramadan period from the Hijri calendar.

Each form sends one API call through dashboard/forms.py: its outcome and the recompute it
started show on the next run, and cached reads are dropped so the tables show the change."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from dashboard import data, fmt, forms, texts
from dashboard.client import ApiError


def _send(form: str, method: str, path: str, success: str, body: dict | None = None) -> None:
    """One write; its outcome (and the recompute it started) shows after the rerun."""
    forms.send(form, lambda: data.client().write(method, path, json=body), success)
    st.rerun()


def local_day_form() -> None:
    """Add a local holiday or cuti bersama day (the API recomputes the affected days)."""
    with st.form("local_day", clear_on_submit=True):
        st.markdown(f"**{texts.ADD_LOCAL}**")
        day = st.date_input(texts.DATE, key="local_date", format="DD/MM/YYYY")
        name = st.text_input(texts.LOCAL_NAME, key="local_name")
        kind = st.selectbox(texts.LOCAL_KIND, ["local", "cuti_bersama"], key="local_kind",
                            format_func=texts.HOLIDAY_KINDS.get)
        forms.refusal("local_day")
        forms.reason("local_day", "date", "name")
        if st.form_submit_button(texts.SAVE, type="primary"):
            _send("local_day", "POST", "/api/v1/holidays/local", texts.SAVED,
                  {"date": day.isoformat(), "action": "add", "name": name, "kind": kind})


def remove_local_day(local_days: pd.DataFrame) -> None:
    """Delete one local day entry."""
    if local_days.empty:
        return
    labels = {row.id: f"{fmt.day(row.date)} — {row.name or row.action}"
              for row in local_days.itertuples()}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(texts.LOCAL_DAYS, list(labels), key="local_remove",
                            format_func=labels.get)
    if right.button(texts.DELETE, key="local_delete", icon=":material/delete:"):
        _send("local_day", "DELETE", f"/api/v1/holidays/local/{chosen}", texts.SAVED)


def _next_month(today: date) -> date:
    return (today.replace(day=1) + timedelta(days=32)).replace(day=1)


def rule_version_form(in_force: dict) -> None:
    """A new version of the rule parameters from a date (only the changed values are sent)."""
    params = in_force["params"]
    today = date.fromisoformat(data.today())
    with st.form("rule_version"):
        st.markdown(f"**{texts.NEW_VERSION}**")
        effective = st.date_input(texts.EFFECTIVE_FROM, value=_next_month(today),
                                  key="rule_from", format="DD/MM/YYYY")
        rates = pd.DataFrame({"code": list(params["tpp_rates"]),
                              "percent": list(params["tpp_rates"].values())})
        edited = st.data_editor(rates, key="rule_rates", hide_index=True, disabled=["code"],
                                column_config={"code": texts.CODE,
                                               "percent": st.column_config.NumberColumn(
                                                   texts.TPP_TABLE, min_value=0.0,
                                                   max_value=100.0, step=0.25)})
        convert = st.toggle(texts.CONVERT_SWITCH, value=params["convert_minutes_to_tk"],
                            key="rule_convert")
        cap = st.number_input(texts.MONTHLY_CAP, value=float(params["tpp_monthly_cap"]),
                              min_value=0.0, max_value=100.0, key="rule_cap")
        note = st.text_input(texts.RULE_NOTE, key="rule_note")
        if not st.form_submit_button(texts.SAVE, type="primary"):
            return
    changes: dict = {}
    new_rates = dict(zip(edited["code"], edited["percent"].astype(float), strict=True))
    changed_rates = {c: v for c, v in new_rates.items() if v != params["tpp_rates"][c]}
    if changed_rates:
        changes["tpp_rates"] = changed_rates
    if convert != params["convert_minutes_to_tk"]:
        changes["convert_minutes_to_tk"] = convert
    if cap != params["tpp_monthly_cap"]:
        changes["tpp_monthly_cap"] = cap
    _send("rule_version", "POST", "/api/v1/rules", texts.VERSION_SAVED,
          {"effective_from": effective.isoformat(), "params": changes, "note": note})


def device_requests(pending: pd.DataFrame) -> None:
    """Approve or reject pending device-change requests (admin)."""
    if pending.empty:
        st.info(texts.DEVICE_NONE)
        return
    tz = data.me()["pemda"]["tz"]
    table = pending.assign(requested_at=[fmt.moment(v, tz) for v in pending["requested_at"]])
    st.dataframe(table[list(texts.DEVICE_COLUMNS)].rename(columns=texts.DEVICE_COLUMNS),
                 hide_index=True, key="device_table")
    labels = {row.id: f"{row.employee_name} — {row.device_uid}" for row in pending.itertuples()}
    picked = st.selectbox(texts.DEVICE_REQUESTS, list(labels), key="device_pick",
                          format_func=labels.get)
    reason = st.text_input(texts.REASON, key="device_reason")
    approve, reject = st.columns(2)
    path = f"/api/v1/devices/requests/{picked}"
    forms.refusal("device")
    if approve.button(texts.APPROVE, key="device_approve", type="primary"):
        _send("device", "POST", f"{path}/approve", texts.APPROVED.format(who=labels[picked]),
              {"reason": reason})
    if reject.button(texts.REJECT, key="device_reject"):
        if not reason.strip():
            st.warning(texts.REASON_REQUIRED)
        else:
            _send("device", "POST", f"{path}/reject", texts.REJECTED.format(who=labels[picked]),
                  {"reason": reason})


def ramadan_form(group: dict) -> None:
    """Ask the API for the year's Ramadan period (Hijri calendar, the group's Ramadan hours),
    show it, and save it only when the admin confirms (after the sidang isbat)."""
    key = f"ramadan_{group['id']}"
    year = st.number_input(texts.RAMADAN_YEAR, min_value=2000, max_value=2077, step=1,
                           value=date.today().year + 1, key=f"{key}_year")
    forms.refusal(key)
    if st.button(texts.RAMADAN_SUGGEST, key=f"{key}_ask"):
        try:
            st.session_state[key] = data.client().get(
                f"/api/v1/schedule-groups/{group['id']}/ramadan-suggestion", {"year": int(year)})
        except ApiError as error:
            st.error(error.message)
    suggestion = st.session_state.get(key)
    if not suggestion:
        return
    st.info(texts.RAMADAN_OFFER.format(name=suggestion["name"],
                                       start=fmt.day(suggestion["date_from"]),
                                       end=fmt.day(suggestion["date_to"]),
                                       basis=suggestion["basis"]))
    if st.button(texts.RAMADAN_SAVE, key=f"{key}_save", type="primary"):
        st.session_state.pop(key, None)
        _send(key, "POST", f"/api/v1/schedule-groups/{group['id']}/periods", texts.RAMADAN_SAVED,
              {k: suggestion[k] for k in ("name", "date_from", "date_to", "patterns")})
