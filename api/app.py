"""The app factory: ``create_app(config)`` builds one Flask app with its models, database and hooks.

Blueprints are modules that expose ``blueprint`` (and optionally ``OPERATIONS`` for the OpenAPI
document and ``init_app(app)``). ``BLUEPRINTS`` are always registered; ``OPTIONAL_BLUEPRINTS`` are
registered when their module exists (batch screening and the web pages are added that way).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from pathlib import Path
from types import ModuleType

from flask import Flask

from api import auth, errors, limits, logs, security
from api.db import Database
from api.docs import SPEC_KEY
from api.metrics import Metrics
from api.openapi import Operation, build_spec
from api.requests import InMemoryRequest
from api.runtime import EXTENSION, Runtime
from extract import Limits
from jobfit import __version__
from jobfit.config import Config
from matcher import Models, load_models

log = logging.getLogger("jobfit.api")

PACKAGE = Path(__file__).resolve().parent
BLUEPRINTS = ("api.health", "api.docs", "api.match", "api.extract", "api.taxonomy")
OPTIONAL_BLUEPRINTS = ("api.screenings", "api.pages")


def create_app(config: Config | None = None, *, models: Models | None = None) -> Flask:
    """Build the app. Loads the models (unless given) and migrates the database before returning,
    so a worker is ready before its first request."""
    config = config or Config.from_env()
    app = Flask(
        "api",
        root_path=str(PACKAGE),
        static_folder=str(PACKAGE / "static"),
        template_folder=str(PACKAGE / "templates"),
    )
    app.request_class = InMemoryRequest
    app.config.update(
        TESTING=config.testing,
        MAX_CONTENT_LENGTH=config.max_request_bytes,
        MAX_FORM_MEMORY_SIZE=config.max_file_bytes,
        JOBFIT_CONFIG=config,
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]

    database = Database.from_config(config)
    database.migrate()
    metrics = Metrics()
    models = models if models is not None else load_models(config)
    warm_up(models)
    app.extensions[EXTENSION] = Runtime(
        config=config,
        models=models,
        database=database,
        metrics=metrics,
        limits=Limits.from_config(config),
    )

    # Hook order matters: request id first, then the key (the limiter counts per key).
    logs.init_app(app, metrics)
    auth.init_app(app, database)
    app.extensions["limiter"] = limits.init_app(app, config)
    security.init_app(app, config.cors_origins)
    errors.init_app(app, metrics)

    operations: list[Operation] = []
    for module in blueprint_modules():
        app.register_blueprint(module.blueprint)
        operations.extend(getattr(module, "OPERATIONS", []))
        init = getattr(module, "init_app", None)
        if init is not None:
            init(app)
    app.extensions[SPEC_KEY] = build_spec(operations, __version__)

    if not auth.has_active_keys(database):
        log.warning(
            "no API keys exist: /v1 is open to every caller; serve on loopback only "
            "(create one with `jobfit keys create --name NAME`)"
        )
    return app


def warm_up(models: Models) -> None:
    """Build what the models build lazily (the taxonomy's phrase matcher, the encoder session) so
    the first request is as fast as the rest."""
    models.taxonomy.tag("Closed deals in Salesforce")
    models.encoder.encode(["warm up"])


def blueprint_modules() -> list[ModuleType]:
    names = list(BLUEPRINTS)
    names += [name for name in OPTIONAL_BLUEPRINTS if importlib.util.find_spec(name) is not None]
    return [importlib.import_module(name) for name in names]
