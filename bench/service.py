"""Service load test on loopback: ``jobfit serve --workers 2`` driven over HTTP with text inputs.

Reports requests/s and p50/p95 latency of ``POST /v1/match`` for a bounded time. Resumes come from
``bench.resume_factory`` (generated, varied, fictional); each request pairs one of them with one
of a few generated job postings, so the encoder's cache sees realistic reuse of the posting only.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from bench import REPO
from bench.resume_factory import generate_job, generate_resumes

WORKERS = 2
CONCURRENCY = 4  # two requests in flight per worker: the queue never runs dry
DURATION_S = 30.0
SINGLE_CLIENT_S = 8.0  # one client first: latency without queueing
SOLO_RESUMES = 100
WARMUP_REQUESTS = 8
JOB_KINDS = ("account_executive", "sdr")
RESUMES = 800


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start(port: int, data_dir: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, JOBFIT_DATA_DIR=str(data_dir), HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1")
    env["JOBFIT_RATE_LIMIT"] = "1000000/minute"  # measure the work, not the limiter's 429s
    env.setdefault("JOBFIT_ONNX_MODEL", str(REPO / "var" / "models" / "minilm-l6-int8.onnx"))
    env.pop("DATABASE_URL", None)
    command = [sys.executable, "-c", "from jobfit.cli import main; main()", "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--workers", str(WORKERS)]
    log = (data_dir / "serve.log").open("wb")
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def _wait_ready(
    base: str, process: subprocess.Popen[bytes], tmp_dir: str, timeout_s: float = 180
) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout_s:
        if process.poll() is not None:
            log = (Path(tmp_dir) / "serve.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"jobfit serve exited with {process.returncode}:\n{log}")
        try:
            if requests.get(f"{base}/readyz", timeout=2).status_code == 200:
                return time.monotonic() - started
        except requests.RequestException:  # not listening yet, or workers still loading
            pass
        time.sleep(0.2)
    raise RuntimeError("jobfit serve did not become ready")


def _drive(
    base: str, bodies: list[dict[str, object]], duration_s: float, concurrency: int
) -> tuple[list[float], Counter[int], float]:
    """(latencies of successful requests, failures by status, wall seconds) for a fixed time."""
    deadline = time.monotonic() + duration_s
    latencies: list[list[float]] = [[] for _ in range(concurrency)]
    failures: list[Counter[int]] = [Counter() for _ in range(concurrency)]

    def client(slot: int) -> None:
        session = requests.Session()
        index = slot
        while time.monotonic() < deadline:
            body = bodies[index % len(bodies)]
            index += concurrency
            started = time.perf_counter()
            response = session.post(f"{base}/v1/match", json=body, timeout=60)
            elapsed = time.perf_counter() - started
            if response.status_code == 200:
                latencies[slot].append(elapsed)
            else:
                failures[slot][response.status_code] += 1

    started = time.monotonic()
    with ThreadPoolExecutor(concurrency) as pool:
        list(pool.map(client, range(concurrency)))
    wall = time.monotonic() - started
    return [value for slot in latencies for value in slot], sum(failures, Counter()), wall


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(duration_s: float = DURATION_S) -> str:
    jobs = [generate_job(kind) for kind in JOB_KINDS]
    resumes = generate_resumes(RESUMES, seed=11)
    bodies: list[dict[str, object]] = [
        {"resume_text": resume.text, "job_text": jobs[index % len(jobs)]}
        for index, resume in enumerate(resumes)
    ]
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="jobfit-bench-") as tmp:
        process = _start(port, Path(tmp))
        try:
            ready_s = _wait_ready(base, process, tmp)
            for body in bodies[-WARMUP_REQUESTS:]:
                requests.post(f"{base}/v1/match", json=body, timeout=60)
            # disjoint slices: no resume is seen twice, so the encoder cache holds only postings
            alone, _, _ = _drive(base, bodies[-SOLO_RESUMES:-WARMUP_REQUESTS], SINGLE_CLIENT_S, 1)
            latencies, failures, wall = _drive(
                base, bodies[:-SOLO_RESUMES], duration_s, CONCURRENCY
            )
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
    if not latencies:
        return "## Service\n\nNo request succeeded; see `jobfit serve` output.\n"
    rate = len(latencies) / wall
    rows = [
        ("requests/s (`POST /v1/match`, text inputs)", f"{rate:.1f}"),
        ("latency p50 under load", f"{statistics.median(latencies) * 1000:.0f} ms"),
        ("latency p95 under load", f"{_percentile(latencies, 0.95) * 1000:.0f} ms"),
        (
            "latency p50 / p95, one client at a time",
            f"{statistics.median(alone) * 1000:.0f} ms / {_percentile(alone, 0.95) * 1000:.0f} ms",
        ),
        ("requests answered 200 / other", f"{len(latencies)} / {sum(failures.values())}"),
        ("start to /readyz (2 workers loading models)", f"{ready_s:.1f} s"),
    ]
    table = "\n".join(f"| {name} | {value} |" for name, value in rows)
    return (
        "## Service\n\n"
        f"`jobfit serve --workers {WORKERS}` (gunicorn, sync workers) on loopback, driven for "
        f"{wall:.0f} s by {CONCURRENCY} concurrent HTTP clients (Python `requests`, on the same "
        f"2 cores). Each request matches one of {len(bodies)} generated resumes "
        f"(text) against one of {len(jobs)} generated postings.\n\n"
        "| measure | value |\n|---|---|\n" + table + "\n"
    )


if __name__ == "__main__":
    print(run(float(sys.argv[1]) if len(sys.argv) > 1 else DURATION_S))
