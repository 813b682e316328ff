"""The active challenge ("move the phone closer / further away"): a live face approaching the
camera passes; a flat picture brought closer, a repeated still and a burst that does not move
do not; the same person must be seen all along. Real models, real photos: webmorph_lisa/5–8
are one live face at 15, 30, 45 and 60 cm."""

from __future__ import annotations

import numpy as np
import pytest

from face_engine import Burst, EngineConfig, FaceEngineError
from face_engine import sequences as seq
from face_engine.challenge import (
    CLOSER,
    FACE_CHANGED,
    FARTHER,
    FLAT,
    INCONSISTENT,
    LIVE,
    NOT_FOLLOWED,
    Frame,
    followed,
)
from face_engine.challenge_eval import background
from face_engine.detector import Detection
from face_engine.liveness import ACCEPT, REJECT

LIMITS = EngineConfig().challenge_limits


def _face(x: float, y: float, eyes: float) -> Detection:
    """A detection whose eyes are `eyes` pixels apart, box around them."""
    side = eyes * 2.2
    return Detection((x - side / 2, y - side / 2, side, side),
                     ((x - eyes / 2, y), (x + eyes / 2, y), (x, y + eyes / 3),
                      (x - eyes / 3, y + eyes * 0.7), (x + eyes / 3, y + eyes * 0.7)), 0.9)


def _frames(*eyes: float) -> list[Frame]:
    canvas = np.zeros((640, 480, 3), np.uint8)
    return [Frame(canvas, _face(240, 300, e) if e else None) for e in eyes]


@pytest.mark.parametrize(("eyes", "instruction", "reason"), [
    ((60, 90, 140), CLOSER, None),
    ((140, 90, 60), FARTHER, None),  # started near: the selfie is the far end
    ((60, 90, 140), FARTHER, "TOO_LITTLE_MOVEMENT"),  # the opposite of what was asked
    ((60, 65, 70), CLOSER, "TOO_LITTLE_MOVEMENT"),
    ((60, 140, 100), CLOSER, "TOO_LITTLE_MOVEMENT"),  # back and forth
    ((40, 60, 100), CLOSER, "NOT_CLOSE_ENOUGH"),  # grew, but never near: no perspective
    ((60, 0, 140), CLOSER, "NO_FACE"),
    ((60, 90, 400), CLOSER, "FACE_CUT"),  # the near face runs out of the frame
])
def test_following_the_instruction(eyes, instruction, reason):
    problem = followed(instruction, _frames(*eyes), LIMITS)
    assert (problem.reason if problem else None) == reason
    if problem:
        assert problem.outcome == NOT_FOLLOWED and not problem.passed


def test_a_burst_has_one_to_three_frames_and_a_known_instruction():
    with pytest.raises(FaceEngineError) as exc:
        Burst(CLOSER, ())
    assert exc.value.code == "CHALLENGE_FRAMES"
    with pytest.raises(FaceEngineError):
        Burst(CLOSER, (b"a",) * 4)
    with pytest.raises(FaceEngineError) as exc:
        Burst("turn left", (b"a",))
    assert exc.value.code == "CHALLENGE_INVALID"


def test_one_detector_run_finds_the_faces_of_a_burst(engine, dev_bgr):
    images = [dev_bgr("webmorph_lisa", n) for n in (8, 7, 6)]
    together = engine.detector.detect_many(images)
    for image, found in zip(images, together, strict=True):
        alone = engine.detector.detect(image)[0]
        assert len(found) == 1
        scale = alone.box[2]
        assert np.allclose(found[0].box, alone.box, atol=0.1 * scale)
        assert np.allclose(found[0].landmarks, alone.landmarks, atol=0.1 * scale)


@pytest.fixture(scope="module")
def lisa(dev_bgr):
    return {n: dev_bgr("webmorph_lisa", n) for n in (5, 6, 7, 8)}


def _check(engine, burst: seq.Sequence):
    return engine.check_burst(burst.selfie, Burst(burst.instruction, burst.frames))


@pytest.mark.parametrize("instruction", [CLOSER, FARTHER])
@pytest.mark.parametrize("triple", seq.LIVE_TRIPLES)
def test_a_live_face_approaching_passes(engine, lisa, triple, instruction):
    burst = seq.as_burst("live", "lisa", [lisa[n] for n in triple], instruction)
    result = _check(engine, burst)
    assert result.outcome == LIVE, result
    assert result.growth > LIMITS.min_growth and result.similarity > 0.93


