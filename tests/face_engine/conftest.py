"""Fixtures for the face-engine tests: real models (../shared/models), real dev faces
(../shared/faces/dev) and a recognizer converted once per session into a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import cv2
import pytest
from face_helpers import REPO

from face_engine import EngineConfig, FaceEngine
from face_engine.provision import ProvisionError, build_models

MODELS_DIR = Path(os.environ.get("FACE_MODELS_DIR") or REPO.parent / "shared" / "models")
DEV_DIR = Path(os.environ.get("FACE_DEV_DIR") or REPO.parent / "shared" / "faces" / "dev")


@pytest.fixture(scope="session")
def models_dir() -> Path:
    if not MODELS_DIR.is_dir():
        pytest.skip(f"face models not found at {MODELS_DIR} (set FACE_MODELS_DIR)")
    return MODELS_DIR


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    if not DEV_DIR.is_dir():
        pytest.skip(f"dev faces not found at {DEV_DIR} (set FACE_DEV_DIR)")
    return DEV_DIR


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory, models_dir) -> Path:
    """dlib_resnet_v1.onnx converted once for the whole test session."""
    out = tmp_path_factory.mktemp("face_build")
    try:
        build_models(out, search_dirs=[models_dir])
    except ProvisionError as exc:
        pytest.skip(f"cannot build the recognizer: {exc}")
    return out


@pytest.fixture(scope="session")
def config(models_dir, build_dir) -> EngineConfig:
    return EngineConfig(models_dir=models_dir, build_dir=build_dir, threads=1)


@pytest.fixture(scope="session")
def engine(config) -> FaceEngine:
    return FaceEngine(config)


@pytest.fixture(scope="session")
def dev_photo(dev_dir):
    """dev_photo("london_001", 1) -> the JPEG bytes of that dev photo."""

    def read(identity: str, n: int) -> bytes:
        return (dev_dir / identity / f"{n}.jpg").read_bytes()

    return read


@pytest.fixture(scope="session")
def dev_bgr(dev_dir):
    def read(identity: str, n: int):
        return cv2.imread(str(dev_dir / identity / f"{n}.jpg"))

    return read
