"""Files chosen in an uploader, kept in the session: a form the API refuses keeps them (the
operator fixes one field, not the whole upload), and they are what the form sends."""
from __future__ import annotations

import streamlit as st


def _picker(key: str) -> str:
    return f"{key}_picker_{st.session_state.get(f'{key}_round', 0)}"


def staged(key: str, label: str, types: list[str], multiple: bool = False,
           help: str | None = None, on_new=None) -> list[tuple[str, bytes]]:
    """The (name, content) of the files chosen so far under `key`; `on_new` runs when the
    choice changes (e.g. to drop a verdict about the files chosen before)."""
    picker = _picker(key)

    def keep() -> None:
        chosen = st.session_state.get(picker)
        files = chosen if multiple else ([chosen] if chosen else [])
        st.session_state[key] = [(f.name, f.getvalue()) for f in files or []]
        if on_new is not None:
            on_new()

    st.file_uploader(label, type=types, accept_multiple_files=multiple, key=picker,
                     on_change=keep, help=help)
    return st.session_state.get(key, [])


def clear(key: str) -> None:
    """Forget the files after a successful send (the uploader starts empty again)."""
    st.session_state.pop(key, None)
    st.session_state[f"{key}_round"] = st.session_state.get(f"{key}_round", 0) + 1
