# mypy: disable-error-code="index"
"""A worker is SIGKILLed in the middle of a screening and a new one started: every resume is scored
exactly once. Against SQLite (SqliteHuey + SQLite) and against Redis + PostgreSQL."""

from __future__ import annotations

import base64
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from api.db import Database
from api.screening_store import ScreeningDecision, ScreeningItem, ScreeningResult
from bench.resume_factory import generate_job, generate_resumes
from jobfit.config import Config
from tests.api.conftest import ONNX_MODEL, postgres_schema

pytestmark = pytest.mark.slow

REDIS_URL = "redis://127.0.0.1:6379/0"
RESUMES = 10
LEASE_S = 3


def redis_available() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.fixture(params=["sqlite", pytest.param("redis", marks=[pytest.mark.redis])])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, str]]:
    """Environment for the worker processes: SQLite for both, or Redis queue + PostgreSQL."""
    env = {"JOBFIT_DATA_DIR": str(tmp_path / "var"), "JOBFIT_QUEUE_NAME": f"t{uuid.uuid4().hex}"}
    if request.param == "sqlite":
        yield env
        return
    if not redis_available():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379")
    db_url = request.getfixturevalue("postgres_url")
    yield {**env, "REDIS_URL": REDIS_URL, "DATABASE_URL": db_url}


@pytest.fixture
def postgres_url() -> Iterator[str]:
    with postgres_schema() as url:
        yield url


def _config(env: dict[str, str]) -> Config:
    return Config(
        data_dir=Path(env["JOBFIT_DATA_DIR"]),
        database_url=env.get("DATABASE_URL", ""),
        redis_url=env.get("REDIS_URL", ""),
        onnx_model=ONNX_MODEL,
        rate_limit="10000/minute",
        testing=True,
        extra={"queue_name": env["JOBFIT_QUEUE_NAME"], "queue_lease_s": LEASE_S},
    )


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", "from jobfit.cli import main; main()", "worker"]
    command += ["--workers", "1", "--lease", str(LEASE_S)]
    with log.open("ab") as output:
        return subprocess.Popen(
            command,
            env={**os.environ, **env, "JOBFIT_ONNX_MODEL": str(ONNX_MODEL), "HF_HUB_OFFLINE": "1"},
            start_new_session=True,  # its own process group: the kill takes the consumer's children
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""


def wait_for(condition: Callable[[], bool], timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def counts(database: Database, screening_id: str) -> dict[str, Any]:
    with database.session() as session:
        results = session.scalar(
            select(func.count()).where(ScreeningResult.screening_id == screening_id)
        )
        in_flight = session.scalars(
            select(ScreeningItem.resume_hash).where(
                ScreeningItem.screening_id == screening_id,
                ScreeningItem.lease_until.is_not(None),
                ~select(ScreeningResult.resume_hash)
                .where(
                    ScreeningResult.screening_id == ScreeningItem.screening_id,
                    ScreeningResult.resume_hash == ScreeningItem.resume_hash,
                )
                .exists(),
            )
        ).all()
    return {"results": int(results or 0), "in_flight": list(in_flight)}


def test_a_killed_worker_loses_nothing_and_duplicates_nothing(
    backend: dict[str, str], make_app: Callable[..., Flask], base_config: Config
) -> None:
    config = _config(backend)
    app = make_app(
        data_dir=config.data_dir,
        database_url=config.database_url,
        redis_url=config.redis_url,
        extra=config.extra,
    )
    client = app.test_client()
    resumes = generate_resumes(RESUMES, seed=11)
    body = {
        "job_text": generate_job(),
        "resumes": [
            {
                "filename": f"{r.name}.txt",
                "content_base64": base64.b64encode(r.text.encode()).decode(),
            }
            for r in resumes
        ],
    }
    created = client.post("/v1/screenings", json=body)
    assert created.status_code == 202
    screening_id = created.json["id"]
    total = created.json["progress"]["total"]
    assert total == RESUMES
    database = Database(config.sqlalchemy_url)
    log = Path(backend["JOBFIT_DATA_DIR"]) / "workers.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    first = start_worker(backend, log)
    second: subprocess.Popen[bytes] | None = None
    try:
        # kill while a resume is leased (being scored) and after at least one result
        assert wait_for(
            lambda: (c := counts(database, screening_id))["results"] >= 1 and bool(c["in_flight"]),
            timeout_s=120,
        ), f"the first worker never got going: {counts(database, screening_id)}\n{tail(log)}"
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
        after_kill = counts(database, screening_id)
        assert after_kill["results"] < total, f"finished before the kill: {after_kill}"

        second = start_worker(backend, log)
        assert wait_for(lambda: counts(database, screening_id)["results"] == total, 120), (
            f"{counts(database, screening_id)} after the kill {after_kill}\n{tail(log)}"
        )
        status = client.get(f"/v1/screenings/{screening_id}").json
        assert status["status"] == "done"
        assert status["progress"] == {"done": total, "total": total}
        assert status["errors"] == [], tail(log)

        with database.session() as session:
            decisions = session.scalars(
                select(ScreeningDecision.resume_hash).where(
                    ScreeningDecision.screening_id == screening_id
                )
            ).all()
            attempts = dict(
                session.execute(
                    select(ScreeningItem.resume_hash, ScreeningItem.attempts).where(
                        ScreeningItem.screening_id == screening_id
                    )
                ).all()
            )
        assert sorted(decisions) == sorted(attempts), "every resume decided exactly once"
        for lost in after_kill["in_flight"]:
            assert attempts[lost] >= 2, "the resume the killed worker held was scored again"
        results = client.get(f"/v1/screenings/{screening_id}/results").json["results"]
        assert len(results) == total
        assert all(row["score"] is not None for row in results)
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        app.extensions["jobfit.screenings"].flush()
        database.dispose()
