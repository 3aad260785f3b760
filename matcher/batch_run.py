"""Run a screen: one job against many resumes, across worker processes, with a result cache.

The job is parsed here. Each pool worker builds its encoder once (the pool initializer) and gets
the parsed job and the taxonomy (inherited through fork when this process holds no encoder). The
workers share the embeddings they make for the length of the screen
(``matcher.shared_embeddings``): the first worker embeds the job's texts under the store's write
lock and the others read them, and a text repeated across resumes is encoded once, whichever
worker meets it first. Identical files are scored once and their copies marked ``duplicate_of``.
``workers=1`` scores in this process (no pool).
"""

from __future__ import annotations

import gc
import multiprocessing
import resource
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract import Limits, parse_job, read_document
from extract.records import Job
from jobfit import __version__
from jobfit.config import Config
from jobfit.errors import JobfitError, WorkerLost
from matcher.batch import (
    ScreenError,
    ScreenResults,
    ScreenRow,
    content_hash,
    job_summary,
    mark_duplicate,
    rank,
    row_from_error,
    row_from_report,
    score_document,
    screen_error,
)
from matcher.batch_cache import ResultCache, cache_key, cache_path
from matcher.batch_inputs import BatchInput
from matcher.batch_job import SeededEncoder, embed_job
from matcher.encoder import CachedEncoder, OnnxEncoder, TorchEncoder, build_encoder
from matcher.models import Models
from matcher.records import MatchReport
from matcher.shared_embeddings import SharedEmbeddings, create_store
from skills_taxonomy import Taxonomy, load_taxonomy

Outcome = MatchReport | ScreenError
MAX_CHUNK = 4


@dataclass(frozen=True)
class ScreenOptions:
    workers: int = 1
    blind: bool = False
    use_cache: bool = True


@dataclass
class ScreenStats:
    total: int = 0
    scored: int = 0  # fresh matches run in this screen
    cached: int = 0
    duplicates: int = 0
    errors: int = 0
    peak_rss_kb: int = 0  # peak resident memory of one worker (this process when workers=1)


def scorer_for(config: Config) -> str:
    """The scorer version ``Models.scorer`` will report, without loading the encoder."""
    name = OnnxEncoder.name if config.encoder == "onnx" else TorchEncoder.name
    return f"jobfit-{__version__}+{name}"


def read_job(data: bytes, filename: str, taxonomy: Taxonomy, limits: Limits) -> Job:
    return parse_job(read_document(data, filename, limits), taxonomy)


def screen(
    job_data: bytes,
    job_name: str,
    inputs: list[BatchInput],
    config: Config,
    options: ScreenOptions,
    *,
    models: Models | None = None,
    on_total: Callable[[int], None] | None = None,
    on_done: Callable[[int], None] | None = None,
) -> tuple[ScreenResults, ScreenStats]:
    """Score every input against the job; ranked rows with full reports, and what it took."""
    limits = Limits.from_config(config)
    taxonomy = models.taxonomy if models is not None else load_taxonomy()
    job = read_job(job_data, job_name, taxonomy, limits)
    job_hash = content_hash(job_data)
    scorer = models.scorer if models is not None else scorer_for(config)
    stats = ScreenStats(total=len(inputs))
    if on_total is not None:
        on_total(len(inputs))

    rows: list[ScreenRow | None] = [None] * len(inputs)
    first_of: dict[str, int] = {}  # content hash -> index of its first input
    todo: list[int] = []
    cache = ResultCache(cache_path(config)) if options.use_cache else None
    try:
        for index, item in enumerate(inputs):
            digest = content_hash(item.data)
            if item.error is not None:
                error = screen_error(item.error)
                rows[index] = row_from_error(item.name, digest, error, blind=options.blind)
                stats.errors += 1
            elif digest in first_of:
                stats.duplicates += 1
            else:
                first_of[digest] = index
                cached = cache.get(_key(scorer, job_hash, digest, options)) if cache else None
                if cached is not None:
                    rows[index] = row_from_report(item.name, digest, cached, blind=options.blind)
                    stats.cached += 1
                else:
                    todo.append(index)
        if on_done is not None:
            on_done(len(inputs) - len(todo))

        for index, outcome, rss_kb in _run(todo, inputs, job, config, options, models, taxonomy):
            stats.peak_rss_kb = max(stats.peak_rss_kb, rss_kb)
            item, digest = inputs[index], content_hash(inputs[index].data)
            if isinstance(outcome, ScreenError):
                rows[index] = row_from_error(item.name, digest, outcome, blind=options.blind)
                stats.errors += 1
            else:
                rows[index] = row_from_report(item.name, digest, outcome, blind=options.blind)
                stats.scored += 1
                if cache is not None:
                    cache.put(_key(scorer, job_hash, digest, options), outcome)
            if on_done is not None:
                on_done(1)
    finally:
        if cache is not None:
            cache.close()

    for index, item in enumerate(inputs):
        if rows[index] is None:  # a duplicate: copy the first identical resume's row
            first = rows[first_of[content_hash(item.data)]]
            assert first is not None
            rows[index] = mark_duplicate(item.name, first, blind=options.blind)
    ranked = rank(row for row in rows if row is not None)
    results = ScreenResults(
        job=job_summary(job, job_hash), scorer=scorer, blind=options.blind, results=ranked
    )
    return results, stats


