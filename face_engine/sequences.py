"""Challenge bursts built from still photos, for calibrating and testing the challenge
(`python -m face_engine challenge-eval`, tests/face_engine/test_face_challenge.py).

- *Live*: ../shared/faces/dev/webmorph_lisa/5–8.jpg are one live face at 15, 30, 45 and 60 cm;
  triples of them ending at 15 cm, each frame jittered as a hand-held phone would be (a few
  degrees of roll, a shift, exposure, sensor noise, JPEG).
- *Flat approach*: any photo treated as a picture (print or screen still) brought from arm's
  length to a few centimetres, tilting in the hand: the camera sees the picture's plane
  through a pinhole projection, with the same jitter.
- *Swap*: one photo held far, then another photo of the same person held near.
- *Replayed recording*: the live triple shown on a flat screen held still (the recording has
  the 3D change in it; the challenge cannot tell, the passive models must).
Pure numpy/cv2; randomness from a seeded numpy Generator."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .challenge import CLOSER, FARTHER

CANVAS = (480, 640)  # portrait phone frame, width × height
FOCAL_PX = 520.0  # a phone front camera: about 50° across the short side
EYES_CM = 6.3  # eye distance of a life-size face
LISA_CM = {5: 15, 6: 30, 7: 45, 8: 60}  # webmorph_lisa photo → camera distance
LIVE_TRIPLES = ((8, 7, 5), (8, 6, 5), (7, 6, 5))  # far → near


@dataclass(frozen=True)
class Sequence:
    """A burst as a client would send it: the selfie (far end) and the other frames in
    capture order, JPEG bytes."""

    kind: str
    name: str
    instruction: str
    selfie: bytes
    frames: tuple[bytes, ...]


def encode(bgr: np.ndarray, quality: int = 90) -> bytes:
    return cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, int(quality)])[1].tobytes()


def decode(data: bytes) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)


def as_burst(kind: str, name: str, far_to_near: list[np.ndarray], instruction: str,
             quality: int | list[int] = 90) -> Sequence:
    """Frames ordered far → near become what the client sends for the instruction."""
    qualities = quality if isinstance(quality, list) else [quality] * len(far_to_near)
    data = [encode(img, q) for img, q in zip(far_to_near, qualities, strict=True)]
    if instruction == CLOSER:
        return Sequence(kind, name, instruction, data[0], tuple(data[1:]))
    captured = data[::-1]  # started near, ended far: the selfie is the last frame
    return Sequence(kind, name, instruction, captured[-1], tuple(captured[:-1]))


def jitter(bgr: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """What a hand and a phone camera add to each frame: roll, shift, exposure, noise."""
    h, w = bgr.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), rng.uniform(-4, 4), rng.uniform(0.98, 1.02))
    matrix[:, 2] += rng.uniform(-12, 12, 2)
    out = cv2.warpAffine(bgr, matrix, (w, h), borderMode=cv2.BORDER_REPLICATE)
    out = out.astype(np.float32) * rng.uniform(0.85, 1.15) + rng.normal(0, rng.uniform(1, 4),
                                                                          out.shape)
    return np.clip(out, 0, 255).astype(np.uint8)


def live_sequences(lisa: dict[int, np.ndarray], variants: int, seed: int = 0) -> list[Sequence]:
    """Each live triple in both directions as taken, then `variants` jittered copies."""
    rng = np.random.default_rng(seed)
    out = []
    for triple in LIVE_TRIPLES:
        frames = [lisa[n] for n in triple]
        label = "→".join(f"{LISA_CM[n]}" for n in triple) + " cm"
        for instruction in (CLOSER, FARTHER):
            out.append(as_burst("live", f"{label} {instruction}", frames, instruction, 95))
            for v in range(variants):
                shaken = [jitter(f, rng) for f in frames]
                out.append(as_burst("live", f"{label} {instruction} #{v}", shaken, instruction,
                                    [int(rng.integers(55, 92)) for _ in frames]))
    return out


def picture_view(picture: np.ndarray, eyes: tuple[float, float], eye_px: float, distance_cm: float,
                 tilt_deg: tuple[float, float], background: np.ndarray) -> np.ndarray:
    """The camera's view of a flat picture whose face has eyes `eye_px` apart (picture
    pixels) centred at `eyes`, printed life-size, held `distance_cm` away and turned by
    `tilt_deg` (about the vertical and horizontal axes), in front of `background`."""
    h, w = picture.shape[:2]
    cm_per_px = EYES_CM / eye_px
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float64)
    plane = np.c_[(corners - eyes) * cm_per_px, np.zeros(4)]
    ay, ax = np.radians(tilt_deg)
    rot_y = np.array([[np.cos(ay), 0, np.sin(ay)], [0, 1, 0], [-np.sin(ay), 0, np.cos(ay)]])
    rot_x = np.array([[1, 0, 0], [0, np.cos(ax), -np.sin(ax)], [0, np.sin(ax), np.cos(ax)]])
    points = plane @ (rot_x @ rot_y).T + [0, 0, distance_cm]
    centre = np.array([CANVAS[0] / 2, CANVAS[1] * 0.42])
    image = FOCAL_PX * points[:, :2] / points[:, 2:3] + centre
    homography = cv2.getPerspectiveTransform(corners.astype(np.float32),
                                             image.astype(np.float32))
    view = cv2.warpPerspective(picture, homography, CANVAS, flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), homography, CANVAS)
    scene = cv2.resize(background, CANVAS)
    return np.where(mask[..., None] > 0, view, scene)


def distance_for(eye_fraction: float) -> float:
    """How far a life-size face must be for its eyes to span this share of the short side."""
    return FOCAL_PX * EYES_CM / (eye_fraction * CANVAS[0])


def flat_approach(picture: np.ndarray, eyes: tuple[float, float], eye_px: float,
                  background: np.ndarray, rng: np.random.Generator,
                  near_picture: np.ndarray | None = None,
                  near_face: tuple[tuple[float, float], float] | None = None) -> list[np.ndarray]:
    """Far, middle and near views of a picture brought towards the camera (far → near). With
    `near_picture` the near view shows that other picture instead (a swap)."""
    fractions = (rng.uniform(0.09, 0.14), rng.uniform(0.16, 0.21), rng.uniform(0.27, 0.36))
    tilt = rng.uniform(-20, 20, 2)
    views = []
    for i, fraction in enumerate(fractions):
        tilt = tilt + rng.uniform(-6, 6, 2)
        src, src_eyes, src_px = picture, eyes, eye_px
        if near_picture is not None and i == len(fractions) - 1:
            src, (src_eyes, src_px) = near_picture, near_face
        view = picture_view(src, src_eyes, src_px, distance_for(fraction), tuple(tilt),
                            background)
        views.append(jitter(view, rng))
    return views


def replayed_recording(lisa: dict[int, np.ndarray], triple: tuple[int, int, int],
                       background: np.ndarray, rng: np.random.Generator) -> list[np.ndarray]:
    """A recording of the live approach played full-screen on a phone held still 12 cm from
    the camera (far → near; nearer, the recorded near face would not fit the frame): every
    frame goes through the same plane, so the recorded 3D change survives."""
    tilt = tuple(rng.uniform(-15, 15, 2))
    h, w = lisa[triple[0]].shape[:2]
    centre = (w / 2, h / 2)
    frames = []
    for n in triple:
        # the screen shows the whole recorded frame; its width spans about 12 cm
        view = picture_view(lisa[n], centre, w * EYES_CM / 12.0, 12.0, tilt, background)
        frames.append(jitter(view, rng))
    return frames
