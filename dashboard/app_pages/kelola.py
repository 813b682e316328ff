"""Kelola pegawai (operator: own OPD; admin: any): find an employee and change their data,
locations, face, account, roles and transfers; add one; import a SIMPEG/BKD export."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import data, employee_forms, face_form, forms, import_form, texts

SHOWN = 50  # matches listed at once; a search narrows them

profile = data.me()
admin = "admin" in profile["roles"]
st.title(texts.PAGE_KELOLA)
forms.flash()
opds = data.opds()
if not admin:
    own = set(profile["role_opds"].get("operator", []))
    opds = [o for o in opds if o["id"] in own]
names = {o["id"]: o["name"] for o in opds}
employee_forms.show_next()
opd = st.selectbox(texts.OPD, list(names), key="kelola_opd", format_func=names.get)
units = [u for u in data.units() if u["opd_id"] == opd]
groups = data.get("/api/v1/schedule-groups")
people = data.get("/api/v1/employees", live=True, opd=opd, active=True,
                  limit=data.MAX_PAGE)["items"]
locations = data.get("/api/v1/locations", opd=opd) + [
    loc for loc in data.get("/api/v1/locations") if loc["opd_id"] is None]


def _matches(query: str, inactive: bool) -> dict:
    return data.get("/api/v1/employees", opd=opd, q=query.strip() or None,
                    active=None if inactive else True, limit=SHOWN)


def employees_tab() -> None:
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    query = left.text_input(texts.EMP_SEARCH, key="emp_query", placeholder=texts.EMP_SEARCH_HINT)
    inactive = right.toggle(texts.EMP_INACTIVE_TOO, key="emp_inactive")
    found = _matches(query, inactive)
    if not found["items"]:
        st.info(texts.EMP_NONE_FOUND)
        return
    st.caption(texts.EMP_FOUND.format(total=found["total"], shown=len(found["items"])))
    st.dataframe(pd.DataFrame([{
        "NIP": e["nip"], texts.EMP_FIELDS["name"]: e["name"],
        texts.EMP_FIELDS["jabatan"]: e["jabatan"],
        texts.EMP_FIELDS["unit_id"]: e["unit_name"] or "–",
        texts.EMP_FIELDS["supervisor_id"]: e["supervisor_name"] or "–",
        texts.EMP_FACE: "✓" if e["face_enrolled"] else "–",
        texts.EMP_FIELDS["active"]: "✓" if e["active"] else "–"} for e in found["items"]]),
        hide_index=True, key="emp_table")
    labels = {e["id"]: f"{e['name']} ({e['nip']})" for e in found["items"]}
    picked = st.session_state.get("emp_pick")
    if picked not in labels:
        st.session_state["emp_pick"] = next(iter(labels))
    chosen = st.selectbox(texts.EMP_PICK, list(labels), key="emp_pick", format_func=labels.get)
    employee = next(e for e in found["items"] if e["id"] == chosen)
    employee_forms.issued_password(employee["id"])
    sections = [texts.EMP_TAB_DATA, texts.EMP_TAB_LOCATIONS, texts.EMP_TAB_FACE,
                texts.EMP_TAB_ACCOUNT] + ([texts.EMP_TAB_ROLES, texts.EMP_TAB_MUTATION]
                                          if admin else [])
    tabs = st.tabs(sections)
    with tabs[0]:
        employee_forms.edit_form(employee, people, units, groups)
    with tabs[1]:
        employee_forms.locations_form(employee, locations)
    with tabs[2]:
        face_form.enrolment(employee)
    with tabs[3]:
        employee_forms.account_panel(employee)
    if admin:
        with tabs[4]:
            employee_forms.roles_panel(employee, data.opds())
        with tabs[5]:
            employee_forms.mutation_form(employee, data.opds(), date.fromisoformat(data.today()))


people_tab, new_tab, file_tab = st.tabs([texts.EMP_TAB_LIST, texts.EMP_TAB_NEW,
                                         texts.EMP_TAB_IMPORT])
with people_tab:
    employees_tab()
with new_tab:
    employee_forms.create_form(opd, people, units, groups, locations)
with file_tab:
    import_form.import_tab(opd)
