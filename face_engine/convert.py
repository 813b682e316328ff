"""Convert dlib's ResNet face-recognition model (a .dat file) into an ONNX graph.

The layer list mirrors `anet_type` in dlib's examples/dnn_face_recognition_ex.cpp; field
order follows each layer's `serialize` in dlib/dnn/core.h, layers.h and input.h.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .dlib_format import DlibFormatError, DlibReader

OPSET = 17
IR_VERSION = 8  # fixed, so the output bytes do not depend on the installed onnx version
INPUT_NAME = "rgb"
OUTPUT_NAME = "descriptor"
CHIP_SIZE = 150


def _ares(n: int) -> list[tuple]:
    block = [("con", n, 3, 1), ("affine",), ("relu",), ("con", n, 3, 1), ("affine",)]
    return [("tag", 1), *block, ("add_prev", 1), ("relu",)]


def _ares_down(n: int) -> list[tuple]:
    block = [("con", n, 3, 2), ("affine",), ("relu",), ("con", n, 3, 1), ("affine",)]
    skip = [("tag", 2), ("skip", 1), ("avg_pool", 2, 2), ("add_prev", 2), ("relu",)]
    return [("tag", 1), *block, *skip]


def _network() -> list[tuple]:
    """dlib's anet_type from input to output; tags/skips are wrappers without a layer."""
    layers: list[tuple] = [("con", 32, 7, 2), ("affine",), ("relu",), ("max_pool", 3, 2)]
    layers += _ares(32) * 3  # alevel4
    layers += _ares_down(64) + _ares(64) * 3  # alevel3
    layers += _ares_down(128) + _ares(128) * 2  # alevel2
    layers += _ares_down(256) + _ares(256) * 2  # alevel1
    layers += _ares_down(256)  # alevel0
    layers += [("avg_pool_everything",), ("fc", 128)]
    return layers


NETWORK: tuple[tuple, ...] = tuple(_network())


@dataclass
class DlibNet:
    """What the .dat file holds: input normalisation and one params dict per layer."""

    means_rgb: tuple[float, float, float]
    chip_size: int
    layers: list[tuple[tuple, dict[str, np.ndarray]]] = field(default_factory=list)

    @property
    def conv_count(self) -> int:
        return sum(1 for spec, _ in self.layers if spec[0] == "con")


def _read_pool(r: DlibReader, name: str, spec: tuple) -> dict[str, np.ndarray]:
    r.expect_str(name)
    nr, nc, sy, sx, py, px = (r.read_int() for _ in range(6))
    if spec[0] == "avg_pool_everything":
        if (nr, nc, sy, sx, py, px) != (0, 0, 1, 1, 0, 0):
            raise DlibFormatError("avg_pool_everything has unexpected settings")
    elif (nr, nc, sy, sx, py, px) != (spec[1], spec[1], spec[2], spec[2], 0, 0):
        raise DlibFormatError(f"{name} settings {(nr, nc, sy, sx, py, px)} differ from {spec}")
    return {}


