"""What every write form shares: send one API call; on a refusal keep the API's Bahasa message
and each field's reasons, rerun, and show them next to the fields (the typed values stay, the
widgets keep their keys); on success drop the cached reads, and show the outcome and the
progress of the background jobs the change started."""
from __future__ import annotations

import time
from collections.abc import Callable

import streamlit as st

from dashboard import data, texts
from dashboard.client import ApiError

REFUSALS = "form_refusals"  # {form: (message, {field: reasons}, raw details)}
FLASH = "form_flash"  # (message, job ids) of the last change, shown after the rerun
JOB_WAIT_S = 8.0  # how long a page follows a job before offering a refresh


def field_reasons(details) -> dict[str, str]:
    """The API's validation details ({"field": ["…"]}, nested for lists and objects) as one
    sentence per field, "locations.0.location_id" for nested ones (pure)."""
    found: dict[str, str] = {}

    def walk(prefix: str, value) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), item)
        elif isinstance(value, list) and value and all(isinstance(i, str) for i in value):
            found[prefix] = " ".join(value)  # only lists of sentences: {"employee": {...}} or
            # {"locked_until": "…"} are facts about the refusal, not a field's reasons

    if isinstance(details, dict):
        walk("", details)
    return found


def send(form: str, call: Callable[[], tuple], success: str | Callable[[object], str]):
    """Run `call` (a Client.write); on success flash `success` (or success(answer)) with the
    jobs it queued and return the answer; on a refusal keep it for `form` and rerun."""
    refusals = st.session_state.setdefault(REFUSALS, {})
    try:
        answer, jobs = call()
    except ApiError as error:
        refusals[form] = (error.message, field_reasons(error.details), error.details)
        st.rerun()
    refusals.pop(form, None)
    data.forget()
    st.session_state[FLASH] = (success(answer) if callable(success) else success, jobs)
    return answer


def forget(form: str) -> None:
    """Drop the form's last refusal (its input changed)."""
    st.session_state.get(REFUSALS, {}).pop(form, None)


def refusal(form: str) -> None:
    """The API's message for the form's last refusal (at the top of the form)."""
    shown = st.session_state.get(REFUSALS, {}).get(form)
    if shown:
        st.error(shown[0], icon=":material/error:")


def _reasons(form: str) -> dict[str, str]:
    return st.session_state.get(REFUSALS, {}).get(form, (None, {}, None))[1]


def details(form: str):
    """The raw details of the form's last refusal (e.g. each photo's reasons), or None."""
    return st.session_state.get(REFUSALS, {}).get(form, (None, {}, None))[2]


def _under(field: str, reasons: dict[str, str]) -> list[str]:
    """The reasons for a field and its nested parts ("windows.0.end" under "windows")."""
    return [text if key == field else f"{key[len(field) + 1:]}: {text}"
            for key, text in reasons.items()
            if key == field or key.startswith(f"{field}.")]


def reason(form: str, *fields: str) -> None:
    """The API's reasons for these fields (and their nested parts), under the field."""
    reasons = _reasons(form)
    for field in fields:
        for text in _under(field, reasons):
            st.markdown(f":red[{text}]")


def other_reasons(form: str, known: set[str], labels: dict[str, str] | None = None) -> None:
    """Reasons for fields the form shows no note under (the API's own names); `labels` names
    a field the form has no widget of its own for."""
    for field, text in _reasons(form).items():
        head = field.partition(".")[0]
        if head in known:
            continue
        name = labels.get(head, field) if labels else field
        st.markdown(f":red[{texts.FIELD_REASON.format(field=name, reason=text)}]")


def flash() -> None:
    """The outcome of the last change, and how far the jobs it started have got."""
    shown = st.session_state.pop(FLASH, None)
    if not shown:
        return
    message, jobs = shown
    st.success(message, icon=":material/check_circle:")
    for job_id in jobs:
        follow_job(job_id)


def follow_job(job_id: str) -> None:
    """A progress bar for one background job, followed for a few seconds."""
    bar = st.empty()
    deadline = time.monotonic() + JOB_WAIT_S
    while True:
        job = data.fresh(f"/api/v1/jobs/{job_id}")
        reason_text = texts.JOB_REASONS.get(job["params"].get("reason"), job["kind"])
        total = max(job["total"], 1)
        label = texts.JOB_FOLLOW.format(
            what=reason_text, status=texts.JOB_STATUSES.get(job["status"], job["status"]),
            done=job["done"], total=job["total"])
        bar.progress(min(job["done"] / total, 1.0) if job["status"] != "done" else 1.0,
                     text=label)
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    if job["status"] == "failed":
        st.error(texts.JOB_FAILED.format(error=job["error"] or "–"))
    elif job["status"] != "done":
        st.caption(texts.JOB_STILL_RUNNING)
