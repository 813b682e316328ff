"""Persetujuan: the approvals queue per role; approve, reject with a reason, bulk approve."""
from __future__ import annotations

import pytest
import requests

from dashboard import texts
from tests.dashboard.helpers import button, charts, menu, texts_shown
from tests.factories import PDF_DOCUMENT


def _queue(api, headers) -> dict:
    return requests.get(f"{api}/api/v1/approvals", params={"limit": 200}, headers=headers,
                        timeout=10).json()


def _event(api, headers, event_id: int) -> dict:
    page = requests.get(f"{api}/api/v1/attendance/checkins", headers=headers, timeout=10,
                        params={"from": "2026-03-10", "to": "2026-03-10", "limit": 1000}).json()
    return next(item for item in page["items"] if item["id"] == event_id)


def _total(at) -> int:
    caption = next(c.value for c in at.caption if c.value.endswith("menunggu keputusan Anda"))
    return int(caption.split()[0])


def test_kepala_opd_sees_what_is_needed_to_decide(dashboard, seed_pending, api, api_login):
    seeded = seed_pending(1)[0]
    at = dashboard("kepala_opd", "persetujuan")
    queue = _queue(api, api_login("kepala_opd"))
    assert _total(at) == queue["total"]
    item = next(i for i in queue["items"] if i["id"] == seeded["id"])
    shown = texts_shown(at)
    assert seeded["name"] in shown and item["checkin"]["note"] in shown
    assert texts.CODE_NAMES["OUTSIDE_GEOFENCE"] in shown
    assert texts.PURPOSES["DINAS_LUAR"] in shown
    offline = next(i for i in queue["items"] if i["kind"] == "checkin" and i["checkin"]["offline"])
    warnings = [w.value for w in at.warning if "tanpa sinyal" in w.value]
    assert len(warnings) == 1 and "menurut jam perangkat" in warnings[0]
    assert offline["checkin"]["captured_at"] < offline["checkin"]["recorded_at"]
    faces = [i for i in queue["items"] if i["kind"] == "face"]
    assert len(faces) == 1 and texts.KIND_NAMES["face"] in shown  # a re-enrolment to decide
    assert any(c.value.startswith("Foto baru") for c in at.caption)
    checkins = sum(1 for i in queue["items"] if i["kind"] == "checkin")
    bursts = sum(1 for i in queue["items"] if i["kind"] == "checkin" and i["checkin"]["frame_urls"])
    # a selfie on every check-in, the frames of a challenge; new and current faces
    assert len(at.image) == checkins + bursts + 2
    maps = [c for c in charts(at) if any(t.get("name") == texts.MAP_CHECKIN for t in c["data"])]
    assert len(maps) == checkins
    ours = next(m for m in maps
                if any(t.get("name") == texts.MAP_CHECKIN and t["lat"] == [item["checkin"]["lat"]]
                       for t in m["data"]))
    fence = next(t for t in ours["data"]
                 if t.get("name") == texts.MAP_GEOFENCE.format(
                     radius=item["checkin"]["geofence"]["radius_m"]))
    assert fence["fill"] == "toself"
    assert ours["layout"]["map"]["style"] == "white-bg"


def test_approving_shrinks_the_queue(dashboard, seed_pending, api, api_login):
    seeded = seed_pending(1)[0]
    at = dashboard("kepala_opd", "persetujuan")
    before = _total(at)
    at.button(key=f"approve_checkin_{seeded['id']}").click().run()
    assert _total(at) == before - 1
    assert texts.APPROVED.format(who=seeded["name"]) in texts_shown(at)
    assert f"approve_checkin_{seeded['id']}" not in [b.key for b in at.button]
    assert _event(api, api_login("kepala_opd"), seeded["id"])["approval"] == "approved"


def test_rejecting_needs_a_reason(dashboard, seed_pending, api, api_login):
    seeded = seed_pending(1)[0]
    at = dashboard("kepala_opd", "persetujuan")
    before = _total(at)
    at.button(key=f"reject_checkin_{seeded['id']}").click().run()
    assert texts.REASON_REQUIRED in texts_shown(at)
    assert _total(at) == before
    at.text_input(key=f"reason_checkin_{seeded['id']}").input("Tidak ada SPT dinas luar")
    at.button(key=f"reject_checkin_{seeded['id']}").click().run()
    assert _total(at) == before - 1
    event = _event(api, api_login("kepala_opd"), seeded["id"])
    assert event["approval"] == "rejected"
    assert event["decision_reason"] == "Tidak ada SPT dinas luar"


def test_bulk_approve_decides_every_ticked_item(dashboard, seed_pending, api, api_login):
    seeded = seed_pending(2)
    at = dashboard("kepala_opd", "persetujuan")
    before = _total(at)
    for item in seeded:
        at.checkbox(key=f"pick_checkin_{item['id']}").check()
    at.run()
    bulk = at.button(key="bulk_approve")
    assert bulk.label == texts.BULK_APPROVE.format(count=2)
    bulk.click().run()
    assert _total(at) == before - 2
    assert texts.BULK_DONE.format(count=2) in texts_shown(at)
    headers = api_login("kepala_opd")
    assert {_event(api, headers, i["id"])["approval"] for i in seeded} == {"approved"}


