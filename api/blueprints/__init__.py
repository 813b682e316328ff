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
        webapp,
    )

    app.register_blueprint(health.bp)
    app.register_blueprint(webapp.bp)
    for module in (auth, me, org, schedules, devices, faces, attendance):
        api.register_blueprint(module.blp)
    # absences, manual attendance, corrections, cancellations, closing, approvals, audit
    from api.blueprints import (
        absences,
        approvals,
        audit,
        cancellations,
        closing,
        corrections,
        manual,
    )

    for module in (absences, manual, corrections, cancellations, closing, approvals, audit):
        api.register_blueprint(module.blp)
    # recaps, discipline, analytics and rule parameters (issue 5)
    from api.blueprints import analytics, jobs, recaps, rules

    for module in (recaps, analytics, rules, jobs):
        api.register_blueprint(module.blp)
    # presence-reporting campaigns (issue 11)
    from api.blueprints import campaigns, employee_import

    api.register_blueprint(campaigns.blp)
    api.register_blueprint(employee_import.blp)
    # reports of system problems (issue 15)
    from api.blueprints import problems

    api.register_blueprint(problems.blp)
