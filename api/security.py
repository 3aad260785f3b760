"""Security headers on every response, and CORS for ``/v1/*`` from an exact-origin allowlist.

Clients authenticate with a header, never cookies, so CORS never allows credentials; a ``*`` in the
allowlist therefore cannot combine with credentials.
"""

from __future__ import annotations

import logging
import re

from flask import Flask, Response
from flask_cors import CORS

from jobfit.errors import InvalidRequest

log = logging.getLogger("jobfit.api")

HTML_CSP = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'"
# https://host[:port], http://localhost:port, chrome-extension://<32 letters a-p>, moz-extension://uuid
ORIGIN = re.compile(
    r"^(https?://[A-Za-z0-9.-]+(:\d{1,5})?"
    r"|chrome-extension://[a-p]{32}"
    r"|moz-extension://[0-9a-f-]{36})$"
)
ALLOWED_HEADERS = ["Authorization", "X-API-Key", "Content-Type", "X-Request-ID"]
EXPOSED_HEADERS = ["Retry-After", "X-Request-ID", "X-RateLimit-Limit", "X-RateLimit-Remaining"]


def checked_origins(origins: tuple[str, ...]) -> list[str]:
    """Exact origins only (``*`` alone is allowed and means any origin, without credentials)."""
    if origins == ("*",):
        return ["*"]
    bad = [origin for origin in origins if not ORIGIN.match(origin)]
    if bad:
        raise InvalidRequest(f"JOBFIT_CORS_ORIGINS: not an exact origin: {', '.join(bad)}")
    return list(origins)


def init_app(app: Flask, cors_origins: tuple[str, ...]) -> None:
    origins = checked_origins(cors_origins)
    if origins:
        CORS(
            app,
            resources={r"/v1/*": {"origins": origins}},
            supports_credentials=False,
            allow_headers=ALLOWED_HEADERS,
            expose_headers=EXPOSED_HEADERS,
            methods=["GET", "POST", "DELETE", "OPTIONS"],
            max_age=600,
            vary_header=True,
        )

    @app.after_request
    def security_headers(response: Response) -> Response:
        headers = response.headers
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Referrer-Policy", "no-referrer")
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        is_html = response.mimetype == "text/html"
        headers.setdefault("Content-Security-Policy", HTML_CSP if is_html else API_CSP)
        if not is_html:
            headers.setdefault("Cache-Control", "no-store")
        return response
