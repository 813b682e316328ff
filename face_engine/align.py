"""Five-point face alignment onto dlib's face-chip template (pure numpy/cv2 functions)."""

from __future__ import annotations

import math

import cv2
import numpy as np

CHIP_SIZE = 150
CHIP_PADDING = 0.25

# dlib's 68-point mean face (dlib/image_transforms/interpolation.h, get_face_chip_details),
# for the points YuNet also finds, in the unit square of the unpadded face.
_RIGHT_EYE = [(0.121737, 0.216423), (0.187122, 0.178758), (0.265825, 0.179852),  # points 36-41
              (0.334606, 0.231733), (0.260918, 0.245099), (0.182743, 0.244077)]
_LEFT_EYE = [(0.645647, 0.231733), (0.714428, 0.179852), (0.793132, 0.178758),  # points 42-47
             (0.858516, 0.216423), (0.79751, 0.244077), (0.719335, 0.245099)]
_NOSE_TIP = (0.490127, 0.515625)  # point 30
_MOUTH_RIGHT = (0.254149, 0.780233)  # point 48
_MOUTH_LEFT = (0.726104, 0.780233)  # point 54


def mean_face_points() -> np.ndarray:
    """YuNet's five points (right eye, left eye, nose tip, right/left mouth corner) on dlib's
    mean face; eye centres are the means of the six eye-contour points. Subject's right is
    image left."""
    return np.array([np.mean(_RIGHT_EYE, axis=0), np.mean(_LEFT_EYE, axis=0), _NOSE_TIP,
                     _MOUTH_RIGHT, _MOUTH_LEFT], dtype=np.float64)


def chip_template(size: int = CHIP_SIZE, padding: float = CHIP_PADDING) -> np.ndarray:
    """Target positions in a size×size chip, exactly as dlib pads its mean face."""
    return (padding + mean_face_points()) / (2 * padding + 1) * size


def similarity_transform(src: np.ndarray, dst: np.ndarray) -> np.ndarray:
    """Least-squares rotation + uniform scale + translation mapping src onto dst (Umeyama 1991,
    reflections excluded), as a 2×3 matrix."""
    src = np.asarray(src, np.float64)
    dst = np.asarray(dst, np.float64)
    if src.shape != dst.shape or src.ndim != 2 or src.shape[1] != 2 or len(src) < 2:
        raise ValueError("need matching N×2 point sets, N >= 2")
    mu_s, mu_d = src.mean(0), dst.mean(0)
    s, d = src - mu_s, dst - mu_d
    var_s = (s**2).sum() / len(src)
    if var_s <= 1e-12:
        raise ValueError("source points are degenerate")
    cov = d.T @ s / len(src)
    u, sig, vt = np.linalg.svd(cov)
    sign = np.eye(2)
    if np.linalg.det(u) * np.linalg.det(vt) < 0:
        sign[1, 1] = -1
    rot = u @ sign @ vt
    scale = np.trace(np.diag(sig) @ sign) / var_s
    matrix = np.empty((2, 3))
    matrix[:, :2] = scale * rot
    matrix[:, 2] = mu_d - scale * rot @ mu_s
    return matrix


def pyramid_levels(scale: float) -> int:
    """How many 2× pyramid steps dlib's extract_image_chips takes before bilinear sampling:
    one for every halving that still leaves the region larger than the chip."""
    levels = 0
    while scale > 2 ** (levels + 1):
        levels += 1
    return levels


def chip_to_image(landmarks: np.ndarray, size: int = CHIP_SIZE, padding: float = CHIP_PADDING,
                  template: np.ndarray | None = None) -> np.ndarray:
    """2×3 matrix mapping chip pixels to image pixels exactly as dlib's chip_details does:
    fit template → landmarks, keep rotation and scale, centre the chip on the fitted
    centre, and span it over size·scale − 1 pixels (dlib's centered_drect). `template` gives
    other target points in the chip (default: chip_template for YuNet's five points)."""
    target = chip_template(size, padding) if template is None else np.asarray(template)
    fit = similarity_transform(target, np.asarray(landmarks, np.float64))
    scale = math.hypot(fit[0, 0], fit[1, 0])
    rot = fit[:, :2] / scale
    centre = fit @ np.array([size / 2, size / 2, 1.0])
    step = (size * scale - 1) / (size - 1)
    matrix = np.empty((2, 3))
    matrix[:, :2] = rot * step
    matrix[:, 2] = centre - rot @ np.full(2, (size - 1) / 2) * step
    return matrix


def align_face(image: np.ndarray, landmarks: np.ndarray, size: int = CHIP_SIZE,
               padding: float = CHIP_PADDING, template: np.ndarray | None = None) -> np.ndarray:
    """Cut the size×size face chip dlib would cut (same channel order as `image`): 2× Gaussian
    pyramid steps for strong downscaling, bilinear sampling truncated to integers, black
    outside the image."""
    matrix = chip_to_image(landmarks, size, padding, template)
    levels = pyramid_levels(math.hypot(matrix[0, 0], matrix[1, 0]))
    # Work on a crop around the chip's footprint so the pyramid stays cheap.
    corners = np.array([[0, 0, 1], [size, 0, 1], [0, size, 1], [size, size, 1]], np.float64)
    footprint = corners @ matrix.T
    margin = 4 * 2**levels
    h, w = image.shape[:2]
    x0 = int(max(math.floor(footprint[:, 0].min()) - margin, 0))
    y0 = int(max(math.floor(footprint[:, 1].min()) - margin, 0))
    x1 = int(min(math.ceil(footprint[:, 0].max()) + margin, w))
    y1 = int(min(math.ceil(footprint[:, 1].max()) + margin, h))
    if x1 - x0 < 2 or y1 - y0 < 2:
        return np.zeros((size, size) + image.shape[2:], image.dtype)
    crop = image[y0:y1, x0:x1]
    matrix = matrix - np.array([[0, 0, x0], [0, 0, y0]])
    for _ in range(levels):
        crop = cv2.pyrDown(crop)  # cv2 geometry: pixel p of the result sits at 2p
        matrix = matrix / 2
    chip = cv2.warpAffine(crop.astype(np.float32), matrix, (size, size),
                          flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
                          borderMode=cv2.BORDER_CONSTANT, borderValue=0)
    return np.floor(chip).astype(image.dtype)  # dlib truncates when it stores the pixel
