"""Is this selfie a copy of an earlier picture (resized, recompressed), or a new capture?

The embedding cannot tell: two photos of one person taken a second apart are as close as a
copy (cosine up to 0.997 on the dev set). Pixels can, once the faces are laid on each other:
a copy keeps every fine detail, a new capture does not (a blink, a hair, the light). So each
face keeps a *fingerprint* — its aligned chip as an 80×80 grey image — and two fingerprints
are compared after registering one on the other (an affine ECC fit absorbs the few pixels the
landmarks wander between a photo and its copy), by normalised cross-correlation.
Calibrated in docs/FACE_ENGINE.md (`python -m face_engine replay-eval`). Pure numpy/cv2."""

from __future__ import annotations

import cv2
import numpy as np

PRINT_SIZE = 80
PRINT_BYTES = PRINT_SIZE * PRINT_SIZE
#: Registered correlation at or above which two fingerprints are the same picture.
COPY_CORRELATION = 0.988
#: Only faces this close in embedding space are compared pixel by pixel (a copy of a small
#: webcam face at half size drifts to 0.93; two different people sit below 0.85).
CANDIDATE_COSINE = 0.90
_ECC = (cv2.TERM_CRITERIA_EPS | cv2.TERM_CRITERIA_COUNT, 50, 1e-5)


def face_print(chip: np.ndarray) -> np.ndarray:
    """The fingerprint of an aligned face chip (BGR): 80×80 uint8 grey."""
    grey = cv2.cvtColor(chip, cv2.COLOR_BGR2GRAY) if chip.ndim == 3 else chip
    return cv2.resize(grey, (PRINT_SIZE, PRINT_SIZE), interpolation=cv2.INTER_AREA)


def to_bytes(fingerprint: np.ndarray) -> bytes:
    return np.ascontiguousarray(fingerprint, dtype=np.uint8).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    if len(data) != PRINT_BYTES:
        raise ValueError("a face fingerprint is 80×80 bytes")
    return np.frombuffer(data, dtype=np.uint8).reshape(PRINT_SIZE, PRINT_SIZE)


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Correlation of two fingerprints after fitting b onto a (affine); -1 when no fit."""
    fixed, moving = a.astype(np.float32), b.astype(np.float32)
    warp = np.eye(2, 3, dtype=np.float32)
    try:
        _, warp = cv2.findTransformECC(fixed, moving, warp, cv2.MOTION_AFFINE, _ECC, None, 3)
    except cv2.error:
        return -1.0
    moved = cv2.warpAffine(moving, warp, (PRINT_SIZE, PRINT_SIZE),
                           flags=cv2.INTER_LINEAR + cv2.WARP_INVERSE_MAP,
                           borderMode=cv2.BORDER_REFLECT)
    margin = PRINT_SIZE // 8  # the border is where the fit is least sure
    x = fixed[margin:-margin, margin:-margin]
    y = moved[margin:-margin, margin:-margin]
    x = (x - x.mean()) / (x.std() + 1e-6)
    y = (y - y.mean()) / (y.std() + 1e-6)
    return float((x * y).mean())


def is_copy(a: np.ndarray, b: np.ndarray, threshold: float = COPY_CORRELATION) -> bool:
    return correlation(a, b) >= threshold


def copy_of(embedding: np.ndarray, fingerprint: np.ndarray,
            earlier: list[tuple[np.ndarray, np.ndarray]], top: int = 3) -> int | None:
    """Index of the earlier (embedding, fingerprint) this face is a copy of, or None.

    Only the `top` earlier faces closest in embedding space (and at least CANDIDATE_COSINE)
    are registered pixel by pixel: a copy is always among them, and a check-in stays cheap."""
    if not earlier:
        return None
    matrix = np.stack([np.asarray(e, np.float32) for e, _ in earlier])
    query = np.asarray(embedding, np.float32)
    scores = matrix @ query / (np.linalg.norm(matrix, axis=1) * np.linalg.norm(query) + 1e-12)
    for index in np.argsort(-scores)[:top]:
        if scores[index] < CANDIDATE_COSINE:
            break
        if is_copy(fingerprint, earlier[index][1]):
            return int(index)
    return None
