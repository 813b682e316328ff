"""Model provisioning: fetch copies or downloads only files whose hash matches the manifest."""

from __future__ import annotations

import shutil

import pytest

from face_engine import manifest
from face_engine.provision import ProvisionError, fetch, fetch_one


def test_manifest_is_complete():
    for spec in manifest.ALL:
        assert len(spec.sha256) == 64 and spec.licence and spec.input_spec
        assert spec.built or spec.url.startswith("https://")
    assert {s.file for s in manifest.SHIPPED} == {
        "face_detection_yunet_2023mar.onnx", "2.7_80x80_MiniFASNetV2.onnx",
        "4_0_0_80x80_MiniFASNetV1SE.onnx"}


def test_shared_models_match_the_manifest(models_dir):
    for spec in manifest.SHIPPED:
        path = models_dir / spec.file
        assert path.stat().st_size == spec.size
        assert manifest.sha256_file(path) == spec.sha256


def test_fetch_copies_from_a_directory_offline(tmp_path, models_dir):
    out = tmp_path / "models"
    assert set(fetch(out, [models_dir], allow_network=False).values()) == {"copied"}
    assert set(fetch(out, [models_dir], allow_network=False).values()) == {"present"}
    for spec in manifest.SHIPPED:
        assert manifest.sha256_file(out / spec.file) == spec.sha256


def test_fetch_refuses_a_tampered_copy(tmp_path, models_dir):
    src = tmp_path / "usb"
    src.mkdir()
    bad = src / manifest.YUNET.file
    shutil.copyfile(models_dir / manifest.YUNET.file, bad)
    with bad.open("r+b") as fh:
        fh.seek(1000)
        fh.write(b"\x00\x01\x02\x03")
    with pytest.raises(ProvisionError, match="does not match"):
        fetch_one(manifest.YUNET, tmp_path / "out", [src], allow_network=False)
    assert not (tmp_path / "out" / manifest.YUNET.file).exists()


def test_fetch_refuses_a_bad_download(tmp_path):
    evil = tmp_path / "evil.onnx"
    evil.write_bytes(b"definitely not yunet")
    with pytest.raises(ProvisionError, match="sha256"):
        fetch_one(manifest.YUNET, tmp_path / "out", [], allow_network=True,
                  url=evil.as_uri())
    assert not (tmp_path / "out" / manifest.YUNET.file).exists()
    with pytest.raises(ProvisionError, match="refusing"):
        fetch_one(manifest.YUNET, tmp_path / "out", [], allow_network=True,
                  url="http://example.invalid/yunet.onnx")


def test_fetch_without_source_or_network_fails(tmp_path):
    with pytest.raises(ProvisionError, match="not found"):
        fetch_one(manifest.YUNET, tmp_path / "out", [tmp_path], allow_network=False)
