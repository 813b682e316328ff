"""Five-point alignment onto dlib's chip template (pure functions)."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from face_engine.align import (
    align_face,
    chip_template,
    chip_to_image,
    mean_face_points,
    pyramid_levels,
    similarity_transform,
)


def test_template_from_dlib_mean_face():
    tpl = chip_template(150, 0.25)
    # Eye centres: means of dlib's six eye-contour points, symmetric about x = 0.490127.
    assert mean_face_points()[0] == pytest.approx([0.2254918, 0.2159903], abs=1e-6)
    expected = (0.25 + np.array([0.2254918, 0.2159903])) / 1.5 * 150
    assert tpl[0] == pytest.approx(expected, abs=1e-4)
    assert tpl[0, 0] < tpl[2, 0] < tpl[1, 0]  # right eye | nose | left eye, left to right
    assert (tpl[0, 0] + tpl[1, 0]) / 2 == pytest.approx(tpl[2, 0], abs=0.01)
    assert np.all((tpl > 0) & (tpl < 150))


def test_similarity_transform_recovers_known_transform():
    src = chip_template()
    angle, scale, shift = math.radians(17), 2.3, np.array([40.0, -12.5])
    rot = scale * np.array([[math.cos(angle), -math.sin(angle)],
                            [math.sin(angle), math.cos(angle)]])
    dst = src @ rot.T + shift
    m = similarity_transform(src, dst)
    np.testing.assert_allclose(m[:, :2], rot, atol=1e-9)
    np.testing.assert_allclose(m[:, 2], shift, atol=1e-9)


def test_similarity_transform_never_reflects():
    src = chip_template()
    mirrored = src * np.array([-1.0, 1.0])
    m = similarity_transform(src, mirrored)
    assert np.linalg.det(m[:, :2]) > 0
    with pytest.raises(ValueError):
        similarity_transform(np.ones((5, 2)), src)
    with pytest.raises(ValueError):
        similarity_transform(src[:3], src)


@pytest.mark.parametrize(("scale", "levels"), [(0.5, 0), (1.9, 0), (2.0, 0), (2.5, 1), (4.0, 1),
                                               (4.5, 2), (9.0, 3)])
def test_pyramid_levels_follow_dlib(scale, levels):
    assert pyramid_levels(scale) == levels


def test_chip_to_image_is_dlibs_chip_geometry():
    tpl = chip_template()
    landmarks = tpl * 2 + 30  # a face exactly twice the chip's size
    m = chip_to_image(landmarks)
    # dlib spans the 150 chip pixels over 150*scale - 1 image pixels around the fitted centre.
    assert m[0, 0] == pytest.approx((150 * 2 - 1) / 149)
    centre = m @ np.array([74.5, 74.5, 1.0])
    np.testing.assert_allclose(centre, 75 * 2 + 30, atol=1e-9)


def test_align_puts_landmarks_on_the_template():
    """Draw dots at known landmarks in a rotated, scaled image: the chip shows them at the
    template positions."""
    tpl = chip_template()
    angle, scale = math.radians(-25), 2.6
    rot = scale * np.array([[math.cos(angle), -math.sin(angle)],
                            [math.sin(angle), math.cos(angle)]])
    landmarks = tpl @ rot.T + np.array([300.0, 120.0])
    img = np.zeros((800, 800, 3), np.uint8)
    for x, y in landmarks:
        cv2.circle(img, (round(x), round(y)), 9, (255, 255, 255), -1)
    chip = align_face(img, landmarks)
    assert chip.shape == (150, 150, 3) and chip.dtype == np.uint8
    gray = chip[..., 0].astype(float)
    for x, y in tpl:
        ys, xs = np.mgrid[max(0, int(y) - 6):int(y) + 7, max(0, int(x) - 6):int(x) + 7]
        w = gray[ys, xs]
        assert w.sum() > 0
        cx, cy = (w * xs).sum() / w.sum(), (w * ys).sum() / w.sum()
        assert math.hypot(cx - x, cy - y) < 1.0


def test_align_outside_image_is_black_and_safe():
    img = np.full((100, 100, 3), 200, np.uint8)
    far = chip_template() + 5000
    assert not align_face(img, far).any()
    edge = chip_template() - 60  # half the chip falls outside the image
    chip = align_face(img, edge)
    assert chip[:20, :20].max() == 0 and chip[-20:, -20:].min() == 200
