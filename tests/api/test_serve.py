"""``jobfit serve``: refuses public addresses without keys; serves for real over HTTP."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bench.live_server import JOBFIT, free_port, jobfit_serve
from jobfit.cli import serve_cmd
from jobfit.cli.serve_cmd import gunicorn_options, is_loopback
from tests.api.conftest import JOB_TEXT, ONNX_MODEL, RESUME_TEXT


def server_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "JOBFIT_DATABASE_URL", "JOBFIT_REDIS_URL"):
        env.pop(name, None)
    env.update(
        JOBFIT_DATA_DIR=str(tmp_path / "var"),
        JOBFIT_ONNX_MODEL=str(ONNX_MODEL),
        HF_HUB_OFFLINE="1",
        OMP_NUM_THREADS="1",
    )
    return env


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("::", False),
        ("10.1.2.3", False),
        ("192.168.0.10", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_gunicorn_options_pick_worker_class() -> None:
    assert gunicorn_options("127.0.0.1", 8000, 2, 1)["worker_class"] == "sync"
    threaded = gunicorn_options("::1", 8000, 2, 4)
    assert threaded["worker_class"] == "gthread" and threaded["bind"] == "[::1]:8000"
    assert threaded["timeout"] >= 60 and threaded["preload_app"] is False


def test_serve_refuses_a_public_address_without_keys(tmp_path: Path) -> None:
    result = subprocess.run(
        [*JOBFIT, "serve", "--host", "0.0.0.0", "--port", str(free_port())],
        env=server_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 7
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("jobfit: insecure_bind: refusing to listen on 0.0.0.0")


@pytest.fixture(params=["gunicorn", "dev"])
def live_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    options = ["--with-worker", *(["--dev"] if request.param == "dev" else ["--workers", "1"])]
    with jobfit_serve(options, server_env(tmp_path), tmp_path / "server.log", 120) as server:
        yield server.base, server.log


@pytest.mark.slow
def test_real_server_over_http(live_server: tuple[str, Path]) -> None:
    base, log_path = live_server
    assert requests.get(f"{base}/healthz", timeout=5).json()["status"] == "ok"
    response = requests.post(
        f"{base}/v1/match", json={"resume_text": RESUME_TEXT, "job_text": JOB_TEXT}, timeout=60
    )
    assert response.status_code == 200
    assert 0 <= response.json()["score"] <= 100
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    missing = requests.get(f"{base}/nowhere", timeout=5)
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    files = {"resume": ("cv.txt", RESUME_TEXT.encode())}
    upload = requests.post(f"{base}/v1/match", files=files, data={"job_text": JOB_TEXT}, timeout=60)
    assert upload.status_code == 200

    time.sleep(0.5)  # let the log lines land
    log = log_path.read_text()
    entries = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    routes = {(e.get("route"), e.get("status")) for e in entries if e.get("event") == "request"}
    assert ("/v1/match", 200) in routes
    assert "Jordan" not in log and "jordan.lee@example.com" not in log
    if not serve_cmd.worker_available():
        assert "batch screening is not available" in log


def _batch_workers(server_pid: int) -> list[int]:
    """The ``jobfit worker`` children of a server process (not its gunicorn workers)."""
    children = Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split()
    return [
        int(pid)
        for pid in children
        if Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[-2:-1] == [b"worker"]
    ]


def _ended(pid: int, timeout_s: float = 30) -> bool:
    """Whether the process exits (or is left a zombie) within the time."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state in {"Z", "X"}:
            return True
        time.sleep(0.2)
    return False


@pytest.mark.slow
@pytest.mark.parametrize(
    ("mode", "stop"),
    [("dev", signal.SIGTERM), ("gunicorn", signal.SIGTERM), ("dev", signal.SIGKILL)],
    ids=["dev-sigterm", "gunicorn-sigterm", "dev-sigkill"],
)
def test_the_batch_worker_ends_with_the_server(
    tmp_path: Path, mode: str, stop: signal.Signals
) -> None:
    options = ["--with-worker", *(["--dev"] if mode == "dev" else ["--workers", "1"])]
    with jobfit_serve(options, server_env(tmp_path), tmp_path / "server.log", 120) as server:
        (worker,) = _batch_workers(server.pid)
        os.kill(server.pid, stop)
        assert _ended(worker), f"jobfit worker {worker} outlived the server ({stop.name})"


def _healthz_count(exposition: str) -> float:
    prefix = 'jobfit_http_requests_total{method="GET",route="/healthz",status="200"} '
    lines = [line for line in exposition.splitlines() if line.startswith(prefix)]
    return float(lines[0].removeprefix(prefix)) if lines else 0.0


@pytest.mark.slow
def test_metrics_sum_every_gunicorn_worker_and_their_folder_ends_with_the_server(
    tmp_path: Path,
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = server_env(tmp_path) | {"TMPDIR": str(scratch)}
    with jobfit_serve(["--workers", "2"], env, tmp_path / "server.log", 120) as server:
        assert len(list(scratch.glob("jobfit-metrics-*"))) == 1
        before = _healthz_count(requests.get(f"{server.base}/metrics", timeout=5).text)
        for _ in range(30):  # a new connection each time: the two workers share them
            assert requests.get(f"{server.base}/healthz", timeout=5).status_code == 200
        scrapes = [
            _healthz_count(requests.get(f"{server.base}/metrics", timeout=5).text) for _ in range(6)
        ]
    assert scrapes == [before + 30] * 6  # whichever worker answers
    assert not list(scratch.glob("jobfit-metrics-*"))


def test_serve_fails_fast_without_the_onnx_model(tmp_path: Path) -> None:
    env = server_env(tmp_path) | {"JOBFIT_ONNX_MODEL": str(tmp_path / "missing.onnx")}
    result = subprocess.run(
        [*JOBFIT, "serve", "--port", str(free_port())],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 21
    assert result.stderr.strip().splitlines()[-1].startswith("jobfit: model_unavailable: ")
