"""The active liveness step: did a 3D face follow the instruction "move the phone closer" (or
"further away") during a short burst of frames?

A flat picture (a print, a phone or monitor showing a still) moved towards the camera only
gets bigger: every view of a plane is a homography of every other view, so once the far face
is warped onto the near one by the best-fitting homography the two agree pixel for pixel. A
real face is not flat: seen from 15 cm the nose is relatively larger and the cheeks and ears
turn away, which no homography undoes. The test is therefore the correlation left after that
warp (*flatness*): ~0.997 for flat pictures, ~0.93 for a live face brought to 15 cm. It only
holds when the near view is really near (perspective grows with 1/distance), so a burst whose
near frame is not close enough, or whose faces hardly grow, is "not followed" and retaken —
never judged flat. Calibrated in docs/FACE_ENGINE.md (`python -m face_engine challenge-eval`).
Pure numpy/cv2 over decoded frames and their detections."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from .detector import Detection

CLOSER, FARTHER = "closer", "farther"
INSTRUCTIONS = (CLOSER, FARTHER)
LIVE, FLAT, INCONSISTENT = "live", "flat", "inconsistent"
NOT_FOLLOWED, FACE_CHANGED = "not_followed", "face_changed"

_CROP = 96  # face crops compared for flatness, pixels
# the crop: centred a little above the landmarks' centroid, its side a multiple of the eye
# distance (forehead to chin, cheek to cheek: 1.3× YuNet's box, which is ~3.0 eye distances
# and centred 0.16 of one above the centroid on the dev photos). Landmarks, not the box: a
# box clipped by the frame edge moves, the landmarks do not.
_SIDE_IED = 3.9
_RAISE_IED = 0.16
_ECC = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 30, 1e-4)


@dataclass(frozen=True)
class ChallengeLimits:
    """What counts as following the instruction, and where flat ends (engine config)."""

    near_eye_fraction: float  # eye distance / shorter image side of the nearest frame, at least
    min_growth: float  # eye distance nearest / farthest, at least
    flat_correlation: float  # flatness at or above this: a flat picture
    min_parallax: float  # dome parallax of an approaching face, at least


@dataclass(frozen=True)
class Frame:
    """One frame of the burst: its pixels and its one dominant face (None when not one)."""

    bgr: np.ndarray
    face: Detection | None


@dataclass(frozen=True)
class ChallengeResult:
    outcome: str  # LIVE, FLAT, INCONSISTENT, NOT_FOLLOWED or FACE_CHANGED
    reason: str | None = None  # why not followed: a face missing / cut, too little movement …
    growth: float | None = None  # eye distance nearest / farthest frame
    near_fraction: float | None = None  # eye distance / shorter side in the nearest frame
    similarity: float | None = None  # nearest face vs the selfie (embedding cosine)
    flatness: float | None = None  # see ViewChange
    parallax: float | None = None
    parallax_fit: float | None = None

    @property
    def passed(self) -> bool:
        return self.outcome == LIVE

    def to_dict(self) -> dict:
        numbers = {name: getattr(self, name) for name in (
            "growth", "near_fraction", "similarity", "flatness", "parallax", "parallax_fit")}
        return {"outcome": self.outcome, "reason": self.reason,
                **{k: None if v is None else round(v, 4) for k, v in numbers.items()}}


def eye_distance(face: Detection) -> float:
    (rx, ry), (lx, ly) = face.landmarks[0], face.landmarks[1]
    return float(np.hypot(lx - rx, ly - ry))


def inside(face: Detection, width: int, height: int) -> bool:
    """The whole detector box lies in the image (a cut face cannot be compared)."""
    x, y, w, h = face.box
    return x >= 0 and y >= 0 and x + w <= width and y + h <= height


def far_to_near(instruction: str, frames: Sequence[Frame]) -> list[Frame]:
    """The burst in capture order, turned so that it runs from the farthest view to the
    nearest one as the instruction asks: "closer" starts far, "farther" starts near."""
    if instruction not in INSTRUCTIONS:
        raise ValueError(f"unknown instruction {instruction!r}")
    return list(frames) if instruction == CLOSER else list(frames)[::-1]


def _approach(ordered: Sequence[Frame]) -> tuple[float, float, bool]:
    """Eye-distance growth far → near, the near eye distance as a share of the near frame's
    shorter side, and whether every step grew (a 3 % wobble allowed)."""
    sizes = [eye_distance(f.face) for f in ordered]  # type: ignore[arg-type]
    growth = sizes[-1] / max(sizes[0], 1e-6)
    near_fraction = sizes[-1] / min(ordered[-1].bgr.shape[:2])
    steps_grow = all(b >= a * 0.97 for a, b in zip(sizes, sizes[1:], strict=False))
    return growth, near_fraction, steps_grow


def followed(instruction: str, frames: Sequence[Frame],
             limits: ChallengeLimits) -> ChallengeResult | None:
    """A NOT_FOLLOWED result when the burst does not show one whole face going from far to
    near as instructed; None when it does."""
    ordered = far_to_near(instruction, frames)
    for frame in ordered:
        height, width = frame.bgr.shape[:2]
        if frame.face is None:
            return ChallengeResult(NOT_FOLLOWED, "NO_FACE")
        if not inside(frame.face, width, height):
            return ChallengeResult(NOT_FOLLOWED, "FACE_CUT")
    growth, near_fraction, steps_grow = _approach(ordered)
    if growth < limits.min_growth or not steps_grow:
        return ChallengeResult(NOT_FOLLOWED, "TOO_LITTLE_MOVEMENT", growth, near_fraction)
    if near_fraction < limits.near_eye_fraction:
        return ChallengeResult(NOT_FOLLOWED, "NOT_CLOSE_ENOUGH", growth, near_fraction)
    return None


def judge(instruction: str, frames: Sequence[Frame], near_similarity: float | None,
          match_threshold: float, limits: ChallengeLimits) -> ChallengeResult:
    """The challenge's outcome for a burst in capture order that `followed()` accepted.
    `near_similarity` is the nearest face's cosine to the selfie: the same person must be
    seen all along."""
    ordered = far_to_near(instruction, frames)
    far, near = ordered[0], ordered[-1]
    growth, near_fraction, _ = _approach(ordered)
    seen = {"growth": growth, "near_fraction": near_fraction, "similarity": near_similarity}
    if near_similarity is None or near_similarity < match_threshold:
        return ChallengeResult(FACE_CHANGED, **seen)
    view = compare_views(far, near)
    if view is None:  # no registration at all: nothing was shown that could be judged
        return ChallengeResult(NOT_FOLLOWED, "NO_FIT", **seen)
    if view.flatness >= limits.flat_correlation:
        outcome = FLAT
    elif view.parallax >= limits.min_parallax:
        outcome = LIVE
    else:
        outcome = INCONSISTENT
    return ChallengeResult(outcome, None, flatness=view.flatness, parallax=view.parallax,
                           parallax_fit=view.parallax_fit, **seen)


def face_crop(bgr: np.ndarray, face: Detection) -> tuple[np.ndarray, np.ndarray]:
    """A square grey crop around the face, resized to _CROP, and where it has real pixels."""
    ied = eye_distance(face)
    cx, cy = np.asarray(face.landmarks, np.float64).mean(axis=0)
    cy -= _RAISE_IED * ied
    side = _SIDE_IED * ied
    src = np.float32([[cx - side / 2, cy - side / 2], [cx + side / 2, cy - side / 2],
                      [cx - side / 2, cy + side / 2]])
    dst = np.float32([[0, 0], [_CROP, 0], [0, _CROP]])
    matrix = cv2.getAffineTransform(src, dst)
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY).astype(np.float32)
    crop = cv2.warpAffine(grey, matrix, (_CROP, _CROP), flags=cv2.INTER_AREA,
                          borderMode=cv2.BORDER_REPLICATE)
    valid = cv2.warpAffine(np.ones_like(grey), matrix, (_CROP, _CROP),
                           borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return cv2.GaussianBlur(crop, (3, 3), 0), valid > 0.99


@dataclass(frozen=True)
class ViewChange:
    flatness: float  # correlation of the two faces after the best homography (1 = a plane)
    parallax: float  # amplitude of the dome-shaped swelling that is left (approaching: > 0)
    parallax_fit: float  # how well what is left has that shape (correlation, -1 … 1)


def _homography(far: np.ndarray, near: np.ndarray, near_valid: np.ndarray) -> np.ndarray:
    """The homography taking near-crop pixels to far-crop pixels (ECC, affine at half size
    first so the fit starts close to its answer)."""
    half = (_CROP // 2, _CROP // 2)
    _, affine = cv2.findTransformECC(cv2.resize(near, half, interpolation=cv2.INTER_AREA),
                                     cv2.resize(far, half, interpolation=cv2.INTER_AREA),
                                     np.eye(2, 3, dtype=np.float32), cv2.MOTION_AFFINE, _ECC,
                                     None, 3)
    affine[:, 2] *= 2
    start = np.vstack([affine, [0, 0, 1]]).astype(np.float32)
    _, warp = cv2.findTransformECC(near, far, start, cv2.MOTION_HOMOGRAPHY, _ECC,
                                   near_valid.astype(np.uint8), 5)
    return warp


def compare_views(far: Frame, near: Frame) -> ViewChange | None:
    """How the near face differs from the far one once every difference a flat picture could
    show (a homography) is taken out; None when the faces cannot be registered."""
    a, a_valid = face_crop(far.bgr, far.face)  # type: ignore[arg-type]
    b, b_valid = face_crop(near.bgr, near.face)  # type: ignore[arg-type]
    try:
        warp = _homography(a, b, b_valid)
    except cv2.error:
        return None
    flags = cv2.INTER_LINEAR + cv2.WARP_INVERSE_MAP
    moved = cv2.warpPerspective(a, warp, (_CROP, _CROP), flags=flags,
                                borderMode=cv2.BORDER_REPLICATE)
    moved_valid = cv2.warpPerspective(a_valid.astype(np.float32), warp, (_CROP, _CROP),
                                      flags=flags, borderMode=cv2.BORDER_CONSTANT) > 0.99
    m = _CROP // 6  # the inner face: the border is background and hair
    keep = b_valid[m:-m, m:-m] & moved_valid[m:-m, m:-m]
    if keep.sum() < 100:
        return None
    x, y = b[m:-m, m:-m][keep], moved[m:-m, m:-m][keep]
    x = (x - x.mean()) / (x.std() + 1e-6)
    y = (y - y.mean()) / (y.std() + 1e-6)
    parallax, fit = _dome(moved, b, b_valid & moved_valid)
    return ViewChange(float((x * y).mean()), parallax, fit)


def _dome_fields() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The parallax a camera moving towards a face adds beyond a homography: points nearer
    the camera (nose, middle of the face) swell outwards from the centre more than the
    cheeks. Modelled as a paraboloid height times the radial direction. Returns the disk
    the face fills, the first-order changes a homography can make and the dome, as (u, v)
    flow fields over the crop (shapes N×N, 8×2×N×N and 2×N×N)."""
    ys, xs = np.mgrid[0:_CROP, 0:_CROP].astype(np.float64)
    rx, ry = (xs - _CROP / 2) / _CROP, (ys - _CROP / 2) / _CROP
    r2 = rx**2 + ry**2
    height = np.clip(1 - r2 / 0.42**2, 0, None)
    zero, one = np.zeros_like(rx), np.ones_like(rx)
    homography = np.array([(one, zero), (zero, one), (rx, zero), (ry, zero), (zero, rx),
                           (zero, ry), (rx * rx, rx * ry), (rx * ry, ry * ry)])
    return r2 < 0.40**2, homography, np.array([height * rx, height * ry])


