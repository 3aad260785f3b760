"""Size, page and time limits for parsing one document, and the deadline that enforces the time.

On the main thread the deadline is a SIGALRM interval timer (cheap: no copy of the bytes, no
second process). Elsewhere (threaded servers) the parse runs in a forkserver child process that is
killed at the deadline, so a runaway parse can never hang the calling worker.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import FrameType
from typing import Any, TypeVar

from jobfit.config import Config
from jobfit.errors import ParseTimeout

T = TypeVar("T")

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * MB
    max_pages: int = 20
    timeout_s: float = 20.0
    # DOCX (zip) safety: total uncompressed bytes, compression ratio, XML nesting depth
    max_unzipped_bytes: int = 50 * MB
    max_zip_ratio: float = 100.0
    max_xml_depth: int = 100

    @classmethod
    def from_config(cls, config: Config) -> Limits:
        return cls(
            max_bytes=config.max_file_bytes,
            max_pages=config.max_pages,
            timeout_s=config.parse_timeout_s,
        )


class _DeadlineExpired(BaseException):
    """Raised by the alarm handler; a BaseException so no library ``except Exception`` eats it."""


def _timeout_error(limits_s: float) -> ParseTimeout:
    return ParseTimeout(f"parsing took longer than the time limit of {limits_s:g} s")


def run_with_deadline(fn: Callable[..., T], *args: Any, timeout_s: float) -> T:
    """Call ``fn(*args)``; raise ParseTimeout if it runs longer than ``timeout_s`` seconds."""
    if timeout_s <= 0:
        raise _timeout_error(timeout_s)
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        try:
            with _alarm(timeout_s):
                return fn(*args)
        except _DeadlineExpired:
            raise _timeout_error(timeout_s) from None
    if multiprocessing.current_process().daemon:
        # A daemonic process may not start children (multiprocessing forbids it) and only the main
        # thread receives signals: the parse runs here, bounded only by the worker's own timeout.
        return fn(*args)
    return _run_in_child(fn, args, timeout_s)


@contextmanager
def _alarm(timeout_s: float) -> Iterator[None]:
    """Arm SIGALRM for ``timeout_s``; restore any outer timer (e.g. pytest-timeout) afterwards."""
    outer_delay, outer_interval = signal.getitimer(signal.ITIMER_REAL)
    if outer_delay and outer_delay <= timeout_s:
        yield  # an outer alarm fires first anyway; leave it alone
        return

    expired = False

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        nonlocal expired
        expired = True
        raise _DeadlineExpired

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout_s)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # even if the alarm lands during the line above
            signal.signal(signal.SIGALRM, previous)
            if outer_delay:
                remaining = max(outer_delay - (time.monotonic() - started), 1e-3)
                signal.setitimer(signal.ITIMER_REAL, remaining, outer_interval)
    if expired:  # the handler's exception can be swallowed (raised inside a __del__, say)
        raise _DeadlineExpired


_context_lock = threading.Lock()
_context: Any = None


def _child_context() -> Any:
    """A forkserver context that preloads the parsers, so a child starts in a few milliseconds."""
    global _context
    with _context_lock:
        if _context is None:
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
            if "forkserver" in methods:
                ctx.set_forkserver_preload(["extract.document"])
            _context = ctx
        return _context


def _child_main(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        result = ("ok", fn(*args))
    except BaseException as exc:  # sent back to the parent and re-raised there
        result = ("error", exc)
    conn.send(result)
    conn.close()


def _run_in_child(fn: Callable[..., T], args: tuple[Any, ...], timeout_s: float) -> T:
    ctx = _child_context()
    receiver, sender = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child_main, args=(sender, fn, args), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout_s):
            raise _timeout_error(timeout_s)
        try:
            status, payload = receiver.recv()
        except EOFError:
            raise RuntimeError(f"document parser process died (exit {process.exitcode})") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiver.close()
    if status == "error":
        raise payload
    result: T = payload
    return result
