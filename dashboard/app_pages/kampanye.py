"""Laporan keberadaan (SiAbOn campaigns): the admin defines and monitors them; a head of OPD
or an operator sees their OPD's compliance and who has not reported, and downloads it for
the report to BKD; an analyst reads. Everything comes from the API, scoped there."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import campaign_form, data, exports, fmt, forms, texts

profile = data.me()
roles = set(profile["roles"])
admin = "admin" in roles
today = date.fromisoformat(data.today())

st.title(texts.PAGE_KAMPANYE)
forms.flash()
campaigns = data.fresh("/api/v1/campaigns")
if admin:
    with st.expander(texts.CAMPAIGN_NEW, expanded=not campaigns):
        campaign_form.form(data.opds(), today, profile["pemda"]["tz"])
if not campaigns:
    st.info(texts.CAMPAIGN_NONE)
    st.stop()

labels = {c["id"]: f"{c['name']} ({fmt.day(c['date_from'])} – {fmt.day(c['date_to'])})"
          for c in campaigns}
picked = st.selectbox(texts.CAMPAIGN_PICK, list(labels), key="campaign_pick",
                      format_func=labels.get)
campaign = next(c for c in campaigns if c["id"] == picked)
windows = ", ".join(w["label"] for w in campaign["windows"])
st.caption(texts.CAMPAIGN_CAPTION.format(windows=windows, deadline=fmt.moment(
    campaign["report_deadline"], profile["pemda"]["tz"]),
    zone=texts.CAMPAIGN_ZONES[campaign["zone"]["kind"]]))
if admin and date.fromisoformat(campaign["date_from"]) > today:
    forms.refusal("campaign_delete")
    if st.button(texts.CAMPAIGN_DELETE, key="campaign_delete", icon=":material/delete:"):
        forms.send("campaign_delete", lambda: data.client().write(
            "DELETE", f"/api/v1/campaigns/{campaign['id']}"), texts.CAMPAIGN_DELETED)
        st.session_state.pop("campaign_pick", None)
        st.rerun()

days = [None, *pd.date_range(campaign["date_from"], campaign["date_to"]).date]
chosen_day = st.selectbox(texts.CAMPAIGN_DAY, days, key="campaign_day",
                          format_func=lambda d: texts.CAMPAIGN_WHOLE if d is None else fmt.day(d))
query = {"date": chosen_day.isoformat()} if chosen_day else {}
answer = data.fresh(f"/api/v1/campaigns/{campaign['id']}/compliance", **query)
totals = answer["totals"]
metrics = [(texts.CAMPAIGN_COUNTS["reported"], totals["reported"]),
           (texts.CAMPAIGN_COUNTS["excused"], totals["excused"]),
           (texts.CAMPAIGN_COUNTS["missed"], totals["missed"]),
           (texts.CAMPAIGN_COUNTS["open"], totals["open"]),
           (texts.CAMPAIGN_OUTSIDE, totals["outside_zone"]),
           (texts.CAMPAIGN_PERCENT, fmt.percent(totals["percent"]))]
for column, (label, value) in zip(st.columns(len(metrics)), metrics, strict=True):
    column.metric(label, value)


def _counts(rows: list[dict], first: dict[str, str]) -> pd.DataFrame:
    frame = data.frame(rows)
    if frame.empty:
        return frame
    shown = {**first, **{k: texts.CAMPAIGN_COUNTS[k] for k in texts.CAMPAIGN_COUNTS},
             "outside_zone": texts.CAMPAIGN_OUTSIDE, "percent": texts.CAMPAIGN_PERCENT}
    return frame[list(shown)].rename(columns=shown)


st.subheader(texts.CAMPAIGN_BY_WINDOW)
st.dataframe(_counts([{**w, "when": f"{fmt.day(w['work_date'])} {w['label']}"}
                      for w in answer["by_window"]], {"when": texts.CAMPAIGN_WHEN}),
             hide_index=True, key="campaign_windows")
whole_pemda = bool(roles & {"admin", "analis"})
st.subheader(texts.CAMPAIGN_BY_OPD if whole_pemda else texts.CAMPAIGN_BY_UNIT)
if whole_pemda:
    st.dataframe(_counts(answer["by_opd"], {"opd_name": texts.OPD, "employees":
                                           texts.METRIC_EMPLOYEES}),
                 hide_index=True, key="campaign_opds")
else:
    st.dataframe(_counts(answer["by_unit"], {"unit_name": texts.UNIT}), hide_index=True,
                 key="campaign_units")

st.subheader(texts.CAMPAIGN_NON_REPORTERS.format(count=len(answer["non_reporters"])))
non = data.frame(answer["non_reporters"])
if non.empty:
    st.success(texts.CAMPAIGN_ALL_REPORTED)
else:
    names = {o["id"]: o["name"] for o in data.opds()}
    table = pd.DataFrame({texts.CAMPAIGN_NAME: non["name"], "NIP": non["nip"],
                          texts.OPD: non["opd_id"].map(names), texts.UNIT: non["unit_name"],
                          texts.CAMPAIGN_MISSED: [", ".join(m) for m in non["missed"]]})
    st.dataframe(table, hide_index=True, key="campaign_non_reporters")
if answer["outside_zone"]:
    st.subheader(texts.CAMPAIGN_OUTSIDE_LIST)
    away = data.frame(answer["outside_zone"])
    st.dataframe(pd.DataFrame({texts.CAMPAIGN_NAME: away["name"], "NIP": away["nip"],
                               texts.CAMPAIGN_WHEN: [f"{fmt.day(d)} {answer['windows'][w]}"
                                                     for d, w in zip(away["work_date"],
                                                                     away["window"],
                                                                     strict=True)]}),
                 hide_index=True, key="campaign_outside")

st.subheader(texts.EXPORTS)
left, right = st.columns(2)
path = f"/api/v1/campaigns/{campaign['id']}/export"
with left:
    exports.one_click(texts.CAMPAIGN_EXPORT["xlsx"], path,
                      f"laporan-keberadaan-{campaign['id']}.xlsx", "campaign_xlsx")
with right:
    exports.one_click(texts.CAMPAIGN_EXPORT["pdf"], path,
                      f"laporan-keberadaan-{campaign['id']}.pdf", "campaign_pdf")
