"""dlib ResNet face recognizer (converted to ONNX) on onnxruntime."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .runtime import Runtime


class DlibRecognizer:
    """preprocess (BGR chips → RGB NCHW float) → run → postprocess (L2-normalise).

    The ONNX graph itself subtracts dlib's channel means and divides by 256."""

    def __init__(self, path: Path, runtime: Runtime, batch_size: int = 16) -> None:
        self.session = runtime.session(path)
        inp = self.session.get_inputs()[0]
        self.input_name = inp.name
        self.chip_size = int(inp.shape[2])
        self.batch_size = max(1, batch_size)

    def preprocess(self, chips_bgr: list[np.ndarray]) -> np.ndarray:
        blob = np.stack(chips_bgr)[..., ::-1].transpose(0, 3, 1, 2)
        return np.ascontiguousarray(blob, dtype=np.float32)

    def run(self, blob: np.ndarray) -> np.ndarray:
        """Raw 128-d dlib descriptors (comparable with dlib's own, Euclidean threshold 0.6)."""
        return self.session.run(None, {self.input_name: blob})[0]

    @staticmethod
    def postprocess(descriptors: np.ndarray) -> np.ndarray:
        norms = np.linalg.norm(descriptors, axis=1, keepdims=True)
        return (descriptors / np.maximum(norms, 1e-12)).astype(np.float32)

    def embed(self, chips_bgr: list[np.ndarray]) -> np.ndarray:
        """L2-normalised embeddings (N×128 float32) for 150×150 BGR chips, in batches."""
        if not chips_bgr:
            return np.zeros((0, 128), np.float32)
        parts = [
            self.postprocess(self.run(self.preprocess(chips_bgr[i : i + self.batch_size])))
            for i in range(0, len(chips_bgr), self.batch_size)
        ]
        return np.concatenate(parts)
