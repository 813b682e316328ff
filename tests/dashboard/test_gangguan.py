"""Laporan gangguan (issue 15, Perbup Pasal 5–6): the operator reports a problem with a
screenshot, the admin answers it, and the operator reads the answer — against the real API."""
from __future__ import annotations

import requests

from dashboard import texts
from tests.dashboard.helpers import texts_shown
from tests.factories import PNG_DOCUMENT


def test_the_operator_reports_and_reads_the_admins_answer(dashboard, api, api_login):
    at = dashboard("operator", "gangguan")
    at.selectbox(key="problem_category").set_value("wajah")
    at.text_input(key="problem_title").input("Kios")  # too short
    at.text_area(key="problem_description").input("Kios lobi menolak semua wajah sejak 07.10.")
    at.session_state["problem_attachment"] = [("layar.png", PNG_DOCUMENT)]
    at.run()
    at.button(key="problem_send").click().run()
    assert not at.exception, at.exception
    assert at.error and ":red[" in texts_shown(at)
    assert at.text_area(key="problem_description").value.startswith("Kios lobi")
    at.text_input(key="problem_title").input("Kios lobi menolak wajah")
    at.button(key="problem_send").click().run()
    assert texts.PROBLEM_SENT in texts_shown(at)
    filed = requests.get(f"{api}/api/v1/problem-reports", headers=api_login("operator"),
                         timeout=10).json()["items"][0]
    assert (filed["title"], filed["status"]) == ("Kios lobi menolak wajah", "open")
    assert filed["attachment_url"]

    admin = dashboard("admin", "gangguan")
    admin.selectbox(key="problem_pick").set_value(filed["id"]).run()
    form = f"problem_follow_{filed['id']}"
    admin.selectbox(key=f"{form}_status").set_value("resolved")
    admin.button(key=f"{form}_save").click().run()
    assert admin.error  # resolved needs an answer
    admin.text_area(key=f"{form}_text").input("Kamera kios diganti; sudah normal kembali.")
    admin.button(key=f"{form}_save").click().run()
    assert texts.PROBLEM_FOLLOWED in texts_shown(admin)

    again = dashboard("operator", "gangguan")
    again.selectbox(key="problem_pick").set_value(filed["id"]).run()
    assert "sudah normal kembali" in texts_shown(again)
    assert texts.PROBLEM_STATUSES["resolved"] in texts_shown(again)
