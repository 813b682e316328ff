"""Whose face is it? The OPD's other enrolled faces, for the classic "titip absen": a selfie on
my account that shows a colleague, and an enrolment that would give my account a colleague's
face. One matrix per OPD, cached in the process and rebuilt when the OPD's set of active
templates changes (a cheap COUNT/SUM tells)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from peewee import fn

from api.models import Employee, FaceTemplate

_cache: dict[int, tuple[tuple, np.ndarray, np.ndarray]] = {}


@dataclass(frozen=True)
class Match:
    employee_id: int
    similarity: float


def _active(opd_id: int):
    return (FaceTemplate.select().join(Employee, on=(FaceTemplate.employee == Employee.id))
            .where(Employee.opd == opd_id, Employee.active, FaceTemplate.active))


def _faces(opd_id: int) -> tuple[np.ndarray, np.ndarray]:
    """(owner id per row, L2-normalised embeddings) of the OPD's active templates."""
    from face_engine import Template

    marker = _active(opd_id).select(fn.COUNT(FaceTemplate.id), fn.SUM(FaceTemplate.id)).tuples()
    marker = tuple(marker.first() or ())
    cached = _cache.get(opd_id)
    if cached is not None and cached[0] == marker:
        return cached[1], cached[2]
    owners, rows = [], []
    for employee_id, data in _active(opd_id).select(FaceTemplate.employee,
                                                    FaceTemplate.data).tuples():
        embeddings = Template.from_bytes(bytes(data)).embeddings
        owners += [employee_id] * len(embeddings)
        rows.append(embeddings)
    matrix = np.vstack(rows) if rows else np.zeros((0, 128), np.float32)
    matrix = matrix / np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    _cache[opd_id] = (marker, np.array(owners, dtype=np.int64), matrix.astype(np.float32))
    return _cache[opd_id][1], _cache[opd_id][2]


def best_other(opd_id: int, employee_id: int, embeddings: np.ndarray) -> Match | None:
    """The OPD's other employee whose face is closest to any of these embeddings."""
    owners, matrix = _faces(opd_id)
    others = owners != employee_id
    if not others.any():
        return None
    query = np.atleast_2d(np.asarray(embeddings, np.float32))
    query = query / np.maximum(np.linalg.norm(query, axis=1, keepdims=True), 1e-12)
    scores = (matrix[others] @ query.T).max(axis=1)
    best = int(np.argmax(scores))
    return Match(int(owners[others][best]), float(scores[best]))
