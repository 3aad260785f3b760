"""``/v1/screenings``: batch screening on the queue (the routes; ``api/screening_intake.py`` parses
and stores a new screening, ``api/screening_store.py`` holds the tables).

POST a job and resume files (or .zip archives) → 202 and an id; workers (``jobfit worker``) score
one resume per task; GET the status and progress, GET the ranked results (JSON, CSV with
``?format=csv``, or the self-contained HTML report with ``?format=html``), DELETE to remove the
results and stored inputs before the retention period ends.
"""

from __future__ import annotations

from flask import Blueprint, Flask, Response, current_app, request
from sqlalchemy.orm import Session

from api.openapi import Body, Operation, Param
from api.queue import ScreeningQueue
from api.requests import JSON
from api.runtime import Runtime, runtime
from api.screening_intake import accept
from api.screening_records import (
    Progress,
    ScreeningCreated,
    ScreeningForm,
    ScreeningRequest,
    ScreeningResults,
    ScreeningStatus,
)
from api.screening_store import Screening, file_errors, progress, ranked_rows, remove
from jobfit.errors import InvalidRequest, NotFound
from matcher.batch import JobSummary, to_csv
from matcher.batch_html import render_html

blueprint = Blueprint("screenings", __name__, url_prefix="/v1")
QUEUE_KEY = "jobfit.screenings"
FORMATS = ("json", "csv", "html")
# The HTML report: inline CSS and SVG, never a script, a frame or a request elsewhere.
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)


@blueprint.post("/screenings")
def create() -> Response:
    state = runtime()
    screening_id, pending = accept(state)
    _queue().enqueue([(screening_id, h) for h in pending])
    with state.database.session() as session:
        done, total = progress(session, screening_id)
    body = ScreeningCreated(
        id=screening_id, status=_status(done, total), progress=Progress(done=done, total=total)
    )
    response = Response(body.model_dump_json(), status=202, mimetype=JSON)
    response.headers["Location"] = f"/v1/screenings/{screening_id}"
    return response


@blueprint.get("/screenings/<screening_id>")
def status(screening_id: str) -> Response:
    with runtime().database.session() as session:
        screening = _find(session, screening_id)
        done, total = progress(session, screening_id)
        body = ScreeningStatus(
            id=screening.id,
            status=_status(done, total),
            progress=Progress(done=done, total=total),
            errors=file_errors(session, screening),
            job=JobSummary.model_validate_json(screening.job_summary),
            scorer=screening.scorer,
            blind=screening.blind,
            created_at=screening.created_at,
            expires_at=screening.expires_at,
        )
    return Response(body.model_dump_json(), status=200, mimetype=JSON)


@blueprint.get("/screenings/<screening_id>/results")
def results(screening_id: str) -> Response:
    output = request.args.get("format", "json")
    if output not in FORMATS:
        raise InvalidRequest("format: must be json, csv or html")
    with runtime().database.session() as session:
        screening = _find(session, screening_id)
        done, total = progress(session, screening_id)
        body = ScreeningResults(
            id=screening.id,
            status=_status(done, total),
            progress=Progress(done=done, total=total),
            job=JobSummary.model_validate_json(screening.job_summary),
            scorer=screening.scorer,
            blind=screening.blind,
            results=ranked_rows(session, screening),
        )
    if output == "json":
        return Response(body.model_dump_json(), status=200, mimetype=JSON)
    if output == "csv":
        response = Response(to_csv(body.results), status=200, mimetype="text/csv")
    else:
        response = Response(render_html(body), status=200, mimetype="text/html")
        response.headers["Content-Security-Policy"] = REPORT_CSP
        response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Disposition"] = (
        f'attachment; filename="screening-{screening_id}.{output}"'
    )
    return response


@blueprint.delete("/screenings/<screening_id>")
def delete(screening_id: str) -> Response:
    with runtime().database.session() as session:
        if not remove(session, screening_id):
            raise NotFound(f"no screening {screening_id}")
    return Response(status=204)


def init_app(app: Flask) -> None:
    state: Runtime = app.extensions["jobfit"]
    app.extensions[QUEUE_KEY] = ScreeningQueue(
        state.config, database=state.database, models=state.models
    )


def _queue() -> ScreeningQueue:
    found: ScreeningQueue = current_app.extensions[QUEUE_KEY]
    return found


def _status(done: int, total: int) -> str:
    return "done" if done >= total else "running" if done else "queued"


def _find(session: Session, screening_id: str) -> Screening:
    screening = session.get(Screening, screening_id) if len(screening_id) <= 32 else None
    if screening is None:
        raise NotFound(f"no screening {screening_id[:40]}")
    return screening


_ID = Param(
    "screening_id", "the id POST /v1/screenings returned", {"type": "string"}, location="path"
)
OPERATIONS = [
    Operation(
        "/v1/screenings",
        "post",
        "Start a batch screening of many resumes against one job",
        "screenings",
        description="JSON with job_text (or job_file) and resumes [{filename, content_base64}], "
        "or multipart/form-data with job_text (or a job file) and one or more resumes files; a "
        ".zip of resumes counts as many. Answers 202 with the id; workers score the resumes.",
        request=[
            Body("application/json", ScreeningRequest),
            Body("multipart/form-data", ScreeningForm),
        ],
        responses={202: [Body("application/json", ScreeningCreated)]},
        errors=[400, 413, 415, 422],
        secured=True,
    ),
    Operation(
        "/v1/screenings/{screening_id}",
        "get",
        "Status, progress and unreadable files of a screening",
        "screenings",
        params=[_ID],
        responses={200: [Body("application/json", ScreeningStatus)]},
        errors=[404],
        secured=True,
    ),
    Operation(
        "/v1/screenings/{screening_id}/results",
        "get",
        "Ranked results of a screening: JSON, CSV (?format=csv) or an HTML report (?format=html)",
        "screenings",
        params=[
            _ID,
            Param(
                "format",
                "json (default); csv, a download; html, the self-contained report (ranked table, "
                "charts, each candidate's evidence and gaps, licence and certification flags)",
                {"type": "string", "enum": list(FORMATS)},
            ),
        ],
        responses={
            200: [
                Body("application/json", ScreeningResults),
                Body("text/csv", schema={"type": "string"}),
                Body("text/html", schema={"type": "string"}),
            ]
        },
        errors=[400, 404],
        secured=True,
    ),
    Operation(
        "/v1/screenings/{screening_id}",
        "delete",
        "Delete a screening's results and stored inputs",
        "screenings",
        params=[_ID],
        responses={204: []},
        errors=[404],
        secured=True,
    ),
]
