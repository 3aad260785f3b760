"""The schema comes from Alembic migrations that match the models, on SQLite and PostgreSQL."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import inspect

from api import screening_store
from api.db import MIGRATIONS, Base, Database
from jobfit.cli import main
from jobfit.errors import StorageUnavailable

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
        assert screening_store.ScreeningItem.__tablename__ in Base.metadata.tables
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


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("sqlite:///{blocker}/var/jobfit.db", "cannot create the database folder"),
        ("postgresql://127.0.0.1:1/test", "cannot open the database: connection to server"),
    ],
    ids=["sqlite folder blocked by a file", "postgresql refusing"],
)
@pytest.mark.parametrize("command", [["keys", "create", "--name", "x"], ["worker"]])
def test_an_unusable_database_fails_the_cli_with_its_code(
    tmp_path: Path, url: str, message: str, command: list[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = {"DATABASE_URL": url.format(blocker=blocker), "JOBFIT_DATA_DIR": str(tmp_path)}
    result = CliRunner().invoke(main, command, env=env, catch_exceptions=False)
    assert result.exit_code == StorageUnavailable.exit_code
    assert "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith(f"jobfit: storage_unavailable: {message}")
