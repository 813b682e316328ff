"""Test helpers: a writer for dlib's serialization (the inverse of face_engine.dlib_format) and a
plain-numpy forward pass with dlib's layer semantics, independent of ONNX."""

from __future__ import annotations

import math

import numpy as np

# -- writer (dlib/serialize.h, dlib/cuda/tensor.h) -------------------------------------------


def w_int(v: int) -> bytes:
    mag = abs(v)
    body = mag.to_bytes(max(1, (mag.bit_length() + 7) // 8), "little")
    return bytes([len(body) | (0x80 if v < 0 else 0)]) + body


def w_str(s: str) -> bytes:
    return w_int(len(s)) + s.encode("latin-1")


def w_float(x: float) -> bytes:
    if x == 0:
        return w_int(0) + w_int(0)
    m, e = math.frexp(x)
    return w_int(int(m * 2**53)) + w_int(e - 53)


def w_bool(b: bool) -> bytes:
    return b"1" if b else b"0"


def w_tensor(arr: np.ndarray) -> bytes:
    a = np.asarray(arr, np.float32)
    shape = list(a.shape) + [1] * (4 - a.ndim)
    return w_int(2) + b"".join(w_int(d) for d in shape) + a.astype("<f4").tobytes()


def w_alias(shape: tuple[int, ...]) -> bytes:
    return w_int(1) + b"".join(w_int(d) for d in shape)


def _details(spec: tuple, p: dict) -> bytes:
    kind = spec[0]
    if kind == "con":
        w, b = p["weight"], p["bias"]
        nf, k = w.shape[0], w.shape[2]
        pad = 0 if spec[3] != 1 else k // 2
        flat = np.concatenate([w.ravel(), b.ravel()])
        return (w_str("con_4") + w_tensor(flat.reshape(-1, 1, 1, 1))
                + b"".join(w_int(v) for v in (nf, k, k, spec[3], spec[3], pad, pad))
                + w_alias(w.shape) + w_alias((1, nf, 1, 1)) + w_float(1) + w_float(1)
                + w_float(1) + w_float(0))
    if kind == "affine":
        k = p["gamma"].size
        flat = np.concatenate([p["gamma"], p["beta"]]).reshape(-1, 1, 1, 1)
        return (w_str("affine_") + w_tensor(flat) + w_alias((1, k, 1, 1)) + w_alias((1, k, 1, 1))
                + w_int(0))
    if kind in ("relu", "add_prev"):
        return w_str(kind + "_")
    if kind in ("max_pool", "avg_pool"):
        return w_str(kind + "_2") + b"".join(w_int(v) for v in (spec[1], spec[1], spec[2],
                                                                   spec[2], 0, 0))
    if kind == "avg_pool_everything":
        return w_str("avg_pool_2") + b"".join(w_int(v) for v in (0, 0, 1, 1, 0, 0))
    if kind == "fc":
        w = p["weight"]
        return (w_str("fc_2") + w_int(w.shape[1]) + w_int(w.shape[0])
                + w_tensor(w.reshape(w.shape[0], w.shape[1], 1, 1)) + w_alias((*w.shape, 1, 1))
                + w_alias((0, 0, 0, 0)) + w_int(1) + w_float(1) + w_float(1) + w_float(1)
                + w_float(0))
    raise ValueError(kind)


def write_net(network: list[tuple], params: list[dict], means: tuple[float, float, float],
              size: int) -> bytes:
    """Serialize loss_metric<network<input_rgb_image_sized<size>>> as dlib would."""
    out = [w_int(1), w_str("loss_metric_2"), w_float(0.04), w_float(0.6)]
    for depth, spec in enumerate(reversed(network)):
        innermost = depth == len(network) - 1
        out.append(w_int(1 if spec[0] in ("tag", "skip") else 3 if innermost else 2))
    out += [w_str("input_rgb_image_sized"), *(w_float(m) for m in means), w_int(size),
            w_int(size)]
    first = True
    for spec, p in zip(network, params, strict=True):
        if spec[0] in ("tag", "skip"):
            continue
        out.append(_details(spec, p))
        out += [w_bool(True), w_bool(True), w_bool(False), w_tensor(np.zeros((0, 0, 0, 0))),
                w_tensor(np.zeros((0, 0, 0, 0)))]
        out.append(w_tensor(np.zeros((0, 0, 0, 0))))  # grad_final or params_grad
        if first:
            out.append(w_int(1))  # _sample_expansion_factor
            first = False
    return b"".join(out)


# -- numpy forward pass with dlib's semantics ------------------------------------------------


def _conv(x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int, pad: int) -> np.ndarray:
    x = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    n, c, h, wd = x.shape
    k = w.shape[2]
    oh, ow = (h - k) // stride + 1, (wd - k) // stride + 1
    s = x.strides
    cols = np.lib.stride_tricks.as_strided(
        x, (n, c, k, k, oh, ow), (s[0], s[1], s[2], s[3], s[2] * stride, s[3] * stride))
    out = np.einsum("nckloh,fckl->nfoh", cols.astype(np.float64), w.astype(np.float64))
    return out + b.reshape(1, -1, 1, 1)


def _pool(x: np.ndarray, k: int, stride: int, op) -> np.ndarray:
    n, c, h, w = x.shape
    oh, ow = (h - k) // stride + 1, (w - k) // stride + 1
    out = np.empty((n, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            out[:, :, i, j] = op(x[:, :, i * stride:i * stride + k, j * stride:j * stride + k],
                                 axis=(2, 3))
    return out


def _add_zero_padded(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    shape = tuple(max(p, q) for p, q in zip(a.shape, b.shape, strict=True))
    out = np.zeros(shape)
    out[tuple(slice(0, d) for d in a.shape)] += a
    out[tuple(slice(0, d) for d in b.shape)] += b
    return out


def forward(network: list[tuple], params: list[dict], means: tuple[float, float, float],
            rgb: np.ndarray) -> np.ndarray:
    """rgb: N×3×H×W in 0-255 → raw descriptors, computed in float64."""
    x = (np.asarray(rgb, np.float64) - np.reshape(means, (1, 3, 1, 1))) / 256.0
    tags: dict[int, np.ndarray] = {}
    for spec, p in zip(network, params, strict=True):
        kind = spec[0]
        if kind == "tag":
            tags[spec[1]] = x
        elif kind == "skip":
            x = tags[spec[1]]
        elif kind == "con":
            x = _conv(x, p["weight"], p["bias"], spec[3], 0 if spec[3] != 1 else spec[2] // 2)
        elif kind == "affine":
            x = x * p["gamma"].reshape(1, -1, 1, 1) + p["beta"].reshape(1, -1, 1, 1)
        elif kind == "relu":
            x = np.maximum(x, 0)
        elif kind == "max_pool":
            x = _pool(x, spec[1], spec[2], np.max)
        elif kind == "avg_pool":
            x = _pool(x, spec[1], spec[2], np.mean)
        elif kind == "add_prev":
            x = _add_zero_padded(x, tags[spec[1]])
        elif kind == "avg_pool_everything":
            x = x.mean(axis=(2, 3))
        elif kind == "fc":
            x = x.reshape(len(x), -1) @ p["weight"].astype(np.float64)
    return x

