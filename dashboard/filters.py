"""The shared sidebar filters (month, OPD, unit, employee type), kept in the URL's query
parameters so a view can be shared as a link."""
from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import data, state, texts
from dashboard.state import Filters

KEYS = {"bulan": "f_month", "opd": "f_opd", "unit": "f_unit", "jenis": "f_type"}


def _default_opd(profile: dict, opd_ids: list[int]) -> int | None:
    """Whole-pemda users start with every OPD; others with their own (or first) OPD."""
    if set(profile["roles"]) & state.WHOLE_PEMDA_ROLES:
        return None
    own = profile["opd"]["id"]
    return own if own in opd_ids else (opd_ids[0] if opd_ids else None)


def _reset_unit() -> None:
    st.session_state[KEYS["unit"]] = None


def _start_from_link(profile: dict, today: date, opd_ids: list[int],
                     unit_opds: dict[int, int]) -> None:
    """On a session's first run the widgets take the link's parameters."""
    start = state.parse_filters(st.query_params.to_dict(), today, opd_ids, unit_opds,
                                _default_opd(profile, opd_ids))
    for key, value in zip(state.FILTER_KEYS, (start.month, start.opd, start.unit,
                                               start.employment_type), strict=True):
        st.session_state[KEYS[key]] = value
    st.session_state["filters_ready"] = True


def _scope(box, opds: dict[int, str], units: list[dict], whole: bool) -> tuple:
    """OPD, unit and employee type (None = all; shown through the placeholder, since
    Streamlit renders a None value as an empty box)."""
    opd_choices: list[int | None] = ([None] if whole else []) + list(opds)
    if st.session_state[KEYS["opd"]] not in opd_choices:
        st.session_state[KEYS["opd"]] = opd_choices[0] if opd_choices else None
    opd = box.selectbox(texts.FILTER_OPD, opd_choices, key=KEYS["opd"], on_change=_reset_unit,
                        placeholder=texts.ALL_OPDS,
                        format_func=lambda i: texts.ALL_OPDS if i is None else opds[i])
    unit_choices: list[int | None] = [None] + [u["id"] for u in units if u["opd_id"] == opd]
    if st.session_state[KEYS["unit"]] not in unit_choices:
        st.session_state[KEYS["unit"]] = None
    names = {u["id"]: u["name"] for u in units}
    unit = box.selectbox(texts.FILTER_UNIT, unit_choices, key=KEYS["unit"],
                         disabled=opd is None, placeholder=texts.ALL_UNITS,
                         format_func=lambda i: texts.ALL_UNITS if i is None else names[i])
    kind = box.selectbox(texts.FILTER_TYPE, [None, *state.EMPLOYMENT_TYPES], key=KEYS["jenis"],
                         placeholder=texts.ALL_TYPES,
                         format_func=lambda k: texts.ALL_TYPES if k is None
                         else texts.EMPLOYMENT_TYPE_NAMES[k])
    return opd, unit, kind


def sidebar() -> Filters:
    """Draw the filters (a plain pegawai gets the month only) and write them to the URL."""
    profile = data.me()
    today = date.fromisoformat(data.today())
    opds = {o["id"]: o["name"] for o in data.opds()}
    units = data.units()
    if not st.session_state.get("filters_ready"):
        _start_from_link(profile, today, list(opds), {u["id"]: u["opd_id"] for u in units})
    box = st.sidebar.container()
    box.subheader(texts.FILTERS)
    month = box.selectbox(texts.FILTER_MONTH, state.month_options(today), key=KEYS["bulan"],
                          format_func=state.month_label)
    if state.supervises(profile["roles"]):
        whole = bool(set(profile["roles"]) & state.WHOLE_PEMDA_ROLES)
        chosen = Filters(month, *_scope(box, opds, units, whole))
    else:
        chosen = Filters(month)  # their own history: nothing else to choose
    box.caption(texts.SHARE_HINT)
    write_url(chosen)
    return chosen


def write_url(filters: Filters) -> None:
    """Put the filters in the URL (other parameters of the page are left alone)."""
    wanted = state.filter_params(filters)
    for key in state.FILTER_KEYS:
        if key in wanted:
            if st.query_params.get(key) != wanted[key]:
                st.query_params[key] = wanted[key]
        elif key in st.query_params:
            del st.query_params[key]


def current() -> Filters:
    return st.session_state["filters"]

