"""Calibration of the challenge (`python -m face_engine challenge-eval`): the outcome of every
built burst (face_engine/sequences.py) and the CPU a challenge adds to a check-in."""

from __future__ import annotations

import statistics
import time
from collections import Counter
from pathlib import Path

import cv2
import numpy as np

from . import sequences as seq
from .challenge import CLOSER, FARTHER, LIVE, eye_distance
from .evaluate import IMAGE_SUFFIXES
from .results import Burst

LIVE_LISA = (5, 6, 7, 8)
ENROL_LISA = (1, 2, 3, 4)


def background(rng: np.random.Generator) -> np.ndarray:
    """A plain room behind the picture: smooth colour blotches and sensor noise."""
    small = rng.uniform(40, 200, (6, 8, 3)).astype(np.float32)
    room = cv2.resize(small, seq.CANVAS, interpolation=cv2.INTER_CUBIC)
    return np.clip(room + rng.normal(0, 3, room.shape), 0, 255).astype(np.uint8)


def pictures(engine, folders: list[Path]) -> list[tuple[str, str, np.ndarray, tuple, float]]:
    """(person, name, pixels, eye centre, eye distance) of every photo with one usable face."""
    out = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES):
            located = engine._locate(path.read_bytes())
            if located.chip is None:
                continue
            marks = np.asarray(located.main.landmarks)
            person = path.name.split("__")[0] if "__" in path.name else path.parent.name
            out.append((person, f"{path.parent.name}/{path.name}", located.image.bgr,
                        tuple(marks[:2].mean(axis=0)), eye_distance(located.main)))
    return out


def build(engine, lisa_dir: Path, folders: list[Path], variants: int = 10,
          seed: int = 7) -> list[seq.Sequence]:
    rng = np.random.default_rng(seed)
    lisa = {n: seq.decode((lisa_dir / f"{n}.jpg").read_bytes()) for n in LIVE_LISA}
    bursts = seq.live_sequences(lisa, variants, seed)
    photos = pictures(engine, folders)
    by_person: dict[str, list] = {}
    for person, name, bgr, eyes, eye_px in photos:
        by_person.setdefault(person, []).append((name, bgr, eyes, eye_px))
        for instruction in (CLOSER, FARTHER):
            views = seq.flat_approach(bgr, eyes, eye_px, background(rng), rng)
            bursts.append(seq.as_burst("flat approach", name, views, instruction,
                                       int(rng.integers(55, 92))))
        still = seq.encode(seq.jitter(bgr, rng))
        bursts.append(seq.Sequence("repeated still", name, CLOSER, still, (still, still)))
        shaken = [seq.jitter(bgr, rng) for _ in range(3)]
        bursts.append(seq.as_burst("shaken still", name, shaken, CLOSER))
    for shots in by_person.values():
        for (a_name, a, a_eyes, a_px), (b_name, b, b_eyes, b_px) in zip(shots, shots[1:],
                                                                        strict=False):
            views = seq.flat_approach(a, a_eyes, a_px, background(rng), rng, b, (b_eyes, b_px))
            bursts.append(seq.as_burst("swap", f"{a_name} → {b_name}", views, CLOSER))
    for triple in seq.LIVE_TRIPLES:
        for v in range(variants):
            views = seq.replayed_recording(lisa, triple, background(rng), rng)
            instruction = (CLOSER, FARTHER)[v % 2]
            bursts.append(seq.as_burst("replayed recording", f"{triple} #{v}", views,
                                       instruction))
    return bursts


def evaluate(engine, bursts: list[seq.Sequence]) -> dict:
    """Outcomes per kind of burst, the figures the thresholds sit between, and which
    non-live bursts passed."""
    report: dict[str, dict] = {}
    for burst in bursts:
        result = engine.check_burst(burst.selfie, Burst(burst.instruction, burst.frames))
        row = report.setdefault(burst.kind, {"bursts": 0, "outcomes": Counter(),
                                             "reasons": Counter(), "passed": [],
                                             "flatness": [], "parallax": []})
        row["bursts"] += 1
        row["outcomes"][result.outcome] += 1
        if result.reason:
            row["reasons"][result.reason] += 1
        if result.flatness is not None:
            row["flatness"].append(result.flatness)
            row["parallax"].append(result.parallax)
        if result.outcome == LIVE and burst.kind != "live":
            row["passed"].append(burst.name)
    for row in report.values():
        for key in ("flatness", "parallax"):
            values = row.pop(key)
            row[key] = ({"min": round(min(values), 4), "median": round(statistics.median(values),
                                                                          4),
                         "max": round(max(values), 4)} if values else None)
        row["outcomes"], row["reasons"] = dict(row["outcomes"]), dict(row["reasons"])
    return report


def cpu_cost(engine, lisa_dir: Path, repeats: int = 5) -> dict:
    """Median milliseconds of one check-in's face step: the selfie alone, and the selfie with
    a two-frame burst (enrolled on webmorph_lisa 1–4, checking in with 8 → 6 → 5)."""
    template = engine.enroll([(lisa_dir / f"{n}.jpg").read_bytes() for n in ENROL_LISA])
    selfie = (lisa_dir / "8.jpg").read_bytes()
    burst = Burst(CLOSER, tuple((lisa_dir / f"{n}.jpg").read_bytes() for n in (6, 5)))
    timings: dict[str, list[float]] = {"selfie": [], "selfie + burst": []}
    for _ in range(repeats):
        for name, extra in (("selfie", None), ("selfie + burst", burst)):
            t0 = time.perf_counter()
            engine.verify(selfie, template, extra)
            timings[name].append((time.perf_counter() - t0) * 1000)
    ms = {name: round(statistics.median(v), 1) for name, v in timings.items()}
    return {"ms": ms, "ratio": round(ms["selfie + burst"] / ms["selfie"], 2)}
