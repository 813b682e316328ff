"""Engine configuration: one frozen dataclass, read from the environment once."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from .challenge import ChallengeLimits

#: Calibrated on ../shared/faces/dev and spoof-dev (docs/FACE_ENGINE.md).
DEFAULT_MATCH_THRESHOLD = 0.93


@dataclass(frozen=True)
class EngineConfig:
    """Everything the engine needs; `dataclasses.replace` makes variants.

    Each field can be set from the environment as FACE_<FIELD> (FACE_MODELS_DIR,
    FACE_BUILD_DIR, FACE_THREADS, FACE_MATCH_THRESHOLD, FACE_LIVENESS_REJECT,
    FACE_LIVENESS_ACCEPT, FACE_MAX_IMAGE_BYTES, FACE_MIN_FACE_PX, ...)."""

    models_dir: Path = Path("data/models")
    build_dir: Path = Path("data/models")
    threads: int = 1
    providers: str = "cpu"  # onnxruntime execution providers (face_engine/runtime.py)
    match_threshold: float = DEFAULT_MATCH_THRESHOLD
    # passive liveness bands (mean of the two MiniFASNet "real" probabilities): below
    # `reject` refused, from `accept` accepted, between sent to a supervisor; a burst that
    # passed the challenge is accepted from `challenge_accept`
    liveness_reject: float = 0.30
    liveness_accept: float = 0.83
    liveness_challenge_accept: float = 0.50
    liveness_box_scale: float = 1.1  # the detector box widened before the models' own crops
    too_close_fraction: float = 0.70  # a face box wider/taller than this share of the photo
    # the challenge (face_engine/challenge.py)
    challenge_near_eye_fraction: float = 0.25
    challenge_min_growth: float = 1.5
    challenge_flat_correlation: float = 0.975
    challenge_min_parallax: float = 0.045
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
        if not 0 <= self.liveness_reject <= self.liveness_challenge_accept <= 1 or \
                not self.liveness_reject <= self.liveness_accept <= 1:
            raise ValueError("liveness bands need 0 <= reject <= (challenge_)accept <= 1")

    @property
    def challenge_limits(self) -> ChallengeLimits:
        return ChallengeLimits(self.challenge_near_eye_fraction, self.challenge_min_growth,
                               self.challenge_flat_correlation, self.challenge_min_parallax)

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

