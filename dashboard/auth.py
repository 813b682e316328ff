"""The login gate: NIP + password against the API, and the forced change of a default password."""
from __future__ import annotations

import time
from datetime import date

import streamlit as st

from dashboard import data, state, texts
from dashboard.client import ApiError, Client


def signed_in() -> bool:
    client = st.session_state.get("client")
    return client is not None and client.logged_in and "me" in st.session_state


def sign_out(message: str | None = None) -> None:
    """Forget the session (tokens, profile, cached reads of this browser tab)."""
    client = st.session_state.pop("client", None)
    if client is not None and message is None:
        client.logout()
    for key in ("me", "me_at", "filters_ready"):
        st.session_state.pop(key, None)
    if message:
        st.session_state["login_notice"] = message


PROFILE_MAX_AGE_S = 60


def _load_profile(client: Client) -> None:
    st.session_state["client"] = client
    st.session_state["me"] = client.get("/api/v1/me")
    st.session_state["me_at"] = time.monotonic()


def refresh_profile() -> None:
    """Re-read the profile once it is a minute old: roles and "today" stay current."""
    if time.monotonic() - st.session_state.get("me_at", 0.0) > PROFILE_MAX_AGE_S:
        _load_profile(st.session_state["client"])


def login_form() -> None:
    """The login page; on success the profile is loaded and the app reruns."""
    st.title(texts.LOGIN_TITLE)
    st.caption(texts.LOGIN_INTRO)
    notice = st.session_state.pop("login_notice", None)
    if notice:
        st.warning(notice)
    with st.form("login"):
        nip = st.text_input(texts.NIP, key="login_nip")
        password = st.text_input(texts.PASSWORD, type="password", key="login_password")
        submitted = st.form_submit_button(texts.LOGIN_BUTTON, type="primary")
    if not submitted:
        return
    if not nip.strip() or not password:
        st.error(texts.LOGIN_MISSING)
        return
    address = st.context.ip_address  # None (or a stand-in object under AppTest) when unknown
    client = Client(client_ip=address if isinstance(address, str) else None)
    try:
        client.login(nip.strip(), password)
        _load_profile(client)
    except ApiError as error:
        st.error(error.message)
        return
    st.session_state["prefetch_due"] = True
    st.rerun()


def prefetch_analytics() -> None:
    """BKD users mostly open Analitik: once the first page after login has been sent (the
    API is free again while the browser draws it), start its reads for this month."""
    if not st.session_state.pop("prefetch_due", False):
        return
    profile = st.session_state["me"]
    if profile["must_change_password"] or not set(profile["roles"]) & state.WHOLE_PEMDA_ROLES:
        return
    today = date.fromisoformat(profile["today"]["work_date"])
    data.prefetch(st.session_state["client"], data.user_key(),
                  state.analytics_requests(state.month_key(today), None, "opd_date", "week",
                                           today))


def password_form() -> None:
    """A default password must be changed before anything else (SPEC §2)."""
    st.title(texts.CHANGE_TITLE)
    st.info(texts.CHANGE_INTRO)
    with st.form("change_password"):
        old = st.text_input(texts.OLD_PASSWORD, type="password", key="pw_old")
        new = st.text_input(texts.NEW_PASSWORD, type="password", key="pw_new")
        again = st.text_input(texts.CONFIRM_PASSWORD, type="password", key="pw_again")
        submitted = st.form_submit_button(texts.CHANGE_BUTTON, type="primary")
    if not submitted:
        return
    if new != again:
        st.error(texts.PASSWORD_MISMATCH)
        return
    client: Client = st.session_state["client"]
    try:
        client.change_password(old, new)
        _load_profile(client)
    except ApiError as error:
        st.error(with_details(error))
        return
    st.session_state["flash"] = texts.PASSWORD_CHANGED
    st.rerun()


def with_details(error: ApiError) -> str:
    """The API's message plus its field details (e.g. why a password is too weak)."""
    details = error.details
    if isinstance(details, dict):
        parts = [" ".join(v) if isinstance(v, list) else str(v) for v in details.values()]
        return " ".join([error.message, *parts])
    if isinstance(details, list):
        return " ".join([error.message, *map(str, details)])
    return error.message


def user_box() -> None:
    """Who is signed in, their roles, and the logout button (sidebar)."""
    profile = st.session_state["me"]
    st.sidebar.markdown(texts.SIGNED_IN_AS.format(name=profile["name"], nip=profile["nip"],
                                                  opd=profile["opd"]["name"]))
    roles = [texts.ROLE_NAMES.get(r, r) for r in profile["roles"] if r != "pegawai"]
    st.sidebar.caption(" · ".join(roles or [texts.ROLE_NAMES["pegawai"]]))
    if st.sidebar.button(texts.LOGOUT, key="logout", icon=":material/logout:"):
        sign_out()
        st.rerun()
