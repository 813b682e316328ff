"""dlib .dat → ONNX converter: format reader, layer semantics, the real network."""

from __future__ import annotations

import hashlib

import numpy as np
import onnxruntime as ort
import pytest
from dlib_reference import forward, w_bool, w_float, w_int, w_str, w_tensor, write_net

from face_engine import manifest
from face_engine.convert import NETWORK, build_onnx, convert_bytes, read_dlib_net
from face_engine.dlib_format import DlibFormatError, DlibReader
from face_engine.provision import build_models, find_dlib_source

# A tiny network exercising every layer kind, both zero-padding directions of add_prev
# (main path 6×5×5 vs skip path 4×6×6) and tag/skip bookkeeping.
TINY = [("con", 4, 3, 1), ("affine",), ("relu",), ("max_pool", 3, 1), ("tag", 1),
        ("con", 6, 3, 2), ("affine",), ("tag", 2), ("skip", 1), ("avg_pool", 2, 2),
        ("add_prev", 2), ("relu",), ("avg_pool_everything",), ("fc", 5)]
TINY_MEANS = (120.5, 110.25, 100.0)


def _tiny_params(seed: int = 0) -> list[dict]:
    rng = np.random.RandomState(seed)
    channels, params = 3, []
    for spec in TINY:
        if spec[0] == "con":
            params.append({"weight": rng.randn(spec[1], channels, spec[2], spec[2]).astype(
                np.float32) * 0.5, "bias": rng.randn(spec[1]).astype(np.float32)})
            channels = spec[1]
        elif spec[0] == "affine":
            params.append({"gamma": rng.uniform(0.5, 2, channels).astype(np.float32),
                           "beta": rng.randn(channels).astype(np.float32)})
        elif spec[0] == "fc":
            params.append({"weight": rng.randn(6, spec[1]).astype(np.float32)})
        else:
            params.append({})
    return params


def _run(model_bytes: bytes, rgb: np.ndarray) -> np.ndarray:
    session = ort.InferenceSession(model_bytes, providers=["CPUExecutionProvider"])
    return session.run(None, {"rgb": rgb.astype(np.float32)})[0]


@pytest.mark.parametrize("value", [0, 1, 2, 255, 256, -1, -300, 2**40, -(2**62)])
def test_reader_integers_round_trip(value):
    assert DlibReader(w_int(value)).read_int() == value


def test_reader_primitives():
    data = (w_str("con_4") + w_float(0.6) + w_float(-122.782) + w_bool(True) + w_bool(False)
            + w_tensor(np.arange(6, dtype=np.float32).reshape(1, 2, 3, 1)))
    r = DlibReader(data)
    assert r.read_str() == "con_4"
    assert r.read_float() == pytest.approx(0.6)
    assert r.read_float() == pytest.approx(-122.782)
    assert (r.read_bool(), r.read_bool()) == (True, False)
    np.testing.assert_array_equal(r.read_tensor().ravel(), np.arange(6))
    assert r.at_end()


def test_reader_matches_dlib_bytes():
    # Bytes as they open the real file: version 1, "loss_metric_2", margin 0.04, threshold 0.6.
    head = bytes.fromhex("0101010d") + b"loss_metric_2" + bytes.fromhex("030ad7a3811c039a99998118")
    r = DlibReader(head)
    assert r.read_int() == 1 and r.read_str() == "loss_metric_2"
    assert r.read_float() == pytest.approx(0.04, abs=1e-7)
    assert r.read_float() == pytest.approx(0.6, abs=1e-7)


def test_reader_rejects_truncated_and_garbage():
    with pytest.raises(DlibFormatError):
        DlibReader(w_str("con_4")[:-1]).read_str()
    with pytest.raises(DlibFormatError):
        DlibReader(b"\x7f").read_int()
    with pytest.raises(DlibFormatError):
        read_dlib_net(b"not a dlib file at all")


def test_tiny_network_matches_numpy_reference():
    params = _tiny_params()
    blob = write_net(TINY, params, TINY_MEANS, size=12)
    net = read_dlib_net(blob, network=tuple(TINY))
    assert net.chip_size == 12 and net.means_rgb == pytest.approx(TINY_MEANS)
    model = build_onnx(net).SerializeToString()
    rgb = np.random.RandomState(1).uniform(0, 255, (3, 3, 12, 12))
    expected = forward(TINY, params, TINY_MEANS, rgb)
    np.testing.assert_allclose(_run(model, rgb), expected, rtol=1e-5, atol=1e-4)


def test_tiny_network_rejects_wrong_architecture():
    blob = write_net(TINY, _tiny_params(), TINY_MEANS, size=12)
    wrong = [("con", 8, 3, 1), *TINY[1:]]
    with pytest.raises(DlibFormatError):
        read_dlib_net(blob, network=tuple(wrong))
    with pytest.raises(DlibFormatError):
        read_dlib_net(blob + b"\x00", network=tuple(TINY))


