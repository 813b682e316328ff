"""The Lampiran I upload on Ubah presensi: the OPD's sheet for a day, filled in on paper or in
Excel, with the scan of the signed sheet as evidence. The API first answers a dry run — what
each row would change, and why a row would not count — and only a confirmed import is kept."""
from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from dashboard import data, forms, texts, uploads

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORM = "manual_sheet"
PREVIEW = "sheet_preview"  # (opd, day, sheet file, evidence file, the API's dry-run answer)


def preview_rows(answer: dict) -> pd.DataFrame:
    """One line per imported row: who, what, whether it changes the day, and why (pure)."""
    return pd.DataFrame([{
        texts.SHEET_COLUMNS["row"]: r["row"], "NIP": r["employee"]["nip"],
        texts.SHEET_COLUMNS["name"]: r["employee"]["name"],
        texts.SHEET_COLUMNS["entry"]: r["code"] or " – ".join(
            (r["check_in_at"] or "–", r["check_out_at"] or "–")),
        texts.SHEET_COLUMNS["changed"]: texts.YES if r["changed"] else texts.NO,
        texts.SHEET_COLUMNS["notes"]: " ".join(r["notes"])} for r in answer["rows"]])


def refused_rows(details) -> pd.DataFrame | None:
    """The rows the API refused, with their reasons (pure)."""
    rows = details.get("rows") if isinstance(details, dict) else None
    if not rows:
        return None
    return pd.DataFrame([{texts.SHEET_COLUMNS["row"]: r["row"],
                          texts.SHEET_COLUMNS["notes"]: " ".join(r["errors"])} for r in rows])


def _send(opd: int, day: date, sheet, evidence, dry_run: bool) -> tuple:
    return data.client().write(
        "POST", "/api/v1/manual-sheets", timeout=(3.05, 120),
        data={"opd": str(opd), "date": day.isoformat(), "dry_run": str(dry_run).lower()},
        files={"sheet": sheet, "evidence": evidence})


def sheet_tab(opd: int, today: date) -> None:
    st.caption(texts.SHEET_HELP)
    day = st.date_input(texts.CHANGE_DATE, value=today, max_value=today, key="sheet_date",
                        format="DD/MM/YYYY")
    client = data.client()
    st.download_button(texts.SHEET_TEMPLATE, key="sheet_template", mime=XLSX,
                       data=lambda: client.get_bytes("/api/v1/manual-sheets/template",
                                                     {"opd": opd, "date": day.isoformat()}),
                       file_name=f"lampiran-i-{day.isoformat()}.xlsx", on_click="ignore",
                       icon=":material/download:")
    sheet = uploads.staged("sheet_file", texts.SHEET_FILE, ["xlsx"],
                           on_new=lambda: st.session_state.pop(PREVIEW, None))
    evidence = uploads.staged("sheet_scan", texts.SHEET_SCAN, ["pdf", "jpg", "jpeg", "png"],
                              on_new=lambda: st.session_state.pop(PREVIEW, None))
    forms.refusal(FORM)
    refused = refused_rows(forms.details(FORM))
    if refused is not None:
        st.dataframe(refused, hide_index=True, key="sheet_refused")
    if st.button(texts.SHEET_PREVIEW, key="sheet_check", icon=":material/fact_check:",
                 disabled=not (sheet and evidence)):
        with st.spinner(texts.IMPORT_CHECKING):
            answer = forms.send(FORM, lambda: _send(opd, day, sheet[0], evidence[0], True),
                                texts.SHEET_PREVIEWED)
        st.session_state[PREVIEW] = (opd, day, sheet[0], evidence[0], answer)
        st.rerun()
    shown = st.session_state.get(PREVIEW)
    if not shown or shown[:2] != (opd, day):
        return
    _opd, _day, sheet_file, scan, answer = shown
    changing = sum(1 for r in answer["rows"] if r["changed"])
    st.markdown(texts.SHEET_SUMMARY.format(rows=answer["entry_count"], changing=changing,
                                           counted=answer["counted_count"]))
    st.dataframe(preview_rows(answer), hide_index=True, key="sheet_rows")
    if not answer["preview"]:
        return
    if st.button(texts.SHEET_IMPORT.format(count=answer["entry_count"]), key="sheet_import",
                 type="primary"):
        with st.spinner(texts.IMPORT_WRITING):
            done = forms.send(FORM, lambda: _send(opd, day, sheet_file, scan, False),
                              lambda a: texts.SHEET_DONE.format(rows=a["entry_count"]))
        st.session_state[PREVIEW] = (opd, day, sheet_file, scan, done)
        uploads.clear("sheet_file")
        uploads.clear("sheet_scan")
        st.rerun()
