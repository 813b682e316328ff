"""How the models run: onnxruntime session options and execution providers (FACE_PROVIDERS:
`cpu` by default; `cuda` on a face worker with an NVIDIA GPU and the onnxruntime-gpu wheel,
falling back to the CPU for any operator CUDA lacks)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import onnxruntime as ort

PROVIDERS = {"cpu": "CPUExecutionProvider", "cuda": "CUDAExecutionProvider",
             "tensorrt": "TensorrtExecutionProvider", "openvino": "OpenVINOExecutionProvider"}


class ProviderUnavailable(RuntimeError):
    """FACE_PROVIDERS names a provider this onnxruntime build does not have."""


def session_options(threads: int) -> ort.SessionOptions:
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = threads
    opts.inter_op_num_threads = 1
    opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    opts.log_severity_level = 3
    return opts


def execution_providers(names: str) -> list[str]:
    """onnxruntime's provider names for a comma-separated FACE_PROVIDERS, the CPU always last;
    refused when one is unknown or missing from this build (never a silent CPU fallback: a
    GPU worker that quietly runs on its CPU would be sized wrong)."""
    wanted = [n.strip().lower() for n in names.split(",") if n.strip()] or ["cpu"]
    unknown = [n for n in wanted if n not in PROVIDERS]
    if unknown:
        raise ProviderUnavailable(f"unknown FACE_PROVIDERS {unknown}; known: {sorted(PROVIDERS)}")
    chosen = [PROVIDERS[n] for n in wanted if n != "cpu"] + [PROVIDERS["cpu"]]
    missing = sorted(set(chosen) - set(ort.get_available_providers()))
    if missing:
        raise ProviderUnavailable(f"this onnxruntime has no {missing} "
                                  f"(it has {ort.get_available_providers()})")
    return chosen


@dataclass(frozen=True)
class Runtime:
    options: ort.SessionOptions
    providers: tuple[str, ...] = (PROVIDERS["cpu"],)

    @classmethod
    def of(cls, threads: int, providers: str = "cpu") -> Runtime:
        return cls(session_options(threads), tuple(execution_providers(providers)))

    def session(self, path: Path) -> ort.InferenceSession:
        return ort.InferenceSession(str(path), self.options, providers=list(self.providers))
