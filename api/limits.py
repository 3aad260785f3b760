"""Per-key rate limits on ``/v1/*`` (per client address for calls without a key).

Memory storage by default (per worker process); Redis when ``REDIS_URL`` is set, which also shares
the budget across workers and machines. A breach is a 429 ``rate_limited`` with ``Retry-After``.
"""

from __future__ import annotations

from flask import Flask, g, request
from flask_limiter import Limiter

from jobfit.config import Config

PROTECTED_PREFIX = "/v1/"


def client_identity() -> str:
    key_id = getattr(g, "api_key_id", None)
    if key_id is not None:
        return f"key:{key_id}"
    return f"ip:{request.remote_addr or 'unknown'}"


def storage_uri(config: Config) -> str:
    return config.redis_url or "memory://"


def init_app(app: Flask, config: Config) -> Limiter:
    limiter = Limiter(
        client_identity,
        app=app,
        application_limits=[config.rate_limit],
        storage_uri=storage_uri(config),
        headers_enabled=True,
        strategy="moving-window",
        key_prefix=str(config.extra.get("rate_limit_prefix", "jobfit")),
        swallow_errors=False,
        # Redis down: count in this process's memory meanwhile instead of failing every call
        in_memory_fallback_enabled=bool(config.redis_url),
    )

    @limiter.request_filter
    def only_api_calls() -> bool:
        return not request.path.startswith(PROTECTED_PREFIX) or request.method == "OPTIONS"

    return limiter
