"""Background jobs: what a change queued (its answer carries X-Job-Id) and how far it got."""
from __future__ import annotations

from flask import g
from flask_smorest import Blueprint

from api.errors import ApiError
from api.models import Job
from api.schemas import jobs as s
from api.services import jobs
from api.services.accounts import authenticated, current_actor

blp = Blueprint("jobs", __name__, url_prefix="/api/v1/jobs",
                description="Pekerjaan latar (hitung ulang, proses malam)")
SECURITY = [{"bearerAuth": []}]


@blp.after_app_request
def name_the_queued_jobs(response):
    queued = g.pop("jobs_queued", None)  # g outlives the request where a test holds the app
    if queued:
        response.headers["X-Job-Id"] = ",".join(queued)
    return response


@blp.route("", methods=["GET"])
@authenticated()
@blp.arguments(s.JobQuery, location="query")
@blp.response(200, s.JobPage)
@blp.doc(security=SECURITY)
def list_jobs(args):
    """Pekerjaan latar terbaru: admin melihat semua, pengguna lain miliknya sendiri."""
    query = jobs.jobs_query(current_actor())
    rows = query.limit(args["limit"]).offset(args["offset"])
    return {"total": query.count(), "items": [jobs.job_dict(j) for j in rows]}


@blp.route("/<string:job_id>", methods=["GET"])
@authenticated()
@blp.response(200, s.JobOut)
@blp.doc(security=SECURITY)
def get_job(job_id):
    """Status dan kemajuan satu pekerjaan latar."""
    job = jobs.jobs_query(current_actor()).where(Job.id == job_id).first()
    if job is None:
        raise ApiError("NOT_FOUND", 404)
    return jobs.job_dict(job)
