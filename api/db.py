"""Storage: one SQLAlchemy engine per app, tables on one ``Base``, schema managed by Alembic.

SQLite under ``config.data_dir`` by default, PostgreSQL when ``DATABASE_URL`` is set. Later tables
(screenings, ...) subclass ``Base`` and ship a migration in ``api/migrations/versions``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import DateTime, Engine, MetaData, String, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

from jobfit.config import Config
from jobfit.errors import StorageUnavailable

MIGRATIONS = Path(__file__).resolve().parent / "migrations"

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Every jobfit table; ``Base.metadata`` is what the migrations describe."""

    metadata = MetaData(naming_convention=NAMING)


class ApiKey(Base):
    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the key
    prefix: Mapped[str] = mapped_column(String(16))  # first characters, to tell keys apart
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=None)


class Database:
    """An engine and a session factory for one URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _engine(url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @classmethod
    def from_config(cls, config: Config) -> Database:
        return cls(config.sqlalchemy_url)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        with self.sessions() as session, session.begin():
            yield session

    def migrate(self) -> None:
        """Bring the schema to the newest migration (a no-op when it is already there)."""
        try:
            with self.engine.begin() as connection:
                alembic_config = migrations_config()
                alembic_config.attributes["connection"] = connection
                command.upgrade(alembic_config, "head")
        except (SQLAlchemyError, OSError) as exc:
            raise StorageUnavailable(f"cannot open the database: {_first_line(exc)}") from exc

    def reachable(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("select 1"))
        except SQLAlchemyError:
            return False
        return True

    def dispose(self) -> None:
        self.engine.dispose()


def migrations_config() -> AlembicConfig:
    """Alembic's configuration built in code, so migrations run from an installed package."""
    alembic_config = AlembicConfig()
    alembic_config.set_main_option("script_location", str(MIGRATIONS))
    return alembic_config


def driver_url(url: str) -> str:
    """``postgres://`` and ``postgresql://`` mean psycopg2, the driver jobfit installs."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    parsed = make_url(url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg2")
    return parsed.render_as_string(hide_password=False)


def _engine(url: str) -> Engine:
    parsed = make_url(driver_url(url))
    options: dict[str, Any] = {"pool_pre_ping": True}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                message = f"cannot create the database folder {folder}: {exc}"
                raise StorageUnavailable(message) from exc
        options["connect_args"] = {"check_same_thread": False, "timeout": 30}
    engine = create_engine(parsed, **options)
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _first_line(exc: BaseException) -> str:
    """A driver's message without SQLAlchemy's statement dump and background link."""
    cause = getattr(exc, "orig", None) or exc
    return str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets several gunicorn workers read while one writes; busy_timeout waits out the writer.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
