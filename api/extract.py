"""``POST /v1/extract``: a resume or a job (``kind``), file or text → the record;
``?format=jsonresume`` answers a resume in the JSON Resume schema."""

from __future__ import annotations

import json

from flask import Blueprint, Response, request

from api.documents import job_from, resume_from
from api.openapi import Body, Operation, Param
from api.requests import ExtractForm, ExtractRequest, parse_extract
from api.responses import JsonResume
from api.runtime import runtime
from extract import to_json_resume
from extract.records import Job, Resume
from jobfit.errors import InvalidRequest

blueprint = Blueprint("extract", __name__, url_prefix="/v1")

FORMATS = ("record", "jsonresume")


@blueprint.post("/extract")
def extract() -> Response:
    state = runtime()
    output = request.args.get("format", "record")
    if output not in FORMATS:
        raise InvalidRequest("format: must be record or jsonresume")
    given = parse_extract(request, state.config.max_file_bytes)
    if output == "jsonresume" and given.kind != "resume":
        raise InvalidRequest("format=jsonresume is for resumes (kind=resume)")
    if given.kind == "job":
        return _json(job_from(given.document, state).model_dump_json())
    resume = resume_from(given.document, state)
    if output == "jsonresume":
        return _json(json.dumps(to_json_resume(resume), ensure_ascii=False))
    return _json(resume.model_dump_json())


def _json(body: str) -> Response:
    return Response(body, status=200, mimetype="application/json")


OPERATIONS = [
    Operation(
        "/v1/extract",
        "post",
        "Extract a resume or a job description into its record",
        "extract",
        params=[
            Param(
                "format",
                "record (default) or jsonresume (resumes only)",
                {"type": "string", "enum": list(FORMATS), "default": "record"},
            ),
        ],
        request=[
            Body("application/json", ExtractRequest),
            Body("multipart/form-data", ExtractForm),
        ],
        responses={200: [Body("application/json", any_of=(Resume, Job, JsonResume))]},
        errors=[400, 413, 415, 422],
        secured=True,
    ),
]
