"""Engine configuration: one frozen dataclass, read from the environment once."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

#: Calibrated on ../shared/faces/dev and the shared liveness findings (docs/FACE_ENGINE.md).
DEFAULT_MATCH_THRESHOLD = 0.93
DEFAULT_LIVENESS_THRESHOLD = 0.25


@dataclass(frozen=True)
class EngineConfig:
    """Everything the engine needs; `dataclasses.replace` makes variants.

    Each field can be set from the environment as FACE_<FIELD> (FACE_MODELS_DIR,
    FACE_BUILD_DIR, FACE_THREADS, FACE_MATCH_THRESHOLD, FACE_LIVENESS_THRESHOLD,
    FACE_MAX_IMAGE_BYTES, FACE_MAX_PIXELS, FACE_MIN_FACE_PX, ...)."""

    models_dir: Path = Path("data/models")
    build_dir: Path = Path("data/models")
    threads: int = 1
    match_threshold: float = DEFAULT_MATCH_THRESHOLD
    liveness_threshold: float = DEFAULT_LIVENESS_THRESHOLD
    max_image_bytes: int = 15 * 1024 * 1024
    max_pixels: int = 40_000_000
    work_max_side: int = 1280
    detect_max_side: int = 640
    detect_score_threshold: float = 0.6
    nms_iou_threshold: float = 0.3
    min_face_px: float = 60.0
    secondary_face_ratio: float = 0.5
    min_blur: float = 12.0
    min_brightness: float = 40.0
    max_brightness: float = 230.0
    batch_size: int = 16

    def __post_init__(self) -> None:
        object.__setattr__(self, "models_dir", Path(self.models_dir))
        object.__setattr__(self, "build_dir", Path(self.build_dir))
        if self.threads < 1:
            raise ValueError("threads must be >= 1")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> EngineConfig:
        """Read FACE_* variables (see docs/FACE_ENGINE.md); unset ones keep their defaults."""
        env = os.environ if environ is None else environ
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get("FACE_" + f.name.upper())
            if raw is None or raw == "":
                continue
            kind = Path if isinstance(f.default, Path) else type(f.default)
            try:
                kwargs[f.name] = kind(raw)
            except ValueError as exc:
                raise ValueError(f"bad value for {f.name}: {raw!r}") from exc
        return cls(**kwargs)  # type: ignore[arg-type]

