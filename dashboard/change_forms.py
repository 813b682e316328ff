"""Changes to attendance on evidence (Perbup Pasal 6, 13): a manual entry, a correction, an
absence filed by the operator, and the cancellation of a day by the direct supervisor with
two witnesses. Each sends its document with it; the API decides and explains."""
from __future__ import annotations

from datetime import date

import streamlit as st

from dashboard import data, fmt, forms, texts, uploads

DOCUMENT_TYPES = ["pdf", "jpg", "jpeg", "png"]


def person(employee: dict) -> str:
    return f"{employee['name']} ({employee['nip']})"


def _employee(people: list[dict], key: str) -> int | None:
    names = {p["id"]: person(p) for p in people}
    return st.selectbox(texts.PICK_EMPLOYEE, list(names), key=key, format_func=names.get,
                        index=None, placeholder=texts.CHANGE_PICK_HINT)


def _clock(value) -> str | None:
    return None if value is None else value.strftime("%H:%M")


def _post(form: str, path: str, fields: dict, upload: tuple[str, str, list], success) -> None:
    """A multipart write: the fields as form values (empty ones left out) and the staged file
    (`upload`: its form field, its staging key, the files staged); then the next run."""
    field, key, staged = upload
    values = {k: str(v) for k, v in fields.items() if v not in (None, "")}
    files = {field: staged[0]} if staged else {}
    forms.send(form, lambda: data.client().write("POST", path, data=values, files=files),
               success)
    uploads.clear(key)
    st.rerun()


def outcome_notes(answer: dict) -> str:
    """What the API did with an entry: counted or not, and why (pure)."""
    outcome = answer.get("outcome") or {}
    head = texts.CHANGE_COUNTED if outcome.get("counted") else texts.CHANGE_NOT_COUNTED
    return " ".join([head, *outcome.get("notes", [])])


def _evidence(form: str, key: str, label: str) -> list[tuple[str, bytes]]:
    files = uploads.staged(key, label, DOCUMENT_TYPES, on_new=lambda: forms.forget(form))
    forms.reason(form, "evidence", "document")
    return files


def _day_change(form: str, prefix: str, people: list[dict], codes: list[str],
                today: date) -> dict:
    """Who, which day, and the times or the code: the fields a manual entry and a correction
    share, each with the API's reasons under it."""
    employee = _employee(people, f"{prefix}_employee")
    forms.reason(form, "employee_id")
    day = st.date_input(texts.CHANGE_DATE, value=today, max_value=today, key=f"{prefix}_date",
                        format="DD/MM/YYYY")
    forms.reason(form, "work_date")
    left, middle, right = st.columns(3)
    check_in = left.time_input(texts.CHANGE_IN, value=None, key=f"{prefix}_in", step=60)
    check_out = middle.time_input(texts.CHANGE_OUT, value=None, key=f"{prefix}_out", step=60)
    code = right.selectbox(texts.CODE, codes, index=None, key=f"{prefix}_code",
                           placeholder=texts.CHANGE_CODE_HINT)
    forms.reason(form, "check_in", "check_out", "code")
    return {"employee_id": employee, "work_date": day.isoformat(), "check_in": _clock(check_in),
            "check_out": _clock(check_out), "code": code}


DAY_FIELDS = {"employee_id", "work_date", "check_in", "check_out", "code"}


def manual_entry(people: list[dict], codes: list[str], today: date) -> None:
    """One manual entry: times or a code for a day, with the evidence (e.g. a signed list)."""
    form, key = "manual_entry", "manual_evidence"
    forms.refusal(form)
    fields = _day_change(form, "manual", people, codes, today)
    remarks = st.text_input(texts.CHANGE_REMARKS, key="manual_remarks")
    forms.reason(form, "remarks")
    evidence = _evidence(form, key, texts.CHANGE_EVIDENCE)
    forms.other_reasons(form, DAY_FIELDS | {"remarks", "evidence"})
    if not st.button(texts.CHANGE_MANUAL_SAVE, key="manual_save", type="primary"):
        return
    _post(form, "/api/v1/manual-entries", {**fields, "remarks": remarks},
          ("evidence", key, evidence),
          lambda a: texts.CHANGE_MANUAL_DONE.format(name=a["employee"]["name"],
                                                    day=fmt.day(a["work_date"]),
                                                    notes=outcome_notes(a)))


