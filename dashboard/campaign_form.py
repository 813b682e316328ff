"""The admin's campaign form on the Laporan keberadaan page: name, dates, the daily windows
(office time), targets, selfie, zone and the heads' deadline. The API judges it; its Bahasa
reasons are shown under the fields (dashboard/forms.py) and nothing typed is lost."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import streamlit as st

from dashboard import data, forms, texts

FORM = "campaign_new"


def parse_windows(text: str) -> list[dict]:
    """"07:00-09:00, 15:00-17:00" → [{"start": "07:00", "end": "09:00"}, ...] (pure; the
    API judges the times)."""
    windows = []
    for part in text.replace(";", ",").split(","):
        if part.strip():
            start, _, end = part.replace("–", "-").partition("-")
            windows.append({"start": start.strip().replace(".", ":"),
                            "end": end.strip().replace(".", ":")})
    return windows


def body_of(values: dict, pemda_tz: str) -> dict:
    """The API body from the form's values (pure)."""
    from zoneinfo import ZoneInfo

    zone = {"kind": "none"}
    if values["zone_kind"] == "circle":
        zone = {"kind": "circle", "lat": values["lat"], "lon": values["lon"],
                "radius_m": values["radius_km"] * 1000}
    deadline = datetime.combine(values["deadline_date"], values["deadline_time"],
                                tzinfo=ZoneInfo(pemda_tz))
    return {"name": values["name"], "date_from": values["date_from"].isoformat(),
            "date_to": values["date_to"].isoformat(),
            "windows": parse_windows(values["windows"]), "opds": values["opds"],
            "employment_types": values["types"], "selfie_required": values["selfie"],
            "zone": zone, "report_deadline": deadline.isoformat()}


def form(opds: list[dict], today: date, pemda_tz: str) -> None:
    """Define a campaign (admin)."""
    start = today + timedelta(days=1)
    with st.form(FORM):
        st.markdown(f"**{texts.CAMPAIGN_NEW}**")
        forms.refusal(FORM)
        name = st.text_input(texts.CAMPAIGN_FIELDS["name"], key="cmp_name")
        forms.reason(FORM, "name")
        left, right = st.columns(2)
        date_from = left.date_input(texts.CAMPAIGN_FIELDS["date_from"], value=start,
                                    key="cmp_from", format="DD/MM/YYYY")
        date_to = right.date_input(texts.CAMPAIGN_FIELDS["date_to"],
                                   value=start + timedelta(days=4), key="cmp_to",
                                   format="DD/MM/YYYY")
        forms.reason(FORM, "date_from", "date_to")
        windows = st.text_input(texts.CAMPAIGN_FIELDS["windows"], value="07:00-09:00, 15:00-17:00",
                                key="cmp_windows", help=texts.CAMPAIGN_WINDOWS_HELP)
        forms.reason(FORM, "windows")
        names = {o["id"]: o["name"] for o in opds}
        chosen = st.multiselect(texts.CAMPAIGN_FIELDS["opds"], list(names), key="cmp_opds",
                                format_func=names.get, placeholder=texts.CAMPAIGN_ALL_OPDS)
        forms.reason(FORM, "opds")
        types = st.multiselect(texts.CAMPAIGN_FIELDS["employment_types"],
                               ["PNS", "CPNS", "PPPK", "PTT-PK", "NON_ASN"], key="cmp_types",
                               placeholder=texts.CAMPAIGN_ALL_TYPES)
        selfie = st.toggle(texts.CAMPAIGN_FIELDS["selfie_required"], value=True, key="cmp_selfie")
        zone_kind = st.radio(texts.CAMPAIGN_FIELDS["zone"], ["none", "circle"], horizontal=True,
                             key="cmp_zone", format_func=texts.CAMPAIGN_ZONES.get)
        a, b, c = st.columns(3)
        lat = a.number_input(texts.LAT, value=-8.1724, format="%.4f", key="cmp_lat")
        lon = b.number_input(texts.LON, value=113.7003, format="%.4f", key="cmp_lon")
        radius = c.number_input(texts.CAMPAIGN_RADIUS, value=30.0, min_value=1.0, key="cmp_km")
        forms.reason(FORM, "zone")
        d, e = st.columns(2)
        deadline_date = d.date_input(texts.CAMPAIGN_FIELDS["report_deadline"],
                                     value=start + timedelta(days=5), key="cmp_deadline",
                                     format="DD/MM/YYYY")
        deadline_time = e.time_input(texts.CAMPAIGN_DEADLINE_TIME, value=time(11),
                                     key="cmp_deadline_time")
        forms.reason(FORM, "report_deadline")
        forms.other_reasons(FORM, {"name", "date_from", "date_to", "windows", "opds", "zone",
                                   "report_deadline"}, texts.CAMPAIGN_FIELDS)
        if not st.form_submit_button(texts.SAVE, type="primary"):
            return
    body = body_of({"name": name, "date_from": date_from, "date_to": date_to,
                    "windows": windows, "opds": chosen, "types": types, "selfie": selfie,
                    "zone_kind": zone_kind, "lat": lat, "lon": lon, "radius_km": radius,
                    "deadline_date": deadline_date, "deadline_time": deadline_time}, pemda_tz)
    created = forms.send(FORM, lambda: data.client().write("POST", "/api/v1/campaigns",
                                                           json=body),
                         lambda c: texts.CAMPAIGN_SAVED.format(name=c["name"]))
    st.session_state["campaign_pick"] = created["id"]
    st.rerun()
