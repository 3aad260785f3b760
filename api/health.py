"""``/healthz`` (the process answers), ``/readyz`` (models, taxonomy, database), ``/metrics``."""

from __future__ import annotations

from flask import Blueprint, Response

from api.openapi import Body, Operation
from api.responses import Health, Readiness
from api.runtime import runtime
from jobfit import __version__

blueprint = Blueprint("health", __name__)

PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"


@blueprint.get("/healthz")
def healthz() -> Response:
    return _json(Health(version=__version__).model_dump_json(), 200)


@blueprint.get("/readyz")
def readyz() -> Response:
    state = runtime()
    taxonomy = state.models.taxonomy
    entries = len(taxonomy) if taxonomy is not None else 0
    models_ok = state.models.encoder is not None and entries > 0
    database_ok = state.database.reachable()
    ready = models_ok and database_ok
    report = Readiness(
        status="ready" if ready else "not_ready",
        models=models_ok,
        taxonomy_entries=entries,
        database=database_ok,
        encoder=getattr(state.models.encoder, "name", None),
    )
    return _json(report.model_dump_json(), 200 if ready else 503)


@blueprint.get("/metrics")
def metrics() -> Response:
    return Response(runtime().metrics.exposition(), status=200, content_type=PROMETHEUS_TEXT)


def _json(body: str, status: int) -> Response:
    return Response(body, status=status, mimetype="application/json")


OPERATIONS = [
    Operation(
        "/healthz",
        "get",
        "The process is up",
        "health",
        responses={200: [Body("application/json", Health)]},
    ),
    Operation(
        "/readyz",
        "get",
        "Models and taxonomy loaded, database reachable",
        "health",
        responses={
            200: [Body("application/json", Readiness)],
            503: [Body("application/json", Readiness)],
        },
    ),
    Operation(
        "/metrics",
        "get",
        "Prometheus metrics of this worker process",
        "health",
        responses={200: [Body("text/plain", schema={"type": "string"})]},
    ),
]
