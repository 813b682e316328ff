"""A fake camera for Chromium (--use-file-for-fake-video-capture): a dev-set photo as a Y4M
video, made at test time (the photos are never committed)."""
from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np


def y4m(photo: Path | bytes, out: Path, frames: int = 2) -> Path:
    """`frames` identical 4:2:0 frames of the photo (even sides, as Y4M needs)."""
    data = photo.read_bytes() if isinstance(photo, Path) else photo
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    height, width = (image.shape[0] // 2) * 2, (image.shape[1] // 2) * 2
    planes = cv2.cvtColor(image[:height, :width], cv2.COLOR_BGR2YUV_I420).tobytes()
    with out.open("wb") as stream:
        stream.write(f"YUV4MPEG2 W{width} H{height} F30:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            stream.write(b"FRAME\n" + planes)
    return out
