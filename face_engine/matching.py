"""Similarity of L2-normalised embeddings (pure functions)."""

from __future__ import annotations

import numpy as np


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

