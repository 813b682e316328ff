"""Laporan gangguan: the operator's report of a system problem (with a screenshot if there is
one) and the administrator's follow-up with a status and an answer."""
from __future__ import annotations

import streamlit as st

from dashboard import data, fmt, forms, texts, uploads

CATEGORIES = ("aplikasi", "wajah", "lokasi", "perangkat", "server", "lainnya")
STATUSES = ("open", "in_progress", "resolved")


def report_form(opd: int, people: list[dict]) -> None:
    form, key = "problem", "problem_attachment"
    forms.refusal(form)
    category = st.selectbox(texts.PROBLEM_FIELDS["category"], CATEGORIES, key="problem_category",
                            format_func=texts.PROBLEM_CATEGORIES.get)
    title = st.text_input(texts.PROBLEM_FIELDS["title"], key="problem_title",
                          placeholder=texts.PROBLEM_TITLE_HINT)
    forms.reason(form, "title")
    description = st.text_area(texts.PROBLEM_FIELDS["description"], key="problem_description",
                               height=120, help=texts.PROBLEM_DESCRIPTION_HELP)
    forms.reason(form, "description")
    names = {p["id"]: f"{p['name']} ({p['nip']})" for p in people}
    employee = st.selectbox(texts.PROBLEM_FIELDS["employee_id"], list(names), index=None,
                            key="problem_employee", format_func=names.get,
                            placeholder=texts.PROBLEM_NOBODY)
    forms.reason(form, "employee_id")
    attachment = uploads.staged(key, texts.PROBLEM_FIELDS["attachment"],
                                ["png", "jpg", "jpeg", "pdf"], on_new=lambda: forms.forget(form))
    forms.reason(form, "attachment")
    if not st.button(texts.PROBLEM_SEND, key="problem_send", type="primary"):
        return
    fields = {"opd_id": opd, "category": category, "title": title, "description": description,
              "employee_id": employee}
    values = {k: str(v) for k, v in fields.items() if v is not None}
    files = {"attachment": attachment[0]} if attachment else {}
    forms.send(form, lambda: data.client().write("POST", "/api/v1/problem-reports", data=values,
                                                 files=files), texts.PROBLEM_SENT)
    uploads.clear(key)
    for widget in ("problem_title", "problem_description"):
        st.session_state.pop(widget, None)
    st.rerun()


def report_view(report: dict) -> None:
    """One report as the administrator or the operator reads it."""
    tz = data.me()["pemda"]["tz"]
    st.markdown(f"**{report['title']}** · {texts.PROBLEM_CATEGORIES[report['category']]} · "
                f"{texts.PROBLEM_STATUSES[report['status']]}")
    st.caption(texts.PROBLEM_FILED.format(name=report["filed_by"]["name"],
                                          when=fmt.moment(report["filed_at"], tz)))
    st.markdown(report["description"])
    if report["employee"]:
        st.caption(texts.PROBLEM_AFFECTS.format(name=report["employee"]["name"],
                                                nip=report["employee"]["nip"]))
    if report["attachment_url"]:
        st.download_button(texts.PROBLEM_ATTACHMENT, key=f"problem_file_{report['id']}",
                           data=lambda url=report["attachment_url"]: data.client().get_bytes(url),
                           file_name=f"lampiran-laporan-{report['id']}", on_click="ignore",
                           icon=":material/download:")
    if report["response"]:
        st.info(texts.PROBLEM_ANSWER.format(name=(report["handled_by"] or {}).get("name", "–"),
                                            answer=report["response"]))


def follow_up_form(report: dict) -> None:
    form = f"problem_follow_{report['id']}"
    forms.refusal(form)
    status = st.selectbox(texts.PROBLEM_STATUS, STATUSES, index=STATUSES.index(report["status"]),
                          key=f"{form}_status", format_func=texts.PROBLEM_STATUSES.get)
    response = st.text_area(texts.PROBLEM_RESPONSE, value=report["response"], key=f"{form}_text",
                            height=100)
    forms.reason(form, "response")
    if st.button(texts.SAVE, key=f"{form}_save", type="primary"):
        forms.send(form, lambda: data.client().write(
            "POST", f"/api/v1/problem-reports/{report['id']}/status",
            json={"status": status, "response": response}), texts.PROBLEM_FOLLOWED)
        st.rerun()
