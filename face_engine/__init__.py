"""Hadir face engine: is the person in this selfie the enrolled employee, alive, in a usable
photo? CPU-only (onnxruntime), no network at run time. See docs/FACE_ENGINE.md."""

from . import challenge, fingerprint
from .config import EngineConfig
from .engine import FaceEngine
from .errors import FaceEngineError, ImageError, ModelsUnavailable, TemplateMismatch
from .matching import cosine
from .results import Burst, FaceAnalysis, Quality, Template, Verification

__all__ = [
    "Burst",
    "EngineConfig",
    "FaceAnalysis",
    "FaceEngine",
    "FaceEngineError",
    "ImageError",
    "ModelsUnavailable",
    "Quality",
    "Template",
    "TemplateMismatch",
    "Verification",
    "challenge",
    "cosine",
    "fingerprint",
]
