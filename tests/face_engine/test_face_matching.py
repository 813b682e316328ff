"""Similarity and replay (near-duplicate) detection on real embeddings."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from face_helpers import jpeg

from face_engine import cosine, is_near_duplicate
from face_engine.matching import DUPLICATE_COSINE, best_similarity


def test_cosine_basics():
    a, b = np.array([1.0, 0, 0]), np.array([0, 2.0, 0])
    assert cosine(a, a * 5) == pytest.approx(1.0)
    assert cosine(a, b) == pytest.approx(0.0)
    assert cosine(a, -a) == pytest.approx(-1.0)
    assert cosine(a, np.zeros(3)) == 0.0
    assert best_similarity(a, np.stack([b, a * 0.5])) == pytest.approx(1.0)


def test_genuine_above_and_impostor_below_threshold(engine, dev_photo):
    a1 = engine.analyze(dev_photo("london_001", 1)).embedding
    a2 = engine.analyze(dev_photo("london_001", 2)).embedding
    b1 = engine.analyze(dev_photo("london_002", 1)).embedding
    assert np.linalg.norm(a1) == pytest.approx(1.0, abs=1e-5)
    assert cosine(a1, a2) >= engine.config.match_threshold
    assert cosine(a1, b1) < engine.config.match_threshold


def test_near_duplicate_catches_resent_photo_not_new_photo(engine, dev_bgr):
    bgr = dev_bgr("webmorph_lisa", 5)
    original = engine.analyze(jpeg(bgr, 90)).embedding
    h, w = bgr.shape[:2]
    copies = [jpeg(bgr, 60), jpeg(cv2.resize(bgr, (w * 3 // 4, h * 3 // 4)), 85),
              jpeg(bgr[12:h - 12, 12:w - 12], 90)]
    for data in copies:
        assert is_near_duplicate(original, engine.analyze(data).embedding)
    other = engine.analyze(jpeg(dev_bgr("webmorph_lisa", 8), 90)).embedding
    assert not is_near_duplicate(original, other)
    assert cosine(original, other) < DUPLICATE_COSINE
