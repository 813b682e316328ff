"""Verification metrics over a folder laid out <identity>/<image>, and stage timings."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from .errors import ImageError

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp"}
STAGES = ("detect", "align", "embed", "liveness", "total")


def list_images(root: Path) -> list[tuple[str, Path]]:
    """(identity, path) for every image one folder below root, sorted."""
    return [(d.name, p) for d in sorted(Path(root).iterdir()) if d.is_dir()
            for p in sorted(d.iterdir()) if p.suffix.lower() in IMAGE_SUFFIXES]


def pair_scores(embeddings: np.ndarray, labels: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Cosine similarity of every unordered pair, split into genuine and impostor pairs."""
    emb = np.asarray(embeddings, np.float64)
    sims = emb @ emb.T
    iu = np.triu_indices(len(emb), 1)
    lab = np.asarray(labels)
    same = (lab[:, None] == lab[None, :])[iu]
    return sims[iu][same], sims[iu][~same]


def threshold_at_far(impostor: np.ndarray, far: float) -> float:
    """Lowest threshold t (accept when similarity >= t) whose false-accept rate is <= far."""
    imp = np.sort(np.asarray(impostor, np.float64))[::-1]
    allowed = int(np.floor(far * len(imp)))
    if allowed >= len(imp):
        return float("-inf")
    return float(np.nextafter(imp[allowed], np.inf))


def tar_at_far(genuine: np.ndarray, impostor: np.ndarray, far: float) -> float:
    return float(np.mean(np.asarray(genuine) >= threshold_at_far(impostor, far)))


def equal_error_rate(genuine: np.ndarray, impostor: np.ndarray) -> float:
    """Rate where false rejects equal false accepts (midpoint at the closest threshold)."""
    gen, imp = np.asarray(genuine, np.float64), np.asarray(impostor, np.float64)
    best = (np.inf, 1.0)
    for t in np.unique(np.concatenate([gen, imp, [np.inf]])):
        frr, far = float(np.mean(gen < t)), float(np.mean(imp >= t))
        if abs(frr - far) < best[0]:
            best = (abs(frr - far), (frr + far) / 2)
    return best[1]


def evaluate(engine, root: Path, progress: Callable[[int, int], None] | None = None) -> dict:
    """Run the full pipeline on every image (one at a time, as a check-in would) and compute
    the verification metrics over all pairs of images that have a usable face."""
    items = list_images(root)
    labels, embeddings, times = [], [], {s: [] for s in STAGES}
    no_face = unreadable = 0
    for i, (identity, path) in enumerate(items):
        try:
            analysis, t = engine.analyze_timed(path.read_bytes())
        except ImageError:
            unreadable += 1
            continue
        if analysis.embedding is None:
            no_face += 1
        else:
            labels.append(identity)
            embeddings.append(analysis.embedding)
            for stage in STAGES:
                times[stage].append(t[stage])
        if progress:
            progress(i + 1, len(items))
    genuine, impostor = pair_scores(np.array(embeddings), labels)
    result = {
        "images": len(items),
        "identities": len({identity for identity, _ in items}),
        "no_face": no_face,
        "unreadable": unreadable,
        "genuine_pairs": int(len(genuine)),
        "impostor_pairs": int(len(impostor)),
        "tar_at_far_1e-2": round(tar_at_far(genuine, impostor, 1e-2), 4),
        "tar_at_far_1e-3": round(tar_at_far(genuine, impostor, 1e-3), 4),
        "eer": round(equal_error_rate(genuine, impostor), 4),
        "threshold": round(threshold_at_far(impostor, 1e-3), 4),
        "genuine_min": round(float(genuine.min()), 4) if len(genuine) else None,
        "impostor_max": round(float(impostor.max()), 4) if len(impostor) else None,
        "ms": {s: round(1000 * statistics.median(v), 2) if v else None for s, v in times.items()},
    }
    return result


def format_table(result: dict) -> str:
    rows = [(k, v) for k, v in result.items() if k != "ms"]
    rows += [(f"ms {stage} (median)", v) for stage, v in result["ms"].items()]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def bench(engine_factory: Callable, config, images: list[bytes], repeats: int = 3,
          thread_counts: tuple[int, ...] = (1, 2)) -> dict:
    """Median per-stage milliseconds and images/s (sequential analyze calls) per thread count."""
    report = {}
    for threads in thread_counts:
        engine = engine_factory(replace(config, threads=threads))
        engine.analyze(images[0])  # warm-up: first run allocates ORT buffers
        times = {s: [] for s in ("decode", *STAGES)}
        start = time.perf_counter()
        for _ in range(repeats):
            for data in images:
                _, t = engine.analyze_timed(data)
                if "total" not in t:
                    continue
                for stage in times:
                    times[stage].append(t[stage])
        elapsed = time.perf_counter() - start
        report[f"threads={threads}"] = {
            "ms": {s: round(1000 * statistics.median(v), 2) for s, v in times.items() if v},
            "images_per_s": round(repeats * len(images) / elapsed, 2),
        }
    return report
