"""Calibration of the face engine's thresholds on a labelled folder (default ../shared/faces/dev).

    python bench/face_bench.py calibrate [DIR] [--json]
    python bench/face_bench.py dlib-check [DIR]   # needs `pip install dlib` (not a project dep)

Prints, for docs/FACE_ENGINE.md: similarity distributions, liveness scores of live photos,
quality measures on the photos as they are and under synthetic degradations (blur, darkening,
over-exposure, shrinking), and the cosine between a photo and its re-encoded/resized/cropped
copies (replay cut-off). Timings and accuracy come from `python -m face_engine eval|bench`.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from face_engine import EngineConfig, FaceEngine, align, cosine  # noqa: E402
from face_engine.evaluate import list_images, pair_scores, tar_at_far  # noqa: E402


def _jpeg(bgr: np.ndarray, quality: int = 90) -> bytes:
    ok, buf = cv2.imencode(".jpg", bgr, [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return buf.tobytes()


def _pct(values, qs=(0, 1, 5, 50, 95, 100)) -> dict:
    arr = np.asarray([v for v in values if v is not None], np.float64)
    return {f"p{q}": round(float(np.percentile(arr, q)), 4) for q in qs} if arr.size else {}


def degradations(bgr: np.ndarray) -> dict[str, np.ndarray]:
    h, w = bgr.shape[:2]
    out = {}
    for sigma in (1.5, 2.5, 4.0):
        out[f"blur_sigma_{sigma}"] = cv2.GaussianBlur(bgr, (0, 0), sigma)
    for gain in (0.5, 0.3, 0.15):
        out[f"dark_x{gain}"] = np.clip(bgr.astype(np.float32) * gain, 0, 255).astype(np.uint8)
    for add in (80, 140):
        out[f"bright_+{add}"] = np.clip(bgr.astype(np.int16) + add, 0, 255).astype(np.uint8)
    for side in (320, 200, 140, 100):  # the whole photo shrunk: smaller faces, same content
        f = side / max(h, w)
        out[f"shrink_{side}px"] = cv2.resize(bgr, (round(w * f), round(h * f)),
                                             interpolation=cv2.INTER_AREA)
    return out


def copies(bgr: np.ndarray) -> dict[str, bytes]:
    """What a replayed photo may look like after an app re-sends it."""
    h, w = bgr.shape[:2]
    m = round(0.04 * min(h, w))
    return {
        "jpeg_q90": _jpeg(bgr, 90), "jpeg_q60": _jpeg(bgr, 60),
        "resize_0.75": _jpeg(cv2.resize(bgr, (round(w * .75), round(h * .75)),
                                        interpolation=cv2.INTER_AREA)),
        "resize_0.5": _jpeg(cv2.resize(bgr, (w // 2, h // 2), interpolation=cv2.INTER_AREA)),
        "crop_4pct": _jpeg(bgr[m:h - m, m:w - m]),
        "webp": _webp(bgr),
    }


def _webp(bgr: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(bgr[..., ::-1]).save(buf, "WEBP", quality=80)
    return buf.getvalue()


def calibrate(engine: FaceEngine, root: Path, every: int) -> dict:
    items = list_images(root)
    base = {}
    for identity, path in items:
        base[path] = (identity, engine.analyze(path.read_bytes()))
    good = {p: a for p, (_, a) in base.items() if a.embedding is not None}
    labels = [base[p][0] for p in good]
    genuine, impostor = pair_scores(np.stack([a.embedding for a in good.values()]), labels)
    result = {
        "genuine": _pct(genuine), "impostor": _pct(impostor, (50, 99, 99.9, 100)),
        "liveness_live_photos": _pct([a.liveness for a in good.values()]),
        "face_px": _pct([a.quality.face_px for a in good.values()]),
        "blur": _pct([a.quality.blur for a in good.values()]),
        "brightness": _pct([a.quality.brightness for a in good.values()]),
    }
    # Degradations and replays on every `every`-th photo, scored against the identity's
    # other photos (what a check-in against the enrolled template would see).
    by_id: dict[str, list[Path]] = {}
    for p in good:
        by_id.setdefault(base[p][0], []).append(p)
    deg: dict[str, dict[str, list]] = {}
    impostors = np.stack([a.embedding for a in good.values()])
    label_arr = np.array(labels)
    thr = engine.config.match_threshold
    result["at_threshold"] = {"threshold": thr, "tar": round(float(np.mean(genuine >= thr)), 4),
                              "far": round(float(np.mean(impostor >= thr)), 5)}
    dup_same, dup_other = [], []
    for path in list(good)[::every]:
        others = [good[o].embedding for o in by_id[base[path][0]] if o != path]
        bgr = cv2.imread(str(path))
        for name, img in degradations(bgr).items():
            a = engine.analyze(_jpeg(img, 95))
            row = deg.setdefault(name, {"sim": [], "imp": [], "blur": [], "brightness": [],
                                        "face_px": [], "no_face": 0, "n": 0})
            row["n"] += 1
            if a.embedding is None:
                row["no_face"] += 1
                continue
            row["blur"].append(a.quality.blur)
            row["brightness"].append(a.quality.brightness)
            row["face_px"].append(a.quality.face_px)
            if others:
                row["sim"].append(max(cosine(a.embedding, o) for o in others))
            row["imp"].extend(float(a.embedding @ impostors[j]) for j in
                              np.flatnonzero(label_arr != base[path][0]))
        for other in others:
            dup_other.append(cosine(good[path].embedding, other))
        for data in copies(bgr).values():
            a = engine.analyze(data)
            if a.embedding is not None:
                dup_same.append(cosine(good[path].embedding, a.embedding))
    result["degradations"] = {
        name: {"n": r["n"], "no_face": r["no_face"], "sim_to_other_photo": _pct(r["sim"]),
               "tar": round(float(np.mean(np.array(r["sim"]) >= thr)), 4),
               "far": round(float(np.mean(np.array(r["imp"]) >= thr)), 5),
               "blur": _pct(r["blur"], (5, 50, 95)),
               "brightness": _pct(r["brightness"], (5, 50, 95)),
               "face_px": _pct(r["face_px"], (5, 50, 95))}
        for name, r in deg.items()
    }
    result["replay_copies_cosine"] = _pct(dup_same)
    result["same_identity_other_photo_cosine"] = _pct(dup_other, (50, 95, 99, 100))
    result["replay_cutoffs"] = {
        str(c): {"copies_flagged": round(float(np.mean(np.array(dup_same) >= c)), 4),
                 "other_photos_flagged": round(float(np.mean(np.array(dup_other) >= c)), 4)}
        for c in (0.985, 0.99, 0.993, 0.995, 0.997)
    }
    return result


def dlib_check(engine: FaceEngine, root: Path) -> dict:
    """Compare with dlib itself: the converted network on identical chips, our chip cutting on
    dlib's own landmarks, and our whole pipeline against dlib's (HOG + 5-point predictor)."""
    import dlib  # optional: only for this cross-check, never a project dependency
    import face_recognition_models as frm

    rec = dlib.face_recognition_model_v1(frm.face_recognition_model_location())
    predictor = dlib.shape_predictor(frm.pose_predictor_five_point_model_location())
    detector = dlib.get_frontal_face_detector()
    rng = np.random.RandomState(0)
    chips = [rng.randint(0, 256, (150, 150, 3)).astype(np.uint8) for _ in range(4)]
    theirs = np.array([rec.compute_face_descriptor(c) for c in chips])
    ours = engine.recognizer.run(np.stack(chips).transpose(0, 3, 1, 2).astype(np.float32))
    out = {"synthetic_chips_max_abs_diff": float(np.abs(ours - theirs).max())}
    # dlib's 5-point template (dlib/image_transforms/interpolation.h) for its own landmarks.
    five = np.array([(0.8595674595992, 0.2134981538014), (0.6460604764104, 0.2289674387677),
                     (0.1205750620789, 0.2137274526848), (0.3340850613712, 0.2290642403242),
                     (0.4901123135679, 0.6277975316475)])
    net_diff, pixel_diff, cos, labels, dlib_desc, our_emb = [], {}, [], [], [], []
    for identity, path in list_images(root):
        rgb = np.asarray(Image.open(path).convert("RGB"))
        faces = detector(rgb, 1)
        if not faces:
            continue
        shape = predictor(rgb, max(faces, key=lambda r: r.area()))
        desc = np.array(rec.compute_face_descriptor(rgb, shape, 0, 0.25))
        chip = np.asarray(dlib.get_face_chip(rgb, shape, 150, 0.25))
        onnx_desc = engine.recognizer.run(chip.transpose(2, 0, 1)[None].astype(np.float32))[0]
        net_diff.append(float(np.abs(onnx_desc - desc).max()))
        points = np.array([(shape.part(i).x, shape.part(i).y) for i in range(5)], float)
        template = (0.25 + five) / 1.5 * 150
        fit = align.chip_to_image(points, template=template)
        level = align.pyramid_levels(float(np.hypot(fit[0, 0], fit[1, 0])))
        mine = align.align_face(rgb, points, template=template)
        pixel_diff.setdefault(level, []).append(float(np.abs(mine.astype(float) - chip).mean()))
        analysis = engine.analyze(path.read_bytes())
        if analysis.embedding is not None:
            cos.append(cosine(analysis.embedding, desc))
            labels.append(identity)
            dlib_desc.append(desc / np.linalg.norm(desc))
            our_emb.append(analysis.embedding)
    out["dev_chips_max_abs_diff"] = max(net_diff)
    out["chip_mean_abs_pixel_diff_by_pyramid_level"] = {
        str(k): {"images": len(v), "median": round(float(np.median(v)), 3),
                 "max": round(float(np.max(v)), 3)} for k, v in sorted(pixel_diff.items())}
    out["our_vs_dlib_pipeline_cosine"] = _pct(cos, (0, 5, 50))
    for name, emb in (("dlib_pipeline", dlib_desc), ("our_pipeline", our_emb)):
        g, i = pair_scores(np.stack(emb), labels)
        out[name] = {"tar_at_far_1e-3": tar_at_far(g, i, 1e-3), "images": len(emb)}
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("command", choices=["calibrate", "dlib-check"])
    p.add_argument("dir", nargs="?", default="../shared/faces/dev")
    p.add_argument("--every", type=int, default=3, help="degrade every n-th photo")
    p.add_argument("--json", action="store_true")
    args = p.parse_args()
    engine = FaceEngine(EngineConfig.from_env())
    if args.command == "dlib-check":
        result = dlib_check(engine, Path(args.dir))
    else:
        result = calibrate(engine, Path(args.dir), args.every)
    print(json.dumps(result, indent=None if args.json else 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
