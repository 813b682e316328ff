"""Similarity and replay (near-duplicate) detection on real embeddings."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
from face_helpers import jpeg

from face_engine import cosine, fingerprint
from face_engine.matching import best_similarity


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


def test_a_copy_is_caught_and_a_new_photo_of_the_same_face_is_not(engine, dev_bgr):
    bgr = dev_bgr("webmorph_lisa", 5)
    first = engine.analyze(jpeg(bgr, 90))
    earlier = [(first.embedding, first.face_print)]
    h, w = bgr.shape[:2]
    copies = [jpeg(bgr, 60), jpeg(cv2.resize(bgr, (w * 3 // 4, h * 3 // 4)), 85),
              jpeg(bgr[12:h - 12, 12:w - 12], 90), jpeg(cv2.resize(bgr, (w // 2, h // 2)), 50)]
    for data in copies:
        copy = engine.analyze(data)
        assert fingerprint.copy_of(copy.embedding, copy.face_print, earlier) == 0
    # the same person a few seconds later (the zoom series) and a studio pair are fresh
    for identity, number in (("webmorph_lisa", 6), ("webmorph_lisa", 8)):
        other = engine.analyze(jpeg(dev_bgr(identity, number), 90))
        assert cosine(first.embedding, other.embedding) >= engine.config.match_threshold
        assert fingerprint.copy_of(other.embedding, other.face_print, earlier) is None
    one, two = (engine.analyze(jpeg(dev_bgr("london_121", n), 90)) for n in (1, 2))
    assert cosine(one.embedding, two.embedding) > 0.99  # as close as copies by embedding…
    assert fingerprint.copy_of(two.embedding, two.face_print,
                               [(one.embedding, one.face_print)]) is None  # …but not a copy


def test_fingerprints_round_trip_and_refuse_other_sizes():
    import numpy as np

    chip = np.random.default_rng(1).integers(0, 255, (150, 150, 3), dtype=np.uint8)
    print_ = fingerprint.face_print(chip)
    assert print_.shape == (80, 80) and print_.dtype == np.uint8
    assert (fingerprint.from_bytes(fingerprint.to_bytes(print_)) == print_).all()
    with pytest.raises(ValueError):
        fingerprint.from_bytes(b"\x00" * 100)
    assert fingerprint.correlation(print_, print_) > 0.999
