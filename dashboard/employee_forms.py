"""The forms of Kelola pegawai for one employee: data (and deactivation), presence locations,
account (password reset, unlock), roles and transfers (admin). The API decides who may do
what (api/rules/duties.py); the forms show its Bahasa reasons next to the fields."""
from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import data, fmt, forms, state, texts
from dashboard.client import ApiError

PASSWORD_SHOWN = "issued_password"  # (employee id, one-time password), shown once
SHOW_NEXT = "employee_added"
GRANTABLE_ROLES = ("operator", "kepala_opd", "admin", "analis")
OPD_ROLES = ("operator", "kepala_opd")


def _person(employee: dict | None) -> str:
    return texts.NOBODY if employee is None else f"{employee['name']} ({employee['nip']})"


def _choose(label: str, options: dict, current, key: str, none: str | None = None):
    """A selectbox over {id: label} that starts on `current` (None offered when `none`)."""
    ids = ([None] if none is not None else []) + list(options)
    index = ids.index(current) if current in ids else 0
    return st.selectbox(label, ids, index=index, key=key,
                        format_func=lambda i: none if i is None else options[i])


def _fields(form: str, values: dict, people: list[dict], units: list[dict],
            groups: list[dict], key: str) -> dict:
    """The shared fields of the create and edit forms, each with its API reasons."""
    out = {}
    out["name"] = st.text_input(texts.EMP_FIELDS["name"], value=values.get("name", ""),
                                key=f"{key}_name")
    forms.reason(form, "name")
    left, right = st.columns(2)
    with left:
        out["jabatan"] = st.text_input(texts.EMP_FIELDS["jabatan"],
                                       value=values.get("jabatan", ""), key=f"{key}_jabatan")
        forms.reason(form, "jabatan")
        out["employment_type"] = st.selectbox(
            texts.EMP_FIELDS["employment_type"], state.EMPLOYMENT_TYPES, key=f"{key}_type",
            index=state.EMPLOYMENT_TYPES.index(values.get("employment_type", "PNS")))
        out["unit_id"] = _choose(texts.EMP_FIELDS["unit_id"], {u["id"]: u["name"] for u in units},
                                 values.get("unit_id"), f"{key}_unit", none=texts.OTHER)
        forms.reason(form, "unit_id")
    with right:
        out["golongan"] = st.text_input(texts.EMP_FIELDS["golongan"],
                                        value=values.get("golongan", ""), key=f"{key}_golongan")
        forms.reason(form, "golongan")
        out["schedule_group_id"] = _choose(
            texts.EMP_FIELDS["schedule_group_id"], {g["id"]: g["name"] for g in groups},
            values.get("schedule_group_id"), f"{key}_group")
        forms.reason(form, "schedule_group_id")
        others = {p["id"]: _person(p) for p in people if p["id"] != values.get("id")}
        current = values.get("supervisor_id")
        if current and current not in others:  # elsewhere or inactive: kept unless changed
            others[current] = values.get("supervisor_name") or str(current)
        out["supervisor_id"] = _choose(texts.EMP_FIELDS["supervisor_id"], others,
                                       values.get("supervisor_id"), f"{key}_supervisor",
                                       none=texts.NOBODY)
        forms.reason(form, "supervisor_id")
    return out


def edit_form(employee: dict, people: list[dict], units: list[dict],
              groups: list[dict]) -> None:
    """Change an employee's data; deactivation ends their check-ins (the record stays)."""
    form = f"employee_edit_{employee['id']}"
    with st.form(form):
        forms.refusal(form)
        values = _fields(form, employee, people, units, groups, f"edit{employee['id']}")
        values["active"] = st.toggle(texts.EMP_FIELDS["active"], value=employee["active"],
                                     key=f"edit{employee['id']}_active",
                                     help=texts.EMP_ACTIVE_HELP)
        submitted = st.form_submit_button(texts.SAVE, type="primary")
    if not submitted:
        return
    changed = {k: v for k, v in values.items() if v != employee.get(k)}
    if not changed:
        st.info(texts.EMP_UNCHANGED)
        return
    forms.send(form, lambda: data.client().write(
        "PATCH", f"/api/v1/employees/{employee['id']}", json=changed),
        texts.EMP_SAVED.format(name=values["name"]))
    st.rerun()


