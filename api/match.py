"""``POST /v1/match``: a resume and a job description → the match report."""

from __future__ import annotations

from flask import Blueprint, Response, request

from api.documents import job_from, resume_from
from api.openapi import Body, Operation
from api.requests import MatchForm, MatchRequest, parse_match
from api.runtime import runtime
from matcher import match as match_documents
from matcher.records import MatchReport

blueprint = Blueprint("match", __name__, url_prefix="/v1")


@blueprint.post("/match")
def match() -> Response:
    state = runtime()
    given = parse_match(request, state.config.max_file_bytes)
    resume = resume_from(given.resume, state)
    job = job_from(given.job, state)
    with state.match_lock:
        report = match_documents(resume, job, state.models, blind=given.blind)
    return Response(report.model_dump_json(), status=200, mimetype="application/json")


OPERATIONS = [
    Operation(
        "/v1/match",
        "post",
        "Score a resume against a job description",
        "match",
        description="JSON with resume_text or resume_file {filename, content_base64} and job_text "
        "or job_file, or multipart/form-data with a resume file (or resume_text) and job_text (or "
        "a job file). Options: blind redacts personal data from the report.",
        request=[Body("application/json", MatchRequest), Body("multipart/form-data", MatchForm)],
        responses={200: [Body("application/json", MatchReport)]},
        errors=[400, 413, 415, 422],
        secured=True,
    ),
]
