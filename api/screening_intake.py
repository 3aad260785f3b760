"""Taking in ``POST /v1/screenings``: parse the JSON or multipart body, expand archives, and store
the screening with one item per distinct resume (unreadable files get their error result at once).

The routes in ``api/screenings.py`` call ``accept``; everything here runs inside that request.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta

from flask import request
from pydantic import ValidationError
from werkzeug.exceptions import UnsupportedMediaType

from api.db import utcnow
from api.documents import job_from
from api.requests import FORMS, JSON, Upload, decode_file, describe, safe_filename
from api.runtime import Runtime
from api.screening_records import MAX_RESUMES, ScreeningInput, ScreeningRequest
from api.screening_store import Screening, ScreeningItem, write_result_once
from extract.records import Job
from jobfit.errors import DocumentTooLarge, InvalidRequest
from matcher.batch import ScreenError, content_hash, job_summary, screen_error
from matcher.batch_inputs import BatchInput, expand

TRUE = ("1", "true", "yes", "on")
FALSE = ("", "0", "false", "no", "off")


def accept(state: Runtime) -> tuple[str, list[str]]:
    """Validate and store the request's screening: (its id, the resume hashes to enqueue)."""
    given = parse(state)
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
    return store(state, given, job, inputs)


# --- parsing -----------------------------------------------------------------------------------


def parse(state: Runtime) -> ScreeningInput:
    if request.mimetype == JSON:
        return _parse_json(state)
    if request.mimetype in FORMS:
        return _parse_form(state)
    raise UnsupportedMediaType(f"send {JSON} or multipart/form-data")


def _parse_json(state: Runtime) -> ScreeningInput:
    try:
        body = ScreeningRequest.model_validate(request.get_json(silent=True))
    except ValidationError as exc:
        raise InvalidRequest(describe(exc)) from None
    if body.job_text is not None and body.job_file is None:
        job = Upload(filename="job.txt", data=body.job_text.encode("utf-8"))
    elif body.job_file is not None and body.job_text is None:
        job = decode_file(body.job_file, state.config.max_file_bytes, "job_file")
    else:
        raise InvalidRequest("give exactly one of job_text and job_file")
    resumes = [decode_file(f, _archive_cap(state), "resumes") for f in body.resumes]
    return ScreeningInput(job=job, resumes=resumes, blind=body.options.blind)


def _archive_cap(state: Runtime) -> int:
    # a .zip of resumes may be larger than one file; the request size limit bounds it anyway
    return state.config.max_request_bytes


def _parse_form(state: Runtime) -> ScreeningInput:
    job_text = request.form.get("job_text", "")
    job_file = request.files.get("job")
    job_data = job_file.stream.read(state.config.max_file_bytes + 1) if job_file else b""
    has_file = job_file is not None and bool(job_file.filename or job_data)
    if bool(job_text.strip()) == has_file:
        raise InvalidRequest("give exactly one of job (a file) and job_text")
    if job_file is not None and has_file:
        job = Upload(filename=safe_filename(job_file.filename or "job.bin"), data=job_data)
    else:
        job = Upload(filename="job.txt", data=job_text.encode("utf-8"))
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
    if blind not in TRUE + FALSE:
        raise InvalidRequest("blind: must be true or false")
    return ScreeningInput(job=job, resumes=resumes, blind=blind in TRUE)


# --- storing -----------------------------------------------------------------------------------


def store(
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
