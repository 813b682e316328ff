"""The router: login, forced password change, pages per role, shared links, session expiry."""
from __future__ import annotations

import random

import pytest
import requests
from streamlit.testing.v1 import AppTest

from dashboard import texts
from tests.dashboard.conftest import APP, PASSWORD
from tests.dashboard.helpers import button, menu, sign_in, texts_shown, titles

MENUS = {
    "pegawai": [texts.PAGE_RIWAYAT],
    "atasan": [texts.PAGE_BERANDA, texts.PAGE_PERSETUJUAN, texts.PAGE_PEGAWAI,
               texts.PAGE_PERUBAHAN],
    "kepala_opd": [texts.PAGE_BERANDA, texts.PAGE_PERSETUJUAN, texts.PAGE_MONITORING,
                   texts.PAGE_KAMPANYE, texts.PAGE_PEGAWAI, texts.PAGE_PERUBAHAN],
    "operator": [texts.PAGE_BERANDA, texts.PAGE_PERSETUJUAN, texts.PAGE_MONITORING,
                 texts.PAGE_KAMPANYE, texts.PAGE_PEGAWAI, texts.PAGE_KELOLA,
                 texts.PAGE_PERUBAHAN, texts.PAGE_GANGGUAN],
    "admin": [texts.PAGE_BERANDA, texts.PAGE_PERSETUJUAN, texts.PAGE_MONITORING,
              texts.PAGE_KAMPANYE, texts.PAGE_ANALITIK, texts.PAGE_PEGAWAI, texts.PAGE_KELOLA,
              texts.PAGE_PERUBAHAN, texts.PAGE_GANGGUAN, texts.PAGE_AUDIT,
              texts.PAGE_PENGATURAN],
    "analis": [texts.PAGE_BERANDA, texts.PAGE_MONITORING, texts.PAGE_KAMPANYE,
               texts.PAGE_ANALITIK, texts.PAGE_PEGAWAI],
}


def test_the_login_page_comes_first(api):
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    assert titles(at) == [texts.LOGIN_TITLE]
    assert not at.sidebar.selectbox  # no filters, no data before login


def test_a_wrong_password_is_refused_in_indonesian(api, demo_logins):
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    at.text_input(key="login_nip").input(demo_logins["kepala_opd"]["nip"])
    at.text_input(key="login_password").input("bukan-sandinya")
    button(at, texts.LOGIN_BUTTON).click()
    at.run()
    assert titles(at) == [texts.LOGIN_TITLE]
    assert at.error and "sandi" in at.error[0].value.lower()


@pytest.mark.parametrize("role", list(MENUS))
def test_each_role_gets_its_pages(dashboard, role):
    at = dashboard(role)
    assert menu(at) == MENUS[role]
    assert titles(at)[0].startswith(MENUS[role][0])


def test_a_default_password_must_be_changed_first(api, api_login):
    admin = api_login("admin")
    nip = f"19900101201501{random.randint(1, 2)}{random.randint(100, 999)}"
    created = requests.post(f"{api}/api/v1/employees", headers=admin, timeout=10, json={
        "nip": nip, "name": "Pegawai Baru Uji", "opd_id": 4, "schedule_group_id": 1})
    assert created.status_code == 201, created.json()
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    at.text_input(key="login_nip").input(nip)
    at.text_input(key="login_password").input(created.json()["default_password"])
    button(at, texts.LOGIN_BUTTON).click()
    at.run()
    assert titles(at) == [texts.CHANGE_TITLE]
    assert not menu(at) or not at.sidebar.selectbox  # nothing else until it is changed
    at.text_input(key="pw_old").input(created.json()["default_password"])
    at.text_input(key="pw_new").input("Kuat#Sekali2026")
    at.text_input(key="pw_again").input("Kuat#Sekali2026x")
    button(at, texts.CHANGE_BUTTON).click()
    at.run()
    assert at.error[0].value == texts.PASSWORD_MISMATCH
    at.text_input(key="pw_again").input("Kuat#Sekali2026")
    button(at, texts.CHANGE_BUTTON).click()
    at.run()
    assert titles(at) == [texts.PAGE_RIWAYAT]
    fresh = requests.post(f"{api}/api/v1/auth/login", timeout=10,
                          json={"nip": nip, "password": "Kuat#Sekali2026"}).json()
    assert fresh["must_change_password"] is False


