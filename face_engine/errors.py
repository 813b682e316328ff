"""Typed errors raised by the face engine; `code` is the machine-readable reason."""

from __future__ import annotations

from typing import Any


class FaceEngineError(Exception):
    """Base error: `code` (str) and optional `details` for the API's error body."""

    code = "FACE_ENGINE_ERROR"

    def __init__(self, message: str, code: str | None = None, details: Any = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.details = details


class ImageError(FaceEngineError):
    """Unusable photo: IMAGE_EMPTY, IMAGE_UNREADABLE, IMAGE_TOO_LARGE or IMAGE_UNSUPPORTED."""

    code = "IMAGE_UNREADABLE"


class ModelsUnavailable(FaceEngineError):
    """A model file is absent or its SHA-256 does not match the manifest."""

    code = "FACE_MODELS_UNAVAILABLE"

    def __init__(self, missing: list[str], message: str | None = None) -> None:
        text = message or "face models unavailable: " + ", ".join(missing)
        super().__init__(text, details={"missing": list(missing)})
        self.missing = list(missing)


class TemplateMismatch(FaceEngineError):
    """A stored template was made by an incompatible model version."""

    code = "TEMPLATE_MISMATCH"
