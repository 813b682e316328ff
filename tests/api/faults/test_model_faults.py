"""Fault injection (issue 16): a model file that is not the one the manifest names (a
truncated copy, a swapped file) stops the face engine: /readyz fails and a check-in is 503
FACE_ENGINE_UNAVAILABLE, never a check-in waved through without its face check."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from api.models import CheckinEvent
from tests.api.checkin_helpers import checkin, enroll

DETECTOR = "face_detection_yunet_2023mar.onnx"


def test_a_model_with_the_wrong_hash_stops_check_ins(client, world, monkeypatch, tmp_path):
    enroll(client, world, "pegawai_a", "webmorph_lisa")
    copy = tmp_path / "models"
    shutil.copytree(Path(os.environ["FACE_MODELS_DIR"]), copy)
    damaged = copy / DETECTOR
    damaged.write_bytes(damaged.read_bytes()[:-1024])  # a download cut short
    monkeypatch.setenv("FACE_MODELS_DIR", str(copy))
    ready = client.get("/readyz")
    assert ready.status_code == 503 and DETECTOR in ready.json["checks"]["face_models"]
    refused = checkin(client, world, "pegawai_a", key="hp-a-model")
    assert refused.status_code == 503 and refused.json["codes"] == ["FACE_ENGINE_UNAVAILABLE"]
    assert CheckinEvent.select().where(CheckinEvent.status == "ACCEPTED").count() == 0
