"""The OpenAPI 3.1 document, built from the same pydantic models that validate and serialise.

Each blueprint module lists its ``OPERATIONS``; ``build_spec`` turns them into paths and puts every
model schema under ``components/schemas``. Later blueprints (screenings, web pages) add their own
``OPERATIONS`` and appear here without further wiring.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from api.responses import ErrorBody

REF = "#/components/schemas/{model}"
ERROR_STATUSES = {
    400: "invalid request",
    401: "missing, unknown or revoked API key",
    404: "not found",
    405: "method not allowed",
    413: "request, file or page count too large",
    415: "unsupported media type or document format",
    422: "the document could not be read (empty, no text layer, encrypted, corrupt, unsafe, slow)",
    429: "rate limited; see Retry-After",
    500: "internal error",
    503: "models not loaded yet",
}


@dataclass(frozen=True)
class Body:
    """One media type of a request or response body: a model, or a raw schema."""

    media_type: str
    model: type[BaseModel] | None = None
    schema: dict[str, Any] | None = None
    any_of: tuple[type[BaseModel], ...] = ()


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    schema: dict[str, Any]
    required: bool = False
    location: Literal["query", "path"] = "query"


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    summary: str
    tag: str
    responses: dict[int, Sequence[Body]]
    request: Sequence[Body] = ()
    params: Sequence[Param] = ()
    errors: Sequence[int] = ()
    secured: bool = False
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def build_spec(operations: Iterable[Operation], version: str) -> dict[str, Any]:
    operations = list(operations)
    refs, top = models_json_schema(_models(operations), ref_template=REF)
    schemas: dict[str, Any] = top.get("$defs", {})
    paths: dict[str, dict[str, Any]] = {}
    for op in operations:
        paths.setdefault(op.path, {})[op.method.lower()] = _operation(op, Refs(refs))
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "jobfit",
            "version": version,
            "description": "Match resumes to job descriptions: an explainable 0-100 score, "
            "skills matched and missing, experience, achievements and truthful suggestions.",
            "license": {"name": "Apache-2.0", "identifier": "Apache-2.0"},
        },
        "paths": paths,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            },
        },
    }


def _models(operations: list[Operation]) -> list[tuple[type[BaseModel], JsonSchemaMode]]:
    found: dict[tuple[type[BaseModel], JsonSchemaMode], None] = {(ErrorBody, "serialization"): None}
    for op in operations:
        for body in op.request:
            for model in _body_models(body):
                found[(model, "validation")] = None
        for bodies in op.responses.values():
            for body in bodies:
                for model in _body_models(body):
                    found[(model, "serialization")] = None
    return list(found)


def _body_models(body: Body) -> tuple[type[BaseModel], ...]:
    return ((body.model,) if body.model else ()) + body.any_of


@dataclass(frozen=True)
class Refs:
    """``$ref``s by (model, mode) as pydantic named them (``X-Input``/``X-Output`` if different)."""

    by_model: Mapping[tuple[Any, JsonSchemaMode], Any]

    def __call__(self, model: type[BaseModel], mode: JsonSchemaMode) -> dict[str, Any]:
        ref: dict[str, Any] = self.by_model[(model, mode)]
        return ref


def _content(bodies: Sequence[Body], ref: Refs, mode: JsonSchemaMode) -> dict[str, Any]:
    content: dict[str, Any] = {}
    for body in bodies:
        if body.model is not None:
            schema: dict[str, Any] = ref(body.model, mode)
        elif body.any_of:
            schema = {"anyOf": [ref(model, mode) for model in body.any_of]}
        else:
            schema = body.schema or {}
        content[body.media_type] = {"schema": schema}
    return content


def _operation(op: Operation, ref: Refs) -> dict[str, Any]:
    responses: dict[str, Any] = {}
    for status, bodies in op.responses.items():
        responses[str(status)] = {
            "description": "OK" if status < 300 else "",
            "content": _content(bodies, ref, "serialization"),
        }
    statuses = set(op.errors) | {500}
    if op.secured:
        statuses |= {401, 429}
    for status in sorted(statuses):
        responses[str(status)] = {
            "description": ERROR_STATUSES.get(status, "error"),
            "content": {"application/json": {"schema": ref(ErrorBody, "serialization")}},
        }
    spec: dict[str, Any] = {
        "summary": op.summary,
        "operationId": _operation_id(op),
        "tags": [op.tag],
        "responses": responses,
    }
    if op.description:
        spec["description"] = op.description
    if op.params:
        spec["parameters"] = [
            {
                "name": p.name,
                "in": p.location,
                "required": p.required or p.location == "path",
                "description": p.description,
                "schema": p.schema,
            }
            for p in op.params
        ]
    if op.request:
        spec["requestBody"] = {"required": True, "content": _content(op.request, ref, "validation")}
    if op.secured:
        # Keys are needed only once one exists; an open service accepts calls without one.
        spec["security"] = [{"bearer": []}, {"apiKey": []}, {}]
    spec.update(op.extra)
    return spec


def _operation_id(op: Operation) -> str:
    words = op.path.strip("/").replace("{", "").replace("}", "").replace("/", "_").replace(".", "_")
    return f"{op.method.lower()}_{words or 'root'}"
