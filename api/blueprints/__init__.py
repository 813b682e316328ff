"""One blueprint per resource."""
from __future__ import annotations


def register(api, app) -> None:
    from api.blueprints import (
        attendance,
        auth,
        devices,
        faces,
        health,
        me,
        org,
        schedules,
    )

    app.register_blueprint(health.bp)
    for module in (auth, me, org, schedules, devices, faces, attendance):
        api.register_blueprint(module.blp)
