"""Run ``jobfit serve`` as a child process on a free loopback port, for tests and benchmarks."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

JOBFIT = [sys.executable, "-c", "from jobfit.cli import main; main()"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Running:
    base: str
    pid: int  # the ``jobfit serve`` process
    ready_s: float  # from start to the first 200 from /readyz
    log: Path


@contextmanager
def jobfit_serve(
    options: list[str], env: dict[str, str], log: Path, timeout_s: float = 180
) -> Iterator[Running]:
    """``jobfit serve --host 127.0.0.1 --port P OPTIONS...`` until /readyz answers 200; stopped
    with SIGTERM (then killed) when the block ends."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    args = [*JOBFIT, "serve", "--host", "127.0.0.1", "--port", str(port), *options]
    with log.open("wb") as sink:
        process = subprocess.Popen(args, env=env, stdout=sink, stderr=subprocess.STDOUT)
    try:
        started = time.monotonic()
        while True:
            if process.poll() is not None:
                tail = log.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"jobfit serve exited with {process.returncode}:\n{tail}")
            try:
                if requests.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except requests.RequestException:  # not listening yet, or still loading
                pass
            if time.monotonic() - started > timeout_s:
                raise RuntimeError(f"jobfit serve was not ready after {timeout_s:.0f} s")
            time.sleep(0.2)
        yield Running(base=base, pid=process.pid, ready_s=time.monotonic() - started, log=log)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