def test_a_hand_held_live_approach_passes(engine, lisa):
    bursts = seq.live_sequences(lisa, variants=2, seed=3)
    outcomes = [_check(engine, b).outcome for b in bursts if "#" in b.name]
    assert outcomes == [LIVE] * len(outcomes)


@pytest.mark.parametrize("identity", ["london_001", "london_020", "webmorph_lisa"])
def test_a_flat_picture_brought_closer_fails(engine, dev_bgr, identity):
    """A print or a phone showing a still, moved from arm's length to a few cm, tilting."""
    rng = np.random.default_rng(11)
    picture = _picture(engine, dev_bgr(identity, 1))
    for instruction in (CLOSER, FARTHER):
        views = seq.flat_approach(*picture, background(rng), rng)
        result = _check(engine, seq.as_burst("flat", identity, views, instruction))
        # flat (refused), or at most inconsistent (a supervisor looks): never live
        assert result.outcome in (FLAT, INCONSISTENT), result
        assert result.flatness >= LIMITS.flat_correlation or \
            result.parallax < LIMITS.min_parallax


def test_a_repeated_still_is_not_a_movement(engine, dev_photo):
    still = dev_photo("london_003", 1)
    result = engine.check_burst(still, Burst(CLOSER, (still, still)))
    assert result.outcome == NOT_FOLLOWED and result.reason == "TOO_LITTLE_MOVEMENT"


def _picture(engine, bgr: np.ndarray) -> tuple[np.ndarray, tuple, float]:
    """A photo as a flat picture: its pixels, eye centre and eye distance."""
    located = engine._locate(seq.encode(bgr))
    marks = np.asarray(located.main.landmarks)
    return (located.image.bgr, tuple(marks[:2].mean(axis=0)),
            float(np.linalg.norm(marks[1] - marks[0])))


def test_another_face_at_the_near_end_is_a_changed_face(engine, lisa, dev_bgr):
    """Lisa far and half-way, then a colleague's face held up close to the camera."""
    rng = np.random.default_rng(2)
    other, eyes, eye_px = _picture(engine, dev_bgr("london_005", 1))
    near = seq.picture_view(other, eyes, eye_px, seq.distance_for(0.30), (0, 0),
                            background(rng))
    result = engine.check_burst(seq.encode(lisa[8]),
                                Burst(CLOSER, (seq.encode(lisa[6]), seq.encode(near))))
    assert result.outcome == FACE_CHANGED and result.similarity < 0.93


@pytest.fixture(scope="module")
def lisa_template(engine, dev_photo):
    return engine.enroll([dev_photo("webmorph_lisa", n) for n in (1, 2, 3, 4)])


def test_verify_with_a_passed_challenge_accepts(engine, dev_photo, lisa_template):
    burst = Burst(CLOSER, (dev_photo("webmorph_lisa", 6), dev_photo("webmorph_lisa", 5)))
    result = engine.verify(dev_photo("webmorph_lisa", 8), lisa_template, burst)
    assert result.ok and result.band == ACCEPT and result.challenge.passed


def test_verify_refuses_a_flat_picture_brought_closer(engine, dev_bgr, lisa_template):
    """Lisa's own enrolment photo held up and brought closer: her face, but refused (the
    passive models already see the print's far view; the challenge sees it flat)."""
    rng = np.random.default_rng(5)
    views = seq.flat_approach(*_picture(engine, dev_bgr("webmorph_lisa", 1)), background(rng),
                              rng)
    burst = seq.as_burst("flat", "lisa 1", views, CLOSER)
    result = engine.verify(burst.selfie, lisa_template, Burst(CLOSER, burst.frames))
    assert result.match and not result.ok
    assert result.band == REJECT and "SPOOF_SUSPECTED" in result.reasons
    assert engine.check_burst(burst.selfie, Burst(CLOSER, burst.frames)).outcome == FLAT


def test_verify_with_a_still_burst_asks_for_a_retake(engine, dev_photo, lisa_template):
    still = dev_photo("webmorph_lisa", 8)
    result = engine.verify(still, lisa_template, Burst(FARTHER, (still,)))
    assert result.reasons == ("CHALLENGE_NOT_FOLLOWED",) and result.band is None