def create_form(opd: int, people: list[dict], units: list[dict], groups: list[dict],
                locations: list[dict]) -> None:
    """A new employee of the OPD; the one-time password is shown once."""
    form = "employee_new"
    with st.form(form):
        forms.refusal(form)
        nip = st.text_input(texts.EMP_FIELDS["nip"], key="new_nip", help=texts.EMP_NIP_HELP)
        forms.reason(form, "nip")
        values = _fields(form, {}, people, units, groups, "new")
        names = {loc["id"]: loc["name"] for loc in locations}
        chosen = st.multiselect(texts.EMP_FIELDS["location_ids"], list(names), key="new_locs",
                                format_func=names.get, help=texts.EMP_LOCATIONS_HELP)
        forms.reason(form, "location_ids")
        submitted = st.form_submit_button(texts.EMP_CREATE, type="primary")
    if not submitted:
        return
    body = {**values, "nip": nip.strip(), "opd_id": opd, "location_ids": chosen}
    created = forms.send(form, lambda: data.client().write("POST", "/api/v1/employees",
                                                           json=body),
                         lambda e: texts.EMP_CREATED.format(name=e["name"]))
    st.session_state[PASSWORD_SHOWN] = (created["id"], created["default_password"])
    st.session_state[SHOW_NEXT] = created
    st.rerun()


def show_next() -> None:
    """After an employee is added, the next run opens them in the search (before its widgets
    exist, which is when Streamlit lets their values be set)."""
    added = st.session_state.pop(SHOW_NEXT, None)
    if added:
        st.session_state["emp_query"] = added["nip"]
        st.session_state["emp_pick"] = added["id"]


def issued_password(employee_id: int) -> None:
    """The one-time password just issued for this employee, once (it is not kept)."""
    issued = st.session_state.get(PASSWORD_SHOWN)
    if issued and issued[0] == employee_id:
        st.session_state.pop(PASSWORD_SHOWN)
        st.warning(texts.EMP_PASSWORD_ONCE, icon=":material/key:")
        st.code(issued[1], language=None)


def locations_form(employee: dict, locations: list[dict]) -> None:
    """The presence locations: the office (primary) and approved alternatives."""
    form = f"employee_locations_{employee['id']}"
    current = data.fresh(f"/api/v1/employees/{employee['id']}/locations")
    # the employee's own locations are offered even when they are not this OPD's (a saved
    # form must not drop them unseen)
    names = {loc["id"]: f"{loc['name']} ({texts.LOCATION_KINDS.get(loc['kind'], loc['kind'])}, "
                        f"{loc['radius_m']} m)" for loc in [*current, *locations]}
    with st.form(form):
        forms.refusal(form)
        chosen = st.multiselect(texts.EMP_FIELDS["location_ids"], list(names),
                                default=[loc["id"] for loc in current if loc["id"] in names],
                                key=f"locs{employee['id']}", format_func=names.get)
        primary_now = next((loc["id"] for loc in current if loc["primary"]), None)
        primary = _choose(texts.EMP_PRIMARY, names, primary_now, f"locs{employee['id']}_main")
        forms.other_reasons(form, set())
        submitted = st.form_submit_button(texts.SAVE, type="primary")
    if not submitted:
        return
    links = [{"location_id": i, "primary": i == primary} for i in dict.fromkeys([primary,
                                                                                  *chosen])]
    forms.send(form, lambda: data.client().write(
        "PUT", f"/api/v1/employees/{employee['id']}/locations", json={"locations": links}),
        texts.EMP_LOCATIONS_SAVED)
    st.rerun()


def account_panel(employee: dict) -> None:
    """The account: locked or not, last login; reset the password or unlock."""
    form = f"employee_account_{employee['id']}"
    path = f"/api/v1/employees/{employee['id']}"
    forms.refusal(form)
    try:
        account = data.fresh(f"{path}/account")
    except ApiError as refused:  # e.g. the head's account is an admin's to manage
        st.info(refused.message, icon=":material/shield_person:")
        return
    tz = data.me()["pemda"]["tz"]
    if account["locked"]:
        st.error(texts.EMP_LOCKED.format(until=fmt.moment(account["locked_until"], tz)),
                 icon=":material/lock:")
    elif not account["has_password"]:
        st.info(texts.EMP_NO_PASSWORD)
    st.caption(texts.EMP_ACCOUNT_LINE.format(
        last=fmt.moment(account["last_login_at"], tz),
        changed=fmt.moment(account["password_changed_at"], tz),
        failures=account["failed_count"]))
    left, right = st.columns(2)
    if left.button(texts.EMP_RESET, key=f"reset{employee['id']}", icon=":material/key:",
                   help=texts.EMP_RESET_HELP):
        answer = forms.send(form, lambda: data.client().write("POST", f"{path}/password-reset"),
                            texts.EMP_RESET_DONE.format(name=employee["name"]))
        st.session_state[PASSWORD_SHOWN] = (employee["id"], answer["default_password"])
        st.rerun()
    if account["locked"] and right.button(texts.EMP_UNLOCK, key=f"unlock{employee['id']}",
                                          icon=":material/lock_open:"):
        forms.send(form, lambda: data.client().write("POST", f"{path}/unlock"),
                   texts.EMP_UNLOCKED.format(name=employee["name"]))
        st.rerun()


