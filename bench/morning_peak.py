"""The morning peak (issue 17): N employees' check-ins in a 30-minute window, as a queue in
front of the API, from the capacity bench/checkin_load.py measured.

    python bench/morning_peak.py [--employees 50000] [--window-min 30]
                                 [--per-core-per-s 18.85] [--cv 0.15] [--max-wait-s 10]

Arrivals: every employee's check-in time drawn from the demo's own arrival curve
(`data.demo_activity.day_times` with the demo's habit mix: most a normal 22 ± 12 minutes
before the check-in window closes, the late ones after it), then the middle 98 % squeezed
into the window (the earliest and latest 1 % fall just outside it). Independent times from
a rate curve are a Poisson process with that curve.

Service: `cores` servers, first come first served, each check-in taking a gamma-distributed
time of mean 1 / per-core-per-s (bench/checkin_load.py: 37.7 check-ins/s on 2 cores, so
18.85 a core) and coefficient of variation `cv`. Prints, per core count, the utilisation at
the peak minute, the longest queue, the worst and p99 wait, and how long after the window's
end its last check-in is answered; then the fewest cores that keep every wait under --max-wait-s."""
from __future__ import annotations

import argparse
import heapq
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from data.demo_activity import Draws, day_times  # noqa: E402
from data.demo_org import HABIT_MIX  # noqa: E402

CLOSE = datetime(2026, 3, 2, 7, 30)  # the check-in window closes (a 5-day office week)


def arrivals(employees: int, window_s: float, rng: np.random.Generator) -> np.ndarray:
    """Sorted arrival seconds from the window's start."""
    draws = Draws(rng)
    day = SimpleNamespace(checkin_close=CLOSE, checkout_open=CLOSE + timedelta(hours=8))
    times = []
    for habit in rng.choice(HABIT_MIX, size=employees):
        arrive, _leave = day_times(day, draws, str(habit))
        if arrive is not None:
            times.append((arrive - CLOSE).total_seconds())
    # the demo clips its draws to whole bounds (1 minute before closing holds ~3.5 %): spread
    # every arrival over its minute, so no crowd lands in the same instant
    seconds = np.sort(np.asarray(times) + rng.uniform(-30, 30, len(times)))
    low, high = np.percentile(seconds, [1, 99])
    return (seconds - low) / (high - low) * window_s  # the earliest and latest 1 % outside


def serve(arrive: np.ndarray, cores: int, mean_s: float, cv: float, window_s: float,
          rng: np.random.Generator) -> dict:
    """First come first served on `cores` servers: waits, the longest queue, and how long
    after the window's end the last check-in made inside it is answered."""
    shape = 1 / cv**2
    service = rng.gamma(shape, mean_s / shape, size=arrive.size)
    free = [-np.inf] * cores
    waits, starts, finishes = (np.empty(arrive.size) for _ in range(3))
    for i, (t, s) in enumerate(zip(arrive, service, strict=True)):
        start = max(t, heapq.heappop(free))
        waits[i], starts[i], finishes[i] = start - t, start, start + s
        heapq.heappush(free, start + s)
    queued = np.searchsorted(arrive, starts, side="right") - np.arange(arrive.size) - 1
    return {"worst_wait_s": round(float(waits.max()), 2),
            "p99_wait_s": round(float(np.percentile(waits, 99)), 2),
            "longest_queue": int(max(queued.max(), 0)),
            "answered_after_window_s": round(max(0.0, float(
                finishes[arrive <= window_s].max()) - window_s), 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--employees", type=int, default=50000)
    parser.add_argument("--window-min", type=float, default=30)
    parser.add_argument("--per-core-per-s", type=float, default=18.85)
    parser.add_argument("--cv", type=float, default=0.15)
    parser.add_argument("--max-wait-s", type=float, default=10)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    arrive = arrivals(args.employees, args.window_min * 60, rng)
    inside = int(((arrive >= 0) & (arrive <= args.window_min * 60)).sum())
    per_minute = np.histogram(arrive, bins=np.arange(arrive[0], arrive[-1] + 60, 60))[0]
    peak_rate = per_minute.max() / 60
    rows, needed = [], None
    for cores in range(1, 64):
        result = serve(arrive, cores, 1 / args.per_core_per_s, args.cv,
                       args.window_min * 60, rng)
        result |= {"cores": cores,
                   "peak_utilisation": round(peak_rate / (cores * args.per_core_per_s), 2)}
        rows.append(result)
        if result["worst_wait_s"] <= args.max_wait_s:
            needed = cores
            break
    report = {"employees": args.employees, "check_ins": int(arrive.size),
              "window_min": args.window_min,
              "mean_per_s": round(inside / (args.window_min * 60), 1),
              "peak_minute_per_s": round(peak_rate, 1), "per_core_per_s": args.per_core_per_s,
              "cores_for_max_wait": needed, "max_wait_s": args.max_wait_s,
              "rows": rows[-6:]}
    if args.json:
        print(json.dumps(report))
        return 0
    print(f"{report['check_ins']} check-ins, {inside} of them in {args.window_min:g} min: mean "
          f"{report['mean_per_s']}/s, peak minute {report['peak_minute_per_s']}/s; "
          f"{args.per_core_per_s}/s per core")
    print("cores  peak-util  longest-queue  worst-wait-s  p99-wait-s  last-answer-after-window-s")
    for r in rows[-6:]:
        print(f"{r['cores']:>5}  {r['peak_utilisation']:>9}  {r['longest_queue']:>13}  "
              f"{r['worst_wait_s']:>12}  {r['p99_wait_s']:>10}  {r['answered_after_window_s']:>26}")
    print(f"fewest cores with every wait ≤ {args.max_wait_s:g} s: {needed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
