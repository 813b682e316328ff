"""Hadir dashboard router: login gate, role-based navigation, shared sidebar filters.

Run with `streamlit run dashboard/app.py`; it talks to the API at HADIR_API_URL only."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

# charts and maps import plotly (half a second): it loads with the login page, not after it
from dashboard import (  # noqa: E402
    auth,
    charts,  # noqa: F401
    data,
    filters,
    maps,  # noqa: F401
    state,
    texts,
)
from dashboard.client import ApiError, ApiUnavailable, SessionExpired  # noqa: E402

st.set_page_config(page_title=texts.APP_TITLE, page_icon=":material/how_to_reg:",
                   layout="wide")


def _pages(roles: set[str] | None) -> list:
    """st.Page objects for these roles (None: every page, for the login screen, so that a
    shared link keeps its page and parameters until the user has logged in)."""
    specs = state.PAGES if roles is None else state.visible_pages(roles)
    pages = []
    for spec in specs:
        title = spec.title
        if spec.slug == "pegawai" and roles is not None and not state.supervises(roles):
            title = texts.PAGE_RIWAYAT
        pages.append(st.Page(spec.file, title=title, icon=spec.icon, url_path=spec.slug))
    return pages


def main() -> None:
    if not auth.signed_in():
        st.navigation(_pages(None), position="hidden")
        auth.login_form()
        return
    profile = data.me()
    if profile["must_change_password"]:
        st.navigation(_pages(None), position="hidden")
        auth.password_form()
        return
    navigation = st.navigation(_pages(set(profile["roles"])))
    flash = st.session_state.pop("flash", None)
    if flash:
        st.toast(flash)
    try:
        auth.refresh_profile()
        st.session_state["filters"] = filters.sidebar()
        auth.user_box()
        navigation.run()
        auth.prefetch_analytics()
    except SessionExpired as expired:
        auth.sign_out(expired.message)
        st.rerun()
    except ApiUnavailable as down:
        st.error(down.message, icon=":material/cloud_off:")
    except ApiError as refused:
        st.error(refused.message)


main()
