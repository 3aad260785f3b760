"""Structured JSON logs with a request id; never bodies, resume or job text, names or emails.

``init_app`` times every request and writes one ``request`` line per response; ``configure`` sets
the JSON formatter on the ``jobfit`` logger (the CLI calls it; tests leave logging to pytest).
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime
from typing import Any

from flask import Flask, Response, g, request

from api.metrics import Metrics

log = logging.getLogger("jobfit.api")

REQUEST_ID_HEADER = "X-Request-ID"
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
# Fields a log record may carry; anything else passed in ``extra`` is dropped.
FIELDS = (
    "request_id",
    "method",
    "route",
    "status",
    "request_bytes",
    "response_bytes",
    "duration_ms",
    "key_id",
    "code",
    "event",
)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                entry[name] = value
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(level: str = "INFO") -> None:
    """JSON lines on stderr for every ``jobfit`` logger; idempotent."""
    root = logging.getLogger("jobfit")
    root.setLevel(level.upper())
    if not any(isinstance(h.formatter, JsonFormatter) for h in root.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(JsonFormatter())
        root.addHandler(handler)


def request_id() -> str:
    return str(getattr(g, "request_id", "-"))


def route_label() -> str:
    """The URL rule (``/v1/match``), never the raw path, so labels stay few and hold no data."""
    rule = request.url_rule
    return rule.rule if rule is not None else "unmatched"


def init_app(app: Flask, metrics: Metrics) -> None:
    @app.before_request
    def start_timer() -> None:
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        g.request_id = incoming if SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        g.started = time.perf_counter()

    @app.after_request
    def log_request(response: Response) -> Response:
        started = getattr(g, "started", None)
        elapsed = time.perf_counter() - started if started is not None else 0.0
        route = route_label()
        metrics.requests.labels(route, request.method, str(response.status_code)).inc()
        metrics.latency.labels(route, request.method).observe(elapsed)
        response.headers[REQUEST_ID_HEADER] = request_id()
        log.info(
            "request",
            extra={
                "event": "request",
                "request_id": request_id(),
                "method": request.method,
                "route": route,
                "status": response.status_code,
                "request_bytes": request.content_length or 0,
                "response_bytes": response.calculate_content_length(),
                "duration_ms": round(elapsed * 1000, 1),
                "key_id": getattr(g, "api_key_id", None),
            },
        )
        return response
