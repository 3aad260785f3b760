"""The schema comes from Alembic migrations that match the models, on SQLite and PostgreSQL."""

from __future__ import annotations

import tomllib
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from api.db import MIGRATIONS, Base, Database

REPO = Path(__file__).resolve().parents[2]


def test_migrations_match_the_models_and_are_idempotent(db_url: str) -> None:
    database = Database(db_url)
    try:
        database.migrate()
        database.migrate()
        assert database.reachable()
        assert {"api_keys", "alembic_version"} <= set(inspect(database.engine).get_table_names())
        with database.engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == []
    finally:
        database.dispose()


def test_package_data_ships_the_migrations() -> None:
    patterns = tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"][
        "package-data"
    ]["api"]
    package = REPO / "api"
    shipped = {path for pattern in patterns for path in package.glob(pattern) if path.is_file()}
    needed = {MIGRATIONS / "env.py", MIGRATIONS / "script.py.mako"}
    needed |= set((MIGRATIONS / "versions").glob("*.py"))
    assert needed <= shipped
