"""Beranda: today's board — present, late, not yet, excused, pending — by OPD and unit."""
from __future__ import annotations

import streamlit as st

from dashboard import charts, data, filters, texts

chosen = filters.current()
board = data.get("/api/v1/recaps/today", live=True, opd=chosen.opd, unit=chosen.unit,
                 employment_type=chosen.employment_type)
st.title(texts.BERANDA_TITLE.format(date=board["date_label"]))
caption, refresh = st.columns([5, 1], vertical_alignment="center")
caption.caption(texts.BERANDA_CAPTION)
if refresh.button(texts.BOARD_REFRESH, key="board_refresh", icon=":material/refresh:",
                  help=texts.BOARD_REFRESH_HELP):
    data.forget_live()
    st.rerun()

by_unit = data.frame(board["by_unit"])
totals = board["totals"]  # the API applied the unit and type filters (an atasan: the team)

metrics = ["employees", "present", "late", "not_yet", "excused", "pending", "absent", "off"]
for column, key in zip(st.columns(len(metrics)), metrics, strict=True):
    column.metric(texts.STATE_NAMES[key], totals.get(key, 0))

left, right = st.columns([3, 2])
with left:
    if chosen.opd is None:
        st.subheader(texts.BY_OPD)
        by_opd = data.frame(board["by_opd"])
        if by_opd.empty:
            st.info(texts.NO_DATA)
        else:
            st.plotly_chart(charts.today_status_bar(by_opd, "opd_name"), key="today_opd")
    else:
        st.subheader(texts.BY_UNIT)
        if by_unit.empty:
            st.info(texts.NO_DATA)
        else:
            named = by_unit.assign(unit_name=by_unit["unit_name"].fillna(texts.OTHER))
            st.plotly_chart(charts.today_status_bar(named, "unit_name"), key="today_unit")
with right:
    arrivals = board["arrivals"]  # for the OPD (or the pemda), not per unit
    if not arrivals.get("bins"):
        st.subheader(texts.ARRIVALS)
        st.info(texts.NO_DATA)
    else:
        st.plotly_chart(charts.arrival_histogram(data.frame(arrivals["bins"])), key="arrivals")
        st.caption(texts.ARRIVALS_SUMMARY.format(median=arrivals["median"],
                                                 p10=arrivals["p10"], p90=arrivals["p90"]))

if not by_unit.empty:
    st.subheader(texts.BY_UNIT)
    table = by_unit.assign(unit_name=by_unit["unit_name"].fillna(texts.OTHER))
    opd_names = {o["id"]: o["name"] for o in data.opds()}
    table.insert(0, "opd_name", table["opd_id"].map(opd_names))
    labels = {"opd_name": texts.OPD, "unit_name": texts.UNIT, **texts.STATE_NAMES}
    st.dataframe(table[list(labels)].rename(columns=labels), hide_index=True, key="today_units")
