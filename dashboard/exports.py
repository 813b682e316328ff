"""Downloads: one click for one OPD (xlsx, or the Perbup's form as PDF to print), and
whole-pemda bundles built with visible progress."""
from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import streamlit as st

from dashboard import data, texts
from dashboard.client import EXPORT_TIMEOUT

MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf": "application/pdf"}


def zip_files(files: dict[str, bytes]) -> bytes:
    """A ZIP archive of named files (pure)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def one_click(label: str, path: str, file_name: str, key: str, **params) -> None:
    """A download button whose file is fetched from the API when it is clicked (the
    callable runs outside the script run, so it holds the client itself); the file name's
    extension is the format asked for (xlsx or pdf)."""
    client = data.client()
    kind = file_name.rsplit(".", 1)[-1]

    def fetch() -> bytes:
        return client.get_bytes(path, {**params, "format": kind}, timeout=EXPORT_TIMEOUT)

    st.download_button(label, data=fetch, file_name=file_name, mime=MIME[kind], key=key,
                       on_click="ignore",
                       icon=":material/print:" if kind == "pdf" else ":material/download:")


def bundle(label: str, key: str, opds: list[dict], fetch: Callable[[dict], bytes],
           file_name: Callable[[dict], str], zip_name: str) -> None:
    """Build one workbook per OPD with a progress bar, then offer them as one ZIP."""
    if st.button(label, key=f"{key}_build", icon=":material/inventory_2:"):
        progress = st.progress(0.0)
        files = {}
        for done, opd in enumerate(opds, start=1):
            progress.progress((done - 1) / len(opds), texts.EXPORT_PROGRESS.format(
                name=opd["name"], done=done, total=len(opds)))
            files[file_name(opd)] = fetch(opd)
        progress.progress(1.0, texts.EXPORT_READY.format(count=len(files)))
        st.session_state[key] = (zip_name, zip_files(files), len(files))
    ready = st.session_state.get(key)
    if ready and ready[0] == zip_name:
        st.download_button(texts.EXPORT_ZIP.format(count=ready[2]), data=ready[1],
                           file_name=ready[0], mime="application/zip", key=f"{key}_zip",
                           on_click="ignore", icon=":material/download:")
