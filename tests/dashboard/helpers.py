"""AppTest helpers: sign in through the login form, open a page, read what a user sees."""
from __future__ import annotations

import base64
import json
from pathlib import Path

import numpy as np
from streamlit.testing.v1 import AppTest

from dashboard import texts

TIMEOUT = 60


def sign_in(app: Path, nip: str, password: str, page: str | None = None,
            params: dict | None = None) -> AppTest:
    """Log in as a user would (NIP + password); then open `page` (a file in app_pages/)."""
    at = AppTest.from_file(str(app), default_timeout=TIMEOUT)
    at.query_params.update(params or {})
    at.run()
    at.text_input(key="login_nip").input(nip)
    at.text_input(key="login_password").input(password)
    button(at, texts.LOGIN_BUTTON).click()
    at.run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    if page is not None:
        at.switch_page(f"app_pages/{page}.py").run()
        assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str):
    """The (form submit) button with this label."""
    found = [b for b in at.button if b.label == label]
    assert found, f"no button {label!r}: {[b.label for b in at.button]}"
    return found[0]


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def menu(at: AppTest) -> list[str]:
    """The pages offered in the navigation (titles), from the last run's registry."""
    return [info["page_name"] for info in at._registered_pages.values()]


def _decoded(value):
    """Plotly's typed arrays ({"dtype", "bdata", "shape"}) as plain lists."""
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            if "shape" in value:
                array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
            return array.tolist()
        return {key: _decoded(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decoded(item) for item in value]
    return value


def charts(at: AppTest) -> list[dict]:
    """The plotly figures on the page, as the JSON the browser receives (arrays decoded)."""
    return [_decoded(json.loads(chart.proto.spec)) for chart in at.get("plotly_chart")]


def texts_shown(at: AppTest) -> str:
    """Everything written as markdown, captions, alerts and metrics, in one string."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [a.value for kind in ("success", "info", "warning", "error")
              for a in getattr(at, kind)]
    parts += [f"{m.label}={m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def table(at: AppTest, column: str):
    """The first table (as a DataFrame) that has this column."""
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise AssertionError(f"no table with column {column!r}")


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}