@pytest.fixture(scope="module")
def dat_bytes(models_dir) -> bytes:
    path = find_dlib_source([models_dir])
    if path is None:
        pytest.skip("dlib_face_recognition_resnet_model_v1.dat not available")
    return path.read_bytes()


@pytest.fixture(scope="module")
def real_net(dat_bytes):
    return read_dlib_net(dat_bytes)


def test_real_file_structure(dat_bytes, real_net):
    assert hashlib.sha256(dat_bytes).hexdigest() == manifest.DLIB_SOURCE.sha256
    assert len(NETWORK) == 130  # add_layer, tag and skip wrappers in anet_type
    assert real_net.conv_count == 29  # "a ResNet network with 29 conv layers"
    assert real_net.chip_size == 150
    assert real_net.means_rgb == pytest.approx((122.782, 117.001, 104.298), abs=1e-3)
    fc = real_net.layers[-1][1]["weight"]
    assert fc.shape == (256, 128)


def test_conversion_is_deterministic_and_matches_reference(dat_bytes, build_dir):
    first, second = convert_bytes(dat_bytes), convert_bytes(dat_bytes)
    assert first == second
    assert hashlib.sha256(first).hexdigest() == manifest.RECOGNIZER.sha256
    assert (build_dir / manifest.RECOGNIZER.file).read_bytes() == first


def test_real_network_matches_numpy_reference(real_net, build_dir):
    """The ONNX graph computes what dlib's layers compute, including add_prev's zero padding of
    3×3 vs 4×4 and 1×1 vs 2×2 maps in the last two down-sampling blocks."""
    rgb = np.random.RandomState(7).uniform(0, 255, (2, 3, 150, 150))
    params = [p for _, p in real_net.layers]
    expected = forward(list(NETWORK), params, real_net.means_rgb, rgb)
    got = _run((build_dir / manifest.RECOGNIZER.file).read_bytes(), rgb)
    assert got.shape == (2, 128) and got.dtype == np.float32
    np.testing.assert_allclose(got, expected, rtol=1e-4, atol=2e-5)


def test_onnx_output_is_deterministic_and_batch_independent(engine):
    rgb = np.random.RandomState(3).uniform(0, 255, (4, 3, 150, 150)).astype(np.float32)
    batch = engine.recognizer.run(rgb)
    again = engine.recognizer.run(rgb)
    singles = np.concatenate([engine.recognizer.run(rgb[i : i + 1]) for i in range(4)])
    np.testing.assert_array_equal(batch, again)
    np.testing.assert_allclose(batch, singles, atol=1e-5)


def test_build_models_is_idempotent(tmp_path, models_dir):
    first = build_models(tmp_path, search_dirs=[models_dir])
    assert not first.skipped and first.reference
    second = build_models(tmp_path, search_dirs=[models_dir])
    assert second.skipped and second.sha256 == first.sha256


# dlib 20.0.1's own output (face_recognition_model_v1.compute_face_descriptor on a 150×150 RGB
# chip), computed once outside the test suite; see docs/FACE_ENGINE.md, "Cross-check with dlib".
DLIB_REFERENCE = {
    "noise": ([-0.07680717, 0.09233063, 0.04017104, -0.0227242, -0.14519739, -0.0445823],
              1.27242523),
    "gradient": ([-0.05138736, 0.12032478, 0.05917708, 0.01011459, -0.05553816, -0.04462435],
                 1.30882339),
}


def _reference_chip(name: str) -> np.ndarray:
    if name == "noise":
        return np.random.RandomState(0).randint(0, 256, (150, 150, 3)).astype(np.uint8)
    chip = np.zeros((150, 150, 3), np.uint8)
    chip[..., 0] = np.arange(150)[None, :] * 1.7
    chip[..., 1] = np.arange(150)[:, None] * 1.5
    chip[..., 2] = 90
    return chip


@pytest.mark.parametrize("name", sorted(DLIB_REFERENCE))
def test_reproduces_dlib_descriptors(engine, name):
    rgb = _reference_chip(name).transpose(2, 0, 1)[None].astype(np.float32)
    descriptor = engine.recognizer.run(rgb)[0]
    head, norm = DLIB_REFERENCE[name]
    np.testing.assert_allclose(descriptor[:6], head, atol=1e-6)
    assert np.linalg.norm(descriptor) == pytest.approx(norm, abs=1e-5)


def test_dlib_distance_threshold_separates_dev_pairs(engine, dev_photo):
    """dlib's documented rule (same person when the descriptors are < 0.6 apart) holds for a
    genuine and an impostor pair of the dev set, on raw (unnormalised) descriptors."""

    def raw(identity: str, n: int) -> np.ndarray:
        chip = engine._locate(dev_photo(identity, n)).chip
        return engine.recognizer.run(engine.recognizer.preprocess([chip]))[0]

    a1, a2, b1 = raw("london_020", 1), raw("london_020", 2), raw("london_021", 1)
    assert np.linalg.norm(a1 - a2) < 0.6 < np.linalg.norm(a1 - b1)
    assert 1.2 < np.linalg.norm(a1) < 1.7  # dlib descriptors are not unit length
