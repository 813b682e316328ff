"""Safe photo decoding: size limits checked from the header, EXIF orientation, any colour mode."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .errors import ImageError

ALLOWED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "BMP"})
_ORIENTATION = 0x0112  # EXIF tag


@dataclass(frozen=True)
class DecodedImage:
    """A BGR uint8 working image and the factor that maps its pixels to the original's."""

    bgr: np.ndarray
    to_original: float
    original_size: tuple[int, int]  # (width, height) after EXIF rotation


def _open(data: bytes, max_pixels: int) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            img = Image.open(io.BytesIO(data))  # reads the header only
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageError("image has too many pixels", "IMAGE_TOO_LARGE") from exc
        except UnidentifiedImageError as exc:
            raise ImageError("not an image", "IMAGE_UNREADABLE") from exc
        except (OSError, ValueError, SyntaxError) as exc:
            raise ImageError(f"unreadable image: {exc}", "IMAGE_UNREADABLE") from exc
    if img.format not in ALLOWED_FORMATS:
        raise ImageError(f"unsupported image format {img.format}", "IMAGE_UNSUPPORTED",
                         {"format": img.format})
    w, h = img.size
    if w <= 0 or h <= 0:
        raise ImageError("image has no pixels", "IMAGE_UNREADABLE")
    if w * h > max_pixels:
        raise ImageError("image has too many pixels", "IMAGE_TOO_LARGE",
                         {"width": w, "height": h, "max_pixels": max_pixels})
    return img


def _to_rgb_array(img: Image.Image) -> np.ndarray:
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(img, dtype=np.float64)
        top = 65535.0 if img.mode.startswith("I;16") else max(float(arr.max()), 1.0)
        gray = np.clip(arr / top * 255.0, 0, 255).astype(np.uint8)
        return np.repeat(gray[..., None], 3, axis=2)
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        # Composite transparent pixels on white, as a browser would show them.
        rgba = img.convert("RGBA")
        canvas = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(canvas, rgba)
    return np.asarray(img.convert("RGB"))


def decode_image(data: bytes, max_bytes: int, max_pixels: int,
                 work_max_side: int = 1280) -> DecodedImage:
    """Decode untrusted bytes into a BGR working image whose longer side is at most
    `work_max_side`; raises ImageError (IMAGE_EMPTY, IMAGE_TOO_LARGE, IMAGE_UNREADABLE,
    IMAGE_UNSUPPORTED) instead of crashing or decoding a decompression bomb."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ImageError("image must be bytes", "IMAGE_UNREADABLE")
    if len(data) == 0:
        raise ImageError("image is empty", "IMAGE_EMPTY")
    if len(data) > max_bytes:
        raise ImageError("image file is too large", "IMAGE_TOO_LARGE",
                         {"bytes": len(data), "max_bytes": max_bytes})
    if bytes(data[4:8]) == b"ftyp":  # HEIC/AVIF from phones: no decoder installed
        raise ImageError("HEIF/AVIF photos are not supported; send JPEG", "IMAGE_UNSUPPORTED",
                         {"format": bytes(data[8:12]).decode("latin-1")})
    img = _open(bytes(data), max_pixels)
    original = img.size
    try:
        if img.getexif().get(_ORIENTATION, 1) in (5, 6, 7, 8):  # 90° turns swap the sides
            original = original[::-1]
        if img.format in ("JPEG", "MPO"):
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the photo is far larger than needed.
            w, h = img.size
            f = work_max_side / max(w, h)
            if f < 1.0:
                img.draft(img.mode if img.mode in ("RGB", "L", "CMYK") else None,
                          (max(1, int(w * f)), max(1, int(h * f))))
        img.load()
        oriented = ImageOps.exif_transpose(img)
        img = oriented if oriented is not None else img
        rgb = _to_rgb_array(img)
    except ImageError:
        raise
    except (OSError, ValueError, SyntaxError, EOFError, Image.DecompressionBombError) as exc:
        raise ImageError(f"unreadable image: {exc}", "IMAGE_UNREADABLE") from exc
    h, w = rgb.shape[:2]
    if min(h, w) < 1:
        raise ImageError("image has no pixels", "IMAGE_UNREADABLE")
    factor = min(1.0, work_max_side / max(h, w))
    bgr = cv2.cvtColor(rgb, cv2.COLOR_RGB2BGR)
    if factor < 1.0:
        size = (max(1, round(w * factor)), max(1, round(h * factor)))
        bgr = cv2.resize(bgr, size, interpolation=cv2.INTER_AREA)
    return DecodedImage(bgr=bgr, to_original=original[0] / bgr.shape[1], original_size=original)

