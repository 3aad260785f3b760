"""One error shape for every 4xx and 5xx, Flask's own included."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.api.conftest import JOB_TEXT, RESUME_TEXT
from tests.api.documents import png_image

pytestmark = pytest.mark.slow


def assert_error(response: TestResponse, status: int, code: str) -> None:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    body = response.json
    assert body is not None and set(body) == {"error"}
    assert set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"),
    [
        ("get", "/nowhere", {}, 404, "not_found"),
        ("get", "/v1/match", {}, 405, "method_not_allowed"),
        ("delete", "/healthz", {}, 405, "method_not_allowed"),
        (
            "post",
            "/v1/match",
            {"data": "{not json", "content_type": "application/json"},
            400,
            "invalid_request",
        ),
        ("post", "/v1/match", {"json": {"resume_text": "x"}}, 400, "invalid_request"),
        (
            "post",
            "/v1/match",
            {"json": {"resume_text": "x", "job_text": "y", "extra": 1}},
            400,
            "invalid_request",
        ),
        ("post", "/v1/match", {"json": ["a list"]}, 400, "invalid_request"),
        (
            "post",
            "/v1/match",
            {
                "json": {
                    "resume_file": {"filename": "a.pdf", "content_base64": "!!"},
                    "job_text": "y",
                }
            },
            400,
            "invalid_request",
        ),
        (
            "post",
            "/v1/match",
            {"json": {"resume_text": "x", "job_text": "y", "options": {"blind": "maybe"}}},
            400,
            "invalid_request",
        ),
        (
            "post",
            "/v1/match",
            {"data": "resume", "content_type": "text/plain"},
            415,
            "unsupported_media_type",
        ),
        (
            "post",
            "/v1/extract",
            {"json": {"kind": "cover_letter", "text": "x"}},
            400,
            "invalid_request",
        ),
        (
            "post",
            "/v1/extract?format=yaml",
            {"json": {"kind": "resume", "text": "x"}},
            400,
            "invalid_request",
        ),
        (
            "post",
            "/v1/match",
            {"json": {"resume_text": "   ", "job_text": JOB_TEXT}},
            422,
            "empty_document",
        ),
    ],
)
def test_error_shapes(
    client: FlaskClient,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    status: int,
    code: str,
) -> None:
    assert_error(getattr(client, method)(path, **kwargs), status, code)


def test_unsupported_document_format_is_415(client: FlaskClient) -> None:
    data = {"resume": (io.BytesIO(png_image()), "photo.png"), "job_text": JOB_TEXT}
    response = client.post("/v1/match", data=data, content_type="multipart/form-data")
    assert_error(response, 415, "unsupported_format")


def test_validation_message_never_echoes_the_input(client: FlaskClient) -> None:
    response = client.post("/v1/match", json={"resume_text": RESUME_TEXT, "job_text": 42})
    assert_error(response, 400, "invalid_request")
    assert "jordan" not in response.get_data(as_text=True).lower()


def test_405_names_allowed_methods(client: FlaskClient) -> None:
    assert client.get("/v1/match").headers["Allow"].startswith(("POST", "OPTIONS"))


def test_request_larger_than_max_content_length_is_413(make_app: Callable[..., Flask]) -> None:
    client = make_app(max_request_bytes=4096).test_client()
    data = {"resume": (io.BytesIO(b"a" * 10_000), "big.txt"), "job_text": "y"}
    response = client.post("/v1/match", data=data, content_type="multipart/form-data")
    assert_error(response, 413, "document_too_large")
    response = client.post("/v1/match", json={"resume_text": "a" * 10_000, "job_text": "y"})
    assert_error(response, 413, "document_too_large")


def test_file_larger_than_max_file_bytes_is_413(make_app: Callable[..., Flask]) -> None:
    client = make_app(max_file_bytes=1000).test_client()
    response = client.post("/v1/match", json={"resume_text": "sales " * 400, "job_text": "y"})
    assert_error(response, 413, "document_too_large")
    data = {"resume": (io.BytesIO(b"sales " * 400), "cv.txt"), "job_text": "y"}
    response = client.post("/v1/match", data=data, content_type="multipart/form-data")
    assert_error(response, 413, "document_too_large")


def test_rate_limit_is_429_with_retry_after(make_app: Callable[..., Flask]) -> None:
    client = make_app(rate_limit="2/minute").test_client()
    for _ in range(2):
        assert client.get("/v1/taxonomy/lookup?q=SFDC").status_code == 200
    response = client.get("/v1/taxonomy/lookup?q=SFDC")
    assert_error(response, 429, "rate_limited")
    assert int(response.headers["Retry-After"]) > 0
    assert client.get("/healthz").status_code == 200  # only /v1 is limited


def test_unexpected_exception_is_500_without_traceback(
    make_app: Callable[..., Flask], caplog: pytest.LogCaptureFixture
) -> None:
    app = make_app()

    def explode() -> str:
        raise RuntimeError("secret internals: /etc/passwd")

    app.add_url_rule("/v1/explode", "explode", explode)
    with caplog.at_level(logging.ERROR, logger="jobfit.api"):
        response = app.test_client().get("/v1/explode", headers={"X-Request-ID": "req-12345678"})
    assert_error(response, 500, "internal_error")
    body = response.get_data(as_text=True)
    assert "secret internals" not in body and "Traceback" not in body
    assert "req-12345678" in body
    record = next(r for r in caplog.records if r.getMessage() == "unhandled error")
    assert record.__dict__["request_id"] == "req-12345678" and record.exc_info is not None
