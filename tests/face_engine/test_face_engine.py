"""FaceEngine contract: analyze, enroll, verify, templates, batching, threads, model checks."""

from __future__ import annotations

import dataclasses
import shutil
import struct
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from face_helpers import jpeg, side_by_side

from face_engine import (
    EngineConfig,
    FaceAnalysis,
    FaceEngine,
    FaceEngineError,
    ImageError,
    ModelsUnavailable,
    Quality,
    Template,
    TemplateMismatch,
    Verification,
)


def test_analyze_returns_frozen_contract(engine, dev_photo):
    a = engine.analyze(dev_photo("webmorph_lisa", 1))
    assert isinstance(a, FaceAnalysis) and isinstance(a.quality, Quality)
    assert a.reasons == () and a.ok and a.face_count == 1
    x, y, w, h = a.box
    assert 0 <= x < 480 and 0 <= y < 640 and 50 < w < 480 and 50 < h < 640
    assert len(a.landmarks) == 5 and all(len(p) == 2 for p in a.landmarks)
    assert a.embedding.shape == (128,) and a.embedding.dtype == np.float32
    assert np.linalg.norm(a.embedding) == pytest.approx(1.0, abs=1e-5)
    assert 0.6 <= a.score <= 1.0 and 0.0 <= a.liveness <= 1.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.score = 0.1


def test_model_version(engine):
    assert engine.model_version == "dlib_resnet_v1+yunet_2023mar"


def test_enroll_and_verify_genuine_and_impostor(engine, dev_photo):
    template = engine.enroll([dev_photo("webmorph_lisa", 1), dev_photo("webmorph_lisa", 2)])
    assert template.embeddings.shape == (2, 128)
    np.testing.assert_allclose(np.linalg.norm(template.embeddings, axis=1), 1.0, atol=1e-5)
    assert template.model_version == engine.model_version

    genuine = engine.verify(dev_photo("webmorph_lisa", 7), template)
    assert isinstance(genuine, Verification)
    assert genuine.ok and genuine.match and genuine.live and genuine.reasons == ()
    assert genuine.similarity >= engine.config.match_threshold

    impostor = engine.verify(dev_photo("london_001", 1), template)
    assert not impostor.match and impostor.similarity < engine.config.match_threshold
    assert impostor.reasons == ("FACE_MISMATCH",) and not impostor.ok


def test_verify_without_a_face(engine, dev_photo, dev_bgr):
    template = engine.enroll([dev_photo("london_001", 1)])
    two = engine.verify(jpeg(side_by_side(dev_bgr("london_001", 2), dev_bgr("london_002", 1))),
                        template)
    assert two.similarity is None and not two.match and two.reasons == ("MULTIPLE_FACES",)
    with pytest.raises(ImageError):
        engine.verify(b"", template)


def test_verify_reports_quality_reasons_with_a_match(engine, dev_photo, dev_bgr):
    template = engine.enroll([dev_photo("london_010", 1)])
    dark = engine.verify(jpeg((dev_bgr("london_010", 2) * 0.2).astype(np.uint8)), template)
    assert "FACE_TOO_DARK" in dark.reasons and not dark.ok
    assert dark.similarity is not None


def test_enroll_rejects_bad_sets(engine, dev_photo, dev_bgr):
    good = dev_photo("london_001", 1)
    for photos in ([], [good] * 6):
        with pytest.raises(FaceEngineError) as info:
            engine.enroll(photos)
        assert info.value.code == "ENROLL_PHOTO_COUNT"
    group = jpeg(side_by_side(dev_bgr("london_001", 2), dev_bgr("london_002", 1)))
    with pytest.raises(FaceEngineError) as info:
        engine.enroll([good, group, b"not an image"])
    assert info.value.code == "ENROLL_REJECTED"
    assert info.value.details == {"photos": [{"index": 1, "reasons": ["MULTIPLE_FACES"]},
                                             {"index": 2, "reasons": ["IMAGE_UNREADABLE"]}]}
    with pytest.raises(FaceEngineError) as info:
        engine.enroll([good, dev_photo("london_002", 1)])
    assert info.value.code == "ENROLL_INCONSISTENT"


