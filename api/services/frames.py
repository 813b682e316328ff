"""JSON from pandas frames: big tables go out through pandas' C writer, not row dicts."""
from __future__ import annotations

import json
from datetime import date, datetime

import pandas as pd
from flask import Response

_MARK = "\u0000frame:{}\u0000"


def frame_json(frame: pd.DataFrame) -> str:
    """A JSON array of row objects; NaN and None become null, numpy types plain numbers."""
    if frame.empty:
        return "[]"
    return frame.to_json(orient="records", force_ascii=False, double_precision=10,
                         date_format="iso")


def records(frame: pd.DataFrame) -> list[dict]:
    """Plain-Python row dicts (for small frames that are nested in a bigger answer)."""
    return json.loads(frame_json(frame))


def _default(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def json_text(envelope: dict) -> str:
    """The envelope as JSON, with every DataFrame value written by pandas in place."""
    frames = {}
    plain = {}
    for key, value in envelope.items():
        if isinstance(value, pd.DataFrame):
            frames[key] = value
            plain[key] = _MARK.format(key)
        else:
            plain[key] = value
    text = json.dumps(plain, ensure_ascii=False, default=_default)
    for key, frame in frames.items():
        text = text.replace(json.dumps(_MARK.format(key)), frame_json(frame), 1)
    return text


def json_response(envelope: dict, status: int = 200) -> Response:
    return Response(json_text(envelope), status=status, mimetype="application/json")
