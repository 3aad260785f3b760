"""CORS, security headers, request ids and what the logs may hold."""

from __future__ import annotations

import io
import json
import logging
import uuid
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from api.logs import JsonFormatter
from api.security import checked_origins
from jobfit.errors import InvalidRequest
from tests.api.conftest import JOB_TEXT, RESUME_TEXT

pytestmark = pytest.mark.slow

EXTENSION_ORIGIN = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
WEB_ORIGIN = "https://jobs.example.com"


@pytest.fixture
def cors_client(make_app: Callable[..., Flask]) -> FlaskClient:
    return make_app(cors_origins=(EXTENSION_ORIGIN, WEB_ORIGIN)).test_client()


@pytest.mark.parametrize("origin", [EXTENSION_ORIGIN, WEB_ORIGIN])
def test_preflight_from_an_allowed_origin(cors_client: FlaskClient, origin: str) -> None:
    response = cors_client.options(
        "/v1/match",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "Authorization, Content-Type",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    allowed = response.headers["Access-Control-Allow-Headers"].lower()
    assert "authorization" in allowed and "content-type" in allowed
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_preflight_from_another_origin_gets_no_cors_headers(cors_client: FlaskClient) -> None:
    response = cors_client.options(
        "/v1/match",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "Access-Control-Allow-Origin" not in response.headers


def test_simple_request_from_allowed_origin(cors_client: FlaskClient) -> None:
    response = cors_client.get("/v1/taxonomy/lookup?q=SFDC", headers={"Origin": WEB_ORIGIN})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == WEB_ORIGIN
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_no_cors_without_an_allowlist(client: FlaskClient) -> None:
    response = client.get("/v1/taxonomy/lookup?q=SFDC", headers={"Origin": WEB_ORIGIN})
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize(
    "origin", ["*.example.com", "https://example.com/path", "example.com", "null"]
)
def test_allowlist_takes_exact_origins_only(origin: str) -> None:
    with pytest.raises(InvalidRequest):
        checked_origins((origin,))


@pytest.mark.parametrize(
    "path", ["/healthz", "/v1/taxonomy/lookup?q=SFDC", "/nowhere", "/openapi.json"]
)
def test_security_headers_on_every_response(client: FlaskClient, path: str) -> None:
    headers = client.get(path).headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_html_pages_get_a_strict_same_origin_csp(client: FlaskClient) -> None:
    csp = client.get("/docs").headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp


def test_request_id_is_echoed_or_made(client: FlaskClient) -> None:
    assert (
        client.get("/healthz", headers={"X-Request-ID": "abc-123-def"}).headers["X-Request-ID"]
        == "abc-123-def"
    )
    made = client.get("/healthz", headers={"X-Request-ID": "bad id <script>"}).headers[
        "X-Request-ID"
    ]
    assert len(made) == 32 and made.isalnum()


def test_logs_are_json_and_hold_no_document_text(
    client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="jobfit"):
        response = client.post("/v1/match", json={"resume_text": RESUME_TEXT, "job_text": JOB_TEXT})
        client.post("/v1/match", json={"resume_text": RESUME_TEXT, "job_text": 7})
    assert response.status_code == 200
    formatter = JsonFormatter()
    lines = [json.loads(formatter.format(record)) for record in caplog.records]
    requests = [line for line in lines if line.get("event") == "request"]
    assert requests and requests[0]["route"] == "/v1/match" and requests[0]["status"] == 200
    assert {"request_id", "duration_ms", "request_bytes", "response_bytes"} <= set(requests[0])
    everything = "\n".join(formatter.format(record) for record in caplog.records).lower()
    for secret in (
        "jordan",
        "jordan.lee@example.com",
        "acme cloud",
        "555 0100",
        "analytics platform",
    ):
        assert secret not in everything


def test_uploads_stay_in_memory(make_app: Callable[..., Flask]) -> None:
    app = make_app()

    def stream_kind() -> str:
        from flask import request

        return type(request.files["resume"].stream).__name__

    app.add_url_rule("/v1/stream-kind", "stream_kind", stream_kind, methods=["POST"])
    data = {"resume": (io.BytesIO(b"x" * 2_000_000), "big.txt")}
    response = app.test_client().post(
        "/v1/stream-kind", data=data, content_type="multipart/form-data"
    )
    assert response.get_data(as_text=True) == "BytesIO"  # werkzeug would spool 2 MB to a temp file


@pytest.mark.redis
def test_rate_limits_in_redis_when_configured(make_app: Callable[..., Flask]) -> None:
    import redis

    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    prefix = f"jobfit-test-{uuid.uuid4().hex[:12]}"
    config = {"redis_url": url, "rate_limit": "2/minute", "extra": {"rate_limit_prefix": prefix}}
    first, second = make_app(**config).test_client(), make_app(**config).test_client()
    # two apps (two workers) share one budget through Redis
    assert first.get("/v1/taxonomy/lookup?q=SFDC").status_code == 200
    assert second.get("/v1/taxonomy/lookup?q=SFDC").status_code == 200
    limited = first.get("/v1/taxonomy/lookup?q=SFDC")
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)
