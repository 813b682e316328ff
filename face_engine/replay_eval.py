"""Calibration of copy detection (`python -m face_engine replay-eval`): every copy of a photo
at 0.5–1.0× scale and JPEG quality 50–95 must be caught, and no two different genuine photos
of one person (a studio session, a webcam session seconds apart) taken for a copy."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable
from pathlib import Path

import cv2
import numpy as np

from .fingerprint import COPY_CORRELATION, copy_of, correlation
from .matching import cosine

SCALES = (0.5, 0.6, 0.7, 0.83, 0.9, 1.0)
QUALITIES = (50, 60, 70, 80, 90, 95)


def sessions(folders: Iterable[Path]) -> dict[str, list[Path]]:
    """Photos grouped by person and session: DIR/<identity>/*.jpg, or flat webcam frames
    named <session>__<frame>.jpg (../shared/faces/spoof-dev/live)."""
    groups: dict[str, list[Path]] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*.jpg")):
            key = (path.name.split("__")[0] if "__" in path.name
                   else f"{path.parent.name}")
            groups.setdefault(f"{folder.name}/{key}", []).append(path)
    return groups


def copies(data: bytes) -> Iterable[tuple[float, int, bytes]]:
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    for scale in SCALES:
        resized = image if scale == 1 else cv2.resize(image, None, fx=scale, fy=scale,
                                                      interpolation=cv2.INTER_AREA)
        for quality in QUALITIES:
            yield scale, quality, cv2.imencode(".jpg", resized,
                                               [cv2.IMWRITE_JPEG_QUALITY, quality])[1].tobytes()


def evaluate(engine, folders: list[Path], every: int = 1) -> dict:
    """Copies of every `every`-th usable photo, and all genuine pairs within a session."""
    faces = {}
    for group, paths in sessions(folders).items():
        for path in paths:
            analysis = engine.analyze(path.read_bytes())
            if analysis.embedding is not None:
                faces[path] = (group, analysis.embedding, analysis.face_print)
    genuine = {"pairs": 0, "taken_for_copies": [], "max_correlation": -1.0}
    by_group: dict[str, list[Path]] = {}
    for path, (group, _, _) in faces.items():
        by_group.setdefault(group, []).append(path)
    for paths in by_group.values():
        for a, b in itertools.combinations(paths, 2):
            genuine["pairs"] += 1
            (_, ea, pa), (_, eb, pb) = faces[a], faces[b]
            genuine["max_correlation"] = max(genuine["max_correlation"], correlation(pa, pb))
            if copy_of(ea, pa, [(eb, pb)]) is not None:
                genuine["taken_for_copies"].append([a.name, b.name])
    copied = {"copies": 0, "caught": 0, "missed": [], "min_correlation": 1.0,
              "min_cosine": 1.0}
    compare_ms = []
    for path in list(faces)[::every]:
        _, embedding, fingerprint = faces[path]
        for scale, quality, data in copies(path.read_bytes()):
            analysis = engine.analyze(data)
            copied["copies"] += 1
            if analysis.embedding is None:
                copied["missed"].append([path.name, scale, quality, "no face"])
                continue
            started = time.perf_counter()
            hit = copy_of(analysis.embedding, analysis.face_print, [(embedding, fingerprint)])
            compare_ms.append((time.perf_counter() - started) * 1000)
            copied["min_correlation"] = min(copied["min_correlation"],
                                            correlation(analysis.face_print, fingerprint))
            copied["min_cosine"] = min(copied["min_cosine"], cosine(analysis.embedding,
                                                                    embedding))
            if hit is None:
                copied["missed"].append([path.name, scale, quality])
            else:
                copied["caught"] += 1
    return {"photos": len(faces), "threshold": COPY_CORRELATION, "genuine": genuine,
            "copies": copied, "compare_ms_median": round(float(np.median(compare_ms)), 2)
            if compare_ms else None}
