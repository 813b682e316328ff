"""Laporan gangguan (Perbup Pasal 5–6): an operator reports a problem with the attendance
system for their OPD and reads the answer; the administrator follows every report up."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, fmt, forms, problem_forms, texts

profile = data.me()
admin = "admin" in profile["roles"]
st.title(texts.PAGE_GANGGUAN)
st.caption(texts.PROBLEM_INTRO)
forms.flash()
opds = {o["id"]: o["name"] for o in data.opds()}
if not admin:
    own = profile["role_opds"].get("operator", [])
    opd = st.selectbox(texts.OPD, own, key="problem_opd", format_func=opds.get)
    with st.expander(texts.PROBLEM_NEW, expanded=True):
        people = data.fresh("/api/v1/employees", opd=opd, active=True,
                            limit=data.MAX_PAGE)["items"]
        problem_forms.report_form(opd, people)
status = st.segmented_control(texts.PROBLEM_STATUS, [None, *problem_forms.STATUSES],
                              key="problem_filter", format_func=lambda s:
                              texts.PROBLEM_ALL if s is None else texts.PROBLEM_STATUSES[s])
page = data.fresh("/api/v1/problem-reports", status=status, limit=100)
if not page["items"]:
    st.info(texts.PROBLEM_NONE)
    st.stop()
tz = profile["pemda"]["tz"]
st.dataframe(pd.DataFrame([{
    texts.PROBLEM_COLUMNS["filed_at"]: fmt.moment(r["filed_at"], tz),
    texts.OPD: opds.get(r["opd_id"], "–"), texts.PROBLEM_COLUMNS["title"]: r["title"],
    texts.PROBLEM_COLUMNS["category"]: texts.PROBLEM_CATEGORIES[r["category"]],
    texts.PROBLEM_COLUMNS["status"]: texts.PROBLEM_STATUSES[r["status"]]}
    for r in page["items"]]), hide_index=True, key="problem_table")
labels = {r["id"]: f"#{r['id']} {r['title']}" for r in page["items"]}
chosen = st.selectbox(texts.PROBLEM_PICK, list(labels), key="problem_pick", format_func=labels.get)
report = next(r for r in page["items"] if r["id"] == chosen)
problem_forms.report_view(report)
if admin:
    problem_forms.follow_up_form(report)
