"""Chart builders: pure functions DataFrame → plotly Figure (no Streamlit, no API)."""
from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from dashboard import texts

STATE_ORDER = ["present", "not_yet", "pending", "excused", "absent", "off"]
STATE_COLORS = {"present": "#2e7d32", "late": "#ef6c00", "not_yet": "#bdbdbd",
                "pending": "#8e24aa", "excused": "#1e88e5", "absent": "#c62828",
                "off": "#eeeeee"}
CATEGORY_COLORS = {"present": "#43a047", "late": "#fb8c00", "wfh": "#26a69a",
                   "incomplete": "#f4511e", "absent": "#c62828", "excused": "#1e88e5",
                   "off": "#e0e0e0", "waiting": "#bdbdbd", "none": "#fafafa"}
CATEGORY_ORDER = list(CATEGORY_COLORS)
OTHER_TIER_COLORS = {"TM": "#90a4ae", "TP": "#455a64"}
PRESENT = {"H", "WFH"}
INCOMPLETE = {"TM", "TP"}
WAITING = {"BELUM"}


def _layout(fig: go.Figure, title: str | None = None, height: int = 360) -> go.Figure:
    # a legend under the chart, spanning its whole width (not only the plotting area)
    fig.update_layout(title=title, height=height, margin={"l": 10, "r": 10, "t": 40, "b": 10},
                      legend={"orientation": "h", "xref": "container", "x": 0.01,
                              "yref": "container", "y": 0.01, "yanchor": "bottom"},
                      template="plotly_white")
    fig.update_layout(margin_b=90 if fig.layout.showlegend is not False else 10)
    return fig


def short(name: str, limit: int = 32) -> str:
    """A long OPD name cut for an axis label (the full name stays in the tables)."""
    return name if len(name) <= limit else name[:limit - 1].rstrip() + "…"


def date_tick(value: str) -> str:
    """"2026-02-03" → "3 Feb" (Indonesian month abbreviations)."""
    day = date.fromisoformat(value[:10])
    return f"{day.day} {texts.MONTHS[day.month - 1][:3]}"


def today_status_bar(counts: pd.DataFrame, label: str) -> go.Figure:
    """Stacked horizontal bars of today's states per OPD or unit (`label` names the rows)."""
    fig = go.Figure()
    for state in STATE_ORDER:
        if state in counts:
            fig.add_bar(y=counts[label], x=counts[state], name=texts.STATE_NAMES[state],
                        orientation="h", marker_color=STATE_COLORS[state])
    late = counts[counts["late"] > 0] if "late" in counts else counts.iloc[0:0]
    if not late.empty:
        fig.add_scatter(y=late[label], x=late["late"], mode="markers",
                        name=texts.STATE_NAMES["late"],
                        marker={"symbol": "diamond", "size": 11,
                                "color": STATE_COLORS["late"]})
    fig.update_layout(barmode="stack", yaxis={"autorange": "reversed"})
    return _layout(fig, height=max(260, 48 * len(counts) + 120))


def arrival_histogram(bins: pd.DataFrame) -> go.Figure:
    """Arrivals per time bin, on time and late stacked (`start`, `on_time`, `late`)."""
    fig = go.Figure()
    fig.add_bar(x=bins["start"], y=bins["on_time"], name=texts.ON_TIME,
                marker_color=STATE_COLORS["present"])
    fig.add_bar(x=bins["start"], y=bins["late"], name=texts.LATE,
                marker_color=STATE_COLORS["late"])
    fig.update_layout(barmode="stack", xaxis_title=texts.CLOCK, yaxis_title=texts.COUNT,
                      bargap=0.05)
    return _layout(fig, texts.ARRIVALS)


def day_category(status: str, label: str | None) -> str:
    """The colour class of a daily record: status code plus its TL/PSW label."""
    if status in PRESENT:
        if label and ("TL" in label or "PSW" in label):
            return "late"
        return "wfh" if status == "WFH" else "present"
    if status in INCOMPLETE:
        return "incomplete"
    if status == "TK":
        return "absent"
    if status == "LIBUR":
        return "off"
    if status in WAITING:
        return "waiting"
    return "excused"


def _category_scale() -> tuple[list, dict[str, int]]:
    """A discrete colour scale for heatmaps of categories (z = index in CATEGORY_ORDER)."""
    n = len(CATEGORY_ORDER)
    scale = []
    for i, name in enumerate(CATEGORY_ORDER):
        scale += [[i / n, CATEGORY_COLORS[name]], [(i + 1) / n, CATEGORY_COLORS[name]]]
    return scale, {name: i for i, name in enumerate(CATEGORY_ORDER)}