def _read_details(r: DlibReader, spec: tuple) -> dict[str, np.ndarray]:
    kind = spec[0]
    if kind == "con":
        r.expect_str("con_4")
        params = r.read_tensor().ravel()
        num_filters, nr, nc, sy, sx, py, px = (r.read_int() for _ in range(7))
        filters = r.read_alias_tensor()
        r.read_alias_tensor()  # biases: (1, num_filters)
        for _ in range(4):  # learning-rate and weight-decay multipliers
            r.read_float()
        pad = 0 if spec[3] != 1 else spec[2] // 2  # dlib's default padding for con_
        if (num_filters, nr, nc, sy, sx, py, px) != (spec[1], spec[2], spec[2], spec[3], spec[3],
                                                      pad, pad):
            raise DlibFormatError(f"con_ settings differ from {spec}")
        size = int(np.prod(filters))
        if params.size != size + num_filters:
            raise DlibFormatError("con_ params size does not match its filters")
        return {"weight": params[:size].reshape(filters), "bias": params[size:]}
    if kind == "affine":
        r.expect_str("affine_")
        params = r.read_tensor().ravel()
        gamma, beta = r.read_alias_tensor(), r.read_alias_tensor()
        if r.read_int() != 0 or gamma[0] != 1 or gamma[2:] != (1, 1) or gamma != beta:
            raise DlibFormatError("only per-channel (CONV_MODE) affine layers are supported")
        k = gamma[1]
        return {"gamma": params[:k].copy(), "beta": params[k : 2 * k].copy()}
    if kind in ("relu", "add_prev"):
        r.expect_str(kind + "_")
        return {}
    if kind == "max_pool":
        return _read_pool(r, "max_pool_2", spec)
    if kind in ("avg_pool", "avg_pool_everything"):
        return _read_pool(r, "avg_pool_2", spec)
    if kind == "fc":
        r.expect_str("fc_2")
        num_outputs, num_inputs = r.read_int(), r.read_int()
        params = r.read_tensor().ravel()
        weights = r.read_alias_tensor()
        r.read_alias_tensor()  # biases (unused without bias)
        bias_mode = r.read_int()
        for _ in range(4):
            r.read_float()
        if num_outputs != spec[1] or bias_mode != 1 or weights[:2] != (num_inputs, num_outputs):
            raise DlibFormatError("fc_ layer is not the expected fc_no_bias<128>")
        return {"weight": params[: num_inputs * num_outputs].reshape(num_inputs, num_outputs)}
    raise DlibFormatError(f"unknown layer kind {kind}")


def _read_trailer(r: DlibReader, version: int, innermost: bool) -> None:
    """add_layer's state after the details: 3 bools and cached tensors (empty in a clean net)."""
    for _ in range(3):
        r.read_bool()
    r.read_tensor()  # x_grad
    r.read_tensor()  # cached_output
    if innermost:
        r.read_tensor()  # grad_final
        if version >= 3:
            r.read_int()  # _sample_expansion_factor
    elif version >= 2:
        r.read_tensor()  # params_grad


def read_dlib_net(data: bytes, network: tuple[tuple, ...] = NETWORK) -> DlibNet:
    """Parse a serialized `anet_type` (loss_metric over the ResNet) into numpy arrays."""
    r = DlibReader(data)
    if r.read_int() != 1:
        raise DlibFormatError("not a dlib add_loss_layer (version 1)")
    r.expect_str("loss_metric_2")
    r.read_float(), r.read_float()  # margin, distance threshold (training only)
    versions = []
    for depth, spec in enumerate(reversed(network)):  # wrappers are written outermost first
        version = r.read_int()
        innermost = depth == len(network) - 1
        wrapper = spec[0] in ("tag", "skip")
        ok = version == 1 if wrapper else version in ((2, 3) if innermost else (1, 2))
        if not ok:
            raise DlibFormatError(f"unexpected version {version} for {spec} (depth {depth})")
        versions.append(version)
    r.expect_str("input_rgb_image_sized")
    means = (r.read_float(), r.read_float(), r.read_float())
    nr, nc = r.read_int(), r.read_int()
    if nr != nc:
        raise DlibFormatError("input is not square")
    net = DlibNet(means_rgb=means, chip_size=nr)
    for spec, version in zip(network, reversed(versions), strict=True):  # innermost first
        if spec[0] in ("tag", "skip"):
            net.layers.append((spec, {}))
            continue
        params = _read_details(r, spec)
        _read_trailer(r, version, innermost=not net.layers)
        net.layers.append((spec, params))
    if not r.at_end():
        raise DlibFormatError(f"{len(r.data) - r.pos} unread bytes at the end")
    return net


def _init(graph_inits: list, name: str, array: np.ndarray) -> str:
    graph_inits.append(numpy_helper.from_array(np.ascontiguousarray(array, np.float32), name))
    return name


def _const_i64(graph_inits: list, name: str, values: list[int]) -> str:
    graph_inits.append(numpy_helper.from_array(np.asarray(values, np.int64), name))
    return name