def test_a_shared_link_restores_the_filters_after_login(dashboard, demo_logins):
    link = {"bulan": "2026-02", "opd": "4", "jenis": "PNS"}
    at = dashboard("admin", params=link)
    boxes = {box.label: box.value for box in at.sidebar.selectbox}
    assert boxes[texts.FILTER_MONTH] == "2026-02"
    assert boxes[texts.FILTER_OPD] == 4
    assert boxes[texts.FILTER_TYPE] == "PNS"
    assert at.query_params["bulan"] == "2026-02" and at.query_params["opd"] == "4"


def test_changing_a_filter_updates_the_link(dashboard):
    at = dashboard("admin")
    assert "opd" not in at.query_params  # the whole pemda
    at.sidebar.selectbox(key="f_opd").set_value(4).run()
    at.sidebar.selectbox(key="f_month").set_value("2026-02").run()
    assert at.query_params["opd"] == "4" and at.query_params["bulan"] == "2026-02"


def test_a_kepala_opd_link_to_another_opd_stays_in_their_own(dashboard):
    at = dashboard("kepala_opd", params={"opd": "1", "bulan": "2026-02"})
    assert at.sidebar.selectbox(key="f_opd").options == ["Dinas Kesehatan"]
    assert at.sidebar.selectbox(key="f_opd").value == 4
    assert at.query_params["opd"] == "4"


def test_an_ended_session_returns_to_login_with_a_message(dashboard, api):
    at = dashboard("kepala_opd")
    client = at.session_state["client"]
    requests.post(f"{api}/api/v1/auth/logout", timeout=5,
                  json={"refresh_token": client.refresh_token},
                  headers={"Authorization": f"Bearer {client.access_token}"})
    # cached views may still show what this user saw; the next call to the API ends it
    at.switch_page("app_pages/persetujuan.py").run()
    assert titles(at) == [texts.LOGIN_TITLE]
    assert texts.SESSION_EXPIRED in texts_shown(at)


def test_logout_ends_the_session(dashboard, api):
    at = dashboard("analis")
    token = at.session_state["client"].access_token
    at.sidebar.button(key="logout").click().run()
    assert titles(at) == [texts.LOGIN_TITLE]
    answer = requests.get(f"{api}/api/v1/me", timeout=5,
                          headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401  # revoked on the server, not just forgotten


def test_when_the_api_is_down_the_login_says_so(monkeypatch, demo_logins):
    monkeypatch.setenv("HADIR_API_URL", "http://127.0.0.1:9")  # nothing listens there
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    at.text_input(key="login_nip").input(demo_logins["kepala_opd"]["nip"])
    at.text_input(key="login_password").input(PASSWORD)
    button(at, texts.LOGIN_BUTTON).click()
    at.run()
    assert at.error[0].value == texts.API_DOWN


def test_sign_in_helper_rejects_errors(api, demo_logins):
    at = sign_in(APP, demo_logins["operator"]["nip"], PASSWORD)
    assert texts.ROLE_NAMES["operator"] in texts_shown(at)


def test_when_the_api_goes_down_a_page_says_so(dashboard):
    at = dashboard("kepala_opd")
    at.session_state["client"].base_url = "http://127.0.0.1:9"  # the API went away
    at.switch_page("app_pages/persetujuan.py").run()  # the queue is always read fresh
    assert [e.value for e in at.error] == [texts.API_DOWN]
    assert not at.exception
