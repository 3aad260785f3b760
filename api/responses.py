"""Response models the API serialises and the OpenAPI spec documents (besides the records of
extract, matcher and skills_taxonomy, which are returned as they are)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    code: str = Field(description="stable error code shared with the CLI, e.g. no_text_layer")
    message: str


class ErrorBody(BaseModel):
    """Every 4xx and 5xx answer."""

    error: ErrorDetail


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str


class Readiness(BaseModel):
    status: Literal["ready", "not_ready"]
    models: bool = Field(description="encoder and taxonomy loaded")
    taxonomy_entries: int
    database: bool = Field(description="database reachable")
    encoder: str | None = None


class JsonResume(BaseModel):
    """A resume in the JSON Resume schema (jsonresume.org), from ``?format=jsonresume``."""

    model_config = ConfigDict(extra="allow")

    basics: dict[str, Any] = Field(default_factory=dict)
