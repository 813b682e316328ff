"""Monitoring bulanan: the month's recap (Lampiran II), a per-employee calendar, one-click
xlsx exports (Lampiran II and daily sheets) and the month-closing status."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import auth, charts, data, exports, filters, fmt, state, texts
from dashboard.client import ApiError

chosen = filters.current()
first, last = chosen.first_day, state.month_end(chosen.month)
today = date.fromisoformat(data.today())
opds = data.opds()
in_scope = [o for o in opds if chosen.opd in (None, o["id"])]


def _rows(recap: dict) -> pd.DataFrame:
    """The recap rows under the unit and employee-type filters."""
    rows = data.frame(recap["rows"])
    if rows.empty:
        return rows
    if chosen.unit is not None:
        rows = rows[rows["unit_id"] == chosen.unit]
    if chosen.employment_type:
        wanted = data.employee_ids_of_type(chosen.opd, chosen.employment_type)
        rows = rows[rows["employee_id"].isin(wanted)]
    return rows


def _metrics(rows: pd.DataFrame) -> None:
    decided = int(rows["workdays"].sum() - rows["pending_days"].sum())
    present = int(rows["present_days"].sum())
    values = [(texts.METRIC_EMPLOYEES, rows["employee_id"].nunique()),
              (texts.METRIC_ATTENDANCE, fmt.percent(100 * present / decided if decided else None)),
              (texts.METRIC_TK, int(rows["tk_days"].sum())),
              (texts.METRIC_LATE, int(rows["late_minutes"].sum())),
              (texts.METRIC_PP94, int(rows["pp94_level"].notna().sum()))]
    for column, (label, value) in zip(st.columns(len(values)), values, strict=True):
        column.metric(label, value)


HEAD = ["no", "name", "nip", "jabatan", "unit_name", "opd_name", "workdays", "present_days",
        "attendance_percent", "late_minutes", "early_minutes", "tk_days", "leave_days",
        "izin_days", "wfh_days", "tm_days", "tp_days"]
TAIL = ["tpp_percent", "pp94_days", "pp94_level", "pp94_penalty", "mutation_date"]


def _table(rows: pd.DataFrame, policy: dict) -> None:
    tiers = [c for c in policy["late_codes"] + policy["early_codes"] if c in rows]
    shown = [c for c in HEAD + tiers + TAIL
             if c in rows and not (c == "opd_name" and chosen.opd is not None)]
    labels = {c: texts.RECAP_COLUMNS.get(c, c) for c in shown}
    st.dataframe(rows[shown].rename(columns=labels), hide_index=True, key="recap_table",
                 column_config={labels["attendance_percent"]: st.column_config.NumberColumn(
                     format="%.1f"), labels["tpp_percent"]: st.column_config.NumberColumn(
                     format="%.2f")})


def _calendar(rows: pd.DataFrame) -> None:
    st.subheader(texts.CALENDAR)
    people = rows.drop_duplicates("employee_id").sort_values("name")
    names = dict(zip(people["employee_id"], people["name"] + " — " + people["nip"],
                     strict=True))
    employee = st.selectbox(texts.PICK_EMPLOYEE, list(names), key="calendar_employee",
                            format_func=lambda i: names[i])
    days = data.get("/api/v1/attendance/days", employee=employee,
                    **{"from": first.isoformat(), "to": last.isoformat()})
    if not days["items"]:
        st.info(texts.NO_DATA)
        return
    st.plotly_chart(charts.month_calendar(data.frame(days["items"]), first,
                                          state.month_label(chosen.month)), key="month_cal")


def _exports() -> None:
    st.subheader(texts.EXPORTS)
    month = chosen.month
    if chosen.opd is not None:
        code = next(o["code"] for o in opds if o["id"] == chosen.opd)
        left, right = st.columns(2)
        with left:
            for kind in ("xlsx", "pdf"):
                exports.one_click(texts.EXPORT_MONTHLY[kind], "/api/v1/recaps/monthly",
                                  f"rekap-bulanan-{month}-{code}.{kind}", f"export_monthly_{kind}",
                                  month=month, opd=chosen.opd)
        with right:
            day = st.date_input(texts.DAILY_DATE, value=min(today, last), min_value=first,
                                max_value=last, key="daily_date", format="DD/MM/YYYY")
            for kind in ("xlsx", "pdf"):
                exports.one_click(texts.EXPORT_DAILY[kind].format(date=fmt.day(day)),
                                  "/api/v1/recaps/daily",
                                  f"presensi-harian-{day}-{code}.{kind}", f"export_daily_{kind}",
                                  date=day.isoformat(), opd=chosen.opd)
        return
    day = st.date_input(texts.DAILY_DATE, value=min(today, last), min_value=first,
                        max_value=last, key="daily_date", format="DD/MM/YYYY")
    left, right = st.columns(2)
    with left:
        exports.bundle(texts.EXPORT_PEMDA, "bundle_monthly", in_scope,
                       lambda o: data.export("/api/v1/recaps/monthly", month=month, opd=o["id"]),
                       lambda o: f"rekap-bulanan-{month}-{o['code']}.xlsx",
                       f"rekap-bulanan-{month}-pemda.zip")
        for kind in ("xlsx", "pdf"):
            exports.one_click(texts.EXPORT_PEMDA_ONE[kind], "/api/v1/recaps/monthly",
                              f"rekap-bulanan-{month}-pemda.{kind}", f"export_pemda_{kind}",
                              month=month)
    with right:
        exports.bundle(texts.EXPORT_PEMDA_DAILY, "bundle_daily", in_scope,
                       lambda o: data.export("/api/v1/recaps/daily", date=day.isoformat(),
                                             opd=o["id"]),
                       lambda o: f"presensi-harian-{day}-{o['code']}.xlsx",
                       f"presensi-harian-{day}-pemda.zip")


def _close(opd: dict) -> None:
    try:
        data.client().post("/api/v1/closings", {"opd": opd["id"], "month": chosen.month})
    except ApiError as error:
        st.session_state["closing_flash"] = ("error", error.message)
        return
    data.forget()
    st.session_state["closing_flash"] = ("success", texts.CLOSED_OK.format(
        month=state.month_label(chosen.month), opd=opd["name"]))


def _close_all(open_opds: list[dict]) -> None:
    """Close the month for every OPD that is ready; the others are listed with the API's
    reason (pending items, the month not over yet…)."""
    progress = st.progress(0.0)
    refused = []
    for done, opd in enumerate(open_opds, start=1):
        progress.progress((done - 1) / len(open_opds), texts.EXPORT_PROGRESS.format(
            name=opd["name"], done=done, total=len(open_opds)))
        try:
            data.client().post("/api/v1/closings", {"opd": opd["id"], "month": chosen.month})
        except ApiError as error:
            refused.append({texts.OPD: opd["name"], texts.CLOSING_WHY: error.message})
    data.forget()
    st.session_state["closing_all"] = (chosen.month, len(open_opds) - len(refused), refused)


def _reopen(row: dict, opd: dict) -> None:
    reason = st.session_state.get("reopen_reason", "").strip()
    try:
        data.client().post(f"/api/v1/closings/{row['id']}/reopen", {"reason": reason})
    except ApiError as error:
        st.session_state["closing_flash"] = ("error", auth.with_details(error))
        return
    data.forget()
    st.session_state["closing_flash"] = ("success", texts.REOPENED_OK.format(
        month=state.month_label(chosen.month), opd=opd["name"]))


def _closing() -> None:
    st.subheader(texts.CLOSING)
    flash = st.session_state.pop("closing_flash", None)
    if flash:
        getattr(st, flash[0])(flash[1])
    found = data.get("/api/v1/closings", year=chosen.year, opd=chosen.opd)
    mine = {row["opd_id"]: row for row in found if row["month"] == chosen.month}
    tz = data.me()["pemda"]["tz"]
    table = []
    for opd in in_scope:
        row = mine.get(opd["id"])
        if row is None:
            status = texts.CLOSING_OPEN
        elif row["status"] == "closed":
            status = texts.CLOSING_CLOSED.format(when=fmt.moment(row["closed_at"], tz))
        else:
            status = texts.CLOSING_REOPENED.format(when=fmt.moment(row["reopened_at"], tz),
                                                   reason=row["reopen_reason"])
        table.append({texts.OPD: opd["name"], texts.CLOSING: status})
    st.dataframe(pd.DataFrame(table), hide_index=True, key="closing_table")
    if "admin" not in data.roles():
        return
    if chosen.opd is None:
        _close_all_button([o for o in in_scope
                           if mine.get(o["id"], {}).get("status") != "closed"])
        return
    opd = next(o for o in opds if o["id"] == chosen.opd)
    row = mine.get(chosen.opd, {})
    if row.get("status") != "closed":
        st.button(texts.CLOSE_MONTH.format(month=state.month_label(chosen.month),
                                           opd=opd["name"]), key="close_month",
                  on_click=_close, args=(opd,), icon=":material/lock:")
        return
    st.text_input(texts.REOPEN_REASON, key="reopen_reason")
    st.button(texts.REOPEN.format(month=state.month_label(chosen.month), opd=opd["name"]),
              key="reopen_month", on_click=_reopen, args=(row, opd), icon=":material/lock_open:")


def _close_all_button(open_opds: list[dict]) -> None:
    done = st.session_state.get("closing_all")
    if done and done[0] == chosen.month:
        _month, closed, refused = done
        st.success(texts.CLOSED_ALL.format(count=closed))
        if refused:
            st.markdown(f"**{texts.NOT_READY.format(count=len(refused))}**")
            st.dataframe(pd.DataFrame(refused), hide_index=True, key="not_ready")
    if open_opds and st.button(texts.CLOSE_ALL.format(month=state.month_label(chosen.month),
                                                      count=len(open_opds)),
                               key="close_all", icon=":material/lock:"):
        _close_all(open_opds)
        st.rerun()


st.title(texts.MONITORING_TITLE.format(month=state.month_label(chosen.month)))
recap = data.get("/api/v1/recaps/monthly", month=chosen.month, opd=chosen.opd)
recap_rows = _rows(recap)
if recap_rows.empty:
    st.info(texts.NO_DATA)
else:
    _metrics(recap_rows)
    st.subheader(texts.RECAP)
    _table(recap_rows, recap["policy"])
    _calendar(recap_rows)
_exports()
_closing()
