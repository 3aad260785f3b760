"""API keys, stored as sha256 hashes; once one is active, every ``/v1/*`` call needs a key.

A key is ``jf_`` plus 32 random bytes (urlsafe base64), so a plain sha256 is a safe digest: there is
nothing to brute-force. Clients send ``Authorization: Bearer KEY`` or ``X-API-Key: KEY``.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from flask import Flask, g, request
from pydantic import BaseModel
from sqlalchemy import select

from api.db import ApiKey, Database, utcnow
from jobfit.errors import InvalidRequest, NotFound, Unauthorized

KEY_PREFIX = "jf_"
PROTECTED_PREFIX = "/v1/"


class ApiKeyInfo(BaseModel):
    """What ``jobfit keys list`` shows; never the key itself."""

    id: int
    name: str
    prefix: str
    created_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(database: Database, name: str) -> tuple[ApiKeyInfo, str]:
    """Store a new key's hash; return its record and the key (shown to the user once)."""
    name = name.strip()
    if not name or len(name) > 100:
        raise InvalidRequest("a key name is 1 to 100 characters")
    key = new_key()
    row = ApiKey(name=name, key_hash=hash_key(key), prefix=key[:10], created_at=utcnow())
    with database.session() as session:
        session.add(row)
        session.flush()
        info = _info(row)
    return info, key


def list_keys(database: Database) -> list[ApiKeyInfo]:
    with database.session() as session:
        rows = session.scalars(select(ApiKey).order_by(ApiKey.id)).all()
        return [_info(row) for row in rows]


def revoke_key(database: Database, key_id: int) -> ApiKeyInfo:
    with database.session() as session:
        row = session.get(ApiKey, key_id)
        if row is None:
            raise NotFound(f"no API key with id {key_id}")
        if row.revoked_at is None:
            row.revoked_at = utcnow()
        return _info(row)


def has_active_keys(database: Database) -> bool:
    with database.session() as session:
        found = session.scalar(select(ApiKey.id).where(ApiKey.revoked_at.is_(None)).limit(1))
        return found is not None


def find_active(database: Database, key: str) -> ApiKeyInfo | None:
    with database.session() as session:
        row = session.scalar(
            select(ApiKey).where(ApiKey.key_hash == hash_key(key), ApiKey.revoked_at.is_(None))
        )
        return _info(row) if row is not None else None


def presented_key() -> str | None:
    """The key the request carries, from either header."""
    header = request.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    api_key = request.headers.get("X-API-Key", "").strip()
    return api_key or None


def init_app(app: Flask, database: Database) -> None:
    @app.before_request
    def require_key() -> None:
        g.api_key_id = None
        if not request.path.startswith(PROTECTED_PREFIX) or request.method == "OPTIONS":
            return
        key = presented_key()
        if key is None:
            if has_active_keys(database):
                raise Unauthorized("this service needs an API key: Authorization: Bearer KEY")
            return
        info = find_active(database, key)
        if info is None:
            raise Unauthorized("unknown or revoked API key")
        g.api_key_id = info.id


def _info(row: ApiKey) -> ApiKeyInfo:
    return ApiKeyInfo(
        id=row.id,
        name=row.name,
        prefix=row.prefix,
        created_at=row.created_at,
        revoked_at=row.revoked_at,
    )
