"""What one app holds for its lifetime: configuration, loaded models, database, metrics, limits."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

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
    # The encoder's LRU cache is not thread-safe; gthread workers match one request at a time.
    match_lock: threading.Lock = field(default_factory=threading.Lock)


def runtime() -> Runtime:
    """The current app's runtime (inside a request or an app context)."""
    found: Runtime = current_app.extensions[EXTENSION]
    return found
