"""Calibration of the passive liveness bands (`python -m face_engine liveness-eval`).

Every photo of a live folder and of an attack folder is scored once; then, for each pair of
thresholds on a grid, the ISO/IEC 30107-3 rates the bands give on single frames:

- APCER: attacks accepted outright (score ≥ accept);
- BPCER: live photos rejected outright (score < reject);
- review: live photos sent to a supervisor (reject ≤ score < accept);
- attacks reviewed: attacks that a supervisor would see.

A photo the engine does not judge (no face, two faces, too close) is counted apart."""

from __future__ import annotations

from pathlib import Path

from .evaluate import IMAGE_SUFFIXES

REJECT_GRID = (0.20, 0.25, 0.30, 0.35, 0.40)
ACCEPT_GRID = (0.50, 0.60, 0.70, 0.80, 0.83, 0.85, 0.90)


def scores(engine, folder: Path) -> tuple[list[float], int]:
    """Passive scores of the photos under `folder`, and how many were not judged."""
    out, unjudged = [], 0
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES):
        analysis = engine.analyze(path.read_bytes())
        if analysis.liveness is None:
            unjudged += 1
        else:
            out.append(analysis.liveness)
    return out, unjudged


def _scored(engine, folders: list[Path]) -> tuple[list[float], int]:
    found, skipped = [], 0
    for folder in folders:
        scored, unjudged = scores(engine, folder)
        found += scored
        skipped += unjudged
    return found, skipped


def _share(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def band_rates(live: list[float], attacks: list[float], reject: float, accept: float) -> dict:
    """The four rates of one pair of thresholds (shares of the scored photos)."""
    return {
        "reject": reject, "accept": accept,
        "apcer": _share(sum(s >= accept for s in attacks), len(attacks)),
        "bpcer": _share(sum(s < reject for s in live), len(live)),
        "review": _share(sum(reject <= s < accept for s in live), len(live)),
        "attacks_reviewed": _share(sum(reject <= s < accept for s in attacks), len(attacks)),
    }


def evaluate(engine, live_dirs: list[Path], attack_dirs: list[Path]) -> dict:
    """Rates at each grid point for the live folders against the attack folders (a live-only
    set, like the dev photos, has no APCER)."""
    live, live_skipped = _scored(engine, live_dirs)
    attacks, attacks_skipped = _scored(engine, attack_dirs)
    unjudged = live_skipped + attacks_skipped
    cfg = engine.config
    return {
        "live": len(live), "attacks": len(attacks), "not_judged": unjudged,
        "configured": band_rates(live, attacks, cfg.liveness_reject, cfg.liveness_accept),
        "grid": [band_rates(live, attacks, r, a) for r in REJECT_GRID for a in ACCEPT_GRID
                 if r < a],
        "live_min": round(min(live), 4) if live else None,
        "attack_max": round(max(attacks), 4) if attacks else None,
    }


def format_table(result: dict) -> str:
    def pct(v: float | None) -> str:
        return "   -  " if v is None else f"{v * 100:5.1f}%"

    lines = [f"{result['live']} live, {result['attacks']} attacks scored, "
             f"{result['not_judged']} not judged",
             "reject accept  APCER  BPCER  review  attacks-reviewed"]
    for row in [result["configured"], *result["grid"]]:
        lines.append(f"{row['reject']:6.2f} {row['accept']:6.2f} {pct(row['apcer'])} "
                     f"{pct(row['bpcer'])} {pct(row['review'])}  {pct(row['attacks_reviewed'])}")
    lines[2] += "   ← configured"
    return "\n".join(lines)