def roles_panel(employee: dict, opds: list[dict]) -> None:
    """Role grants (admin): the list, revoke one, grant one."""
    form = f"employee_roles_{employee['id']}"
    path = f"/api/v1/employees/{employee['id']}/roles"
    forms.refusal(form)
    grants = data.fresh(path)
    opd_names = {o["id"]: o["name"] for o in opds}
    for grant in grants:
        left, right = st.columns([4, 1], vertical_alignment="center")
        where = opd_names.get(grant.get("opd_id"), texts.WHOLE_PEMDA)
        left.markdown(f"**{texts.ROLE_NAMES.get(grant['role'], grant['role'])}** · {where}")
        if right.button(texts.EMP_REVOKE, key=f"revoke{grant['id']}"):
            forms.send(form, lambda g=grant: data.client().write("DELETE", f"{path}/{g['id']}"),
                       texts.EMP_ROLE_REVOKED)
            st.rerun()
    if not grants:
        st.caption(texts.EMP_NO_ROLES)
    with st.form(form):
        role = st.selectbox(texts.EMP_ROLE, GRANTABLE_ROLES, key=f"role{employee['id']}",
                            format_func=texts.ROLE_NAMES.get)
        opd = _choose(texts.EMP_ROLE_OPD, opd_names, employee["opd_id"],
                      f"role{employee['id']}_opd")
        st.caption(texts.EMP_ROLE_HELP)
        submitted = st.form_submit_button(texts.EMP_GRANT)
    if submitted:
        body = {"role": role, "opd_id": opd if role in OPD_ROLES else None}
        forms.send(form, lambda: data.client().write("POST", path, json=body),
                   texts.EMP_ROLE_GRANTED)
        st.rerun()


def mutation_form(employee: dict, opds: list[dict], today: date) -> None:
    """A transfer (admin) from a date, with the new direct supervisor; past transfers."""
    form = f"employee_mutation_{employee['id']}"
    path = f"/api/v1/employees/{employee['id']}/mutations"
    history = data.fresh(path)
    all_names = {o["id"]: o["name"] for o in opds}
    if history:
        st.dataframe([{texts.MUTATION_COLUMNS["valid_from"]: fmt.day(m["valid_from"]),
                       texts.MUTATION_COLUMNS["opd"]: all_names.get(m["opd_id"], "–"),
                       texts.MUTATION_COLUMNS["reason"]: m["reason"],
                       texts.MUTATION_COLUMNS["status"]: texts.MUTATION_APPLIED
                       if m["applied"] else texts.MUTATION_WAITING} for m in history],
                     hide_index=True, key=f"mutations{employee['id']}")
    names = {i: name for i, name in all_names.items() if i != employee["opd_id"]}
    if not names:
        st.info(texts.MUTATION_NO_TARGET)
        return
    target = _choose(texts.MUTATION_OPD, names, None, f"mut{employee['id']}_opd")
    units = [u for u in data.units() if u["opd_id"] == target]
    heads = data.get("/api/v1/employees", opd=target, active=True, limit=data.MAX_PAGE)["items"]
    places = data.get("/api/v1/locations", opd=target)
    with st.form(form):
        forms.refusal(form)
        valid_from = st.date_input(texts.MUTATION_FROM, value=today, key=f"mut{employee['id']}"
                                   "_from", format="DD/MM/YYYY")
        forms.reason(form, "valid_from")
        unit = _choose(texts.EMP_FIELDS["unit_id"], {u["id"]: u["name"] for u in units}, None,
                       f"mut{employee['id']}_unit", none=texts.OTHER)
        forms.reason(form, "unit_id")
        supervisor = _choose(texts.MUTATION_SUPERVISOR, {p["id"]: _person(p) for p in heads},
                             None, f"mut{employee['id']}_sup", none=texts.NOBODY)
        forms.reason(form, "supervisor_id")
        location = _choose(texts.MUTATION_LOCATION, {p["id"]: p["name"] for p in places}, None,
                           f"mut{employee['id']}_loc", none=texts.MUTATION_KEEP_LOCATION)
        forms.reason(form, "location_id")
        reason = st.text_input(texts.MUTATION_REASON, key=f"mut{employee['id']}_reason",
                               help=texts.MUTATION_REASON_HELP)
        forms.reason(form, "reason")
        forms.other_reasons(form, {"valid_from", "unit_id", "supervisor_id", "location_id",
                                   "reason"})
        submitted = st.form_submit_button(texts.MUTATION_SAVE, type="primary")
    if not submitted:
        return
    body = {"opd_id": target, "unit_id": unit, "supervisor_id": supervisor,
            "location_id": location, "valid_from": valid_from.isoformat(), "reason": reason}
    forms.send(form, lambda: data.client().write("POST", path, json=body),
               texts.MUTATION_SAVED.format(name=employee["name"], opd=names.get(target, "–"),
                                           day=fmt.day(valid_from)))
    st.rerun()
