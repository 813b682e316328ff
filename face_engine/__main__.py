"""Command line: python -m face_engine {build-models,fetch,check,eval,bench,replay-eval,
liveness-eval,challenge-eval}."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace
from pathlib import Path

from . import manifest
from .config import EngineConfig
from .engine import FaceEngine
from .errors import FaceEngineError
from .evaluate import bench, evaluate, format_table, list_images
from .provision import ProvisionError, build_models, fetch


def _config(args: argparse.Namespace) -> EngineConfig:
    cfg = EngineConfig.from_env()
    if getattr(args, "models_dir", None):
        cfg = replace(cfg, models_dir=Path(args.models_dir))
    if getattr(args, "build_dir", None):
        cfg = replace(cfg, build_dir=Path(args.build_dir))
    if getattr(args, "threads", None):
        cfg = replace(cfg, threads=args.threads)
    return cfg


def cmd_build_models(args: argparse.Namespace) -> int:
    cfg = _config(args)
    out = Path(args.out) if args.out else cfg.build_dir
    result = build_models(out, Path(args.source) if args.source else None,
                          search_dirs=[cfg.models_dir], force=args.force)
    state = "already built" if result.skipped else "built"
    ref = "matches" if result.reference else "differs from"
    print(f"{result.path}: {state}, sha256 {result.sha256} ({ref} the reference build)")
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    cfg = _config(args)
    out = Path(args.out) if args.out else cfg.models_dir
    sources = [Path(d) for d in args.from_dir]
    if not sources and cfg.models_dir != out:
        sources = [cfg.models_dir]
    done = fetch(out, sources, allow_network=not args.offline, with_source=args.with_source)
    for name, how in done.items():
        print(f"{name}: {how}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    cfg = _config(args)
    missing = FaceEngine.check_models(cfg)
    for spec in manifest.ALL:
        path = manifest.locate(spec, cfg.models_dir, cfg.build_dir)
        print(f"{'MISSING' if spec.file in missing else 'ok':8} {path}")
    return 1 if missing else 0


def cmd_eval(args: argparse.Namespace) -> int:
    engine = FaceEngine(_config(args))
    result = evaluate(engine, Path(args.dir))
    print(json.dumps(result) if args.json else format_table(result))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    cfg = _config(args)
    paths = [p for _, p in list_images(Path(args.dir))][: args.limit or None]
    report = bench(FaceEngine, cfg, [p.read_bytes() for p in paths], repeats=args.repeats)
    if args.json:
        print(json.dumps({"images": len(paths), "repeats": args.repeats, **report}))
        return 0
    print(f"{len(paths)} images x {args.repeats} repeats, median ms per image")
    for name, row in report.items():
        stages = "  ".join(f"{k} {v}" for k, v in row["ms"].items())
        print(f"{name}: {stages}  |  {row['images_per_s']} images/s")
    return 0


def cmd_replay_eval(args: argparse.Namespace) -> int:
    from .replay_eval import evaluate as replay_evaluate

    result = replay_evaluate(FaceEngine(_config(args)), [Path(d) for d in args.dirs],
                             every=args.every)
    if args.json:
        print(json.dumps(result))
    else:
        genuine, copies = result["genuine"], result["copies"]
        print(f"{result['photos']} photos; copy threshold {result['threshold']}")
        print(f"copies caught {copies['caught']}/{copies['copies']} (lowest correlation "
              f"{copies['min_correlation']:.4f}, lowest cosine {copies['min_cosine']:.4f}); "
              f"missed: {copies['missed'] or 'none'}")
        print(f"genuine pairs taken for copies {len(genuine['taken_for_copies'])}/"
              f"{genuine['pairs']} (highest correlation {genuine['max_correlation']:.4f})")
        print(f"compare: {result['compare_ms_median']} ms median")
    return 0


_SPOOF_DEV = "../shared/faces/spoof-dev"


def cmd_liveness_eval(args: argparse.Namespace) -> int:
    from .liveness_eval import evaluate as liveness_evaluate
    from .liveness_eval import format_table as liveness_table

    live = [Path(d) for d in args.live or [f"{_SPOOF_DEV}/live"]]
    attacks = [Path(d) for d in args.attack or [f"{_SPOOF_DEV}/attack"]]
    result = liveness_evaluate(FaceEngine(_config(args)), live, attacks)
    print(json.dumps(result) if args.json else liveness_table(result))
    return 0


_PICTURES = ("../shared/faces/dev", "../shared/faces/spoof-dev/live")


def cmd_challenge_eval(args: argparse.Namespace) -> int:
    from . import challenge_eval

    engine = FaceEngine(_config(args))
    pictures = [Path(d) for d in args.pictures or _PICTURES]
    bursts = challenge_eval.build(engine, Path(args.lisa), pictures, variants=args.variants)
    result = {"bursts": challenge_eval.evaluate(engine, bursts)}
    if not args.no_cpu:
        result["cpu"] = challenge_eval.cpu_cost(engine, Path(args.lisa))
    if args.json:
        print(json.dumps(result))
        return 0
    for kind, row in result["bursts"].items():
        print(f"{kind}: {row['bursts']} bursts, outcomes {row['outcomes']}, "
              f"not followed {row['reasons'] or '-'}")
        print(f"    flatness {row['flatness']}, parallax {row['parallax']}")
        if row["passed"]:
            print(f"    passed: {len(row['passed'])} (e.g. {row['passed'][:3]})")
    if "cpu" in result:
        cpu = result["cpu"]
        print(f"cpu: {cpu['ms']} ms median → {cpu['ratio']}× a single-selfie check-in")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m face_engine", description=__doc__)
    p.add_argument("--models-dir", help="shipped models (default: FACE_MODELS_DIR)")
    p.add_argument("--build-dir", help="built recognizer (default: FACE_BUILD_DIR)")
    p.add_argument("-v", "--verbose", action="store_true")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build-models", help="convert dlib's recognizer to ONNX (once)")
    b.add_argument("--out", help="output directory (default: FACE_BUILD_DIR)")
    b.add_argument("--source", help="path to dlib_face_recognition_resnet_model_v1.dat")
    b.add_argument("--force", action="store_true", help="convert even if already built")
    b.set_defaults(func=cmd_build_models)
    f = sub.add_parser("fetch", help="copy or download the shipped models, hash-checked")
    f.add_argument("--out", help="target directory (default: FACE_MODELS_DIR)")
    f.add_argument("--from", dest="from_dir", action="append", default=[],
                   help="directory to copy from (repeatable); tried before the network")
    f.add_argument("--offline", action="store_true", help="never use the network")
    f.add_argument("--with-source", action="store_true",
                   help="also provision dlib_face_recognition_resnet_model_v1.dat")
    f.set_defaults(func=cmd_fetch)
    c = sub.add_parser("check", help="verify every model file and its hash")
    c.set_defaults(func=cmd_check)
    e = sub.add_parser("eval", help="verification metrics over DIR/<identity>/<image>")
    e.add_argument("dir")
    e.add_argument("--json", action="store_true")
    e.add_argument("--threads", type=int)
    e.set_defaults(func=cmd_eval)
    n = sub.add_parser("bench", help="per-stage timings and images/s at 1 and 2 threads")
    n.add_argument("dir", nargs="?", default="../shared/faces/dev")
    n.add_argument("--limit", type=int, default=0, help="use the first N images (default all)")
    n.add_argument("--repeats", type=int, default=2)
    n.add_argument("--json", action="store_true")
    n.set_defaults(func=cmd_bench)
    r = sub.add_parser("replay-eval", help="copy detection: copies caught, genuine pairs kept")
    r.add_argument("dirs", nargs="*", default=["../shared/faces/dev",
                                               "../shared/faces/spoof-dev/live"])
    r.add_argument("--every", type=int, default=1, help="copies of every N-th photo")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_replay_eval)
    lv = sub.add_parser("liveness-eval", help="APCER / BPCER / review rate per band thresholds")
    lv.add_argument("--live", action="append",
                    help="live photos, repeatable (default ../shared/faces/spoof-dev/live)")
    lv.add_argument("--attack", action="append",
                    help="attack photos, repeatable (default ../shared/faces/spoof-dev/attack)")
    lv.add_argument("--json", action="store_true")
    lv.set_defaults(func=cmd_liveness_eval)
    ch = sub.add_parser("challenge-eval", help="the challenge's outcomes on built bursts + CPU")
    ch.add_argument("--lisa", default="../shared/faces/dev/webmorph_lisa",
                    help="one face at 15/30/45/60 cm as 5/6/7/8.jpg (and 1-4 to enrol)")
    ch.add_argument("--pictures", action="append",
                    help="photos to turn into flat pictures, repeatable (default: "
                         "../shared/faces/dev and ../shared/faces/spoof-dev/live)")
    ch.add_argument("--variants", type=int, default=10, help="jittered copies per live triple")
    ch.add_argument("--no-cpu", action="store_true", help="skip the CPU measurement")
    ch.add_argument("--json", action="store_true")
    ch.set_defaults(func=cmd_challenge_eval)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        return args.func(args)
    except (ProvisionError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except FaceEngineError as exc:
        print(f"error [{exc.code}]: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
