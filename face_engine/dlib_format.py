"""Reader for dlib's binary serialization format.

Mirrors dlib/serialize.h (integers, strings, bools, float_details) and dlib/cuda/tensor.h
(tensors as a short header followed by little-endian float32 data).
"""

from __future__ import annotations

import numpy as np

_FLOAT_INF, _FLOAT_NINF, _FLOAT_NAN = 32000, 32001, 32002


class DlibFormatError(ValueError):
    """The bytes are not what dlib's serializer would have written here."""


class DlibReader:
    """Sequential reader over one dlib-serialized byte string."""

    def __init__(self, data: bytes) -> None:
        self.data = memoryview(data)
        self.pos = 0

    def _take(self, n: int) -> memoryview:
        if n < 0 or self.pos + n > len(self.data):
            raise DlibFormatError(f"unexpected end of data at byte {self.pos}")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def read_int(self) -> int:
        """dlib pack_int: a control byte (byte count | 0x80 when negative), then LE magnitude."""
        control = self._take(1)[0]
        size = control & 0x0F
        if size > 8 or control & 0x70:
            raise DlibFormatError(f"bad integer control byte {control:#x} at {self.pos - 1}")
        value = int.from_bytes(self._take(size), "little")
        return -value if control & 0x80 else value

    def read_str(self) -> str:
        size = self.read_int()
        if size < 0:
            raise DlibFormatError("negative string length")
        return bytes(self._take(size)).decode("latin-1")

    def read_bool(self) -> bool:
        ch = bytes(self._take(1))
        if ch not in (b"0", b"1"):
            raise DlibFormatError(f"bad bool byte {ch!r} at {self.pos - 1}")
        return ch == b"1"

    def read_float(self) -> float:
        """dlib float_details: mantissa (int64) and exponent (int16), value = m * 2**e."""
        mantissa = self.read_int()
        exponent = self.read_int()
        if exponent == _FLOAT_INF:
            return float("inf")
        if exponent == _FLOAT_NINF:
            return float("-inf")
        if exponent == _FLOAT_NAN:
            return float("nan")
        return float(mantissa) * 2.0**exponent

    def read_tensor(self) -> np.ndarray:
        """A dlib tensor (version 2): n, k, nr, nc, then n*k*nr*nc little-endian float32."""
        version = self.read_int()
        if version != 2:
            raise DlibFormatError(f"unexpected tensor version {version}")
        shape = tuple(self.read_int() for _ in range(4))
        if min(shape) < 0:
            raise DlibFormatError(f"bad tensor shape {shape}")
        count = int(np.prod(shape))
        raw = self._take(4 * count)
        return np.frombuffer(raw, dtype="<f4").astype(np.float32).reshape(shape)

    def read_alias_tensor(self) -> tuple[int, int, int, int]:
        """An alias_tensor (version 1): only the shape of a view into a params tensor."""
        version = self.read_int()
        if version != 1:
            raise DlibFormatError(f"unexpected alias_tensor version {version}")
        n, k, nr, nc = (self.read_int() for _ in range(4))
        return n, k, nr, nc

    def expect_str(self, *allowed: str) -> str:
        text = self.read_str()
        if text not in allowed:
            raise DlibFormatError(f"expected one of {allowed}, found {text!r} at {self.pos}")
        return text

    def at_end(self) -> bool:
        return self.pos == len(self.data)
