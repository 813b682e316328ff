"""FaceEngine: detection → quality gate → alignment → embedding → liveness (passive bands and
the active challenge), on CPU."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from . import challenge as active
from . import manifest
from .align import align_face
from .config import EngineConfig
from .detector import Detection, YuNetDetector
from .errors import FaceEngineError, ImageError, ModelsUnavailable, TemplateMismatch
from .fingerprint import face_print
from .imageio import DecodedImage, decode_image
from .liveness import ACCEPT, REJECT, LivenessChecker, liveness_band
from .matching import best_similarity, cosine
from .quality import assess, dominant_face, face_fraction, face_size
from .recognizer import DlibRecognizer
from .results import Burst, FaceAnalysis, Template, Verification
from .runtime import Runtime

log = logging.getLogger(__name__)
MAX_ENROLL_PHOTOS = 5


@dataclass(frozen=True)
class _Located:
    """One decoded photo with its dominant face aligned (chip is None when unusable)."""

    image: DecodedImage
    main: Detection | None
    count: int
    chip: np.ndarray | None

    @property
    def frame(self) -> active.Frame:
        """The photo as a challenge frame (coordinates of the decoded working copy)."""
        return active.Frame(self.image.bgr, self.main if self.count == 1 else None)


class FaceEngine:
    """One per process; immutable after construction, so safe to share between threads."""

    def __init__(self, config: EngineConfig | None = None) -> None:
        self.config = cfg = config or EngineConfig.from_env()
        missing = self.check_models(cfg)
        if missing:
            raise ModelsUnavailable(missing)
        runtime = Runtime.of(cfg.threads, cfg.providers)

        def path(spec: manifest.ModelSpec):
            return manifest.locate(spec, cfg.models_dir, cfg.build_dir)

        self.detector = YuNetDetector(path(manifest.YUNET), runtime, cfg.detect_score_threshold,
                                      cfg.nms_iou_threshold, cfg.detect_max_side)
        self.recognizer = DlibRecognizer(path(manifest.RECOGNIZER), runtime, cfg.batch_size)
        self.liveness = LivenessChecker(path(manifest.MINIFASNET_V2),
                                        path(manifest.MINIFASNET_V1SE), runtime,
                                        cfg.liveness_box_scale)
        self.model_version = f"{manifest.RECOGNIZER.name}+{manifest.YUNET.name}"
        log.info("face engine ready (%s, %d thread(s), %s)", self.model_version, cfg.threads,
                 ", ".join(runtime.providers))

    @staticmethod
    def check_models(config: EngineConfig) -> list[str]:
        """Names of missing or invalid model files; [] when the engine can start."""
        return manifest.missing_models(config.models_dir, config.build_dir)

    # -- pipeline steps --------------------------------------------------------------------

    def _locate(self, image_bytes: bytes, timings: dict[str, float] | None = None) -> _Located:
        cfg = self.config
        t0 = time.perf_counter()
        image = decode_image(image_bytes, cfg.max_image_bytes, cfg.max_pixels, cfg.work_max_side)
        t1 = time.perf_counter()
        main, count = dominant_face(self.detector.detect(image.bgr), cfg.secondary_face_ratio)
        t2 = time.perf_counter()
        chip = None
        if main is not None and count == 1:
            chip = align_face(image.bgr, np.asarray(main.landmarks))
        if timings is not None:
            timings.update(decode=t1 - t0, detect=t2 - t1, align=time.perf_counter() - t2)
        return _Located(image, main, count, chip)

    def _analysis(self, located: _Located, embedding: np.ndarray | None,
                  liveness: float | None) -> FaceAnalysis:
        main, factor = located.main, located.image.to_original
        if main is None:
            return FaceAnalysis(None, None, None, 0, None, None, None, ("NO_FACE",))
        orig = main.scaled(factor)
        if located.chip is None:
            return FaceAnalysis(orig.box, orig.landmarks, main.score, located.count, None, None,
                                None, ("MULTIPLE_FACES",))
        cfg = self.config
        quality = assess(face_size(orig.box), located.chip, min_face_px=cfg.min_face_px,
                                  min_blur=cfg.min_blur, min_brightness=cfg.min_brightness,
                                  max_brightness=cfg.max_brightness)
        if embedding is not None:
            embedding.setflags(write=False)
        reasons = quality.reasons
        if self._too_close(located):  # the models would see no context: not judged
            reasons += ("FACE_TOO_CLOSE",)
        elif liveness is not None and liveness < cfg.liveness_reject:
            reasons += ("SPOOF_SUSPECTED",)
        return FaceAnalysis(orig.box, orig.landmarks, main.score, 1, quality, liveness,
                            embedding, reasons, face_print(located.chip))

    def _too_close(self, located: _Located) -> bool:
        bgr = located.image.bgr
        return face_fraction(located.main.box, bgr.shape[1], bgr.shape[0]) > \
            self.config.too_close_fraction

    def _liveness(self, located: _Located) -> float | None:
        if self._too_close(located):
            return None
        return self.liveness.score(located.image.bgr, located.main.box)

    # -- public API ------------------------------------------------------------------------

    def analyze_timed(self, image_bytes: bytes) -> tuple[FaceAnalysis, dict[str, float]]:
        """analyze() plus seconds per stage: decode, detect, align, and when a face was usable
        embed, liveness and total (detect + align + embed + liveness, decoding excluded)."""
        timings: dict[str, float] = {}
        located = self._locate(image_bytes, timings)
        embedding = liveness = None
        if located.chip is not None:
            t0 = time.perf_counter()
            embedding = self.recognizer.embed([located.chip])[0]
            t1 = time.perf_counter()
            liveness = self._liveness(located)
            timings.update(embed=t1 - t0, liveness=time.perf_counter() - t1)
            timings["total"] = sum(timings[s] for s in ("detect", "align", "embed", "liveness"))
        return self._analysis(located, embedding, liveness), timings

    def analyze(self, image_bytes: bytes) -> FaceAnalysis:
        """Box, landmarks, quality, liveness and embedding of the photo's one dominant face."""
        return self.analyze_timed(image_bytes)[0]

    def embed_batch(self, images: Sequence[bytes]) -> list[FaceAnalysis]:
        """analyze() for many photos, running the recognizer in batches. An unreadable photo
        raises ImageError whose details name its index."""
        located = []
        for i, data in enumerate(images):
            try:
                located.append(self._locate(data))
            except ImageError as exc:
                raise ImageError(str(exc), exc.code, {"index": i, **(exc.details or {})}) from exc
        usable = [loc for loc in located if loc.chip is not None]
        embeddings = iter(self.recognizer.embed([loc.chip for loc in usable]))
        return [
            self._analysis(loc, next(embeddings), self._liveness(loc))
            if loc.chip is not None else self._analysis(loc, None, None)
            for loc in located
        ]

    def enroll(self, photos: Sequence[bytes]) -> Template:
        """1–5 good photos of one live person → a Template; otherwise FaceEngineError with
        code ENROLL_PHOTO_COUNT, ENROLL_REJECTED (details per photo) or ENROLL_INCONSISTENT."""
        if not 1 <= len(photos) <= MAX_ENROLL_PHOTOS:
            raise FaceEngineError(f"enrolment needs 1 to {MAX_ENROLL_PHOTOS} photos",
                                  "ENROLL_PHOTO_COUNT", {"count": len(photos)})
        analyses: list[FaceAnalysis] = []
        problems = []
        for i, data in enumerate(photos):
            try:
                analysis = self.analyze(data)
            except ImageError as exc:
                problems.append({"index": i, "reasons": [exc.code]})
                continue
            if analysis.reasons:
                problems.append({"index": i, "reasons": list(analysis.reasons)})
            analyses.append(analysis)
        if problems:
            raise FaceEngineError("some enrolment photos are not usable", "ENROLL_REJECTED",
                                  {"photos": problems})
        embeddings = np.stack([a.embedding for a in analyses])
        pairs = [{"a": i, "b": j, "similarity": round(cosine(embeddings[i], embeddings[j]), 4)}
                 for i in range(len(embeddings)) for j in range(i + 1, len(embeddings))]
        mismatched = [p for p in pairs if p["similarity"] < self.config.match_threshold]
        if mismatched:
            raise FaceEngineError("enrolment photos do not show the same person",
                                  "ENROLL_INCONSISTENT", {"pairs": mismatched})
        return Template(embeddings=embeddings, model_version=self.model_version,
                        prints=np.stack([a.face_print for a in analyses]))

    def is_compatible(self, template: Template) -> bool:
        """Templates stay valid while the recognizer (first part of the version) is the same."""
        return template.model_version.split("+")[0] == self.model_version.split("+")[0]

    def check_burst(self, selfie: bytes, burst: Burst) -> active.ChallengeResult:
        """The challenge's outcome for a selfie and the burst around it (no template)."""
        located = self._locate(selfie)
        if located.chip is None:
            return active.ChallengeResult(active.NOT_FOLLOWED, "NO_FACE")
        return self._challenge(located, self.recognizer.embed([located.chip])[0], burst)

    def _challenge(self, selfie: _Located, selfie_embedding: np.ndarray,
                   burst: Burst) -> active.ChallengeResult:
        """Locate the burst's faces (only the nearest one is embedded, to see that the same
        person came closer) and judge the burst against its instruction."""
        cfg = self.config
        images = []
        for i, data in enumerate(burst.frames):
            try:
                images.append(decode_image(data, cfg.max_image_bytes, cfg.max_pixels,
                                           cfg.work_max_side).bgr)
            except ImageError as exc:
                raise ImageError(str(exc), exc.code, {"frame": i, **(exc.details or {})}) from exc
        others = []
        for bgr, found in zip(images, self.detector.detect_many(images), strict=True):
            main, count = dominant_face(found, cfg.secondary_face_ratio)
            others.append(active.Frame(bgr, main if count == 1 else None))
        frames = [selfie.frame, *others] if burst.instruction == active.CLOSER \
            else [*others, selfie.frame]
        problem = active.followed(burst.instruction, frames, self.config.challenge_limits)
        if problem is not None:
            return problem
        near = active.far_to_near(burst.instruction, frames)[-1]
        chip = align_face(near.bgr, np.asarray(near.face.landmarks))
        similarity = cosine(self.recognizer.embed([chip])[0], selfie_embedding)
        return active.judge(burst.instruction, frames, similarity, self.config.match_threshold,
                            self.config.challenge_limits)

    def verify(self, image_bytes: bytes, template: Template,
               burst: Burst | None = None) -> Verification:
        """Is the person in this selfie the template's owner, live, in a usable photo? With a
        burst, the challenge is judged too and sets the liveness band's thresholds."""
        if not self.is_compatible(template):
            raise TemplateMismatch(f"template made by {template.model_version}, engine runs "
                                   f"{self.model_version}", details={
                                       "template": template.model_version,
                                       "engine": self.model_version})
        located = self._locate(image_bytes)
        embedding = liveness = None
        if located.chip is not None:
            embedding = self.recognizer.embed([located.chip])[0]
            liveness = self._liveness(located)
        analysis = self._analysis(located, embedding, liveness)
        if analysis.embedding is None:
            return Verification(None, False, None, False, analysis.reasons, analysis)
        similarity = best_similarity(analysis.embedding, template.embeddings)
        match = similarity >= self.config.match_threshold
        reasons = analysis.reasons + (() if match else ("FACE_MISMATCH",))
        result = None
        if burst is not None and not reasons:
            result = self._challenge(located, analysis.embedding, burst)
            reasons += _CHALLENGE_REFUSALS.get(result.outcome, ())
        band = None
        if liveness is not None and (result is None or result.outcome in _BANDED):
            cfg = self.config
            band = liveness_band(liveness, result.outcome if result else None,
                                 reject_below=cfg.liveness_reject, accept_from=cfg.liveness_accept,
                                 challenge_accept_from=cfg.liveness_challenge_accept)
            if band == REJECT and "SPOOF_SUSPECTED" not in reasons:
                reasons += ("SPOOF_SUSPECTED",)
        return Verification(similarity, match, liveness, band == ACCEPT, reasons, analysis,
                            band, result)


_CHALLENGE_REFUSALS = {active.NOT_FOLLOWED: ("CHALLENGE_NOT_FOLLOWED",),
                       active.FACE_CHANGED: ("CHALLENGE_FACE_CHANGED",)}
_BANDED = (active.LIVE, active.FLAT, active.INCONSISTENT)
