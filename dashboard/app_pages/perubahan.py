"""Ubah presensi: changes to attendance on evidence. The operator (own OPD) or admin enters
days by hand or from Lampiran I, corrects a day and files an absence for an employee; a direct
supervisor files the cancellation of a day (Lampiran III). Each tab lists what was done."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import streamlit as st

from dashboard import change_forms, data, fmt, forms, sheet_form, texts

profile = data.me()
roles = set(profile["roles"])
today = date.fromisoformat(data.today())
since = (today.replace(day=1) - timedelta(days=1)).replace(day=1)  # this and last month
st.title(texts.PAGE_PERUBAHAN)
forms.flash()
operator = bool(roles & {"operator", "admin"})
opd = None
if operator:
    opds = data.opds()
    if "admin" not in roles:
        own = set(profile["role_opds"].get("operator", []))
        opds = [o for o in opds if o["id"] in own]
    names = {o["id"]: o["name"] for o in opds}
    opd = st.selectbox(texts.OPD, list(names), key="change_opd", format_func=names.get)
# uncached: someone added a minute ago (here or in another session) must be pickable
people = data.fresh("/api/v1/employees", opd=opd, active=True, limit=data.MAX_PAGE)["items"]
codes = data.get("/api/v1/rules/codes")
absence_codes = {c["code"]: c["label"] for c in codes if c["requestable"]}


def _listed(path: str, columns: dict, key: str, **params) -> list[dict]:
    """The latest rows of this OPD (or this supervisor's team) since last month."""
    rows = data.fresh(path, opd=opd, **{"from": since.isoformat(), "to": today.isoformat()},
                      limit=20, **params)["items"]
    if rows:
        st.markdown(f"**{texts.CHANGE_RECENT}**")
        st.dataframe(pd.DataFrame([{label: value(r) for label, value in columns.items()}
                                   for r in rows]), hide_index=True, key=key)
    return rows


def _who(row: dict) -> str:
    return change_forms.person(row["employee"])


def _times(row: dict) -> str:
    tz = profile["pemda"]["tz"]
    return row["code"] or (f"{fmt.clock(row['check_in_at'], tz)} – "
                           f"{fmt.clock(row['check_out_at'], tz)}")


def manual_tab() -> None:
    change_forms.manual_entry(people, ["TK", *absence_codes], today)
    _listed("/api/v1/manual-entries", {
        texts.CHANGE_DATE: lambda r: fmt.day(r["work_date"]), texts.PICK_EMPLOYEE: _who,
        texts.CHANGE_ENTRY: _times, texts.CHANGE_REMARKS: lambda r: r["remarks"]},
        "manual_recent")


def correction_tab() -> None:
    change_forms.correction(people, ["H", "WFH", "TK", *absence_codes], today)
    _listed("/api/v1/corrections", {
        texts.CHANGE_DATE: lambda r: fmt.day(r["work_date"]), texts.PICK_EMPLOYEE: _who,
        texts.CHANGE_ENTRY: _times, texts.CHANGE_REASON: lambda r: r["reason"]},
        "corrections_recent")


def absence_tab() -> None:
    change_forms.absence(people, absence_codes, today)
    _listed("/api/v1/absences", {
        texts.CHANGE_FROM: lambda r: fmt.day(r["date_from"]),
        texts.CHANGE_TO: lambda r: fmt.day(r["date_to"]), texts.PICK_EMPLOYEE: _who,
        texts.CODE: lambda r: r["code"],
        texts.CHANGE_STATUS: lambda r: texts.APPROVAL_NAMES.get(r["status"], r["status"])},
        "absences_recent")


def cancellation_tab() -> None:
    team = [p for p in people if p["supervisor_id"] == profile["id"]]
    if not team:
        st.info(texts.CANCEL_NO_TEAM)
    else:
        change_forms.cancellation(team, people, today)
    rows = _listed("/api/v1/cancellations", {
        texts.CHANGE_DATE: lambda r: fmt.day(r["work_date"]), texts.PICK_EMPLOYEE: _who,
        texts.CANCEL_NUMBER: lambda r: r["letter_number"] or "–",
        texts.CHANGE_STATUS: lambda r: texts.APPROVAL_NAMES.get(r["status"], r["status"])},
        "cancellations_recent")
    client = data.client()
    for row in rows:
        if row["letter_url"]:
            st.download_button(
                texts.CANCEL_LETTER.format(name=row["employee"]["name"],
                                           day=fmt.day(row["work_date"])),
                data=lambda url=row["letter_url"]: client.get_bytes(url),
                file_name=f"lampiran-iii-{row['id']}.pdf", mime="application/pdf",
                key=f"letter_{row['id']}", on_click="ignore", icon=":material/download:")


sections = []
if operator:
    sections += [(texts.TAB_MANUAL, manual_tab),
                 (texts.TAB_SHEET, lambda: sheet_form.sheet_tab(opd, today)),
                 (texts.TAB_CORRECTION, correction_tab), (texts.TAB_ABSENCE, absence_tab)]
if "atasan" in roles:
    sections.append((texts.TAB_CANCELLATION, cancellation_tab))
for tab, (_title, draw) in zip(st.tabs([title for title, _ in sections]), sections,
                               strict=True):
    with tab:
        draw()
