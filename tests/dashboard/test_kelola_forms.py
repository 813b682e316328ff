"""Kelola pegawai (issue 15): the forms for one employee, against the real API — search, edit
and deactivate, add, locations, password reset and unlock, roles, transfers and face
enrolment, each with a valid input and the API's refusals shown next to the fields.

AppTest cannot drive a file dialog: the face test hands the photos to the page's staging slot
(dashboard/uploads.py), which is what the uploader fills."""
from __future__ import annotations

import cv2
import numpy as np
import requests

from dashboard import texts
from tests.conftest import face_photo
from tests.dashboard.conftest import PASSWORD
from tests.dashboard.helpers import button, texts_shown
from tests.dashboard.people import employee, find_by_nip, hired, new_nip


def opened(dashboard, role: str, person: dict):
    """Kelola pegawai with one employee found and picked."""
    at = dashboard(role, "kelola")
    at.selectbox(key="kelola_opd").set_value(person["opd_id"])
    at.text_input(key="emp_query").input(person["nip"]).run()
    assert not at.exception, at.exception
    assert at.selectbox(key="emp_pick").value == person["id"]
    return at


def test_the_operator_edits_and_deactivates_an_employee(dashboard, api, api_login):
    headers = api_login("operator")
    person = hired(api, headers, "Rina Kartika")
    at = opened(dashboard, "operator", person)
    edit = f"edit{person['id']}"
    at.text_input(key=f"{edit}_jabatan").input("Analis Kepegawaian")
    at.text_input(key=f"{edit}_golongan").input("III/b")
    at.button(key=f"FormSubmitter:employee_edit_{person['id']}-{texts.SAVE}").click().run()
    assert texts.EMP_SAVED.format(name="Rina Kartika") in texts_shown(at)
    stored = employee(api, headers, person["id"])
    assert (stored["jabatan"], stored["golongan"]) == ("Analis Kepegawaian", "III/b")
    at.toggle(key=f"{edit}_active").set_value(False)
    at.button(key=f"FormSubmitter:employee_edit_{person['id']}-{texts.SAVE}").click().run()
    assert employee(api, headers, person["id"])["active"] is False


def test_a_refused_edit_shows_the_reason_under_the_field_and_keeps_the_input(dashboard, api,
                                                                             api_login):
    headers = api_login("operator")
    person = hired(api, headers, "Dewi Lestari")
    at = opened(dashboard, "operator", person)
    edit = f"edit{person['id']}"
    at.text_input(key=f"{edit}_name").input("D")
    at.text_input(key=f"{edit}_jabatan").input("Pranata Komputer")
    at.button(key=f"FormSubmitter:employee_edit_{person['id']}-{texts.SAVE}").click().run()
    assert not at.exception, at.exception
    assert at.error, "the API's message is shown"
    assert "2" in texts_shown(at)  # "Panjang minimal 2 karakter." under the name
    assert at.text_input(key=f"{edit}_jabatan").value == "Pranata Komputer"
    assert employee(api, headers, person["id"])["name"] == "Dewi Lestari"


def test_the_operator_adds_an_employee_and_sees_the_password_once(dashboard, api, api_login):
    at = dashboard("operator", "kelola")
    nip = new_nip()
    at.text_input(key="new_nip").input(nip)
    at.text_input(key="new_name").input("Agus Salim")
    at.text_input(key="new_jabatan").input("Staf Pelaksana")
    button(at, texts.EMP_CREATE).click().run()
    assert not at.exception, at.exception
    assert texts.EMP_CREATED.format(name="Agus Salim") in texts_shown(at)
    password = at.code[0].value
    login = requests.post(f"{api}/api/v1/auth/login", timeout=10,
                          json={"nip": nip, "password": password}).json()
    assert login["must_change_password"] is True
    at.run()  # shown once: the next run no longer has it
    assert not at.code


def test_a_new_employee_with_a_bad_nip_is_refused_at_the_nip(dashboard):
    at = dashboard("operator", "kelola")
    at.text_input(key="new_nip").input("12345")
    at.text_input(key="new_name").input("Budi Santoso")
    button(at, texts.EMP_CREATE).click().run()
    assert not at.exception, at.exception
    assert at.error and "NIP" in texts_shown(at)
    assert at.text_input(key="new_name").value == "Budi Santoso"


def test_the_operator_unlocks_an_account_and_resets_a_password(dashboard, api, api_login):
    headers = api_login("operator")
    person = hired(api, headers, "Yusuf Maulana")
    reset = requests.post(f"{api}/api/v1/employees/{person['id']}/password-reset",
                          headers=headers, timeout=10).json()["default_password"]
    for _ in range(5):
        requests.post(f"{api}/api/v1/auth/login", timeout=10,
                      json={"nip": person["nip"], "password": "salah-terus"})
    at = opened(dashboard, "operator", person)
    assert any(texts.EMP_LOCKED.split(" sampai")[0] in e.value for e in at.error)
    at.button(key=f"unlock{person['id']}").click().run()
    assert texts.EMP_UNLOCKED.format(name="Yusuf Maulana") in texts_shown(at)
    assert requests.post(f"{api}/api/v1/auth/login", timeout=10, json={
        "nip": person["nip"], "password": reset}).status_code == 200
    at.button(key=f"reset{person['id']}").click().run()
    fresh = at.code[0].value
    assert fresh != reset
    assert requests.post(f"{api}/api/v1/auth/login", timeout=10, json={
        "nip": person["nip"], "password": fresh}).status_code == 200