def _calendar(cells: pd.DataFrame, x: list, y: list, height: int, title: str,
              show_text: bool) -> go.Figure:
    """A category heatmap from cells with columns x, y, category, text."""
    scale, index = _category_scale()
    grid = cells.pivot_table(index="y", columns="x", values="z", aggfunc="first")
    grid = grid.reindex(index=y, columns=x)
    text = cells.pivot_table(index="y", columns="x", values="text", aggfunc="first")
    text = text.reindex(index=y, columns=x).astype(object).fillna("")
    n = len(CATEGORY_ORDER)
    fig = go.Figure(go.Heatmap(
        z=grid.to_numpy(dtype=float), x=[str(v) for v in x], y=y, text=text.to_numpy(),
        texttemplate="%{text}" if show_text else None, hovertemplate="%{text}<extra></extra>",
        colorscale=scale, zmin=0, zmax=n, showscale=False, xgap=2, ygap=2))
    for name in CATEGORY_ORDER[:-1]:  # a legend of the colours actually used
        if index[name] in set(cells["z"]):
            fig.add_scatter(x=[None], y=[None], mode="markers", name=texts.CATEGORY_NAMES[name],
                            marker={"size": 10, "symbol": "square",
                                    "color": CATEGORY_COLORS[name]})
    fig.update_layout(yaxis={"autorange": "reversed"}, plot_bgcolor="white", showlegend=True)
    return _layout(fig, title, height)


def _with_categories(days: pd.DataFrame) -> pd.DataFrame:
    _, index = _category_scale()
    frame = days.copy()
    frame["work_date"] = pd.to_datetime(frame["work_date"]).dt.date
    frame["category"] = [day_category(s, lbl) for s, lbl in zip(frame["status"],
                                                                 frame["label"], strict=True)]
    frame["z"] = frame["category"].map(index)
    return frame


def month_calendar(days: pd.DataFrame, first: date, title: str | None = None) -> go.Figure:
    """One employee's month: weeks as rows, weekdays as columns, the day's label inside."""
    frame = _with_categories(days)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    offset = first.weekday()
    cells = []
    known = dict(zip(frame["work_date"], zip(frame["z"], frame["label"], strict=True),
                     strict=True))
    for day in range(1, last.day + 1):
        current = first.replace(day=day)
        z, label = known.get(current, (_category_scale()[1]["none"], ""))
        week = (day - 1 + offset) // 7
        cells.append({"x": texts.WEEKDAYS_SHORT[current.weekday()],
                      "y": texts.WEEK.format(n=week + 1), "z": z,
                      "text": f"{day}<br>{label}" if label else str(day)})
    grid = pd.DataFrame(cells)
    rows = list(dict.fromkeys(grid["y"]))
    return _calendar(grid, list(texts.WEEKDAYS_SHORT), rows, 90 + 70 * len(rows), title, True)


