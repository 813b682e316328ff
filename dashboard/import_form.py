"""The SIMPEG/BKD import of Kelola pegawai (xlsx or CSV): the upload is previewed first, row by
row, with the API's reasons in Bahasa; nothing is written until every row is valid and the
operator confirms."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data, texts
from dashboard.client import ApiError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PREVIEW = "import_preview"


def _send(opd: int, content: bytes, name: str, dry_run: bool) -> dict:
    response = data.client().request(
        "POST", "/api/v1/employees/import", timeout=(3.05, 120),
        data={"opd": str(opd), "dry_run": "true" if dry_run else "false"},
        files={"file": (name, content)})
    return response.json()


def _rows(answer: dict) -> pd.DataFrame:
    return pd.DataFrame([{
        texts.IMPORT_COLUMNS["row"]: r["row"], "NIP": r["nip"],
        texts.IMPORT_COLUMNS["name"]: r["name"],
        texts.IMPORT_COLUMNS["action"]: texts.IMPORT_COUNTS[r["action"]],
        texts.IMPORT_COLUMNS["changes"]: ", ".join(texts.IMPORT_FIELDS.get(c, c)
                                                   for c in r["changes"]),
        texts.IMPORT_COLUMNS["errors"]: " ".join(r["errors"])} for r in answer["rows"]])


def import_tab(opd: int) -> None:
    st.subheader(texts.IMPORT_TITLE)
    st.caption(texts.IMPORT_HELP)
    client = data.client()
    st.download_button(texts.IMPORT_TEMPLATE, key="import_template", mime=XLSX,
                       data=lambda: client.get_bytes("/api/v1/employees/import-template"),
                       file_name="templat-impor-pegawai.xlsx", on_click="ignore",
                       icon=":material/download:")
    upload = st.file_uploader(texts.IMPORT_FILE, type=["xlsx", "csv"], key="import_file")
    if upload is not None and st.button(texts.IMPORT_PREVIEW, key="import_check",
                                        icon=":material/fact_check:"):
        try:
            with st.spinner(texts.IMPORT_CHECKING):
                answer = _send(opd, upload.getvalue(), upload.name, True)
            st.session_state[PREVIEW] = (opd, upload.name, upload.getvalue(), answer)
        except ApiError as error:
            st.session_state.pop(PREVIEW, None)
            st.error(error.message)
    shown = st.session_state.get(PREVIEW)
    if not shown or shown[0] != opd:
        return
    _opd, name, content, answer = shown
    counts = answer["counts"]
    for column, key in zip(st.columns(4), ("create", "update", "unchanged", "error"),
                           strict=True):
        column.metric(texts.IMPORT_COUNTS[key], counts[key])
    st.dataframe(_rows(answer), hide_index=True, key="import_rows")
    if answer.get("written"):
        st.success(texts.IMPORT_DONE.format(**counts))
    elif counts["error"]:
        st.error(texts.IMPORT_FIX.format(count=counts["error"]))
    elif counts["create"] + counts["update"] == 0:
        st.info(texts.IMPORT_NOTHING)
    elif st.button(texts.IMPORT_WRITE.format(count=counts["create"] + counts["update"]),
                   key="import_write", type="primary"):
        try:
            with st.spinner(texts.IMPORT_WRITING):
                written = _send(opd, content, name, False)
        except ApiError as error:
            st.error(error.message)
        else:
            data.forget()
            st.session_state[PREVIEW] = (opd, name, content, written)
            st.rerun()
