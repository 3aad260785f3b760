"""Uploads → records: read the document (size, page and time limits enforced by ``extract``), parse
it as a resume or a job, and count it."""

from __future__ import annotations

from api.requests import Upload
from api.runtime import Runtime
from extract import parse_job, parse_resume, read_document
from extract.records import Document, Job, Resume


def read(upload: Upload, state: Runtime, kind: str) -> Document:
    document = read_document(upload.data, upload.filename, state.limits)
    state.metrics.documents.labels(kind, document.format).inc()
    return document


def resume_from(upload: Upload, state: Runtime) -> Resume:
    return parse_resume(read(upload, state, "resume"), state.models.taxonomy)


def job_from(upload: Upload, state: Runtime) -> Job:
    return parse_job(read(upload, state, "job"), state.models.taxonomy)