def _key(scorer: str, job_hash: str, digest: str, options: ScreenOptions) -> str:
    return cache_key(scorer, job_hash, digest, options.blind)


def _run(
    todo: list[int],
    inputs: list[BatchInput],
    job: Job,
    config: Config,
    options: ScreenOptions,
    models: Models | None,
    taxonomy: Taxonomy,
) -> Iterator[tuple[int, Outcome, int]]:
    if not todo:
        return
    tasks = [(index, inputs[index].name, inputs[index].data) for index in todo]
    if options.workers <= 1 or len(todo) == 1:
        _init_worker(config, job, options.blind, models)
        for task in tasks:
            yield _score_task(task)
        return
    # fork when this process holds no models (no ONNX/torch thread pools to inherit): workers
    # start at once and share the parsed taxonomy copy-on-write; else a clean forkserver child.
    fork = models is None and "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if fork else _clean_start_method())
    workers = min(options.workers, len(todo))
    with tempfile.TemporaryDirectory(prefix="jobfit-screen-") as private:
        store = Path(private) / "embeddings.sqlite"
        create_store(store)
        initargs = (config, job, options.blind, None, taxonomy if fork else None, store)
        pool = ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init_worker, initargs=initargs
        )
        try:
            chunk = _chunk(len(tasks), workers)
            gc.freeze()  # workers start at the first submit; their collector skips this heap
            try:
                futures = [
                    pool.submit(_score_tasks, tasks[start : start + chunk])
                    for start in range(0, len(tasks), chunk)
                ]
            finally:
                gc.unfreeze()
            for future in as_completed(futures):
                yield from future.result()
        except BrokenProcessPool as exc:
            raise WorkerLost(
                "a screening worker died (killed or out of memory); run the screen again: "
                "the resumes already scored come from the cache"
            ) from exc
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


def _chunk(tasks: int, workers: int) -> int:
    """Resumes per message to a worker: fewer messages for the parent, yet a short tail."""
    return max(1, min(MAX_CHUNK, tasks // (workers * 16)))


def _clean_start_method() -> str:
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


# --- inside a worker ---------------------------------------------------------------------------

_worker: dict[str, Any] = {}


def _init_worker(
    config: Config,
    job: Job,
    blind: bool,
    models: Models | None = None,
    taxonomy: Taxonomy | None = None,
    store: Path | None = None,
) -> None:
    """Once per worker process: load the models and keep the parsed job with its embeddings.

    With a shared ``store``, the job is embedded under the store's write lock: the first worker
    encodes its texts and the others read them. A failure is kept and raised by the first task (an
    initializer that raises would make the pool start replacement workers for ever)."""
    _worker.clear()
    try:
        if models is not None:
            loaded = models
            seed = embed_job(job, loaded.encoder)
        else:
            encoder = build_encoder(config.encoder, config.onnx_model)
            if store is None:
                seed = embed_job(job, encoder)
            else:
                shared = SharedEmbeddings(encoder, store)
                with shared.exclusive():
                    seed = embed_job(job, shared)
                encoder = shared
            loaded = Models(taxonomy=taxonomy or load_taxonomy(), encoder=CachedEncoder(encoder))
    except JobfitError as exc:
        _worker["fatal"] = exc
        return
    seeded = Models(taxonomy=loaded.taxonomy, encoder=SeededEncoder(loaded.encoder, seed))
    _worker.update(models=seeded, job=job, blind=blind, limits=Limits.from_config(config))


def _score_tasks(tasks: list[tuple[int, str, bytes]]) -> list[tuple[int, Outcome, int]]:
    return [_score_task(task) for task in tasks]


def _score_task(task: tuple[int, str, bytes]) -> tuple[int, Outcome, int]:
    """Score one input; also returns this worker's peak resident memory so far (KiB)."""
    index, name, data = task
    if "fatal" in _worker:
        raise _worker["fatal"]
    outcome: Outcome
    try:
        report = score_document(
            data,
            name,
            _worker["job"],
            _worker["models"],
            _worker["limits"],
            blind=_worker["blind"],
        )
        outcome = report
    except JobfitError as exc:
        outcome = screen_error(exc)
    return index, outcome, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
