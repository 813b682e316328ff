"""A fake camera for Chromium (--use-file-for-fake-video-capture): dev-set photos as a Y4M
video, made at test time (the photos are never committed). Chromium plays the file in a
loop, from its start when the camera starts."""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np

MARK = 12  # width of the segment mark, a band down the left edge, pixels


def _planes(photo: Path | bytes, size: tuple[int, int] | None = None,
            mark: tuple[int, int, int] | None = None) -> tuple[bytes, int, int]:
    """A photo as one 4:2:0 frame (even sides, as Y4M needs), resized to `size` if given,
    with a narrow band of colour `mark` (BGR) down its left edge (Chromium may crop the top
    and bottom to the shape the page asked for)."""
    data = photo.read_bytes() if isinstance(photo, Path) else photo
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    if size is not None:
        image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
    if mark is not None:
        image[:, :MARK] = mark
    height, width = (image.shape[0] // 2) * 2, (image.shape[1] // 2) * 2
    return cv2.cvtColor(image[:height, :width], cv2.COLOR_BGR2YUV_I420).tobytes(), width, height


def y4m(photo: Path | bytes, out: Path, frames: int = 2) -> Path:
    """`frames` identical frames of the photo."""
    return y4m_sequence([(photo, frames)], out, fps=30)


def y4m_sequence(shots: list[tuple[Path | bytes, int]], out: Path, fps: int = 10,
                 marks: list[tuple[int, int, int]] | None = None) -> Path:
    """Each photo held for its number of frames, in order (all at the first photo's size):
    e.g. one face filmed from 60, 30 and 15 cm as the phone comes closer. `marks`: a colour
    per photo (a band at the left edge), so a test can tell from the screen which one plays."""
    _, width, height = _planes(shots[0][0])
    with out.open("wb") as stream:
        stream.write(f"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for n, (photo, frames) in enumerate(shots):
            planes = _planes(photo, (width, height), marks[n] if marks else None)[0]
            for _ in range(frames):
                stream.write(b"FRAME\n" + planes)
    return out