def year_calendar(days: pd.DataFrame, year: int, title: str | None = None) -> go.Figure:
    """A year as a GitHub-style grid: ISO weeks as columns, weekdays as rows."""
    frame = _with_categories(days)
    frame = frame[pd.Series([d.year == year for d in frame["work_date"]], index=frame.index,
                            dtype=bool)]
    start = date(year, 1, 1)
    cells = pd.DataFrame({
        "x": [((d - start).days + start.weekday()) // 7 + 1 for d in frame["work_date"]],
        "y": [texts.WEEKDAYS_SHORT[d.weekday()] for d in frame["work_date"]],
        "z": frame["z"],
        "text": [f"{d:%d-%m-%Y}: {lbl}" for d, lbl in zip(frame["work_date"], frame["label"],
                                                          strict=True)],
    })
    weeks = list(range(1, 55))
    fig = _calendar(cells, weeks, list(texts.WEEKDAYS_SHORT), 320, title, False)
    firsts = [date(year, month, 1) for month in range(1, 13)]
    fig.update_xaxes(tickvals=[str(((d - start).days + start.weekday()) // 7 + 1)
                               for d in firsts],
                     ticktext=[texts.MONTHS[d.month - 1][:3] for d in firsts], side="top")
    return fig


def discipline_heatmap(cells: pd.DataFrame, dim: str, metric: str) -> go.Figure:
    """Heatmap of a percentage: OPD × date (`opd_date`) or unit × weekday (`unit_weekday`)."""
    if dim == "opd_date":
        frame = cells.assign(row=cells["opd_name"].map(short),
                             col=cells["work_date"].astype(str))
        columns = sorted(frame["col"].unique())
        x_title = texts.DATE
    else:
        frame = cells.assign(row=cells["opd_name"].map(lambda n: short(n, 20)) + " · "
                             + cells["unit_name"], col=cells["weekday_name"])
        order = {name: i for i, name in enumerate(texts.WEEKDAYS)}
        columns = sorted(frame["col"].unique(), key=lambda d: order.get(d, 9))
        x_title = texts.DAY
    grid = frame.pivot_table(index="row", columns="col", values=metric, aggfunc="mean")
    grid = grid.reindex(columns=columns).sort_index()
    scale = "Greens" if metric == "attendance_percent" else "OrRd"
    fig = go.Figure(go.Heatmap(z=grid.to_numpy(dtype=float), x=columns, y=list(grid.index),
                               colorscale=scale, zmin=0, zmax=100 if metric ==
                               "attendance_percent" else None, xgap=1, ygap=1,
                               colorbar={"title": texts.PERCENT},
                               hovertemplate="%{y}<br>%{x}: %{z:.1f}%<extra></extra>"))
    fig.update_layout(xaxis={"title": x_title, "type": "category"},
                      yaxis={"autorange": "reversed"})
    if dim == "opd_date":
        fig.update_xaxes(tickvals=columns, ticktext=[date_tick(c) for c in columns])
    return _layout(fig, f"{texts.HEATMAP} — {texts.HEATMAP_METRICS[metric]}",
                   max(320, 26 * len(grid) + 140))


def lateness_trend(series: pd.DataFrame) -> go.Figure:
    """Late-day percentage per period against the period before (`label`, `late_percent`,
    `previous_late_percent`)."""
    fig = go.Figure()
    if "decided_days" in series:  # a period without decided workdays has no percentage
        before = series["decided_days"].shift(1)  # the previous period is the row before
        series = series.assign(
            late_percent=series["late_percent"].where(series["decided_days"] > 0),
            previous_late_percent=series["previous_late_percent"].where(before.ne(0)))
    fig.add_scatter(x=series["label"], y=series["late_percent"], mode="lines+markers",
                    name=texts.TREND_NOW, line={"color": STATE_COLORS["late"], "width": 3})
    fig.add_scatter(x=series["label"], y=series["previous_late_percent"], mode="lines",
                    name=texts.TREND_BEFORE, line={"color": "#9e9e9e", "dash": "dot"})
    fig.update_layout(yaxis_title=texts.TREND_AXIS, hovermode="x unified")
    return _layout(fig, texts.TREND)


def tier_breakdown(by_opd: pd.DataFrame, codes: list[str]) -> go.Figure:
    """Stacked TL1–TL4 / PSW1–PSW4 (and TM/TP) occurrences per OPD."""
    palette = {"TL": ["#ffe0b2", "#ffb74d", "#fb8c00", "#e65100"],
               "PSW": ["#d1c4e9", "#9575cd", "#5e35b1", "#311b92"]}
    fig = go.Figure()
    for code in codes:
        if code not in by_opd:
            continue
        prefix = "PSW" if code.startswith("PSW") else "TL" if code.startswith("TL") else None
        level = int(code[-1]) - 1 if prefix and code[-1].isdigit() else 0
        color = palette[prefix][min(level, 3)] if prefix else OTHER_TIER_COLORS.get(code, "#90a4ae")
        fig.add_bar(y=by_opd["opd_name"].map(short), x=by_opd[code], name=code, orientation="h",
                    marker_color=color)
    fig.update_layout(barmode="stack", yaxis={"autorange": "reversed"},
                      xaxis_title=texts.COUNT)
    return _layout(fig, texts.TIERS, max(300, 40 * len(by_opd) + 140))


def opd_ranking(rows: pd.DataFrame) -> go.Figure:
    """OPDs ranked by attendance %, coloured by the share of late days."""
    frame = rows.sort_values("rank")
    fig = go.Figure(go.Bar(
        y=[f"{r}. {short(n)}" for r, n in zip(frame["rank"], frame["opd_name"], strict=True)],
        x=frame["attendance_percent"], orientation="h",
        marker={"color": frame["late_percent"], "colorscale": "OrRd", "showscale": True,
                "colorbar": {"title": texts.HEATMAP_METRICS["late_percent"]}},
        text=[f"{v:.1f}%" for v in frame["attendance_percent"]], textposition="auto"))
    fig.update_layout(yaxis={"autorange": "reversed"}, xaxis_title=texts.RANKING_AXIS,
                      xaxis_range=[0, 100])
    return _layout(fig, texts.RANKING, max(300, 40 * len(frame) + 140))


def level_counts(counts: dict[str, int]) -> go.Figure:
    """Employees per PP 94 level (ringan, sedang, berat)."""
    levels = list(texts.LEVEL_NAMES)
    colors = ["#fdd835", "#fb8c00", "#c62828"]
    fig = go.Figure(go.Bar(x=[texts.LEVEL_NAMES[lv] for lv in levels],
                           y=[counts.get(lv, 0) for lv in levels], marker_color=colors))
    fig.update_layout(yaxis_title=texts.METRIC_EMPLOYEES)
    return _layout(fig, height=260)


def fraud_counts(counts: dict[str, int]) -> go.Figure:
    """How many findings each fraud signal has in the period."""
    names = list(texts.FRAUD_NAMES)
    fig = go.Figure(go.Bar(x=[counts.get(n, 0) for n in names],
                           y=[texts.FRAUD_NAMES[n] for n in names], orientation="h",
                           marker_color="#6d4c41"))
    fig.update_layout(yaxis={"autorange": "reversed"}, xaxis_title=texts.COUNT)
    return _layout(fig, texts.FRAUD, 300)
