"""Passive liveness: the crop rule, the accept / review / reject bands, the score on live
photos and on a replayed photo, and the too-close answer."""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np
import pytest
from face_helpers import jpeg

from face_engine.challenge import FLAT, INCONSISTENT, LIVE, NOT_FOLLOWED
from face_engine.liveness import (
    ACCEPT,
    REJECT,
    REVIEW,
    liveness_band,
    liveness_crop_box,
    softmax,
    widened,
)


def test_crop_box_scales_about_the_centre():
    assert liveness_crop_box((100, 100, 40, 40), 640, 480, 2.0) == (80, 80, 160, 160)


def test_crop_box_is_shifted_back_inside():
    x1, y1, x2, y2 = liveness_crop_box((5, 400, 60, 60), 640, 480, 2.7)
    assert (x1, y2) == (0, 479)
    assert x2 - x1 == pytest.approx(162, abs=1) and y2 - y1 == pytest.approx(162, abs=1)


def test_crop_box_scale_is_capped_to_the_image():
    x1, y1, x2, y2 = liveness_crop_box((200, 100, 300, 300), 640, 480, 4.0)
    assert y2 - y1 <= 479 and 0 <= x1 and x2 <= 639 and 0 <= y1


BANDS = {"reject_below": 0.30, "accept_from": 0.83, "challenge_accept_from": 0.50}


@pytest.mark.parametrize(("score", "challenge", "band"), [
    (0.10, None, REJECT), (0.2999, None, REJECT), (0.30, None, REVIEW), (0.60, None, REVIEW),
    (0.8299, None, REVIEW), (0.83, None, ACCEPT), (0.99, None, ACCEPT),
    # a burst that showed a live face approaching lowers the accept threshold ...
    (0.50, LIVE, ACCEPT), (0.4999, LIVE, REVIEW), (0.29, LIVE, REJECT),
    # ... a flat one is refused whatever the score, an inconsistent one always reviewed
    (0.99, FLAT, REJECT), (0.99, INCONSISTENT, REVIEW), (0.10, INCONSISTENT, REJECT),
])
def test_liveness_bands(score, challenge, band):
    assert liveness_band(score, challenge, **BANDS) == band


def test_a_burst_not_followed_is_banded_like_no_burst():
    assert liveness_band(0.6, NOT_FOLLOWED, **BANDS) == REVIEW
    assert liveness_band(0.9, NOT_FOLLOWED, **BANDS) == ACCEPT


def test_bands_must_be_ordered(config):
    with pytest.raises(ValueError):
        dataclasses.replace(config, liveness_reject=0.9, liveness_accept=0.8)
    with pytest.raises(ValueError):
        dataclasses.replace(config, liveness_challenge_accept=0.1)


def test_widened_box_keeps_its_centre():
    assert widened((100, 100, 40, 20), 1.5) == (90, 95, 60, 30)


def test_a_face_filling_the_photo_is_not_judged_but_told_to_step_back(engine, dev_photo):
    """webmorph_lisa/5 is taken 15 cm from the camera: the face box fills 73% of it."""
    near = engine.analyze(dev_photo("webmorph_lisa", 5))
    assert near.liveness is None and "FACE_TOO_CLOSE" in near.reasons
    assert "SPOOF_SUSPECTED" not in near.reasons
    far = engine.analyze(dev_photo("webmorph_lisa", 8))
    assert far.liveness is not None and "FACE_TOO_CLOSE" not in far.reasons


def test_softmax():
    p = softmax(np.array([[1.0, 2.0, 3.0]]))
    assert p.sum() == pytest.approx(1.0) and p.argmax() == 2


def test_live_dev_photos_score_high(engine, dev_dir):
    scores = [engine.analyze(p.read_bytes()).liveness for p in sorted(dev_dir.glob("*/1.jpg"))]
    assert min(scores) >= engine.config.liveness_reject
    assert np.median(scores) > 0.9
    assert all(0.0 <= s <= 1.0 for s in scores)


def _held_up_phone(photo: np.ndarray) -> np.ndarray:
    """The photo shown small on a phone held in front of the camera: bezel and room visible."""
    h, w = photo.shape[:2]
    room = np.full((720, 960, 3), (90, 110, 120), np.uint8)
    screen = cv2.resize(photo, (int(w * 0.45), int(h * 0.45)), interpolation=cv2.INTER_AREA)
    y, x = 150, 330
    cv2.rectangle(room, (x - 15, y - 40), (x + screen.shape[1] + 15, y + screen.shape[0] + 40),
                  (20, 20, 20), -1)
    room[y : y + screen.shape[0], x : x + screen.shape[1]] = screen
    return room


@pytest.mark.parametrize("identity", ["london_001", "london_010", "webmorph_lisa"])
def test_photo_on_a_phone_is_suspected(engine, dev_bgr, identity):
    live = engine.analyze(jpeg(dev_bgr(identity, 1)))
    replay = engine.analyze(jpeg(_held_up_phone(dev_bgr(identity, 1))))
    assert live.liveness >= engine.config.liveness_reject
    assert replay.embedding is not None  # the face is still found and recognised ...
    assert replay.liveness < engine.config.liveness_reject  # ... but refused
    assert "SPOOF_SUSPECTED" in replay.reasons


def test_liveness_is_deterministic(engine, dev_photo):
    data = dev_photo("london_003", 2)
    assert engine.analyze(data).liveness == engine.analyze(data).liveness
