"""What one app holds for its lifetime: configuration, loaded models, database, metrics, limits."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from api.db import Database
from api.metrics import Metrics
from extract import Limits
from jobfit.config import Config
from matcher import Models

EXTENSION = "jobfit"


@dataclass
class Runtime:
    config: Config
    models: Models
    database: Database
    metrics: Metrics
    limits: Limits


def runtime() -> Runtime:
    """The current app's runtime (inside a request or an app context)."""
    found: Runtime = current_app.extensions[EXTENSION]
    return found
