"""Embeddings shared by the worker processes of one screen.

Resumes of one batch repeat many texts (titles, skill names, stock phrases). Each worker's
in-memory cache only sees its own share of the batch, so without sharing, N workers would encode
a repeated text up to N times. ``SharedEmbeddings`` keeps what any worker has encoded in one SQLite
file that the screen creates in a private temporary folder and deletes when it ends; nothing
outlives the screen. Keys are text hashes, so the file holds no resume text. An embedding depends
on its text alone (batches of one), so sharing never changes a score.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from matcher.batch_cache import storage_errors
from matcher.encoder import DIMENSIONS, Encoder, text_key

BUSY_TIMEOUT_MS = 10_000
LOOKUP_BATCH = 500  # below SQLite's limit on bound parameters


def create_store(path: Path) -> None:
    """Create the empty store; workers then open it with ``SharedEmbeddings``."""
    with storage_errors("shared embeddings", path):
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, row BLOB)"
            )
        connection.close()


class SharedEmbeddings:
    """An encoder that reads embeddings other processes stored and stores the ones it makes.

    Open it in the process that uses it (a connection must not cross a fork)."""

    def __init__(self, inner: Encoder, path: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self._db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
        self._db.execute("PRAGMA synchronous=OFF")  # lives for one screen: no crash safety needed

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        if not texts:
            return out
        keys = [text_key(text) for text in texts]
        stored = self._lookup(list(dict.fromkeys(keys)))
        missing: dict[bytes, str] = {}
        for row, (key, text) in enumerate(zip(keys, texts, strict=True)):
            if key in stored:
                out[row] = np.frombuffer(stored[key], dtype=np.float32)
            else:
                missing.setdefault(key, text)
        if missing:
            fresh = self.inner.encode(list(missing.values())).astype(np.float32)
            made = dict(zip(missing, fresh, strict=True))
            for row, key in enumerate(keys):
                if key in made:
                    out[row] = made[key]
            self._db.executemany(
                "INSERT OR IGNORE INTO vectors VALUES (?, ?)",
                [(key, vector.tobytes()) for key, vector in made.items()],
            )
            self._db.commit()
        return out

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the store's write lock: of the processes that embed the same texts at once (a
        screen's workers, the job's texts), one encodes them and the others read its rows."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            if self._db.in_transaction:
                self._db.commit()

    def _lookup(self, keys: list[bytes]) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        for start in range(0, len(keys), LOOKUP_BATCH):
            batch = keys[start : start + LOOKUP_BATCH]
            marks = ",".join("?" * len(batch))
            query = f"SELECT key, row FROM vectors WHERE key IN ({marks})"
            found.update(self._db.execute(query, batch))
        return found

    def close(self) -> None:
        self._db.close()
