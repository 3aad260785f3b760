"""``/v1/screenings``: batch screening on the queue.

POST a job and resume files (or .zip archives) → 202 and an id; workers (``jobfit worker``) score
one resume per task; GET the status and progress, GET the ranked results (JSON, or CSV with
``?format=csv``), DELETE to remove the results and stored inputs before the retention period ends.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import uuid
from datetime import timedelta

from flask import Blueprint, Flask, Response, current_app, request
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.exceptions import UnsupportedMediaType

from api.db import utcnow
from api.documents import job_from
from api.openapi import Body, Operation, Param
from api.queue import ScreeningQueue
from api.requests import FORMS, JSON, FilePayload, Upload, describe, safe_filename
from api.runtime import Runtime, runtime
from api.screening_records import (
    MAX_RESUMES,
    FileError,
    Progress,
    ScreeningCreated,
    ScreeningForm,
    ScreeningInput,
    ScreeningRequest,
    ScreeningResults,
    ScreeningStatus,
)
from api.screening_store import (
    Screening,
    ScreeningItem,
    ScreeningResult,
    progress,
    remove,
    write_result_once,
)
from extract.records import Job
from jobfit.errors import DocumentTooLarge, InvalidRequest, NotFound
from matcher.batch import (
    BLIND_FILE,
    ID_LENGTH,
    JobSummary,
    ScreenError,
    ScreenRow,
    content_hash,
    job_summary,
    mark_duplicate,
    rank,
    row_from_error,
    row_from_report,
    screen_error,
    to_csv,
)
from matcher.batch_inputs import BatchInput, expand
from matcher.records import MatchReport

blueprint = Blueprint("screenings", __name__, url_prefix="/v1")
QUEUE_KEY = "jobfit.screenings"


# --- routes ------------------------------------------------------------------------------------


@blueprint.post("/screenings")
def create() -> Response:
    state = runtime()
    given = _parse(state)
    job = job_from(given.job, state)
    inputs = [
        item
        for upload in given.resumes
        for item in expand(upload.filename, upload.data, state.limits)
    ]
    if not inputs:
        raise InvalidRequest("resumes: no resume files found (archives hold none?)")
    if len(inputs) > MAX_RESUMES:
        raise DocumentTooLarge(f"resumes: {len(inputs)} files; the limit is {MAX_RESUMES}")
    screening_id, pending = _store(state, given, job, inputs)
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
        errors = _errors(session, screening)
        body = ScreeningStatus(
            id=screening.id,
            status=_status(done, total),
            progress=Progress(done=done, total=total),
            errors=errors,
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
    if output not in ("json", "csv"):
        raise InvalidRequest("format: must be json or csv")
    with runtime().database.session() as session:
        screening = _find(session, screening_id)
        rows = _rows(session, screening)
        done, total = progress(session, screening_id)
        body = ScreeningResults(
            id=screening.id,
            status=_status(done, total),
            progress=Progress(done=done, total=total),
            job=JobSummary.model_validate_json(screening.job_summary),
            scorer=screening.scorer,
            blind=screening.blind,
            results=rows,
        )
    if output == "csv":
        response = Response(to_csv(rows), status=200, mimetype="text/csv")
        response.headers["Content-Disposition"] = (
            f'attachment; filename="screening-{screening_id}.csv"'
        )
        return response
    return Response(body.model_dump_json(), status=200, mimetype=JSON)


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


# --- helpers -----------------------------------------------------------------------------------


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


def _parse(state: Runtime) -> ScreeningInput:
    max_bytes = state.config.max_file_bytes
    if request.mimetype == JSON:
        try:
            body = ScreeningRequest.model_validate(request.get_json(silent=True))
        except ValidationError as exc:
            raise InvalidRequest(describe(exc)) from None
        if (body.job_text is None) == (body.job_file is None):
            raise InvalidRequest("give exactly one of job_text and job_file")
        job = (
            Upload(filename="job.txt", data=body.job_text.encode("utf-8"))
            if body.job_text is not None
            else _decode(body.job_file, max_bytes, "job_file")  # type: ignore[arg-type]
        )
        resumes = [_decode(f, _archive_cap(state), "resumes") for f in body.resumes]
        return ScreeningInput(job=job, resumes=resumes, blind=body.options.blind)
    if request.mimetype in FORMS:
        return _parse_form(state)
    raise UnsupportedMediaType(f"send {JSON} or multipart/form-data")


def _archive_cap(state: Runtime) -> int:
    # a .zip of resumes may be larger than one file; the request size limit bounds it anyway
    return state.config.max_request_bytes


def _decode(payload: FilePayload, max_bytes: int, field: str) -> Upload:
    if len(payload.content_base64) > (max_bytes + 2) // 3 * 4 + 4:
        raise DocumentTooLarge(f"{field}: a file is larger than {max_bytes} bytes")
    try:
        data = base64.b64decode(payload.content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidRequest(f"{field}: content_base64 is not valid base64") from None
    return Upload(filename=safe_filename(payload.filename), data=data)


def _parse_form(state: Runtime) -> ScreeningInput:
    job_text = request.form.get("job_text", "")
    job_file = request.files.get("job")
    job_data = job_file.stream.read(state.config.max_file_bytes + 1) if job_file else b""
    if bool(job_text.strip()) == bool(job_file and (job_file.filename or job_data)):
        raise InvalidRequest("give exactly one of job (a file) and job_text")
    job = (
        Upload(filename="job.txt", data=job_text.encode("utf-8"))
        if job_text.strip()
        else Upload(filename=safe_filename(job_file.filename or "job.bin"), data=job_data)  # type: ignore[union-attr]
    )
    resumes = [
        Upload(
            filename=safe_filename(storage.filename or "resume.bin"),
            data=storage.stream.read(_archive_cap(state) + 1),
        )
        for storage in request.files.getlist("resumes")
    ]
    resumes = [r for r in resumes if r.data or r.filename != "resume.bin"]
    if not resumes:
        raise InvalidRequest("resumes: give at least one resume file (or a .zip of them)")
    blind = request.form.get("blind", "false").strip().lower()
    if blind not in ("1", "true", "yes", "on", "", "0", "false", "no", "off"):
        raise InvalidRequest("blind: must be true or false")
    return ScreeningInput(job=job, resumes=resumes, blind=blind in ("1", "true", "yes", "on"))


def _store(
    state: Runtime, given: ScreeningInput, job: Job, inputs: list[BatchInput]
) -> tuple[str, list[str]]:
    """Insert the screening, one item per distinct resume, and error results for unreadable
    files; the hashes to enqueue."""
    now = utcnow()
    job_hash = content_hash(given.job.data)
    screening = Screening(
        id=uuid.uuid4().hex,
        job_data=given.job.data,
        job_filename=given.job.filename,
        job_hash=job_hash,
        job_summary=job_summary(job, job_hash).model_dump_json(),
        scorer=state.models.scorer,
        blind=given.blind,
        created_at=now,
        expires_at=now + timedelta(days=state.config.retention_days),
    )
    items: dict[str, ScreeningItem] = {}
    failed: list[tuple[str, ScreenError]] = []
    for found in inputs:
        digest = (
            content_hash(found.data)
            if found.error is None
            else hashlib.sha256(b"unreadable\0" + found.name.encode()).hexdigest()
        )
        if digest in items:
            items[digest].filenames = [*items[digest].filenames, found.name]
            continue
        items[digest] = ScreeningItem(
            screening_id=screening.id,
            resume_hash=digest,
            filenames=[found.name],
            data=found.data if found.error is None else None,
            enqueued_at=now,
            attempts=0,
        )
        if found.error is not None:
            failed.append((digest, screen_error(found.error)))
    with state.database.session() as session:
        session.add(screening)
        session.flush()
        session.add_all(items.values())
        session.flush()
        for digest, error in failed:
            write_result_once(session, screening, digest, error, None)
    failed_hashes = {digest for digest, _ in failed}
    return screening.id, [h for h in items if h not in failed_hashes]


def _errors(session: Session, screening: Screening) -> list[FileError]:
    """Unreadable files, without loading the reports (a status poll stays cheap)."""
    found = session.execute(
        select(ScreeningItem.filenames, ScreeningItem.resume_hash, ScreeningResult)
        .join(
            ScreeningResult,
            (ScreeningResult.screening_id == ScreeningItem.screening_id)
            & (ScreeningResult.resume_hash == ScreeningItem.resume_hash),
        )
        .where(ScreeningItem.screening_id == screening.id, ScreeningResult.error_code.is_not(None))
    ).all()
    errors = []
    for filenames, digest, result in found:
        label = BLIND_FILE.format(id=digest[:ID_LENGTH]) if screening.blind else filenames[0]
        errors.append(
            FileError(file=label, code=result.error_code or "", message=result.error_message or "")
        )
    return sorted(errors, key=lambda e: e.file)


def _rows(session: Session, screening: Screening) -> list[ScreenRow]:
    items = session.scalars(
        select(ScreeningItem).where(ScreeningItem.screening_id == screening.id)
    ).all()
    found = {
        r.resume_hash: r
        for r in session.scalars(
            select(ScreeningResult).where(ScreeningResult.screening_id == screening.id)
        )
    }
    rows: list[ScreenRow] = []
    for item in items:
        result = found.get(item.resume_hash)
        if result is None:
            continue
        first_name = item.filenames[0]
        if result.report is not None:
            report = MatchReport.model_validate_json(result.report)
            row = row_from_report(first_name, item.resume_hash, report, blind=screening.blind)
        else:
            error = ScreenError(code=result.error_code or "", message=result.error_message or "")
            row = row_from_error(first_name, item.resume_hash, error, blind=screening.blind)
        rows.append(row)
        rows += [mark_duplicate(name, row, blind=screening.blind) for name in item.filenames[1:]]
    return rank(rows)


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
        "Ranked results of a screening (JSON, or CSV with ?format=csv)",
        "screenings",
        params=[
            _ID,
            Param("format", "json (default) or csv", {"type": "string", "enum": ["json", "csv"]}),
        ],
        responses={
            200: [
                Body("application/json", ScreeningResults),
                Body("text/csv", schema={"type": "string"}),
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
