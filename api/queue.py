"""The screening queue on Huey: SQLite storage under ``config.data_dir`` by default (no server to
run), Redis storage when ``config.redis_url`` is set (workers on many machines share one queue).

One task per resume. A task leases its item in the database, scores it, and writes the result with
``INSERT ... ON CONFLICT DO NOTHING`` keyed by (screening, resume hash), so running it twice is
harmless. Huey has no visibility timeout: a task dequeued by a consumer that is then SIGKILLed is
gone. So every item keeps a lease, and ``reap`` re-enqueues an unscored item when its lease expired
(the worker died while scoring), or when it was never leased and is no longer in the queue after a
grace period of one lease (the worker died between taking the task and leasing the item). A
re-enqueued task that turns out to be a duplicate finds the result written and does nothing.
``jobfit worker`` runs ``reap`` every few seconds beside its consumer (first after a few seconds),
and a periodic Huey task runs it, with the retention purge, every minute.

Each worker process parses and embeds a posting once, on its first resume of that screening, and
keeps it by job hash (``matcher.batch_job``): the job's texts are never embedded again there.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from huey import Huey, RedisHuey, SqliteHuey, crontab
from huey.consumer import Consumer
from sqlalchemy.exc import IntegrityError

from api.db import Database
from api.screening_store import (
    Screening,
    ScreeningItem,
    claim,
    purge_expired,
    release,
    stale_items,
    write_result_once,
)
from extract import Limits, parse_job, read_document
from extract.records import Job
from jobfit.config import Config
from jobfit.errors import JobfitError
from matcher import Models, load_models
from matcher.batch import ScreenError, criterion_json, score_document, screen_error
from matcher.batch_job import SeededEncoder, embed_job
from matcher.records import MatchReport

log = logging.getLogger("jobfit.queue")

QUEUE_FILE = "queue.sqlite3"
MAX_ATTEMPTS = 3  # a resume that kills its worker three times gets an error result instead
JOB_CACHE = 8  # parsed and embedded postings kept per worker process


@dataclass(frozen=True)
class QueueSettings:
    name: str = "jobfit"
    lease_s: float = 300.0  # longer than any one resume can take (parse limit 20 s + matching)
    stale_s: float = 1800.0  # enqueued and never claimed for this long: the task was lost
    immediate: bool = False  # run tasks inside enqueue (Huey's immediate mode; tests, demos)

    @classmethod
    def from_config(cls, config: Config) -> QueueSettings:
        extra = config.extra
        return cls(
            name=str(extra.get("queue_name") or config.queue_name),
            lease_s=float(extra.get("queue_lease_s", config.queue_lease_s)),
            stale_s=float(extra.get("queue_stale_s", cls.stale_s)),
            immediate=bool(extra.get("queue_immediate", False)),
        )


def build_huey(config: Config, settings: QueueSettings) -> Huey:
    if settings.immediate:
        return Huey(settings.name, results=False, immediate=True)
    if config.redis_url:
        return RedisHuey(settings.name, results=False, url=config.redis_url)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(settings.name, results=False, filename=str(config.data_dir / QUEUE_FILE))


@dataclass
class _ProcessState:
    """What one process builds once: its own engine (never shared across a fork), the models
    (loaded on first use, so a consumer's parent that only reaps never loads them) and the
    postings it has parsed, each with models whose encoder knows the posting's embeddings."""

    pid: int
    database: Database
    limits: Limits
    models: Models | None = None
    jobs: OrderedDict[str, tuple[Job, Models]] = field(default_factory=OrderedDict)
    jobs_lock: threading.Lock = field(default_factory=threading.Lock)  # thread consumers


class ScreeningQueue:
    def __init__(
        self, config: Config, *, database: Database | None = None, models: Models | None = None
    ) -> None:
        self.config = config
        self.settings = QueueSettings.from_config(config)
        self.huey = build_huey(config, self.settings)
        self._given = (os.getpid(), database, models)
        self._state: _ProcessState | None = None
        self.score_task = self.huey.task(name="jobfit.score_item")(self.score_item)
        self.huey.periodic_task(crontab(minute="*"), name="jobfit.maintenance")(self.maintenance)
        self.huey.on_startup(name="jobfit.load")(self.models)

    # --- per process -----------------------------------------------------------------------

    def state(self) -> _ProcessState:
        pid = os.getpid()
        if self._state is None or self._state.pid != pid:
            given_pid, database, models = self._given
            same = given_pid == pid
            self._state = _ProcessState(
                pid=pid,
                database=database if same and database else Database.from_config(self.config),
                limits=Limits.from_config(self.config),
                models=models if same else None,
            )
        return self._state

    def models(self) -> Models:
        state = self.state()
        if state.models is None:
            state.models = load_models(self.config)
        return state.models

    def _job(self, state: _ProcessState, screening: Screening) -> tuple[Job, Models]:
        """The screening's posting, parsed and embedded at most once per process."""
        with state.jobs_lock:
            found = state.jobs.get(screening.job_hash)
            if found is not None:
                state.jobs.move_to_end(screening.job_hash)
                return found
            models = self.models()
            document = read_document(
                screening.job_data or b"", screening.job_filename, state.limits
            )
            job = parse_job(document, models.taxonomy)
            seeded = SeededEncoder(models.encoder, embed_job(job, models.encoder))
            found = (job, Models(taxonomy=models.taxonomy, encoder=seeded))
            state.jobs[screening.job_hash] = found
            while len(state.jobs) > JOB_CACHE:
                state.jobs.popitem(last=False)
            return found

    # --- tasks -----------------------------------------------------------------------------

    def enqueue(self, items: list[tuple[str, str]]) -> None:
        for screening_id, resume_hash in items:
            self.score_task(screening_id, resume_hash)

    def score_item(self, screening_id: str, resume_hash: str) -> None:
        """Score one resume of a screening, at most once (see the module docstring)."""
        state = self.state()
        lease = timedelta(seconds=self.settings.lease_s)
        with state.database.session() as session:
            if not claim(session, screening_id, resume_hash, lease):
                return  # scored already, leased by a live worker, or the screening is gone
            item = session.get(ScreeningItem, (screening_id, resume_hash))
            screening = session.get(Screening, screening_id)
            if item is None or screening is None:
                return
            data, filename, attempts = item.data or b"", item.filenames[0], item.attempts
            blind = screening.blind
        outcome: MatchReport | ScreenError
        if attempts > MAX_ATTEMPTS:
            outcome = ScreenError(
                code="internal_error",
                message=f"scoring this file stopped its worker {MAX_ATTEMPTS} times",
            )
        else:
            try:
                job, models = self._job(state, screening)
                outcome = score_document(data, filename, job, models, state.limits, blind=blind)
            except JobfitError as exc:
                outcome = screen_error(exc)
        criteria = criterion_json(outcome) if isinstance(outcome, MatchReport) else None
        try:
            with state.database.session() as session:
                current = session.get(Screening, screening_id)
                if current is None:
                    return  # deleted while it was being scored
                write_result_once(session, current, resume_hash, outcome, criteria)
                release(session, screening_id, resume_hash)
        except IntegrityError:
            log.info("screening %s was deleted while a resume was scored", screening_id)

    def reap(self) -> int:
        """Re-enqueue unscored items whose worker died or whose task was lost."""
        state = self.state()
        queued = {
            (str(task.args[0]), str(task.args[1]))
            for task in self.huey.pending()
            if task.name == "jobfit.score_item" and len(task.args) == 2
        }
        with state.database.session() as session:
            found = stale_items(
                session,
                timedelta(seconds=self.settings.lease_s),
                timedelta(seconds=self.settings.stale_s),
                queued,
            )
        self.enqueue(found)
        if found:
            log.warning("re-enqueued %d screening items left by a lost task", len(found))
        return len(found)

    def purge(self) -> tuple[int, int]:
        with self.state().database.session() as session:
            screenings, entries = purge_expired(session)
        if screenings or entries:
            log.info("retention: removed %d screenings, %d log entries", screenings, entries)
        return screenings, entries

    def maintenance(self) -> None:
        self.reap()
        self.purge()

    def consumer(self, workers: int, worker_type: str = "process", **options: Any) -> Consumer:
        return self.huey.create_consumer(
            workers=workers, worker_type=worker_type, max_delay=1.0, **options
        )

    def flush(self) -> None:
        """Drop every pending task of this queue (tests; never used by the service)."""
        self.huey.flush()
