"""Route converters: an `<int:…>` in a URL is an id the database can hold, so a larger one is
404 NOT_FOUND (no such object), not a 500 from the driver."""
from __future__ import annotations

from werkzeug.routing import IntegerConverter

from api.schemas.common import DB_INT_MAX


class BoundedInt(IntegerConverter):
    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", DB_INT_MAX)
        super().__init__(url_map, *args, **kwargs)


def init_app(app) -> None:
    """Before any route is added: every `<int:…>` becomes bounded."""
    app.url_map.converters["int"] = BoundedInt
