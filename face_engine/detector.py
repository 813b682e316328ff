"""YuNet face detector on onnxruntime, with its anchor-free decode and NMS in numpy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from .runtime import Runtime

STRIDES = (8, 16, 32)


@dataclass(frozen=True)
class Detection:
    """One face: box (x, y, w, h), five landmarks (right eye, left eye, nose tip, right and
    left mouth corner; subject's right is image left) and the detector score."""

    box: tuple[float, float, float, float]
    landmarks: tuple[tuple[float, float], ...]
    score: float

    @property
    def area(self) -> float:
        return self.box[2] * self.box[3]

    def shifted(self, dx: float, dy: float) -> Detection:
        x, y, w, h = self.box
        return Detection((x + dx, y + dy, w, h),
                         tuple((px + dx, py + dy) for px, py in self.landmarks), self.score)

    def scaled(self, factor: float) -> Detection:
        """The same detection in an image `factor` times larger."""
        return Detection(
            box=tuple(float(v * factor) for v in self.box),  # type: ignore[arg-type]
            landmarks=tuple((float(x * factor), float(y * factor)) for x, y in self.landmarks),
            score=self.score,
        )


def decode_yunet(outputs: dict[str, np.ndarray], width: int, height: int,
                 score_threshold: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """YuNet's heads → boxes (N×4 x,y,w,h), landmarks (N×5×2), scores (N), before NMS.

    score = sqrt(cls·obj); centre = (col + dx, row + dy)·s; size = exp(dw, dh)·s;
    landmark = (k + (col, row))·s — as in OpenCV's FaceDetectorYN."""
    boxes, marks, scores = [], [], []
    for s in STRIDES:
        cols = width // s
        cls = np.clip(outputs[f"cls_{s}"].reshape(-1), 0.0, 1.0)
        obj = np.clip(outputs[f"obj_{s}"].reshape(-1), 0.0, 1.0)
        score = np.sqrt(cls * obj)
        idx = np.flatnonzero(score >= score_threshold)
        if idx.size == 0:
            continue
        cell = np.stack([idx % cols, idx // cols], axis=1).astype(np.float32)
        bbox = outputs[f"bbox_{s}"].reshape(-1, 4)[idx]
        kps = outputs[f"kps_{s}"].reshape(-1, 5, 2)[idx]
        centre = (cell + bbox[:, :2]) * s
        size = np.exp(bbox[:, 2:]) * s
        boxes.append(np.concatenate([centre - size / 2, size], axis=1))
        marks.append((kps + cell[:, None, :]) * s)
        scores.append(score[idx])
    if not boxes:
        empty = np.zeros(0, np.float32)
        return empty.reshape(0, 4), empty.reshape(0, 5, 2), empty
    return np.concatenate(boxes), np.concatenate(marks), np.concatenate(scores)


def iou(box: np.ndarray, others: np.ndarray) -> np.ndarray:
    """Intersection over union of one x,y,w,h box with each row of `others`."""
    x1 = np.maximum(box[0], others[:, 0])
    y1 = np.maximum(box[1], others[:, 1])
    x2 = np.minimum(box[0] + box[2], others[:, 0] + others[:, 2])
    y2 = np.minimum(box[1] + box[3], others[:, 1] + others[:, 3])
    inter = np.clip(x2 - x1, 0, None) * np.clip(y2 - y1, 0, None)
    union = box[2] * box[3] + others[:, 2] * others[:, 3] - inter
    return np.where(union > 0, inter / np.maximum(union, 1e-12), 0.0)


def nms(boxes: np.ndarray, scores: np.ndarray, iou_threshold: float,
        top_k: int = 5000) -> list[int]:
    """Greedy non-maximum suppression; indices of kept boxes, best score first."""
    order = np.argsort(-scores, kind="stable")[:top_k]
    keep: list[int] = []
    while order.size:
        best = int(order[0])
        keep.append(best)
        rest = order[1:]
        order = rest[iou(boxes[best], boxes[rest]) <= iou_threshold]
    return keep


class YuNetDetector:
    """preprocess (resize, pad, NCHW BGR float) → run → postprocess (decode, NMS, rescale)."""

    def __init__(self, path: Path, runtime: Runtime, score_threshold: float = 0.6,
                 nms_threshold: float = 0.3, max_side: int = 640) -> None:
        self.session = runtime.session(path)
        inp = self.session.get_inputs()[0]
        self.input_name = inp.name
        self.output_names = [o.name for o in self.session.get_outputs()]
        h, w = inp.shape[2], inp.shape[3]
        self.fixed_size = (w, h) if isinstance(w, int) and isinstance(h, int) else None
        self.max_side = min(max_side, *self.fixed_size) if self.fixed_size else max_side
        self.score_threshold = score_threshold
        self.nms_threshold = nms_threshold

    def preprocess(self, bgr: np.ndarray) -> tuple[np.ndarray, float]:
        """Downscale so the longer side is at most max_side, pad to the net's input size.
        Returns the blob and the factor from image pixels to blob pixels."""
        h0, w0 = bgr.shape[:2]
        if max(h0, w0) > self.max_side:
            factor = self.max_side / max(h0, w0)
            size = (max(1, round(w0 * factor)), max(1, round(h0 * factor)))
            bgr = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)
        h, w = bgr.shape[:2]
        pw, ph = self.fixed_size or (-(-w // 32) * 32, -(-h // 32) * 32)
        blob = np.zeros((1, 3, ph, pw), np.float32)
        blob[0, :, :h, :w] = bgr.transpose(2, 0, 1)
        return blob, w / w0

    def run(self, blob: np.ndarray) -> dict[str, np.ndarray]:
        outs = self.session.run(self.output_names, {self.input_name: blob})
        return dict(zip(self.output_names, outs, strict=True))

    def postprocess(self, outputs: dict[str, np.ndarray], blob_shape: tuple[int, ...],
                    factor: float) -> list[Detection]:
        height, width = blob_shape[2], blob_shape[3]
        boxes, marks, scores = decode_yunet(outputs, width, height, self.score_threshold)
        return [
            Detection(
                box=tuple(float(v) for v in boxes[i]),  # type: ignore[arg-type]
                landmarks=tuple((float(x), float(y)) for x, y in marks[i]),
                score=float(scores[i]),
            ).scaled(1.0 / factor)
            for i in nms(boxes, scores, self.nms_threshold)
        ]

    def detect(self, bgr: np.ndarray) -> list[Detection]:
        """Faces in a BGR uint8 image, coordinates in that image's pixels, best score first."""
        blob, factor = self.preprocess(bgr)
        return self.postprocess(self.run(blob), blob.shape, factor)

    def detect_many(self, images: Sequence[np.ndarray]) -> list[list[Detection]]:
        """Faces in up to four images in one run: each is shrunk into a quarter of the input
        (so only large faces are found — a challenge burst). A face cut by its quarter's
        edge comes back reaching outside its image."""
        if not 1 <= len(images) <= 4:
            raise ValueError("detect_many takes 1 to 4 images")
        pw, ph = self.fixed_size or (self.max_side, self.max_side)
        cell_w, cell_h = pw // 2, ph // 2
        blob = np.zeros((1, 3, ph, pw), np.float32)
        placed = []  # (x0, y0, factor, width, height) of each image in the blob
        for i, bgr in enumerate(images):
            h0, w0 = bgr.shape[:2]
            factor = min(cell_w / w0, cell_h / h0)
            size = (max(1, int(w0 * factor)), max(1, int(h0 * factor)))
            small = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)
            x0, y0 = (i % 2) * cell_w, (i // 2) * cell_h
            blob[0, :, y0 : y0 + size[1], x0 : x0 + size[0]] = small.transpose(2, 0, 1)
            placed.append((x0, y0, factor, *size))
        found: list[list[Detection]] = [[] for _ in images]
        for det in self.postprocess(self.run(blob), blob.shape, 1.0):
            cx, cy = det.box[0] + det.box[2] / 2, det.box[1] + det.box[3] / 2
            for i, (x0, y0, factor, w, h) in enumerate(placed):
                if x0 <= cx < x0 + w and y0 <= cy < y0 + h:
                    found[i].append(det.shifted(-x0, -y0).scaled(1.0 / factor))
        return found
