"""Similarity of L2-normalised embeddings (pure functions)."""

from __future__ import annotations

import numpy as np

#: Cosine above which two embeddings are taken to come from the same photo (a replay):
#: calibrated in docs/FACE_ENGINE.md on re-encoded/resized/cropped dev photos.
DUPLICATE_COSINE = 0.99


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    """Cosine similarity of two vectors (normalises them, so raw descriptors work too)."""
    a = np.asarray(a, np.float64).ravel()
    b = np.asarray(b, np.float64).ravel()
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    if na == 0 or nb == 0:
        return 0.0
    return float(a @ b / (na * nb))


def best_similarity(embedding: np.ndarray, templates: np.ndarray) -> float:
    """Highest cosine between one embedding and the rows of a template matrix."""
    rows = np.atleast_2d(np.asarray(templates, np.float64))
    return max(cosine(embedding, row) for row in rows)


def is_near_duplicate(emb_a: np.ndarray, emb_b: np.ndarray,
                      threshold: float = DUPLICATE_COSINE) -> bool:
    """True when two embeddings are so close that the photos are almost surely the same
    picture re-sent (re-encoded, resized or slightly cropped), not a new capture."""
    return cosine(emb_a, emb_b) >= threshold
