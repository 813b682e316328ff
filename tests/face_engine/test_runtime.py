"""FACE_PROVIDERS: which onnxruntime execution providers the models run on. A face worker
asked for a GPU it does not have refuses to start, instead of quietly running on its CPU."""
from __future__ import annotations

import os

import onnxruntime as ort
import pytest

from face_engine.config import EngineConfig
from face_engine.runtime import ProviderUnavailable, Runtime, execution_providers


def test_the_default_is_the_cpu_and_it_runs_the_models():
    assert EngineConfig().providers == "cpu"
    assert execution_providers("cpu") == ["CPUExecutionProvider"]
    assert Runtime.of(1).providers == ("CPUExecutionProvider",)


def test_a_provider_this_build_lacks_is_refused_with_what_it_has():
    if "CUDAExecutionProvider" in ort.get_available_providers():
        pytest.skip("this onnxruntime has CUDA")
    with pytest.raises(ProviderUnavailable, match="CUDAExecutionProvider"):
        execution_providers("cuda")
    with pytest.raises(ProviderUnavailable, match="unknown"):
        execution_providers("gpu-please")


def test_the_setting_comes_from_the_environment():
    assert EngineConfig.from_env({"FACE_PROVIDERS": "cuda,cpu"}).providers == "cuda,cpu"
    if "CUDAExecutionProvider" not in ort.get_available_providers():
        from face_engine.engine import FaceEngine

        with pytest.raises(ProviderUnavailable):
            FaceEngine(EngineConfig.from_env({**os.environ, "FACE_PROVIDERS": "cuda"}))
