"""One error shape for every 4xx and 5xx: ``{"error": {"code": ..., "message": ...}}``.

``JobfitError`` answers with its own status and code; werkzeug's HTTP errors (Flask's own 404, 405,
413, the limiter's 429) get the codes below; anything else is a 500 ``internal_error`` whose
traceback goes to the log under the request id, never into the body.
"""

from __future__ import annotations

import logging

from flask import Flask, Response, current_app, jsonify
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from api.logs import request_id, route_label
from api.metrics import Metrics
from jobfit.errors import JobfitError

log = logging.getLogger("jobfit.api")

HTTP_CODES = {
    400: "invalid_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "document_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


def error_response(code: str, message: str, status: int) -> Response:
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def init_app(app: Flask, metrics: Metrics) -> None:
    @app.errorhandler(JobfitError)
    def jobfit_error(error: JobfitError) -> Response:
        metrics.errors.labels(error.code).inc()
        if error.http_status >= 500:
            log.error(
                "request failed",
                extra={"request_id": request_id(), "route": route_label(), "code": error.code},
            )
        body = error.to_dict()
        return error_response(body["error"]["code"], body["error"]["message"], error.http_status)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        status = error.code or 500
        code = HTTP_CODES.get(status, "internal_error" if status >= 500 else "http_error")
        metrics.errors.labels(code).inc()
        message = error.description or error.name
        if status == 413:
            request_mb = (current_app.config.get("MAX_CONTENT_LENGTH") or 0) / 1e6
            field_mb = (current_app.config.get("MAX_FORM_MEMORY_SIZE") or 0) / 1e6
            message = (
                f"the request is too large: at most {request_mb:.1f} MB per request and "
                f"{field_mb:.1f} MB per document"
            )
        response = error_response(code, message, status)
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        metrics.errors.labels("internal_error").inc()
        log.error(
            "unhandled error",
            exc_info=error,
            extra={"request_id": request_id(), "route": route_label(), "code": "internal_error"},
        )
        return error_response("internal_error", f"internal error; request id {request_id()}", 500)
