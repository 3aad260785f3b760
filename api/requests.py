"""Request models: the pydantic classes that validate bodies are the ones the OpenAPI spec shows.

A body is JSON (``application/json``, files as ``{filename, content_base64}``) or a form
(``multipart/form-data`` with file parts). Both become one ``Upload`` per document; bytes stay in
memory. Validation errors are ``InvalidRequest`` (400); the message names fields, never values.
"""

from __future__ import annotations

import base64
import binascii
from io import BytesIO
from pathlib import PurePosixPath
from typing import IO, Any, Literal, TypeVar

from flask import Request
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic.json_schema import SkipJsonSchema
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import UnsupportedMediaType

from jobfit.errors import DocumentTooLarge, InvalidRequest

JSON = "application/json"
FORMS = ("multipart/form-data", "application/x-www-form-urlencoded")
M = TypeVar("M", bound=BaseModel)
BASE64 = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"


def _exactly_one(*names: str) -> dict[str, Any]:
    return {"oneOf": [{"required": [name]} for name in names]}


class FilePayload(BaseModel):
    """A file inside a JSON body."""

    model_config = ConfigDict(extra="forbid")

    filename: str = Field(min_length=1, max_length=255, description="used for its extension")
    content_base64: str = Field(
        description="the file's bytes, standard base64 (RFC 4648, padded)",
        pattern=BASE64,
        json_schema_extra={"contentEncoding": "base64"},
    )


class MatchOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    blind: bool = Field(False, description="redact personal data from the report")


class MatchRequest(BaseModel):
    """``POST /v1/match`` as JSON: one resume source and one job source."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "allOf": [
                _exactly_one("resume_text", "resume_file"),
                _exactly_one("job_text", "job_file"),
            ]
        },
    )

    resume_text: str | SkipJsonSchema[None] = None
    resume_file: FilePayload | SkipJsonSchema[None] = None
    job_text: str | SkipJsonSchema[None] = None
    job_file: FilePayload | SkipJsonSchema[None] = None
    options: MatchOptions = Field(default_factory=MatchOptions)

    @model_validator(mode="after")
    def one_source_each(self) -> MatchRequest:
        if (self.resume_text is None) == (self.resume_file is None):
            raise ValueError("give exactly one of resume_text and resume_file")
        if (self.job_text is None) == (self.job_file is None):
            raise ValueError("give exactly one of job_text and job_file")
        return self


class MatchForm(BaseModel):
    """``POST /v1/match`` as ``multipart/form-data``: a file part or a text field for each."""

    model_config = ConfigDict(
        json_schema_extra={
            "allOf": [_exactly_one("resume", "resume_text"), _exactly_one("job", "job_text")]
        }
    )

    resume: bytes | SkipJsonSchema[None] = Field(
        None, description="resume file: PDF, DOCX, TXT, MD, HTML"
    )
    resume_text: str | SkipJsonSchema[None] = None
    job: bytes | SkipJsonSchema[None] = Field(None, description="job description file")
    job_text: str | SkipJsonSchema[None] = None
    blind: bool = False

    @model_validator(mode="after")
    def one_source_each(self) -> MatchForm:
        if (self.resume is None) == (self.resume_text is None):
            raise ValueError("give exactly one of resume (a file) and resume_text")
        if (self.job is None) == (self.job_text is None):
            raise ValueError("give exactly one of job (a file) and job_text")
        return self


class ExtractRequest(BaseModel):
    """``POST /v1/extract`` as JSON: a resume or a job, as text or a file."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_exactly_one("text", "file"))

    kind: Literal["resume", "job"]
    text: str | SkipJsonSchema[None] = None
    file: FilePayload | SkipJsonSchema[None] = None

    @model_validator(mode="after")
    def one_source(self) -> ExtractRequest:
        if (self.text is None) == (self.file is None):
            raise ValueError("give exactly one of text and file")
        return self


class ExtractForm(BaseModel):
    """``POST /v1/extract`` as ``multipart/form-data``."""

    model_config = ConfigDict(json_schema_extra=_exactly_one("file", "text"))

    kind: Literal["resume", "job"]
    file: bytes | SkipJsonSchema[None] = None
    text: str | SkipJsonSchema[None] = None

    @model_validator(mode="after")
    def one_source(self) -> ExtractForm:
        if (self.file is None) == (self.text is None):
            raise ValueError("give exactly one of file and text")
        return self


class Upload(BaseModel):
    """One document of a request, in memory."""

    filename: str
    data: bytes


class MatchInput(BaseModel):
    resume: Upload
    job: Upload
    blind: bool = False


class ExtractInput(BaseModel):
    kind: Literal["resume", "job"]
    document: Upload


