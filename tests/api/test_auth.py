"""API keys: the CLI creates, lists and revokes them; the service enforces them on /v1 only.
Runs against SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from click.testing import CliRunner
from flask import Flask

from api.auth import hash_key
from api.db import ApiKey, Database
from jobfit.cli import main

pytestmark = pytest.mark.slow


def run(db_url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env={"DATABASE_URL": db_url})
    return result.exit_code, result.stdout, result.stderr


def test_keys_create_list_revoke(db_url: str) -> None:
    code, out, err = run(db_url, "keys", "create", "--name", "extension")
    assert code == 0, err
    key = out.strip()
    assert key.startswith("jf_") and len(key) > 40
    assert "shown only now" in err

    database = Database(db_url)
    try:
        with database.session() as session:
            rows = session.query(ApiKey).all()
            assert [row.key_hash for row in rows] == [hash_key(key)]  # only the hash is stored
            assert key not in {row.key_hash for row in rows} and key not in {
                row.prefix for row in rows
            }
    finally:
        database.dispose()

    code, out, _ = run(db_url, "keys", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and [item["name"] for item in listed] == ["extension"]
    assert listed[0]["revoked_at"] is None and key not in out

    code, out, _ = run(db_url, "keys", "list")
    assert "extension" in out and "active" in out

    code, _, err = run(db_url, "keys", "revoke", str(listed[0]["id"]))
    assert code == 0 and "revoked" in err
    assert json.loads(run(db_url, "keys", "list", "--json")[1])[0]["revoked_at"] is not None


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [(["keys", "revoke", "999"], 3), (["keys", "create", "--name", " "], 2)],
)
def test_keys_errors_exit_with_their_codes(db_url: str, args: list[str], exit_code: int) -> None:
    code, _, err = run(db_url, *args)
    assert code == exit_code and err.startswith("jobfit: ")


def test_enforcement(make_app: Callable[..., Flask], db_url: str) -> None:
    app = make_app(database_url=db_url)
    client = app.test_client()
    # no keys: open
    assert client.get("/v1/taxonomy/lookup?q=SFDC").status_code == 200

    code, out, _ = run(db_url, "keys", "create", "--name", "recruiting")
    assert code == 0
    key = out.strip()

    response = client.get("/v1/taxonomy/lookup?q=SFDC")
    assert response.status_code == 401 and response.json is not None
    assert response.json["error"]["code"] == "unauthorized"
    bad = client.get("/v1/taxonomy/lookup?q=SFDC", headers={"Authorization": "Bearer jf_wrong"})
    assert bad.status_code == 401
    for headers in ({"Authorization": f"Bearer {key}"}, {"X-API-Key": key}):
        assert client.get("/v1/taxonomy/lookup?q=SFDC", headers=headers).status_code == 200
    # health, readiness, metrics and docs never need a key
    for path in ("/healthz", "/readyz", "/openapi.json", "/docs", "/metrics"):
        assert client.get(path).status_code == 200, path

    key_id = json.loads(run(db_url, "keys", "list", "--json")[1])[0]["id"]
    run(db_url, "keys", "revoke", str(key_id))
    revoked = client.get("/v1/taxonomy/lookup?q=SFDC", headers={"X-API-Key": key})
    assert revoked.status_code == 401


def test_rate_limit_is_per_key(make_app: Callable[..., Flask], db_url: str) -> None:
    client = make_app(database_url=db_url, rate_limit="2/minute").test_client()
    keys = [run(db_url, "keys", "create", "--name", name)[1].strip() for name in ("a", "b")]
    first, second = ({"X-API-Key": key} for key in keys)
    for _ in range(2):
        assert client.get("/v1/taxonomy/lookup?q=SFDC", headers=first).status_code == 200
    assert client.get("/v1/taxonomy/lookup?q=SFDC", headers=first).status_code == 429
    assert client.get("/v1/taxonomy/lookup?q=SFDC", headers=second).status_code == 200


def test_readyz_against_each_database(make_app: Callable[..., Flask], db_url: str) -> None:
    response = make_app(database_url=db_url).test_client().get("/readyz")
    assert response.status_code == 200 and response.json is not None
    assert response.json["database"] is True
