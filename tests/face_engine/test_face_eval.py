"""Evaluation metrics, the dev-set targets and the command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest
from face_helpers import REPO

from face_engine.evaluate import equal_error_rate, evaluate, tar_at_far, threshold_at_far


def test_threshold_and_tar_by_hand():
    impostor = np.linspace(0.0, 0.999, 1000)  # 1000 impostor scores
    t = threshold_at_far(impostor, 1e-2)  # at most 10 may pass
    assert np.sum(impostor >= t) == 10
    assert tar_at_far(np.array([0.2, 0.985, 0.995]), impostor, 1e-2) == pytest.approx(1 / 3)
    assert tar_at_far(np.array([1.0, 1.0]), impostor, 1e-3) == 1.0


def test_equal_error_rate():
    assert equal_error_rate(np.array([0.9, 0.8, 0.95]), np.array([0.1, 0.2])) == 0.0
    eer = equal_error_rate(np.array([0.1, 0.6, 0.7, 0.8]), np.array([0.2, 0.3, 0.65, 0.05]))
    assert eer == pytest.approx(0.25)


def test_dev_set_meets_the_accuracy_target(engine, dev_dir):
    result = evaluate(engine, dev_dir)
    assert result["images"] == 212 and result["identities"] == 103
    assert result["no_face"] == 0
    assert result["genuine_pairs"] == 102 + 28 and result["impostor_pairs"] == 22236
    assert result["tar_at_far_1e-3"] >= 0.99
    assert result["eer"] <= 0.01
    assert set(result["ms"]) == {"detect", "align", "embed", "liveness", "total"}


def _cli(*args, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "face_engine", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)


def test_cli_eval_json_and_table(tmp_path, dev_dir, models_dir, build_dir):
    for identity in ("london_001", "london_002", "webmorph_lisa"):
        shutil.copytree(dev_dir / identity, tmp_path / "set" / identity)
    env = {"FACE_MODELS_DIR": str(models_dir), "FACE_BUILD_DIR": str(build_dir)}
    out = _cli("eval", str(tmp_path / "set"), "--json", env_extra=env)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    for key in ("images", "identities", "no_face", "genuine_pairs", "impostor_pairs",
                "tar_at_far_1e-2", "tar_at_far_1e-3", "eer", "threshold", "ms"):
        assert key in result
    assert result["images"] == 12 and result["genuine_pairs"] == 1 + 1 + 28
    table = _cli("eval", str(tmp_path / "set"), env_extra=env)
    assert table.returncode == 0 and "tar_at_far_1e-3" in table.stdout


def test_cli_check_and_missing_models(tmp_path, models_dir, build_dir):
    ok = _cli("check", env_extra={"FACE_MODELS_DIR": str(models_dir),
                                  "FACE_BUILD_DIR": str(build_dir)})
    assert ok.returncode == 0 and "MISSING" not in ok.stdout
    bad = _cli("eval", str(tmp_path), env_extra={"FACE_MODELS_DIR": str(tmp_path),
                                                 "FACE_BUILD_DIR": str(tmp_path)})
    assert bad.returncode == 2 and "FACE_MODELS_UNAVAILABLE" in bad.stderr


def test_cli_build_models_skips_when_done(models_dir, build_dir):
    out = _cli("build-models", "--out", str(build_dir),
               env_extra={"FACE_MODELS_DIR": str(models_dir)})
    assert out.returncode == 0 and "already built" in out.stdout
