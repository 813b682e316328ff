"""The admin's location form on Pengaturan: add a presence location or change one (name, kind,
centre, radius, time zone, active), with its geofence drawn on the offline map before it is
saved. A changed office time zone recomputes its employees' days (shown as a job)."""
from __future__ import annotations

import streamlit as st

from dashboard import data, forms, maps, texts

FORM = "location"
ZONES = ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura")
NEW = 0  # the "add a location" choice


def location_form(locations: list[dict], opds: list[dict]) -> None:
    labels = {NEW: texts.LOCATION_NEW, **{loc["id"]: loc["name"] for loc in locations}}
    chosen = st.selectbox(texts.LOCATION_PICK, list(labels), key="loc_pick",
                          format_func=labels.get)
    current = next((loc for loc in locations if loc["id"] == chosen), None) or {
        "name": "", "kind": "office", "lat": -8.1724, "lon": 113.7003, "radius_m": 100,
        "tz": "Asia/Jakarta", "active": True, "opd_id": None}
    key = f"loc{chosen}"
    forms.refusal(FORM)
    left, right = st.columns([3, 2])
    with left:
        name = st.text_input(texts.LOCATION_COLUMNS["name"], value=current["name"],
                             key=f"{key}_name")
        forms.reason(FORM, "name")
        kind = st.selectbox(texts.LOCATION_COLUMNS["kind"], list(texts.LOCATION_KINDS),
                            index=list(texts.LOCATION_KINDS).index(current["kind"]),
                            key=f"{key}_kind", format_func=texts.LOCATION_KINDS.get)
        owners = {None: texts.LOCATION_SHARED, **{o["id"]: o["name"] for o in opds}}
        opd = st.selectbox(texts.OPD, list(owners), index=list(owners).index(current["opd_id"])
                           if current["opd_id"] in owners else 0, key=f"{key}_opd",
                           format_func=owners.get, disabled=chosen != NEW)
        a, b, c = st.columns(3)
        lat = a.number_input(texts.LAT, value=float(current["lat"]), min_value=-90.0,
                             max_value=90.0, format="%.6f", key=f"{key}_lat")
        lon = b.number_input(texts.LON, value=float(current["lon"]), min_value=-180.0,
                             max_value=180.0, format="%.6f", key=f"{key}_lon")
        radius = c.number_input(texts.LOCATION_COLUMNS["radius_m"], value=int(current["radius_m"]),
                                min_value=10, max_value=5000, step=10, key=f"{key}_radius")
        forms.reason(FORM, "lat", "lon", "radius_m")
        tz = st.selectbox(texts.LOCATION_COLUMNS["tz"], ZONES,
                          index=ZONES.index(current["tz"]) if current["tz"] in ZONES else 0,
                          key=f"{key}_tz", format_func=texts.ZONE_NAMES.get)
        active = st.toggle(texts.LOCATION_COLUMNS["active"], value=current["active"],
                           key=f"{key}_active", disabled=chosen == NEW)
        forms.other_reasons(FORM, {"name", "lat", "lon", "radius_m"})
    with right:
        st.caption(texts.LOCATION_PREVIEW)
        st.plotly_chart(maps.geofence_map({"lat": lat, "lon": lon, "radius_m": radius,
                                           "name": name or "–"}, None, None, height=320),
                        key=f"{key}_map", config={"displayModeBar": False})
    if not st.button(texts.SAVE, key=f"{key}_save", type="primary"):
        return
    body = {"name": name, "kind": kind, "lat": lat, "lon": lon, "radius_m": int(radius),
            "tz": tz}
    if chosen == NEW:
        forms.send(FORM, lambda: data.client().write("POST", "/api/v1/locations",
                                                     json={**body, "opd_id": opd}),
                   texts.LOCATION_SAVED.format(name=name))
    else:
        changed = {k: v for k, v in {**body, "active": active}.items() if v != current[k]}
        forms.send(FORM, lambda: data.client().write("PATCH", f"/api/v1/locations/{chosen}",
                                                     json=changed),
                   texts.LOCATION_SAVED.format(name=name))
    st.rerun()
