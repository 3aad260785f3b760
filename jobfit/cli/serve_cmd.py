"""``jobfit serve``: the HTTP API under gunicorn (or Flask's server with ``--dev``).

Gunicorn runs without ``--preload``: each worker process builds the app itself, so the ONNX runtime
and torch thread pools are created after the fork (pools created before a fork can deadlock in the
child). ``create_app`` loads the models and migrates before returning, so a worker accepts its
first request only when ready. The master migrates once before forking, so workers find the schema
at head and never race to create it.
"""

from __future__ import annotations

import ctypes
import ipaddress
import logging
import os
import signal
import socket
import subprocess
import sys
import tempfile
from typing import Any

import click

from jobfit.cli.output import errors_as_exit_codes, fail
from jobfit.config import METRICS_DIR_ENV, Config
from jobfit.errors import InsecureBind, InvalidRequest, JobfitError, ModelUnavailable

log = logging.getLogger("jobfit.serve")
PR_SET_PDEATHSIG = 1  # prctl option: the signal a child gets when its parent ends

# A 20 s parse plus matching must finish well inside the worker timeout.
WORKER_TIMEOUT_S = 120


def is_loopback(host: str) -> bool:
    """True when every address ``host`` names is a loopback address."""
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False
    return bool(infos) and all(ipaddress.ip_address(info[4][0]).is_loopback for info in infos)


def check_bind(config: Config, host: str) -> None:
    """Refuse a non-loopback address while no API key exists (the API would be open to all)."""
    from api.auth import has_active_keys
    from api.db import Database

    database = Database.from_config(config)
    try:
        database.migrate()
        if is_loopback(host) or has_active_keys(database):
            return
    finally:
        database.dispose()
    raise InsecureBind(
        f"refusing to listen on {host}: no API keys exist, so anyone could call the API; "
        "create one with `jobfit keys create --name NAME` or serve on 127.0.0.1"
    )


def check_models(config: Config) -> None:
    """Fail in the master with one clear line, not in every worker with a traceback."""
    if config.encoder == "onnx" and not config.onnx_model.is_file():
        raise ModelUnavailable(
            f"ONNX model not found at {config.onnx_model}; run `make install` or "
            f"`jobfit models export-onnx --out {config.onnx_model}`"
        )


def gunicorn_options(host: str, port: int, workers: int, threads: int) -> dict[str, Any]:
    return {
        "bind": f"[{host}]:{port}" if ":" in host else f"{host}:{port}",
        "workers": workers,
        # sync: one request per process at a time, parse deadlines use SIGALRM on the main thread;
        # gthread (--threads > 1): /healthz still answers while a long parse runs.
        "worker_class": "gthread" if threads > 1 else "sync",
        "threads": threads,
        "timeout": WORKER_TIMEOUT_S,
        "graceful_timeout": 30,
        "keepalive": 5,
        "preload_app": False,
        "accesslog": None,  # the app writes its own JSON request log
        "errorlog": "-",
        "limit_request_line": 8190,
    }


def run_gunicorn(config: Config, options: dict[str, Any]) -> None:
    from gunicorn.app.base import BaseApplication

    class JobfitApplication(BaseApplication):
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            from api.app import create_app

            return create_app(config)

    JobfitApplication().run()


def _shared_metrics_dir() -> tempfile.TemporaryDirectory[str] | None:
    """A fresh folder where every gunicorn worker writes its metrics, so that ``/metrics`` sums
    them; set before anything imports prometheus_client (workers inherit the master's modules).
    Removed when the server exits; a folder the operator chose is kept."""
    if os.environ.get(METRICS_DIR_ENV):
        return None
    folder = tempfile.TemporaryDirectory(prefix="jobfit-metrics-")
    os.environ[METRICS_DIR_ENV] = folder.name
    return folder


def _batch_missing() -> None:
    fail(InvalidRequest("batch screening is not available in this install: no `jobfit worker`"))


REAP_FIRST_AFTER_S = 5.0  # let the consumer fork its workers before the reaper opens connections


