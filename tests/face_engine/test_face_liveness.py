"""MiniFASNet liveness: the crop rule, the score on live photos and on a replayed photo."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from face_helpers import jpeg

from face_engine.liveness import liveness_crop_box, softmax


def test_crop_box_scales_about_the_centre():
    assert liveness_crop_box((100, 100, 40, 40), 640, 480, 2.0) == (80, 80, 160, 160)


def test_crop_box_is_shifted_back_inside():
    x1, y1, x2, y2 = liveness_crop_box((5, 400, 60, 60), 640, 480, 2.7)
    assert (x1, y2) == (0, 479)
    assert x2 - x1 == pytest.approx(162, abs=1) and y2 - y1 == pytest.approx(162, abs=1)


def test_crop_box_scale_is_capped_to_the_image():
    x1, y1, x2, y2 = liveness_crop_box((200, 100, 300, 300), 640, 480, 4.0)
    assert y2 - y1 <= 479 and 0 <= x1 and x2 <= 639 and 0 <= y1


def test_softmax():
    p = softmax(np.array([[1.0, 2.0, 3.0]]))
    assert p.sum() == pytest.approx(1.0) and p.argmax() == 2


def test_live_dev_photos_score_high(engine, dev_dir):
    scores = [engine.analyze(p.read_bytes()).liveness for p in sorted(dev_dir.glob("*/1.jpg"))]
    assert min(scores) >= engine.config.liveness_threshold
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
    assert live.liveness >= engine.config.liveness_threshold
    assert replay.embedding is not None  # the face is still found and recognised ...
    assert replay.liveness < engine.config.liveness_threshold  # ... but flagged
    assert "SPOOF_SUSPECTED" in replay.reasons


def test_liveness_is_deterministic(engine, dev_photo):
    data = dev_photo("london_003", 2)
    assert engine.analyze(data).liveness == engine.analyze(data).liveness