def test_template_bytes_round_trip_and_corruption(engine, dev_photo):
    template = engine.enroll([dev_photo("london_003", 1), dev_photo("london_003", 2)])
    blob = template.to_bytes()
    assert len(blob) < 2 * 128 * 4 + 2 * 80 * 80 + 64 and b"pickle" not in blob
    back = Template.from_bytes(blob)
    assert back.model_version == template.model_version
    np.testing.assert_array_equal(back.embeddings, template.embeddings)
    np.testing.assert_array_equal(back.prints, template.prints)  # one per enrolment photo
    assert back.prints.shape == (2, 80, 80)
    # a template stored before fingerprints existed (format 1) still reads, without them
    version = template.model_version.encode()
    old = (struct.pack("<3sBHH", b"HFT", 1, 2, 128) + bytes([len(version)]) + version
           + template.embeddings.astype("<f4").tobytes())
    legacy = Template.from_bytes(old)
    assert legacy.prints is None
    np.testing.assert_array_equal(legacy.embeddings, template.embeddings)
    for bad in (b"", blob[:-1], b"XYZ" + blob[3:], blob + b"\x00", old + b"\x00"):
        with pytest.raises(FaceEngineError) as info:
            Template.from_bytes(bad)
        assert info.value.code == "TEMPLATE_INVALID"


def test_incompatible_template_is_refused(engine, dev_photo):
    template = engine.enroll([dev_photo("london_003", 1)])
    other = Template(template.embeddings, "sface_2021dec+yunet_2023mar")
    with pytest.raises(TemplateMismatch) as info:
        engine.verify(dev_photo("london_003", 2), other)
    assert info.value.code == "TEMPLATE_MISMATCH"
    same_recognizer = Template(template.embeddings, "dlib_resnet_v1+yunet_2026may")
    assert engine.verify(dev_photo("london_003", 2), same_recognizer).match


def test_embed_batch_matches_single_analysis(engine, dev_dir):
    paths = sorted(dev_dir.glob("london_00*/*.jpg"))[:10]
    data = [p.read_bytes() for p in paths]
    noise = jpeg(np.zeros((200, 200, 3), np.uint8))
    batch = engine.embed_batch([*data, noise])
    assert len(batch) == 11 and batch[-1].reasons == ("NO_FACE",)
    for d, b in zip(data, batch, strict=False):
        single = engine.analyze(d)
        np.testing.assert_allclose(b.embedding, single.embedding, atol=1e-5)
        assert b.liveness == pytest.approx(single.liveness) and b.reasons == single.reasons
    with pytest.raises(ImageError) as info:
        engine.embed_batch([data[0], b"junk"])
    assert info.value.details["index"] == 1


def test_engine_is_thread_safe(config, dev_dir):
    engine = FaceEngine(dataclasses.replace(config, threads=2))
    data = [p.read_bytes() for p in sorted(dev_dir.glob("london_01*/*.jpg"))[:8]]
    expected = [engine.analyze(d).embedding for d in data]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(engine.analyze, data * 3))
    for i, r in enumerate(results):
        np.testing.assert_allclose(r.embedding, expected[i % len(data)], atol=1e-5)


def test_check_models_and_missing_models(config, tmp_path, models_dir):
    assert FaceEngine.check_models(config) == []
    empty = dataclasses.replace(config, models_dir=tmp_path / "none", build_dir=tmp_path / "none")
    missing = FaceEngine.check_models(empty)
    assert "face_detection_yunet_2023mar.onnx" in missing and "dlib_resnet_v1.onnx" in missing
    with pytest.raises(ModelsUnavailable) as info:
        FaceEngine(empty)
    assert info.value.code == "FACE_MODELS_UNAVAILABLE" and info.value.missing == missing


def test_tampered_model_is_refused(config, tmp_path, models_dir):
    fake = tmp_path / "models"
    shutil.copytree(models_dir, fake)
    target = fake / "2.7_80x80_MiniFASNetV2.onnx"
    target.chmod(0o644)
    blob = bytearray(target.read_bytes())
    blob[-1] ^= 0xFF
    target.write_bytes(bytes(blob))
    cfg = dataclasses.replace(config, models_dir=fake)
    assert FaceEngine.check_models(cfg) == ["2.7_80x80_MiniFASNetV2.onnx"]


def test_config_from_env(tmp_path):
    cfg = EngineConfig.from_env({"FACE_MODELS_DIR": str(tmp_path), "FACE_THREADS": "2",
                                 "FACE_MATCH_THRESHOLD": "0.95", "FACE_MAX_PIXELS": "1000",
                                 "FACE_LIVENESS_ACCEPT": ""})
    assert cfg.models_dir == tmp_path and cfg.threads == 2 and cfg.match_threshold == 0.95
    assert cfg.max_pixels == 1000 and cfg.liveness_accept == EngineConfig().liveness_accept
    assert EngineConfig.from_env({}).build_dir.as_posix() == "data/models"
    with pytest.raises(ValueError):
        EngineConfig.from_env({"FACE_THREADS": "many"})