def build_onnx(net: DlibNet) -> onnx.ModelProto:
    """A faithful ONNX graph of the parsed net: input RGB 0-255 NCHW, output the raw descriptor."""
    nodes: list = []
    inits: list = []
    size = net.chip_size
    mean = np.asarray(net.means_rgb, np.float32).reshape(1, 3, 1, 1)
    nodes.append(helper.make_node("Sub", [INPUT_NAME, _init(inits, "mean_rgb", mean)], ["centred"]))
    scale = np.full((1,), 1.0 / 256.0, np.float32)
    nodes.append(helper.make_node("Mul", ["centred", _init(inits, "inv_256", scale)], ["x0"]))
    cur, shape = "x0", (3, size, size)
    tags: dict[int, tuple[str, tuple[int, int, int]]] = {}
    for i, (spec, p) in enumerate(net.layers):
        kind, out = spec[0], f"{spec[0]}_{i}"
        if kind == "tag":
            tags[spec[1]] = (cur, shape)
            continue
        if kind == "skip":
            cur, shape = tags[spec[1]]
            continue
        if kind == "con":
            k, stride = spec[2], spec[3]
            pad = 0 if stride != 1 else k // 2
            w, b = _init(inits, out + ".w", p["weight"]), _init(inits, out + ".b", p["bias"])
            nodes.append(helper.make_node("Conv", [cur, w, b], [out], kernel_shape=[k, k],
                                          strides=[stride, stride], pads=[pad] * 4))
            hw = (shape[1] + 2 * pad - k) // stride + 1, (shape[2] + 2 * pad - k) // stride + 1
            shape = (spec[1], *hw)
        elif kind == "affine":
            g = _init(inits, out + ".gamma", p["gamma"].reshape(1, -1, 1, 1))
            b = _init(inits, out + ".beta", p["beta"].reshape(1, -1, 1, 1))
            nodes.append(helper.make_node("Mul", [cur, g], [out + ".scaled"]))
            nodes.append(helper.make_node("Add", [out + ".scaled", b], [out]))
        elif kind == "relu":
            nodes.append(helper.make_node("Relu", [cur], [out]))
        elif kind in ("max_pool", "avg_pool"):
            op = "MaxPool" if kind == "max_pool" else "AveragePool"
            k, stride = spec[1], spec[2]
            nodes.append(helper.make_node(op, [cur], [out], kernel_shape=[k, k],
                                          strides=[stride, stride], pads=[0] * 4))
            shape = (shape[0], (shape[1] - k) // stride + 1, (shape[2] - k) // stride + 1)
        elif kind == "add_prev":
            other, other_shape = tags[spec[1]]
            target = tuple(max(a, b) for a, b in zip(shape, other_shape, strict=True))
            a = _zero_pad(nodes, inits, cur, shape, target, out + ".a")
            b = _zero_pad(nodes, inits, other, other_shape, target, out + ".b")
            nodes.append(helper.make_node("Add", [a, b], [out]))
            shape = target
        elif kind == "avg_pool_everything":
            nodes.append(helper.make_node("GlobalAveragePool", [cur], [out]))
            shape = (shape[0], 1, 1)
        elif kind == "fc":
            nodes.append(helper.make_node("Flatten", [cur], [out + ".flat"], axis=1))
            w = _init(inits, out + ".w", p["weight"])
            nodes.append(helper.make_node("MatMul", [out + ".flat", w], [OUTPUT_NAME]))
            out = OUTPUT_NAME
        cur = out
    graph = helper.make_graph(
        nodes, "dlib_face_recognition_resnet_model_v1",
        [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, ["N", 3, size, size])],
        [helper.make_tensor_value_info(OUTPUT_NAME, TensorProto.FLOAT, ["N", 128])],
        initializer=inits,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="hadir.face_engine.convert", producer_version="1")
    model.ir_version = IR_VERSION
    model.doc_string = "Converted from dlib_face_recognition_resnet_model_v1.dat (CC0)."
    onnx.checker.check_model(model)
    return model


def _zero_pad(nodes: list, inits: list, name: str, shape: tuple, target: tuple, out: str) -> str:
    """dlib's add_prev zero-fills the smaller tensor at the end (channels, bottom, right)."""
    if shape == target:
        return name
    extra = [0, target[0] - shape[0], target[1] - shape[1], target[2] - shape[2]]
    pads = _const_i64(inits, out + ".pads", [0, 0, 0, 0, *extra])
    nodes.append(helper.make_node("Pad", [name, pads], [out], mode="constant"))
    return out


def convert_bytes(data: bytes) -> bytes:
    """.dat bytes in, serialized ONNX bytes out (deterministic)."""
    return build_onnx(read_dlib_net(data)).SerializeToString(deterministic=True)
