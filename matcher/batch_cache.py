"""A result cache for ``jobfit screen``: a rerun (or an interrupted run) reuses finished reports.

Keyed by scorer version, job content hash, resume content hash and the blind option, so a new scorer
or an edited file is scored afresh. One SQLite file under ``config.data_dir``; only the process
that runs the screen writes it, one commit per result, so an interruption loses at most one.
``storage_errors`` turns file and SQLite failures of the screen's local stores into
``StorageUnavailable``.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from pydantic import ValidationError

from jobfit.config import Config
from jobfit.errors import StorageUnavailable
from matcher.records import MatchReport

FILENAME = "screen-cache.sqlite3"


def cache_path(config: Config) -> Path:
    return config.data_dir / FILENAME


@contextmanager
def storage_errors(what: str, path: Path) -> Iterator[None]:
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        raise StorageUnavailable(f"cannot use the {what} at {path}: {exc}") from exc


def cache_key(scorer: str, job_hash: str, resume_hash: str, blind: bool) -> str:
    raw = f"{scorer}\n{job_hash}\n{resume_hash}\n{'blind' if blind else 'open'}"
    return hashlib.sha256(raw.encode()).hexdigest()


class ResultCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        with storage_errors("result cache", path):
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            # no fsync per result: a power cut may lose the last few, which are scored again
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS results "
                "(key TEXT PRIMARY KEY, scorer TEXT, report TEXT)"
            )
            self._db.commit()

    def get(self, key: str) -> MatchReport | None:
        found = self._db.execute("SELECT report FROM results WHERE key = ?", (key,)).fetchone()
        if found is None:
            return None
        try:
            return MatchReport.model_validate_json(found[0])
        except ValidationError:
            # written by an older record layout: score again and overwrite
            return None

    def put(self, key: str, report: MatchReport) -> None:
        with storage_errors("result cache", self.path):
            self._db.execute(
                "INSERT OR REPLACE INTO results (key, scorer, report) VALUES (?, ?, ?)",
                (key, report.scorer, report.model_dump_json()),
            )
            self._db.commit()

    def __len__(self) -> int:
        count: int = self._db.execute("SELECT count(*) FROM results").fetchone()[0]
        return count

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ResultCache:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
