"""Passive liveness: Silent-Face-Anti-Spoofing's MiniFASNetV2 (crop ×2.7) and MiniFASNetV1SE
(×4.0), and the accept / review / reject bands their mean score falls in."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

from .challenge import FLAT, INCONSISTENT, LIVE
from .runtime import Runtime

REAL_CLASS = 1
ACCEPT, REVIEW, REJECT = "accept", "review", "reject"


def liveness_band(score: float, challenge: str | None, *, reject_below: float,
                  accept_from: float, challenge_accept_from: float) -> str:
    """ACCEPT, REVIEW or REJECT for a passive score, given the challenge's outcome (None when
    the capture had none). A flat burst is refused whatever the score; one that showed a face
    approaching is accepted from the lower threshold; one that moved but not like a face
    (two pictures swapped, say) is never accepted without a supervisor."""
    if challenge == FLAT or score < reject_below:
        return REJECT
    if challenge == INCONSISTENT:
        return REVIEW
    threshold = challenge_accept_from if challenge == LIVE else accept_from
    return ACCEPT if score >= threshold else REVIEW


def widened(box: tuple[float, float, float, float], factor: float
            ) -> tuple[float, float, float, float]:
    """The box scaled by `factor` about its centre."""
    x, y, w, h = box
    return (x + w / 2 - w * factor / 2, y + h / 2 - h * factor / 2, w * factor, h * factor)


def liveness_crop_box(box: tuple[float, float, float, float], width: int, height: int,
                      scale: float) -> tuple[int, int, int, int]:
    """Upstream's CropImage._get_new_box: scale the box about its centre (capped so it fits),
    shift it back inside the image; returns inclusive x1, y1, x2, y2."""
    x, y, bw, bh = box
    bw, bh = max(bw, 1.0), max(bh, 1.0)
    scale = min((height - 1) / bh, (width - 1) / bw, scale)
    new_w, new_h = bw * scale, bh * scale
    cx, cy = x + bw / 2, y + bh / 2
    x1, y1, x2, y2 = cx - new_w / 2, cy - new_h / 2, cx + new_w / 2, cy + new_h / 2
    if x1 < 0:
        x2 -= x1
        x1 = 0
    if y1 < 0:
        y2 -= y1
        y1 = 0
    if x2 > width - 1:
        x1 -= x2 - width + 1
        x2 = width - 1
    if y2 > height - 1:
        y1 -= y2 - height + 1
        y2 = height - 1
    return int(x1), int(y1), int(x2), int(y2)


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


class MiniFASNet:
    """preprocess (crop, resize to 80×80, BGR 0–255 NCHW) → run → postprocess (P(real))."""

    def __init__(self, path: Path, scale: float, runtime: Runtime) -> None:
        self.session = runtime.session(path)
        inp = self.session.get_inputs()[0]
        self.input_name = inp.name
        self.size = (int(inp.shape[3]), int(inp.shape[2]))
        self.scale = scale

    def preprocess(self, bgr: np.ndarray, box: tuple[float, float, float, float]) -> np.ndarray:
        h, w = bgr.shape[:2]
        x1, y1, x2, y2 = liveness_crop_box(box, w, h, self.scale)
        crop = cv2.resize(bgr[y1 : y2 + 1, x1 : x2 + 1], self.size)
        return crop.transpose(2, 0, 1)[None].astype(np.float32)  # no /255, as upstream

    def run(self, blob: np.ndarray) -> np.ndarray:
        return self.session.run(None, {self.input_name: blob})[0]

    @staticmethod
    def postprocess(logits: np.ndarray) -> float:
        return float(softmax(logits.astype(np.float64))[0, REAL_CLASS])

    def real_probability(self, bgr: np.ndarray, box: tuple[float, float, float, float]) -> float:
        return self.postprocess(self.run(self.preprocess(bgr, box)))


class LivenessChecker:
    """Average of the two models' "real" probabilities (0 = attack, 1 = live). YuNet's box is
    tighter than the detector the models were trained with: widening it by `box_scale`
    first gives them the context they expect (spoof-dev, with one replay of 34 let through:
    3 instead of 8 of 37 live frames short of the accept band; docs/FACE_ENGINE.md)."""

    def __init__(self, v2_path: Path, v1se_path: Path, runtime: Runtime,
                 box_scale: float = 1.0) -> None:
        self.models = (MiniFASNet(v2_path, 2.7, runtime), MiniFASNet(v1se_path, 4.0, runtime))
        self.box_scale = box_scale

    def score(self, bgr: np.ndarray, box: tuple[float, float, float, float]) -> float:
        box = widened(box, self.box_scale)
        return float(np.mean([m.real_probability(bgr, box) for m in self.models]))