def test_atasan_sees_only_their_subordinates(dashboard, api, api_login):
    headers = api_login("atasan")
    queue = _queue(api, headers)
    at = dashboard("atasan", "persetujuan")
    assert _total(at) == queue["total"]
    me = requests.get(f"{api}/api/v1/me", headers=headers, timeout=10).json()
    for item in queue["items"]:
        person = requests.get(f"{api}/api/v1/employees/{item['employee']['id']}",
                              headers=headers, timeout=10).json()
        assert person["supervisor_id"] == me["id"]
    kepala_total = _queue(api, api_login("kepala_opd"))["total"]
    assert queue["total"] < kepala_total  # the head sees the whole OPD


def test_analis_can_approve_nothing(dashboard):
    at = dashboard("analis")
    assert texts.PAGE_PERSETUJUAN not in menu(at)
    with pytest.raises(ValueError):
        at.switch_page("app_pages/persetujuan.py")


def test_admin_decides_a_device_change(dashboard, api, api_login):
    requested = requests.post(f"{api}/api/v1/devices/requests", headers=api_login("pegawai"),
                              json={"device_id": "hp-baru-uji-01", "note": "HP lama rusak"},
                              timeout=10)
    assert requested.status_code == 201, requested.json()
    at = dashboard("admin", "persetujuan")
    binding = requested.json()["id"]
    assert texts.NEW_DEVICE.format(uid="hp-baru-uji-01") in texts_shown(at)
    button(at, texts.APPROVE)  # the card has its buttons
    at.button(key=f"approve_device_{binding}").click().run()
    mine = requests.get(f"{api}/api/v1/devices/mine", headers=api_login("pegawai"),
                        timeout=10).json()
    assert {"device_uid": "hp-baru-uji-01", "status": "active"}.items() <= next(
        b for b in mine if b["id"] == binding).items()


def test_operator_decides_an_absence_request_with_its_document(dashboard, api, api_login):
    submitted = requests.post(
        f"{api}/api/v1/absences", headers=api_login("pegawai"), timeout=10,
        data={"code": "S", "date_from": "2026-03-11", "date_to": "2026-03-12",
              "reason": "Demam, surat dokter terlampir"},
        files={"document": ("surat.pdf", PDF_DOCUMENT, "application/pdf")})
    assert submitted.status_code == 201, submitted.json()
    request_id = submitted.json()["id"]
    at = dashboard("operator", "persetujuan")
    shown = texts_shown(at)
    assert "Demam, surat dokter terlampir" in shown and "2 hari kerja" in shown
    assert texts.DOCUMENT in [b.label for b in at.get("download_button")]
    assert not at.image  # an absence card has no selfie
    at.button(key=f"approve_absence_{request_id}").click().run()
    decided = requests.get(f"{api}/api/v1/absences/{request_id}", timeout=10,
                           headers=api_login("operator")).json()
    assert decided["status"] == "approved"


def test_kepala_opd_sees_a_cancellation_with_its_witnesses(dashboard, api, api_login,
                                                           demo_logins):
    atasan = api_login("atasan")
    me = requests.get(f"{api}/api/v1/me", headers=atasan, timeout=10).json()
    team = requests.get(f"{api}/api/v1/employees", headers=atasan, timeout=10,
                        params={"limit": 100}).json()["items"]
    pegawai_nip = demo_logins["pegawai"]["nip"]
    employee = next(p for p in team if p["supervisor_id"] == me["id"] and p["nip"] != pegawai_nip)
    witnesses = [p["id"] for p in team if p["id"] not in (employee["id"], me["id"])][:2]
    filed = requests.post(f"{api}/api/v1/cancellations", headers=atasan, timeout=10, json={
        "employee_id": employee["id"], "work_date": "2026-03-09", "witness_ids": witnesses,
        "statement": "Tercatat hadir tetapi meninggalkan kantor sejak pukul 09.00."})
    assert filed.status_code == 201, filed.json()
    at = dashboard("kepala_opd", "persetujuan")
    shown = texts_shown(at)
    assert "meninggalkan kantor sejak pukul 09.00" in shown
    assert texts.SUPERVISOR.format(name=me["name"]) in shown
    cancellation = filed.json()["id"]
    at.text_input(key=f"reason_cancellation_{cancellation}").input("Saksi belum menandatangani")
    at.button(key=f"reject_cancellation_{cancellation}").click().run()
    assert texts.REJECTED.format(who=employee["name"]) in texts_shown(at)


def test_a_liveness_review_shows_the_challenge_frames_beside_the_selfie(dashboard, api,
                                                                        api_login):
    """The demo's web-app check-in whose burst grew like a picture, not like a face: its
    supervisor sees the warning, what the challenge found and the frames to judge."""
    for role in ("atasan", "kepala_opd"):
        queue = _queue(api, api_login(role))
        review = [i for i in queue["items"]
                  if i["kind"] == "checkin" and "SPOOF_REVIEW" in i["checkin"]["codes"]]
        if review:
            break
    assert len(review) == 1, "the demo has one liveness review"
    detail = review[0]["checkin"]
    assert detail["liveness_path"] == "challenge" and len(detail["frame_urls"]) == 2
    at = dashboard(role, "persetujuan")
    assert texts.LIVENESS_REVIEW in [w.value for w in at.warning]
    shown = texts_shown(at)
    assert texts.CHALLENGE_OUTCOMES["inconsistent"] in shown
    assert texts.FRAMES in shown
    frame = requests.get(f"{api}{detail['frame_urls'][1]}", headers=api_login(role), timeout=10)
    assert frame.status_code == 200 and frame.headers["Content-Type"] == "image/jpeg"
