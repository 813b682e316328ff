"""The check-in's liveness challenge in the web app, in a phone-sized Chromium against the API
as shipped: the server draws "bring the phone closer", the app shows it, takes the burst while
the fake camera's film brings the face from 60 to 15 cm (webmorph_lisa 8 → 6 → 5), and the
server accepts it on the challenge path with its frames stored."""
from __future__ import annotations

import io
import time

import pytest
import requests

from tests.conftest import FACES
from tests.webapp.conftest import screenshot
from tests.webapp.fake_camera import y4m_sequence
from tests.webapp.test_checkin_flows import WAIT, log_in

pytestmark = pytest.mark.browser
SEGMENT_S = 1.0  # each distance is filmed for one second; the film loops every 3 s
FAR, MID, NEAR = (0, 0, 255), (0, 255, 0), (255, 0, 0)  # edge marks (BGR): red, green, blue
# the app waits 2 s (reading the instruction) then takes a still each second: clicking
# 1.4 s into the far segment puts the stills 0.4 s into the far, middle and near segments
CLICK_INTO_FAR_S = 1.4

MARK_JS = """() => {
  const video = document.querySelector('.camera video');
  const canvas = document.createElement('canvas');
  canvas.width = 4; canvas.height = 4;
  canvas.getContext('2d').drawImage(video, 2, video.videoHeight / 2, 4, 4, 0, 0, 4, 4);
  return Array.from(canvas.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3));
}"""


def session(server, key: str) -> requests.Session:
    person = server["logins"][key]
    token = requests.post(f"{server['url']}/api/v1/auth/login", timeout=10, json={
        "nip": person["nip"], "password": person["password"]}).json()["access_token"]
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"
    return s


def playing(page) -> str:
    """Which segment of the film the camera shows now, by its edge mark."""
    r, g, b = page.evaluate(MARK_JS)
    return "far" if r > 150 > g else "mid" if g > 150 > r else "near" if b > 150 > g else "?"


def click_in_phase(page, button) -> None:
    """Wait for the film to loop back to the far segment, then click at the right moment."""
    deadline = time.monotonic() + 15
    previous = playing(page)
    seen = []
    while time.monotonic() < deadline:
        now = playing(page)
        seen.append(now)
        if now == "far" and previous == "near":
            time.sleep(CLICK_INTO_FAR_S)
            button.click()
            return
        previous = now
        time.sleep(0.02)
    raise AssertionError(f"the fake camera's film never looped: {seen[::10]}")


def test_the_check_in_follows_the_servers_challenge(phone, challenge_server, tmp_path):
    server = challenge_server
    person = server["logins"]["wajah"]
    operator = session(server, "operator")  # setup: Lisa's face enrolled for "wajah"
    enrolled = operator.post(f"{server['url']}/api/v1/employees/{person['id']}/face", files=[
        ("photos", (f"{n}.jpg", io.BytesIO((FACES / "webmorph_lisa" / f"{n}.jpg").read_bytes())))
        for n in (1, 2, 3, 4)], timeout=60)
    assert enrolled.status_code == 201, enrolled.text
    frames = int(SEGMENT_S * 10)
    film = y4m_sequence([(FACES / "webmorph_lisa" / f"{n}.jpg", frames) for n in (8, 6, 5)],
                        tmp_path / "approach.y4m", fps=10, marks=[FAR, MID, NEAR])
    page = phone(film=film, office=server["logins"]["office"])
    log_in(page, server, "wajah")
    page.locator("#act").click(timeout=WAIT)
    shoot = page.locator("#shoot")
    shoot.wait_for(timeout=WAIT)
    page.wait_for_timeout(1500)  # the camera is playing
    click_in_phase(page, shoot)
    cue = page.locator("#cue")
    cue.wait_for(timeout=WAIT)
    assert "Pegang ponsel sejauh lengan" in cue.inner_text()
    page.get_by_text("Sekarang dekatkan ponsel perlahan ke wajah").wait_for(timeout=WAIT)
    screenshot(page, "challenge")
    page.locator("#send:not([disabled])").click(timeout=WAIT)
    answer = page.locator("#answer")
    answer.wait_for(timeout=WAIT)
    head = session(server, "atasan")
    [event] = head.get(f"{server['url']}/api/v1/attendance/checkins",
                       params={"employee": person["id"]}, timeout=10).json()["items"]
    assert "Presensi diterima" in answer.inner_text(), event
    screenshot(page, "challenge-accepted", "#answer")
    assert (event["status"], event["client"], event["liveness_path"]) == (
        "ACCEPTED", "web", "challenge")
    assert event["challenge"]["outcome"] == "live" and event["frame_count"] == 2
    assert page.errors == []


def test_a_still_photo_held_up_to_the_camera_is_asked_to_follow_the_challenge(
        phone, challenge_server):
    """The fake camera shows one still picture: whatever the timing, the burst does not
    move, and the app asks for a new capture that follows the instruction."""
    server = challenge_server
    page = phone(face=server["logins"]["hadir"]["face"], office=server["logins"]["office"])
    log_in(page, server, "hadir")
    page.locator("#act").click(timeout=WAIT)
    page.locator("#shoot").click(timeout=WAIT)
    page.locator("#send:not([disabled])").click(timeout=WAIT)
    answer = page.locator("#answer.bad")
    answer.wait_for(timeout=WAIT)
    assert "Gerakan tidak sesuai petunjuk" in answer.inner_text()
    assert page.locator("#new-photo").is_visible()
    assert page.errors == []
