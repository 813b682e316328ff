"""Frozen result types the engine returns, and the storable face template."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

import numpy as np

from .challenge import INSTRUCTIONS, ChallengeResult
from .errors import FaceEngineError
from .fingerprint import PRINT_SIZE

EMBEDDING_DIM = 128
MAX_BURST_FRAMES = 3


@dataclass(frozen=True)
class Quality:
    ok: bool
    face_px: float
    blur: float  # variance of the Laplacian on the aligned face
    brightness: float  # mean grey level 0-255 on the aligned face
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class FaceAnalysis:
    """What one photo shows. Coordinates are in the original (EXIF-rotated) photo's pixels."""

    box: tuple[float, float, float, float] | None
    landmarks: tuple[tuple[float, float], ...] | None
    score: float | None
    face_count: int
    quality: Quality | None
    liveness: float | None
    embedding: np.ndarray | None = field(repr=False, compare=False)
    reasons: tuple[str, ...] = ()
    face_print: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.reasons


@dataclass(frozen=True)
class Burst:
    """The frames a client recorded while the user followed a challenge's instruction, in
    capture order, without the selfie: the selfie is the far end of the burst (its first
    frame for "closer", its last for "farther")."""

    instruction: str
    frames: tuple[bytes, ...]

    def __post_init__(self) -> None:
        if self.instruction not in INSTRUCTIONS:
            raise FaceEngineError(f"unknown instruction {self.instruction!r}", "CHALLENGE_INVALID")
        if not 1 <= len(self.frames) <= MAX_BURST_FRAMES:
            raise FaceEngineError(f"a burst has 1 to {MAX_BURST_FRAMES} frames besides the "
                                  "selfie", "CHALLENGE_FRAMES")


@dataclass(frozen=True)
class Verification:
    similarity: float | None
    match: bool
    liveness: float | None
    live: bool  # in the accept band
    reasons: tuple[str, ...]  # refusals
    analysis: FaceAnalysis = field(repr=False)
    band: str | None = None  # accept | review | reject; None when liveness was not judged
    challenge: ChallengeResult | None = None

    @property
    def ok(self) -> bool:
        return not self.reasons


def _prints(tail: bytes, n: int) -> np.ndarray | None:
    """A format-2 template's tail: a flag byte, then n fingerprints when it is 1."""
    if tail == b"\x00":
        return None
    if tail[:1] != b"\x01" or len(tail) != 1 + n * PRINT_SIZE * PRINT_SIZE:
        raise ValueError("bad fingerprints")
    return np.frombuffer(tail[1:], dtype=np.uint8).reshape(n, PRINT_SIZE, PRINT_SIZE)


_MAGIC = b"HFT"
# 1: embeddings; 2: and one fingerprint per enrolment photo (replay detection)
_FORMAT_VERSION = 2
_HEADER = struct.Struct("<3sBHH")  # magic, format version, embedding count, dimension


@dataclass(frozen=True)
class Template:
    """An employee's enrolled face: n L2-normalised embeddings and the model that made them,
    and the photos' face fingerprints (none in templates made before they existed)."""

    embeddings: np.ndarray = field(compare=False)
    model_version: str
    prints: np.ndarray | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        emb = np.array(self.embeddings, dtype=np.float32, copy=True)
        if emb.ndim != 2 or emb.shape[1] != EMBEDDING_DIM or not 1 <= emb.shape[0] <= 65535:
            raise FaceEngineError("template needs n×128 embeddings", "TEMPLATE_INVALID")
        if not np.all(np.isfinite(emb)):
            raise FaceEngineError("template has non-finite values", "TEMPLATE_INVALID")
        emb.setflags(write=False)
        object.__setattr__(self, "embeddings", emb)
        if self.prints is not None:
            prints = np.array(self.prints, dtype=np.uint8, copy=True)
            if prints.shape != (emb.shape[0], PRINT_SIZE, PRINT_SIZE):
                raise FaceEngineError("one fingerprint per embedding", "TEMPLATE_INVALID")
            prints.setflags(write=False)
            object.__setattr__(self, "prints", prints)

    def to_bytes(self) -> bytes:
        """Compact, versioned binary form (no pickle): header, model version, float32 LE
        embeddings, then (format 2) a flag and the uint8 fingerprints."""
        version = self.model_version.encode("utf-8")
        if len(version) > 255:
            raise FaceEngineError("model version too long", "TEMPLATE_INVALID")
        n, dim = self.embeddings.shape
        prints = b"\x00" if self.prints is None else b"\x01" + self.prints.tobytes()
        return (_HEADER.pack(_MAGIC, _FORMAT_VERSION, n, dim) + bytes([len(version)]) + version
                + self.embeddings.astype("<f4").tobytes() + prints)

    @classmethod
    def from_bytes(cls, data: bytes) -> Template:
        try:
            magic, fmt, n, dim = _HEADER.unpack_from(data, 0)
            if magic != _MAGIC or fmt not in (1, 2) or dim != EMBEDDING_DIM:
                raise ValueError("bad header")
            vlen = data[_HEADER.size]
            start = _HEADER.size + 1
            version = bytes(data[start : start + vlen]).decode("utf-8")
            body = data[start + vlen :]
            size = 4 * n * dim
            if len(version) != vlen or len(body) < size:
                raise ValueError("bad length")
            emb = np.frombuffer(body[:size], dtype="<f4").reshape(n, dim)
            prints = None if fmt == 1 else _prints(body[size:], n)
            if fmt == 1 and len(body) != size:
                raise ValueError("bad length")
        except (struct.error, IndexError, ValueError, UnicodeDecodeError) as exc:
            raise FaceEngineError("stored template is corrupt", "TEMPLATE_INVALID") from exc
        return cls(embeddings=emb, model_version=version, prints=prints)
