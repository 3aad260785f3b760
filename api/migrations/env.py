"""Alembic environment: run with a connection passed in by ``api.db.Database.migrate``.

For ``alembic revision --autogenerate`` from a shell, set ``JOBFIT_DATABASE_URL``/``DATABASE_URL``
(or rely on the SQLite default) and run ``alembic -x ... `` with a config whose script_location
points here; ``api.db.migrations_config()`` builds one.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from api.db import Base, Database
from jobfit.config import Config

target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    database = Database.from_config(Config.from_env())
    try:
        with database.engine.begin() as own_connection:
            _run(own_connection)
    finally:
        database.dispose()


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("jobfit migrations run online only (api.db.Database.migrate)")
run_migrations_online()
