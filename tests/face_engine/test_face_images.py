"""Untrusted photo bytes: typed errors or correct results, quickly, never a crash."""

from __future__ import annotations

import io
import struct
import time
import zlib
from dataclasses import replace

import numpy as np
import pytest
from face_helpers import pil_bytes
from PIL import Image

from face_engine import FaceEngine, ImageError, cosine
from face_engine.imageio import decode_image


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


@pytest.fixture(scope="module")
def huge_png() -> bytes:
    """A valid 20000×20000 greyscale PNG (400 megapixels, ~400 KB compressed)."""
    side = 20000
    comp = zlib.compressobj(9)
    row = bytes(side + 1)  # filter byte + black pixels
    idat = b"".join(comp.compress(row) for _ in range(side)) + comp.flush()
    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat)
            + _png_chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def lisa(dev_dir) -> Image.Image:
    return Image.open(dev_dir / "webmorph_lisa" / "1.jpg").convert("RGB")


def _code(engine, data) -> str:
    with pytest.raises(ImageError) as info:
        engine.analyze(data)
    return info.value.code


def test_empty_bytes(engine):
    assert _code(engine, b"") == "IMAGE_EMPTY"


def test_text_file(engine):
    assert _code(engine, b"Absensi pegawai hari ini\n" * 20) == "IMAGE_UNREADABLE"


def test_not_bytes(engine):
    assert _code(engine, "photo.jpg") == "IMAGE_UNREADABLE"


def test_truncated_jpeg(engine, dev_photo):
    data = dev_photo("london_001", 1)
    assert _code(engine, data[: len(data) // 2]) == "IMAGE_UNREADABLE"
    assert _code(engine, data[:200]) == "IMAGE_UNREADABLE"


def test_huge_png_rejected_from_header_quickly(engine, huge_png):
    start = time.perf_counter()
    assert _code(engine, huge_png) == "IMAGE_TOO_LARGE"
    assert time.perf_counter() - start < 0.5


def test_too_many_bytes(config, dev_photo):
    small = FaceEngine(replace(config, max_image_bytes=10_000))
    assert _code(small, dev_photo("london_001", 1)) == "IMAGE_TOO_LARGE"


def test_unsupported_format(engine, lisa):
    assert _code(engine, pil_bytes(lisa, "GIF")) == "IMAGE_UNSUPPORTED"
    assert _code(engine, pil_bytes(lisa, "TIFF")) == "IMAGE_UNSUPPORTED"
    heic_header = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(64)
    assert _code(engine, heic_header) == "IMAGE_UNSUPPORTED"


def test_cmyk_jpeg_gives_the_same_face(engine, lisa):
    rgb = engine.analyze(pil_bytes(lisa, "JPEG", quality=95))
    cmyk_bytes = pil_bytes(lisa.convert("CMYK"), "JPEG", quality=95)
    assert Image.open(io.BytesIO(cmyk_bytes)).mode == "CMYK"
    cmyk = engine.analyze(cmyk_bytes)
    assert cmyk.reasons == () and cosine(rgb.embedding, cmyk.embedding) > 0.98
    np.testing.assert_allclose(cmyk.box, rgb.box, atol=6)


@pytest.mark.parametrize(("orientation", "transpose"), [
    (6, Image.Transpose.ROTATE_90),  # stored turned left, EXIF says "rotate 90 CW to view"
    (8, Image.Transpose.ROTATE_270),
    (3, Image.Transpose.ROTATE_180),
])
def test_exif_rotated_photo_is_found_upright(engine, lisa, orientation, transpose):
    upright = engine.analyze(pil_bytes(lisa, "JPEG", quality=95))
    stored = lisa.transpose(transpose)
    exif = Image.Exif()
    exif[0x0112] = orientation
    rotated = engine.analyze(pil_bytes(stored, "JPEG", quality=95, exif=exif.tobytes()))
    assert rotated.reasons == ()
    assert cosine(upright.embedding, rotated.embedding) > 0.98
    np.testing.assert_allclose(rotated.box, upright.box, atol=6)  # coordinates of the view


def test_other_modes_decode(engine, lisa):
    grey = engine.analyze(pil_bytes(lisa.convert("L"), "JPEG"))
    assert grey.embedding is not None
    rgba = lisa.convert("RGBA")
    assert engine.analyze(pil_bytes(rgba, "PNG")).embedding is not None
    assert engine.analyze(pil_bytes(lisa, "WEBP", quality=90)).embedding is not None
    arr16 = np.asarray(lisa.convert("L"), np.uint16) * 257
    png16 = pil_bytes(Image.fromarray(arr16), "PNG")
    assert Image.open(io.BytesIO(png16)).mode.startswith("I")
    assert engine.analyze(png16).embedding is not None


def test_large_photo_is_downscaled_and_boxes_stay_in_original_pixels(engine, lisa):
    big = lisa.resize((lisa.width * 5, lisa.height * 5))  # 2400×3200, JPEG draft decoding
    small = engine.analyze(pil_bytes(lisa, "JPEG", quality=95))
    large = engine.analyze(pil_bytes(big, "JPEG", quality=95))
    np.testing.assert_allclose(np.array(large.box) / 5, small.box, atol=6)
    assert large.quality.face_px == pytest.approx(small.quality.face_px * 5, rel=0.05)
    decoded = decode_image(pil_bytes(big, "JPEG"), 10**8, 10**8, work_max_side=1280)
    assert max(decoded.bgr.shape[:2]) == 1280 and decoded.original_size == (2400, 3200)
