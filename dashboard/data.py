"""Cached reads of the API for the pages, keyed by the signed-in user and the inputs.

The client (with its tokens) is passed as `_client`, which `st.cache_data` leaves out of the
key: a renewed token keeps the cache, and the user key (id + roles) keeps users apart."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from dashboard.client import EXPORT_TIMEOUT, Client

LIVE_TTL = 60  # today's board and lists that change during the day
TTL = 300  # month recaps, analytics, settings
MAX_PAGE = 1000  # the API's largest page
PREFETCH_THREADS = 2  # background reads leave the API room for the page being opened


def client() -> Client:
    return st.session_state["client"]


def me() -> dict:
    return st.session_state["me"]


def user_key() -> str:
    profile = me()
    return f"{profile['id']}:{','.join(sorted(profile['roles']))}"


def roles() -> set[str]:
    return set(me()["roles"])


def today() -> str:
    """Today's date as the API sees it (honours the server's clock)."""
    return me()["today"]["work_date"]


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=1000)
def _get(_client: Client, user: str, path: str, params: tuple) -> dict | list:
    return _client.get(path, dict(params))


@st.cache_data(ttl=LIVE_TTL, show_spinner=False, max_entries=500)
def _get_live(_client: Client, user: str, path: str, params: tuple) -> dict | list:
    return _client.get(path, dict(params))


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=300)
def _bytes(_client: Client, user: str, path: str) -> bytes:
    return _client.get_bytes(path)


def get(path: str, live: bool = False, **params) -> dict | list:
    """A cached GET (`live`: short time-to-live, for data that changes during the day)."""
    read = _get_live if live else _get
    return read(client(), user_key(), path, _key(params))


def image(path: str) -> bytes:
    """A selfie or document, cached per user."""
    return _bytes(client(), user_key(), path)


def fresh(path: str, **params) -> dict | list:
    """An uncached GET (the approvals queue must show the latest state)."""
    return client().get(path, params)


def forget() -> None:
    """Drop cached reads after a write, so every page shows its effect at once."""
    _get.clear()
    _get_live.clear()


def forget_live() -> None:
    """Drop the short-lived reads (today's board), for a user who wants the latest now."""
    _get_live.clear()


def _key(params: dict) -> tuple:
    return tuple(sorted(params.items()))


def get_many(calls: dict[str, tuple[str, dict]]) -> dict[str, dict | list]:
    """Named cached GETs; the ones not cached yet are fetched in parallel (threads), so a
    page's slowest read sets its wait, and a changed input refetches only its own read."""
    api, user, context = client(), user_key(), get_script_run_ctx()

    def one(path: str, params: dict) -> dict | list:
        add_script_run_ctx(threading.current_thread(), context)
        return _get(api, user, path, _key(params))

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = {name: pool.submit(one, path, params)
                   for name, (path, params) in calls.items()}
        return {name: future.result() for name, future in futures.items()}


def prefetch(api: Client, user: str, calls: dict[str, tuple[str, dict]]) -> None:
    """Warm the cache in the background (a BKD user's analytics, right after login); a page
    that asks meanwhile waits for the same computation instead of repeating it."""

    def warm() -> None:
        with ThreadPoolExecutor(max_workers=PREFETCH_THREADS) as pool:
            for path, params in calls.values():
                pool.submit(_get, api, user, path, _key(params))

    threading.Thread(target=warm, name="hadir-prefetch", daemon=True).start()


def export(path: str, **params) -> bytes:
    """An xlsx from the API (not cached: each click gets the current numbers)."""
    return client().get_bytes(path, {**params, "format": "xlsx"}, timeout=EXPORT_TIMEOUT)


def opds() -> list[dict]:
    return get("/api/v1/opds")


def units() -> list[dict]:
    return get("/api/v1/units")


def employee_ids_of_type(opd: int | None, employment_type: str) -> set[int]:
    """Ids of the employees of one employment type in scope (for the shared filter)."""
    ids: set[int] = set()
    offset = 0
    while True:
        page = get("/api/v1/employees", opd=opd, employment_type=employment_type,
                   limit=MAX_PAGE, offset=offset)
        ids.update(item["id"] for item in page["items"])
        offset += MAX_PAGE
        if offset >= page["total"]:
            return ids


def frame(rows: list[dict], columns: list[str] | None = None) -> pd.DataFrame:
    """Rows of an API answer as a DataFrame (with the given columns when it is empty)."""
    if not rows:
        return pd.DataFrame(columns=columns or [])
    return pd.DataFrame.from_records(rows)
