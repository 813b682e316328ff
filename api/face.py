"""One FaceEngine per process and configuration, created lazily and shared by threads."""
from __future__ import annotations

import logging
import threading

log = logging.getLogger(__name__)
_lock = threading.Lock()
_engines: dict = {}


def get_engine():
    """The process's FaceEngine for the FACE_* environment, or raise ModelsUnavailable."""
    from face_engine import EngineConfig, FaceEngine

    config = EngineConfig.from_env()
    engine = _engines.get(config)
    if engine is None:
        with _lock:
            engine = _engines.get(config)
            if engine is None:
                engine = FaceEngine(config)
                _engines[config] = engine
                log.info("face engine loaded: %s", engine.model_version)
    return engine


def missing_models() -> list[str]:
    """Model files that are missing or fail their checksum (empty when ready)."""
    from face_engine import EngineConfig, FaceEngine

    return FaceEngine.check_models(EngineConfig.from_env())
