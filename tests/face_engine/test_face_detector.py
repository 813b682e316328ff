"""YuNet decode and NMS (pure functions) and the onnxruntime detector against OpenCV's."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from face_engine.detector import Detection, decode_yunet, iou, nms


def _empty_heads(width: int, height: int) -> dict[str, np.ndarray]:
    heads = {}
    for s in (8, 16, 32):
        n = (width // s) * (height // s)
        heads[f"cls_{s}"] = np.zeros((1, n, 1), np.float32)
        heads[f"obj_{s}"] = np.zeros((1, n, 1), np.float32)
        heads[f"bbox_{s}"] = np.zeros((1, n, 4), np.float32)
        heads[f"kps_{s}"] = np.zeros((1, n, 10), np.float32)
    return heads


def test_decode_one_cell_by_hand():
    heads = _empty_heads(64, 64)
    cols, row, col = 64 // 16, 2, 3
    i = row * cols + col
    heads["cls_16"][0, i, 0], heads["obj_16"][0, i, 0] = 0.81, 1.0
    heads["bbox_16"][0, i] = [0.5, 0.25, np.log(2.0), np.log(3.0)]
    heads["kps_16"][0, i] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
    boxes, marks, scores = decode_yunet(heads, 64, 64, score_threshold=0.5)
    assert scores == pytest.approx([0.9])  # sqrt(0.81 * 1.0)
    cx, cy, w, h = (3 + 0.5) * 16, (2 + 0.25) * 16, 2 * 16, 3 * 16
    np.testing.assert_allclose(boxes[0], [cx - w / 2, cy - h / 2, w, h], rtol=1e-6)
    np.testing.assert_allclose(marks[0, 0], [(0.1 + 3) * 16, (0.2 + 2) * 16], rtol=1e-6)
    np.testing.assert_allclose(marks[0, 4], [(0.9 + 3) * 16, (1.0 + 2) * 16], rtol=1e-6)


def test_decode_threshold_and_clipping():
    heads = _empty_heads(32, 32)
    heads["cls_8"][0, 0, 0], heads["obj_8"][0, 0, 0] = 1.7, 0.3  # cls clipped to 1
    heads["cls_32"][0, 0, 0], heads["obj_32"][0, 0, 0] = 0.2, 0.2
    _, _, scores = decode_yunet(heads, 32, 32, score_threshold=0.5)
    assert scores == pytest.approx([np.sqrt(0.3)])
    assert decode_yunet(_empty_heads(32, 32), 32, 32, 0.5)[0].shape == (0, 4)


def test_iou_and_nms():
    boxes = np.array([[0, 0, 10, 10], [1, 1, 10, 10], [50, 50, 10, 10], [0, 0, 10, 10]], float)
    scores = np.array([0.8, 0.9, 0.7, 0.1])
    assert iou(boxes[0], boxes[[0, 2]]).tolist() == pytest.approx([1.0, 0.0])
    assert iou(boxes[0], boxes[[1]])[0] == pytest.approx(81 / 119)
    assert nms(boxes, scores, 0.3) == [1, 2]  # best first; overlapping duplicates dropped
    assert nms(boxes, scores, 0.9) == [1, 0, 2]
    assert nms(np.zeros((0, 4)), np.zeros(0), 0.3) == []


def test_detection_scaled():
    d = Detection((10, 20, 30, 40), ((1, 2),) * 5, 0.9).scaled(2)
    assert d.box == (20, 40, 60, 80) and d.landmarks[0] == (2, 4) and d.score == 0.9


def test_same_faces_as_opencv_on_dev_set(engine, models_dir, dev_dir):
    """Our numpy decode + NMS finds the same faces as cv2.FaceDetectorYN on every dev photo."""
    ref = cv2.FaceDetectorYN.create(str(models_dir / "face_detection_yunet_2023mar.onnx"), "",
                                    (320, 320), 0.6, 0.3, 5000)
    paths = sorted(dev_dir.glob("*/*.jpg"))
    assert len(paths) == 212
    for path in paths:
        img = cv2.imread(str(path))
        ref.setInputSize((img.shape[1], img.shape[0]))
        _, faces = ref.detect(img)
        ours = engine.detector.detect(img)
        assert len(ours) == (0 if faces is None else len(faces)), path
        for face, det in zip(sorted(faces.tolist(), key=lambda f: -f[14]), ours, strict=True):
            assert iou(np.array(face[:4]), np.array([det.box]))[0] > 0.9, path
            assert det.score == pytest.approx(face[14], abs=0.02)
            np.testing.assert_allclose(np.array(det.landmarks), np.reshape(face[4:14], (5, 2)),
                                       atol=2.0)


def test_landmark_order_and_downscaling(engine, dev_bgr):
    img = dev_bgr("london_001", 1)
    (det,) = engine.detector.detect(img)
    right_eye, left_eye, nose, mouth_r, mouth_l = det.landmarks
    assert right_eye[0] < nose[0] < left_eye[0]  # subject's right eye is on the image's left
    assert mouth_r[0] < mouth_l[0] and nose[1] < mouth_r[1]
    big = cv2.resize(img, None, fx=2.5, fy=2.5)  # 1600 px: downscaled before detection
    (det_big,) = engine.detector.detect(big)
    np.testing.assert_allclose(np.array(det_big.box) / 2.5, det.box, atol=4)