def _without(field: np.ndarray, basis: np.ndarray) -> np.ndarray:
    coef, *_ = np.linalg.lstsq(basis, field, rcond=None)
    return field - basis @ coef


_DISK, _HOMOGRAPHY, _DOME = _dome_fields()


def _dome(moved_far: np.ndarray, near: np.ndarray, valid: np.ndarray) -> tuple[float, float]:
    """Amplitude and fit of the dome parallax in the optical flow from the registered far
    face to the near one, over the pixels both views really show (a face cut by the frame
    edge leaves replicated border, whose flow means nothing)."""
    u8 = [np.clip(img, 0, 255).astype(np.uint8) for img in (moved_far, near)]
    flow = cv2.DISOpticalFlow_create(cv2.DISOPTICAL_FLOW_PRESET_MEDIUM).calc(*u8, None)
    mask = _DISK & valid
    if mask.sum() < 0.5 * _DISK.sum():
        return 0.0, 0.0
    basis = np.stack([np.concatenate([u[mask], v[mask]]) for u, v in _HOMOGRAPHY], axis=1)
    dome = _without(np.concatenate([_DOME[0][mask], _DOME[1][mask]]), basis)
    field = _without(np.concatenate([flow[..., 0][mask], flow[..., 1][mask]]) / _CROP, basis)
    along = float(field @ dome)
    amplitude = along / float(dome @ dome)
    fit = along / (float(np.linalg.norm(field) * np.linalg.norm(dome)) + 1e-12)
    return amplitude, fit