def test_the_heads_account_is_not_the_operators(dashboard, api, api_login, demo_logins):
    head = find_by_nip(api, api_login("operator"), demo_logins["kepala_opd"]["nip"])
    at = opened(dashboard, "operator", head)
    assert not at.exception, at.exception
    assert "admin" in texts_shown(at).lower()
    assert not [b for b in at.button if b.key == f"reset{head['id']}"]
    assert requests.post(f"{api}/api/v1/auth/login", timeout=10, json={
        "nip": head["nip"], "password": PASSWORD}).status_code == 200


def test_the_admin_grants_and_revokes_a_role(dashboard, api, api_login):
    headers = api_login("admin")
    person = hired(api, api_login("operator"), "Lina Marlina")
    at = opened(dashboard, "admin", person)
    at.selectbox(key=f"role{person['id']}").set_value("operator")
    at.button(key=f"FormSubmitter:employee_roles_{person['id']}-{texts.EMP_GRANT}").click().run()
    assert texts.EMP_ROLE_GRANTED in texts_shown(at)
    grants = requests.get(f"{api}/api/v1/employees/{person['id']}/roles", headers=headers,
                          timeout=10).json()
    assert [(g["role"], g["opd_id"]) for g in grants] == [("operator", person["opd_id"])]
    at.button(key=f"revoke{grants[0]['id']}").click().run()
    assert requests.get(f"{api}/api/v1/employees/{person['id']}/roles", headers=headers,
                        timeout=10).json() == []


def test_the_admin_records_a_transfer_and_a_missing_reason_is_named(dashboard, api, api_login):
    person = hired(api, api_login("operator"), "Hendra Gunawan")
    at = opened(dashboard, "admin", person)
    submit = f"FormSubmitter:employee_mutation_{person['id']}-{texts.MUTATION_SAVE}"
    at.button(key=submit).click().run()
    assert not at.exception, at.exception
    assert at.error and "3" in texts_shown(at)  # the reason needs at least 3 characters
    at.text_input(key=f"mut{person['id']}_reason").input("SK Bupati 821/45/2026")
    at.button(key=submit).click().run()
    assert "Mutasi Hendra Gunawan" in texts_shown(at)
    history = requests.get(f"{api}/api/v1/employees/{person['id']}/mutations",
                           headers=api_login("admin"), timeout=10).json()
    assert [m["reason"] for m in history][-1] == "SK Bupati 821/45/2026"


def shrunk(photo: bytes) -> bytes:
    """The photo at 48 px: the face is too small to enrol."""
    image = cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_COLOR)
    return cv2.imencode(".jpg", cv2.resize(image, (48, 48)))[1].tobytes()


def test_the_operator_enrols_a_face_and_each_photo_gets_its_verdict(dashboard, api, api_login):
    headers = api_login("operator")
    person = hired(api, headers, "Sri Wahyuni")
    at = opened(dashboard, "operator", person)
    key = f"face_photos_{person['id']}"
    at.session_state[key] = [("1.jpg", face_photo("london_001", 1)),
                             ("kecil.jpg", shrunk(face_photo("london_001", 2)))]
    at.run()
    at.button(key=f"face_{person['id']}_send").click().run()
    assert not at.exception, at.exception
    assert at.error, "the enrolment is refused"
    shown = texts_shown(at)
    assert shown.count(texts.FACE_PHOTO_OK) == 1  # the first photo was fine ...
    assert ":red[" in shown  # ... the second has its reasons under it
    assert not employee(api, headers, person["id"])["face_enrolled"]
    at.session_state[key] = [(f"{n}.jpg", face_photo("london_001", n)) for n in (1, 2)]
    at.run()
    at.button(key=f"face_{person['id']}_send").click().run()
    assert texts.FACE_DONE.format(name="Sri Wahyuni") in texts_shown(at)
    assert employee(api, headers, person["id"])["face_enrolled"]


def test_the_operator_sets_the_presence_locations(dashboard, api, api_login):
    headers = api_login("operator")
    person = hired(api, headers, "Nur Aini")
    office = next(loc for loc in requests.get(f"{api}/api/v1/locations", headers=headers,
                                              timeout=10, params={"opd": person["opd_id"]}
                                              ).json() if loc["kind"] == "office")
    at = opened(dashboard, "operator", person)
    at.multiselect(key=f"locs{person['id']}").set_value([office["id"]])
    at.selectbox(key=f"locs{person['id']}_main").set_value(office["id"])
    at.button(key=f"FormSubmitter:employee_locations_{person['id']}-{texts.SAVE}").click().run()
    assert not at.exception, at.exception
    assert texts.EMP_LOCATIONS_SAVED in texts_shown(at)
    links = requests.get(f"{api}/api/v1/employees/{person['id']}/locations", headers=headers,
                         timeout=10).json()
    assert [(loc["id"], loc["primary"]) for loc in links] == [(office["id"], True)]


def test_a_supervisor_in_another_opd_survives_an_edit(dashboard, api, api_login, demo_logins):
    headers = api_login("operator")
    elsewhere = find_by_nip(api, api_login("admin"), demo_logins["admin"]["nip"])
    person = hired(api, headers, "Rudi Hartono", supervisor_id=elsewhere["id"])
    at = opened(dashboard, "operator", person)
    at.text_input(key=f"edit{person['id']}_jabatan").input("Pranata Humas")
    at.button(key=f"FormSubmitter:employee_edit_{person['id']}-{texts.SAVE}").click().run()
    assert not at.exception, at.exception
    stored = employee(api, headers, person["id"])
    assert (stored["jabatan"], stored["supervisor_id"]) == ("Pranata Humas", elsewhere["id"])
