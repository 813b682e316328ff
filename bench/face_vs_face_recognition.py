"""Our face pipeline against face_recognition (dlib: HOG detector, 5-point landmarks, the same
ResNet weights, no liveness) on the same photos, one thread each, in one run (issue 17).

    python bench/face_vs_face_recognition.py --fr-python /tmp/frvenv/bin/python [--side 250]

face_recognition is never a project dependency: make it a venv of its own first,
    python3 -m venv /tmp/frvenv
    /tmp/frvenv/bin/pip install dlib-bin face_recognition_models numpy pillow
    /tmp/frvenv/bin/pip install --no-deps face_recognition click
The photos are ../shared/faces/dev, downscaled to --side px on their longer side (0 = as
they are). Prints median ms per photo, our per-stage split, and the ratio."""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("FACE_MODELS_DIR", str(ROOT.parent / "shared" / "models"))
os.environ.setdefault("FACE_BUILD_DIR", str(ROOT / "data" / "models"))

from face_engine import EngineConfig, FaceEngine  # noqa: E402
from face_engine.evaluate import list_images  # noqa: E402

# runs in the face_recognition venv: the photos' paths on stdin, median ms per photo out
THEIRS = """
import json, statistics, sys, time
import face_recognition
paths = json.load(sys.stdin)
face_recognition.face_encodings(face_recognition.load_image_file(paths[0]))  # warm-up
ms, found = [], 0
for path in paths * REPEATS:
    image = face_recognition.load_image_file(path)
    start = time.perf_counter()
    boxes = face_recognition.face_locations(image, model="hog")
    found += bool(face_recognition.face_encodings(image, boxes, model="small"))
    ms.append(1000 * (time.perf_counter() - start))
print(json.dumps({"median_ms": statistics.median(ms), "found": found // REPEATS}))
"""


def photos(side: int, folder: Path) -> list[Path]:
    paths = [path for _, path in list_images(ROOT.parent / "shared" / "faces" / "dev")]
    if not side:
        return paths
    out = []
    for n, path in enumerate(paths):
        image = cv2.imread(str(path))
        factor = side / max(image.shape[:2])
        small = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        target = folder / f"{n:03d}.jpg"
        cv2.imwrite(str(target), small, [cv2.IMWRITE_JPEG_QUALITY, 92])
        out.append(target)
    return out


def ours(paths: list[Path], repeats: int) -> dict:
    engine = FaceEngine(EngineConfig.from_env())
    data = [p.read_bytes() for p in paths]
    engine.analyze(data[0])
    stages: dict[str, list[float]] = {}
    found = 0
    for _ in range(repeats):
        for blob in data:
            _analysis, timings = engine.analyze_timed(blob)
            found += "total" in timings
            for stage, seconds in timings.items():
                stages.setdefault(stage, []).append(1000 * seconds)
    return {"median_ms": {k: round(statistics.median(v), 2) for k, v in stages.items()},
            "found": found // repeats}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fr-python", required=True, help="python of the face_recognition venv")
    parser.add_argument("--side", type=int, default=250)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = photos(args.side, Path(folder))
        began = time.perf_counter()
        mine = ours(paths, args.repeats)
        run = subprocess.run([args.fr_python, "-c", THEIRS.replace("REPEATS", str(args.repeats))],
                             input=json.dumps([str(p) for p in paths]), capture_output=True,
                             text=True, check=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
        theirs = json.loads(run.stdout)
    total = mine["median_ms"]["total"]
    report = {"photos": len(paths), "side": args.side or "as stored", "ours": mine,
              "face_recognition": theirs,
              "ratio": round(theirs["median_ms"] / total, 2),
              "seconds": round(time.perf_counter() - began, 1)}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
