"""Service load test on loopback: ``jobfit serve --workers 2`` driven over HTTP with text inputs.

Reports requests/s and p50/p95 latency of ``POST /v1/match`` for a bounded time. Resumes come from
``bench.resume_factory`` (generated, varied, fictional); each request pairs one of them with one
of a few generated job postings, so the encoder's cache sees realistic reuse of the posting only.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from bench import REPO
from bench.live_server import jobfit_serve
from bench.resume_factory import generate_job, generate_resumes

WORKERS = 2
CONCURRENCY = 4  # two requests in flight per worker: the queue never runs dry
DURATION_S = 30.0
SINGLE_CLIENT_S = 8.0  # one client first: latency without queueing
SOLO_RESUMES = 100
WARMUP_REQUESTS = 8
JOB_KINDS = ("account_executive", "sdr")
RESUMES = 800


def _env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ, JOBFIT_DATA_DIR=str(data_dir), HF_HUB_OFFLINE="1", OMP_NUM_THREADS="1")
    env["JOBFIT_RATE_LIMIT"] = "1000000/minute"  # measure the work, not the limiter's 429s
    env.setdefault("JOBFIT_ONNX_MODEL", str(REPO / "var" / "models" / "minilm-l6-int8.onnx"))
    env.pop("DATABASE_URL", None)
    return env


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
    with tempfile.TemporaryDirectory(prefix="jobfit-bench-") as tmp:
        options = ["--workers", str(WORKERS)]
        with jobfit_serve(options, _env(Path(tmp)), Path(tmp) / "serve.log") as server:
            base, ready_s = server.base, server.ready_s
            for body in bodies[-WARMUP_REQUESTS:]:
                requests.post(f"{base}/v1/match", json=body, timeout=60)
            # disjoint slices: no resume is seen twice, so the encoder cache holds only postings
            alone, _, _ = _drive(base, bodies[-SOLO_RESUMES:-WARMUP_REQUESTS], SINGLE_CLIENT_S, 1)
            latencies, failures, wall = _drive(
                base, bodies[:-SOLO_RESUMES], duration_s, CONCURRENCY
            )
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
