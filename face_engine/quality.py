"""Quality gate: one dominant face, big enough, sharp enough, well exposed (pure functions)."""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from .detector import Detection
from .results import Quality


def dominant_face(detections: Sequence[Detection],
                  secondary_ratio: float) -> tuple[Detection | None, int]:
    """The largest face and how many faces count: another face counts only if its width is at
    least `secondary_ratio` of the largest one's (a small background face is not a second face)."""
    if not detections:
        return None, 0
    main = max(detections, key=lambda d: d.area)
    count = sum(1 for d in detections if d.box[2] >= secondary_ratio * main.box[2])
    return main, count


def face_size(box: Sequence[float]) -> float:
    """Face size in pixels: the shorter side of the detector's box."""
    return float(min(box[2], box[3]))


def face_fraction(box: Sequence[float], width: int, height: int) -> float:
    """How much of the photo the face box fills: its larger share of the width or height."""
    return float(max(box[2] / width, box[3] / height))


def blur_score(chip_bgr: np.ndarray) -> float:
    """Variance of the Laplacian over the inner face of an aligned chip (higher = sharper)."""
    gray = cv2.cvtColor(_inner(chip_bgr), cv2.COLOR_BGR2GRAY)
    return float(cv2.Laplacian(gray, cv2.CV_64F).var())


def brightness(chip_bgr: np.ndarray) -> float:
    """Mean grey level (0–255) of the inner face of an aligned chip."""
    return float(cv2.cvtColor(_inner(chip_bgr), cv2.COLOR_BGR2GRAY).mean())


def _inner(chip: np.ndarray) -> np.ndarray:
    """The chip without dlib's 0.25 padding: just the face (eyes to chin)."""
    n = chip.shape[0]
    lo, hi = round(n * 0.2), round(n * 0.8)
    return chip[lo:hi, lo:hi]


def assess(face_px: float, chip_bgr: np.ndarray, *, min_face_px: float, min_blur: float,
           min_brightness: float, max_brightness: float) -> Quality:
    """All failing quality reasons, in a fixed order."""
    blur, light = blur_score(chip_bgr), brightness(chip_bgr)
    reasons = []
    if face_px < min_face_px:
        reasons.append("FACE_TOO_SMALL")
    if blur < min_blur:
        reasons.append("FACE_BLURRY")
    if light < min_brightness:
        reasons.append("FACE_TOO_DARK")
    if light > max_brightness:
        reasons.append("FACE_TOO_BRIGHT")
    return Quality(ok=not reasons, face_px=face_px, blur=blur, brightness=light,
                   reasons=tuple(reasons))