@click.command()
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=None,
    envvar="JOBFIT_QUEUE_WORKERS",
    help="Consumer workers (default: the number of cores); each loads the models once.",
)
@click.option(
    "--worker-type",
    type=click.Choice(["process", "thread"]),
    default="process",
    show_default=True,
    help="Processes use every core; threads share one.",
)
@click.option(
    "--queue-name",
    envvar="JOBFIT_QUEUE_NAME",
    default="jobfit",
    show_default=True,
    help="Huey queue name (the API and its workers must agree).",
)
@click.option(
    "--lease",
    "lease_s",
    type=click.FloatRange(1.0),
    envvar="JOBFIT_QUEUE_LEASE_S",
    default=300.0,
    show_default=True,
    help="Seconds a resume stays leased to a worker; after that a dead worker's resume is "
    "re-enqueued.",
)
def worker(workers: int | None, worker_type: str, queue_name: str, lease_s: float) -> None:
    """Run batch-screening consumers (Huey): SQLite queue by default, Redis with REDIS_URL."""
    import os
    import threading
    from dataclasses import replace

    from api.db import Database
    from api.logs import configure
    from api.queue import ScreeningQueue

    base = Config.from_env()
    configure(base.log_level)
    extra = {**base.extra, "queue_name": queue_name, "queue_lease_s": lease_s}
    config = replace(base, extra={**extra, "queue_stale_s": max(lease_s, 1800.0)})
    with errors_as_exit_codes():
        database = Database.from_config(config)
        try:
            database.migrate()
        finally:
            database.dispose()
    queue = ScreeningQueue(config)
    stop = threading.Event()

    def reap_forever() -> None:
        # Huey drops a task whose consumer is SIGKILLed; re-enqueue what such a worker held.
        interval = max(1.0, min(lease_s / 3, 60.0))
        if stop.wait(REAP_FIRST_AFTER_S):
            return
        while True:
            try:
                queue.reap()
            except Exception:  # a database blip must not kill the reaper; logged, retried
                log.exception("re-enqueueing lost screening tasks failed; retrying")
            finally:
                queue.state().database.dispose()  # no pooled connection across a worker fork
            if stop.wait(interval):
                return

    consumer = queue.consumer(workers or os.cpu_count() or 1, worker_type)
    reaper = threading.Thread(target=reap_forever, name="jobfit-reaper", daemon=True)
    reaper.start()
    try:
        consumer.run()
    finally:
        stop.set()


def worker_available() -> bool:
    command = globals().get("worker")
    return isinstance(command, click.Command) and command.callback is not _batch_missing


def start_worker_process() -> subprocess.Popen[bytes] | None:
    """``jobfit worker`` as a child process, if this install has batch screening."""
    if not worker_available():
        log.warning("batch screening is not available in this install: no `jobfit worker` started")
        return None
    command = [sys.executable, "-c", "from jobfit.cli import main; main()", "worker"]
    log.info("starting `jobfit worker` beside the web server")
    return subprocess.Popen(command, preexec_fn=_end_with_parent)


def _end_with_parent() -> None:
    """In the worker child: Linux sends it SIGTERM when the server ends, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def stop_process(process: subprocess.Popen[bytes] | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@click.command()
@click.option("--host", default=None, help="Address to listen on (default JOBFIT_HOST, 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default JOBFIT_PORT, 8000).")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=2,
    envvar="JOBFIT_WORKERS",
    show_default=True,
    help="Gunicorn worker processes; each loads the models once.",
)
@click.option(
    "--threads",
    type=click.IntRange(1, 64),
    default=1,
    envvar="JOBFIT_THREADS",
    show_default=True,
    help="Threads per worker (more than 1 uses gunicorn's gthread workers).",
)
@click.option("--dev", is_flag=True, help="Flask's development server (one process, threaded).")
@click.option("--with-worker", is_flag=True, help="Also start `jobfit worker` for batch screening.")
def serve(
    host: str | None, port: int | None, workers: int, threads: int, dev: bool, with_worker: bool
) -> None:
    """Serve the HTTP API (gunicorn by default)."""
    metrics_dir = None if dev else _shared_metrics_dir()
    from api.logs import configure
    from api.security import checked_origins

    config = Config.from_env()
    configure(config.log_level)
    host = host or config.host
    port = port if port is not None else config.port
    try:
        check_bind(config, host)
        check_models(config)
        checked_origins(config.cors_origins)
    except JobfitError as exc:
        fail(exc)
    child = start_worker_process() if with_worker else None
    try:
        if dev:
            from api.app import create_app

            signal.signal(signal.SIGTERM, _exit_on_signal)  # so that the worker is stopped below
            create_app(config).run(host=host, port=port, threaded=True, use_reloader=False)
        else:
            run_gunicorn(config, gunicorn_options(host, port, workers, threads))
    finally:
        stop_process(child)
        if metrics_dir is not None:
            metrics_dir.cleanup()
