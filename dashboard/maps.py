"""Map builders: pure functions → plotly map Figures.

The map style is "white-bg", which needs no tile server (none is reachable from many pemda
servers, nor from the tests): the geofence circle, the office and the points tell the story."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from dashboard import texts

EARTH_RADIUS_M = 6_371_008.8
STYLE = "white-bg"


def circle(lat: float, lon: float, radius_m: float, points: int = 72) -> tuple[list, list]:
    """(lats, lons) of a closed circle of `radius_m` around a point (spherical earth)."""
    d = radius_m / EARTH_RADIUS_M
    phi, lam = math.radians(lat), math.radians(lon)
    lats, lons = [], []
    for i in range(points + 1):
        bearing = 2 * math.pi * i / points
        phi2 = math.asin(math.sin(phi) * math.cos(d)
                         + math.cos(phi) * math.sin(d) * math.cos(bearing))
        lam2 = lam + math.atan2(math.sin(bearing) * math.sin(d) * math.cos(phi),
                                math.cos(d) - math.sin(phi) * math.sin(phi2))
        lats.append(math.degrees(phi2))
        lons.append(math.degrees(lam2))
    return lats, lons


def zoom_for(span_m: float, pixels: int) -> float:
    """The zoom level at which `span_m` metres fill `pixels` (a 512-px world at zoom 0)."""
    return max(1.0, min(18.0, math.log2(40_075_016 * pixels / (512 * max(span_m, 50.0)))))


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(a))


def _geofence_trace(fig: go.Figure, lat: float, lon: float, radius_m: float, name: str) -> None:
    lats, lons = circle(lat, lon, radius_m)
    fig.add_trace(go.Scattermap(lat=lats, lon=lons, mode="lines", fill="toself",
                                fillcolor="rgba(30,136,229,0.18)",
                                line={"color": "#1e88e5", "width": 2}, name=name,
                                hoverinfo="name"))


def _finish(fig: go.Figure, lat: float, lon: float, span_m: float, height: int) -> go.Figure:
    fig.update_layout(map={"style": STYLE, "center": {"lat": lat, "lon": lon},
                           "zoom": zoom_for(span_m, height)},
                      height=height, margin={"l": 0, "r": 0, "t": 0, "b": 0},
                      legend={"orientation": "h", "y": 0.02, "x": 0.01,
                              "bgcolor": "rgba(255,255,255,0.8)"})
    return fig


def geofence_map(geofence: dict | None, lat: float | None, lon: float | None,
                 accuracy_m: float | None = None, height: int = 260) -> go.Figure:
    """The office geofence (circle and centre) and where the check-in was made."""
    fig = go.Figure()
    points = []
    if geofence:
        g_lat, g_lon, radius = geofence["lat"], geofence["lon"], geofence["radius_m"]
        _geofence_trace(fig, g_lat, g_lon, radius, texts.MAP_GEOFENCE.format(radius=radius))
        fig.add_trace(go.Scattermap(lat=[g_lat], lon=[g_lon], mode="markers",
                                    marker={"size": 10, "color": "#1565c0"},
                                    name=f"{texts.MAP_OFFICE}: {geofence['name']}"))
        points.append((g_lat, g_lon, radius))
    if lat is not None and lon is not None:
        if accuracy_m:
            lats, lons = circle(lat, lon, accuracy_m)
            fig.add_trace(go.Scattermap(lat=lats, lon=lons, mode="lines", fill="toself",
                                        fillcolor="rgba(229,57,53,0.12)", hoverinfo="skip",
                                        line={"color": "rgba(229,57,53,0.5)", "width": 1},
                                        showlegend=False))
        fig.add_trace(go.Scattermap(lat=[lat], lon=[lon], mode="markers",
                                    marker={"size": 13, "color": "#e53935"},
                                    name=texts.MAP_CHECKIN))
        points.append((lat, lon, accuracy_m or 0))
    if not points:
        return _finish(fig, -2.5, 118.0, 4_000_000, height)  # Indonesia
    lat_c = sum(p[0] for p in points) / len(points)
    lon_c = sum(p[1] for p in points) / len(points)
    span = max(3 * p[2] for p in points)  # the circle with a margin around it
    if len(points) == 2:
        fig.add_trace(go.Scattermap(lat=[points[0][0], points[1][0]],
                                    lon=[points[0][1], points[1][1]], mode="lines",
                                    line={"color": "#757575", "width": 1}, hoverinfo="skip",
                                    showlegend=False))
        span = max(span, 2.4 * _distance_m(*points[0][:2], *points[1][:2]))
    return _finish(fig, lat_c, lon_c, span, height)


def locations_map(locations: pd.DataFrame, height: int = 480) -> go.Figure:
    """Every presence location with its geofence (`name`, `lat`, `lon`, `radius_m`)."""
    fig = go.Figure()
    for row in locations.itertuples():
        lats, lons = circle(row.lat, row.lon, row.radius_m, 48)
        fig.add_trace(go.Scattermap(lat=lats, lon=lons, mode="lines", fill="toself",
                                    fillcolor="rgba(30,136,229,0.18)", hoverinfo="skip",
                                    line={"color": "#1e88e5", "width": 1}, showlegend=False))
    fig.add_trace(go.Scattermap(
        lat=locations["lat"], lon=locations["lon"], mode="markers",
        marker={"size": 9, "color": "#1565c0"}, name=texts.TAB_LOCATIONS,
        text=[f"{n} ({r} m)" for n, r in zip(locations["name"], locations["radius_m"],
                                              strict=True)],
        hovertemplate="%{text}<extra></extra>"))
    if locations.empty:
        return _finish(fig, -2.5, 118.0, 4_000_000, height)
    lat_c, lon_c = float(locations["lat"].mean()), float(locations["lon"].mean())
    span = max(2_000.0, 2.4 * max(_distance_m(lat_c, lon_c, a, b)
                                  for a, b in zip(locations["lat"], locations["lon"],
                                                  strict=True)))
    return _finish(fig, lat_c, lon_c, span, height)