def parse_match(request: Request, max_file_bytes: int) -> MatchInput:
    if request.mimetype == JSON:
        body = _validated(MatchRequest, _json_body(request))
        return MatchInput(
            resume=_source(body.resume_text, body.resume_file, "resume", max_file_bytes),
            job=_source(body.job_text, body.job_file, "job", max_file_bytes),
            blind=body.options.blind,
        )
    if request.mimetype in FORMS:
        fields, names = _form_fields(
            request, {"resume": "resume_text", "job": "job_text"}, max_file_bytes
        )
        form = _validated(MatchForm, fields)
        return MatchInput(
            resume=_form_upload(form.resume, form.resume_text, names, "resume"),
            job=_form_upload(form.job, form.job_text, names, "job"),
            blind=form.blind,
        )
    raise UnsupportedMediaType(f"send {JSON} or multipart/form-data")


def parse_extract(request: Request, max_file_bytes: int) -> ExtractInput:
    if request.mimetype == JSON:
        body = _validated(ExtractRequest, _json_body(request))
        return ExtractInput(
            kind=body.kind,
            document=_source(body.text, body.file, body.kind, max_file_bytes, field="file"),
        )
    if request.mimetype in FORMS:
        fields, names = _form_fields(request, {"file": "text"}, max_file_bytes)
        extract_form = _validated(ExtractForm, fields)
        return ExtractInput(
            kind=extract_form.kind,
            document=_form_upload(
                extract_form.file, extract_form.text, names, "file", name=extract_form.kind
            ),
        )
    raise UnsupportedMediaType(f"send {JSON} or multipart/form-data")


def _json_body(request: Request) -> Any:
    body = request.get_json(silent=True)
    if body is None:
        raise InvalidRequest("the body is not valid JSON")
    return body


def _validated(model: type[M], body: Any) -> M:
    try:
        return model.model_validate(body)
    except ValidationError as exc:
        raise InvalidRequest(describe(exc)) from None


def describe(exc: ValidationError) -> str:
    """Field locations and messages only: inputs may be resume text and must not be echoed."""
    parts = []
    for error in exc.errors(include_input=False, include_url=False)[:5]:
        where = ".".join(str(part) for part in error["loc"]) or "body"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


def _source(
    text: str | None,
    file: FilePayload | None,
    name: str,
    max_file_bytes: int,
    field: str = "",
) -> Upload:
    field = field or f"{name}_file"
    if text is not None:
        return Upload(filename=f"{name}.txt", data=text.encode("utf-8"))
    assert file is not None  # the model's validator saw to it
    return decode_file(file, max_file_bytes, field)


def decode_file(payload: FilePayload, max_bytes: int, field: str) -> Upload:
    """A JSON file payload as bytes; its size is checked before anything is decoded."""
    if len(payload.content_base64) > (max_bytes + 2) // 3 * 4 + 4:
        raise DocumentTooLarge(f"{field}: the file is larger than {max_bytes} bytes")
    try:
        data = base64.b64decode(payload.content_base64, validate=True)
    except (binascii.Error, ValueError):
        raise InvalidRequest(f"{field}.content_base64: not valid base64") from None
    return Upload(filename=safe_filename(payload.filename), data=data)


def _form_fields(
    request: Request, pairs: dict[str, str], max_file_bytes: int
) -> tuple[dict[str, Any], dict[str, str]]:
    """Form fields and file parts as one dict for validation, and the uploaded file names.

    A browser form sends an empty file input (no name, no bytes) and empty text boxes; those
    count as absent when the other source of the same document is given.
    """
    fields: dict[str, Any] = {key: request.form[key] for key in request.form}
    names: dict[str, str] = {}
    for file_field, text_field in pairs.items():
        storage: FileStorage | None = request.files.get(file_field)
        if storage is not None:
            data = storage.stream.read(max_file_bytes + 1)
            if storage.filename or data:
                fields[file_field] = data
                names[file_field] = safe_filename(storage.filename or f"{file_field}.bin")
        text = fields.get(text_field)
        if isinstance(text, str) and not text.strip() and file_field in fields:
            del fields[text_field]
    return fields, names


def _form_upload(
    data: bytes | None, text: str | None, names: dict[str, str], file_field: str, name: str = ""
) -> Upload:
    name = name or file_field
    if text is not None:
        return Upload(filename=f"{name}.txt", data=text.encode("utf-8"))
    assert data is not None  # the form model's validator saw to it
    return Upload(filename=names.get(file_field, f"{name}.bin"), data=data)


def safe_filename(filename: str) -> str:
    """The last path component, without directories; only its extension is ever used."""
    name = PurePosixPath(filename.replace("\\", "/")).name.strip()
    return name[:255] or "upload.bin"


class InMemoryRequest(Request):
    """Multipart file parts stay in memory (werkzeug would spool parts over 500 KB to disk).

    ``MAX_CONTENT_LENGTH`` bounds the whole body, so memory per request is bounded too.
    """

    def _get_file_stream(
        self,
        total_content_length: int | None,
        content_type: str | None,
        filename: str | None = None,
        content_length: int | None = None,
    ) -> IO[bytes]:
        return BytesIO()