def correction(people: list[dict], codes: list[str], today: date) -> None:
    """Correct a day's times or code, with the reason and the evidence (operator)."""
    form, key = "correction", "correction_evidence"
    forms.refusal(form)
    fields = _day_change(form, "corr", people, codes, today)
    reason = st.text_area(texts.CHANGE_REASON, key="corr_reason", height=80)
    forms.reason(form, "reason")
    evidence = _evidence(form, key, texts.CHANGE_EVIDENCE)
    forms.other_reasons(form, DAY_FIELDS | {"reason", "evidence"})
    if not st.button(texts.CHANGE_CORRECTION_SAVE, key="corr_save", type="primary"):
        return
    _post(form, "/api/v1/corrections", {**fields, "reason": reason},
          ("evidence", key, evidence),
          lambda a: texts.CHANGE_CORRECTION_DONE.format(name=a["employee"]["name"],
                                                        day=fmt.day(a["work_date"])))


def absence(people: list[dict], codes: dict[str, str], today: date) -> None:
    """An absence filed by the operator for an employee of the OPD, with its document; it
    goes to the employee's supervisor like one the employee filed."""
    form, key = "absence", "absence_document"
    forms.refusal(form)
    employee = _employee(people, "abs_employee")
    forms.reason(form, "employee_id")
    code = st.selectbox(texts.CODE, list(codes), key="abs_code", format_func=lambda c:
                        f"{c} — {codes[c]}")
    forms.reason(form, "code")
    left, right = st.columns(2)
    start = left.date_input(texts.CHANGE_FROM, value=today, key="abs_from", format="DD/MM/YYYY")
    end = right.date_input(texts.CHANGE_TO, value=today, key="abs_to", format="DD/MM/YYYY")
    forms.reason(form, "date_from", "date_to")
    reason = st.text_input(texts.CHANGE_REMARKS, key="abs_reason")
    forms.reason(form, "reason")
    document = _evidence(form, key, texts.CHANGE_DOCUMENT)
    forms.other_reasons(form, {"employee_id", "code", "date_from", "date_to", "reason",
                               "document"})
    if not st.button(texts.CHANGE_ABSENCE_SAVE, key="abs_save", type="primary"):
        return
    _post(form, "/api/v1/absences",
          {"employee_id": employee, "code": code, "date_from": start.isoformat(),
           "date_to": end.isoformat(), "reason": reason}, ("document", key, document),
          lambda a: texts.CHANGE_ABSENCE_DONE.format(name=a["employee"]["name"],
                                                     days=a["workdays"]))


def cancellation(team: list[dict], people: list[dict], today: date) -> None:
    """The direct supervisor cancels a day on which the employee was not there (Pasal 13):
    two witnesses and a statement; the head of the OPD decides; the letter is Lampiran III."""
    form = "cancellation"
    forms.refusal(form)
    me = data.me()["id"]
    employee = _employee(team, "cancel_employee")
    forms.reason(form, "employee_id")
    day = st.date_input(texts.CHANGE_DATE, value=today, max_value=today, key="cancel_date",
                        format="DD/MM/YYYY")
    forms.reason(form, "work_date")
    names = {p["id"]: person(p) for p in people if p["id"] not in (me, employee)}
    witnesses = st.multiselect(texts.CANCEL_WITNESSES, list(names), key="cancel_witnesses",
                               format_func=names.get, max_selections=2)
    forms.reason(form, "witness_ids")
    statement = st.text_area(texts.CANCEL_STATEMENT, key="cancel_statement", height=100,
                             help=texts.CANCEL_STATEMENT_HELP)
    forms.reason(form, "statement")
    number = st.text_input(texts.CANCEL_NUMBER, key="cancel_number")
    forms.reason(form, "letter_number")
    if not st.button(texts.CANCEL_SAVE, key="cancel_save", type="primary"):
        return
    forms.send(form, lambda: data.client().write("POST", "/api/v1/cancellations", json={
        "employee_id": employee, "work_date": day.isoformat(), "witness_ids": witnesses,
        "statement": statement, "letter_number": number}),
        lambda a: texts.CANCEL_DONE.format(day=fmt.day(a["work_date"])))
    st.rerun()
