"""Analitik: discipline heatmap, lateness trend vs the previous period, TL/PSW tiers, OPD
ranking, the PP 94 watch-list and fraud signals (admin and analis; whole pemda or one OPD)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import charts, data, filters, state, texts

chosen = filters.current()
today = date.fromisoformat(data.today())

st.title(texts.ANALITIK_TITLE.format(month=state.month_label(chosen.month)))
controls = st.columns(3)
dim = controls[0].radio(texts.HEATMAP, list(texts.HEATMAP_DIMS), key="heatmap_dim",
                        format_func=texts.HEATMAP_DIMS.get, horizontal=True)
metric = controls[1].radio(texts.PERCENT, list(texts.HEATMAP_METRICS), key="heatmap_metric",
                           format_func=texts.HEATMAP_METRICS.get, horizontal=True)
period = controls[2].radio(texts.TREND, list(texts.TREND_PERIODS), key="trend_period",
                           format_func=texts.TREND_PERIODS.get, horizontal=True)
found = data.get_many(state.analytics_requests(chosen.month, chosen.opd, dim, period, today,
                                               chosen.unit, chosen.employment_type))

cells = data.frame(found["heatmap"]["cells"])
if cells.empty:
    st.info(texts.NO_DATA)
else:
    st.plotly_chart(charts.discipline_heatmap(cells, dim, metric), key="heatmap")

left, right = st.columns(2)
with left:
    series = data.frame(found["trend"]["series"])
    if series.empty:
        st.info(texts.NO_DATA)
    else:
        st.plotly_chart(charts.lateness_trend(series), key="trend")
with right:
    by_opd = data.frame(found["tiers"]["by_opd"])
    if by_opd.empty:
        st.info(texts.NO_DATA)
    else:
        st.plotly_chart(charts.tier_breakdown(by_opd, found["tiers"]["codes"]), key="tiers")

ranking = data.frame(found["ranking"]["rows"])
if not ranking.empty:
    st.plotly_chart(charts.opd_ranking(ranking), key="ranking")

watch = found["watchlist"]
st.subheader(texts.WATCHLIST.format(year=chosen.year))
watch_rows = data.frame(watch["rows"])
if chosen.employment_type and not watch_rows.empty:
    wanted = data.employee_ids_of_type(chosen.opd, chosen.employment_type)
    watch_rows = watch_rows[watch_rows["employee_id"].isin(wanted)]
if watch_rows.empty:
    st.success(texts.WATCHLIST_EMPTY)
else:
    levels, table = st.columns([1, 3])
    levels.plotly_chart(charts.level_counts(watch["counts_by_level"]), key="levels")
    shown = [c for c in texts.WATCH_COLUMNS if c in watch_rows]
    table.dataframe(watch_rows[shown].rename(columns=texts.WATCH_COLUMNS), hide_index=True,
                    key="watchlist")

fraud = found["fraud"]
st.subheader(texts.FRAUD)
counts, details = st.columns([1, 2])
counts.plotly_chart(charts.fraud_counts(fraud["counts"]), key="fraud")
with details:
    tabs = st.tabs([f"{texts.FRAUD_NAMES[k]} ({fraud['counts'].get(k, 0)})"
                    for k in texts.FRAUD_NAMES])
    for tab, kind in zip(tabs, texts.FRAUD_NAMES, strict=True):
        rows = pd.DataFrame(fraud["signals"].get(kind, []))
        shown = [c for c in texts.FRAUD_COLUMNS if c in rows]
        if rows.empty:
            tab.caption(texts.NO_DATA)
        else:
            tab.dataframe(rows[shown].rename(columns=texts.FRAUD_COLUMNS), hide_index=True,
                          key=f"fraud_{kind}")
