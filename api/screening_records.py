"""Request and response models of ``/v1/screenings``; the OpenAPI document shows these."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

from api.requests import FilePayload, Upload
from matcher.batch import JobSummary, ScreenResults

MAX_RESUMES = 2000  # per screening, after archives are expanded


class ScreeningOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    blind: bool = Field(False, description="redact personal data (and file names) in every output")


class ScreeningRequest(BaseModel):
    """``POST /v1/screenings`` as JSON: the job as text or a file, resumes as files (a .zip of
    resumes counts as many)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["job_text"]}, {"required": ["job_file"]}]},
    )

    job_text: str | SkipJsonSchema[None] = None
    job_file: FilePayload | SkipJsonSchema[None] = None
    resumes: list[FilePayload] = Field(min_length=1, max_length=MAX_RESUMES)
    options: ScreeningOptions = Field(default_factory=ScreeningOptions)


class ScreeningForm(BaseModel):
    """``POST /v1/screenings`` as ``multipart/form-data`` (documented; parsed by hand)."""

    model_config = ConfigDict(
        json_schema_extra={"oneOf": [{"required": ["job_text"]}, {"required": ["job"]}]}
    )

    job: bytes | SkipJsonSchema[None] = Field(None, description="job description file")
    job_text: str | SkipJsonSchema[None] = None
    resumes: list[bytes] = Field(description="resume files (PDF, DOCX, TXT, MD, HTML) or .zip")
    blind: bool = False


class Progress(BaseModel):
    done: int
    total: int


class FileError(BaseModel):
    file: str
    code: str
    message: str


class ScreeningCreated(BaseModel):
    id: str
    status: str
    progress: Progress


class ScreeningStatus(BaseModel):
    id: str
    status: str = Field(description="queued, running or done")
    progress: Progress
    errors: list[FileError]
    job: JobSummary
    scorer: str
    blind: bool
    created_at: datetime
    expires_at: datetime


class ScreeningResults(ScreenResults):
    id: str
    status: str
    progress: Progress


class ScreeningInput(BaseModel):
    job: Upload
    resumes: list[Upload]
    blind: bool
