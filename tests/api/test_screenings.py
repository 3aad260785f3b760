# mypy: disable-error-code="index"
"""``/v1/screenings`` through the Flask test client, with Huey in immediate mode (tasks run inside
the POST), so each test sees a finished screening. Every route runs against SQLite and against
PostgreSQL (a unique schema per test, ``db_url`` of tests/api/conftest.py). The real consumer path
is in test_screenings_worker.py."""

from __future__ import annotations

import base64
import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select, update

from api.db import utcnow
from api.screening_store import Screening, ScreeningDecision, ScreeningItem
from extract import parse_job, read_document
from jobfit.config import Config
from matcher import Models
from matcher.batch_job import job_texts
from tests.api.conftest import JOB_TEXT, RESUME_TEXT
from tests.matcher.test_batch_job import CountingEncoder

pytestmark = pytest.mark.slow  # the session's models

OTHER_RESUME = """Sam Ortiz
sam.ortiz@example.com

EXPERIENCE
Registered Nurse, City Hospital — 2019 to Present
- Cared for ICU patients; charted in Epic

EDUCATION
BSN, Nursing, 2018
"""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def app(make_app: Callable[..., Flask], db_url: str) -> Flask:
    return make_app(database_url=db_url, extra={"queue_immediate": True})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def post_json(client: FlaskClient, files: dict[str, bytes], **options: bool) -> str:
    body = {
        "job_text": JOB_TEXT,
        "resumes": [{"filename": n, "content_base64": b64(d)} for n, d in files.items()],
        "options": options,
    }
    response = client.post("/v1/screenings", json=body)
    assert response.status_code == 202, response.json
    assert response.headers["Location"] == f"/v1/screenings/{response.json['id']}"
    return str(response.json["id"])


def test_json_screening_ranks_dedupes_and_reports_unreadable_files(client: FlaskClient) -> None:
    screening_id = post_json(
        client,
        {
            "jordan.txt": RESUME_TEXT.encode(),
            "copy.txt": RESUME_TEXT.encode(),
            "nurse.txt": OTHER_RESUME.encode(),
            "empty.txt": b"",
        },
    )
    status = client.get(f"/v1/screenings/{screening_id}").json
    assert status["status"] == "done"
    assert status["progress"] == {"done": 3, "total": 3}  # distinct contents
    assert status["errors"] == [
        {"file": "empty.txt", "code": "empty_document", "message": "the file is empty"}
    ]
    results = client.get(f"/v1/screenings/{screening_id}/results").json
    rows = results["results"]
    assert [r["file"] for r in rows][-1] == "empty.txt"
    scored = [r for r in rows if r["score"] is not None]
    assert [r["score"] for r in scored] == sorted((r["score"] for r in scored), reverse=True)
    assert scored[0]["file"] in ("jordan.txt", "copy.txt")
    duplicates = [r for r in rows if r["duplicate_of"]]
    assert len(duplicates) == 1 and duplicates[0]["score"] == scored[0]["score"]
    assert scored[0]["report"]["scorer"] == results["scorer"]
    assert scored[0]["required_total"] >= scored[0]["required_met"] >= 1


def test_multipart_with_a_zip_and_csv_download(client: FlaskClient) -> None:
    archive = zipped({"batch/a.txt": RESUME_TEXT.encode(), "batch/b.md": OTHER_RESUME.encode()})
    response = client.post(
        "/v1/screenings",
        data={"job_text": JOB_TEXT, "resumes": [(io.BytesIO(archive), "applicants.zip")]},
        content_type="multipart/form-data",
    )
    assert response.status_code == 202
    screening_id = response.json["id"]
    download = client.get(f"/v1/screenings/{screening_id}/results?format=csv")
    assert download.status_code == 200
    assert download.mimetype == "text/csv"
    assert "attachment" in download.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(download.get_data(as_text=True))))
    assert [r["file"] for r in rows] == ["applicants.zip!batch/a.txt", "applicants.zip!batch/b.md"]
    assert rows[0]["rank"] == "1"


def test_blind_redacts_names_contacts_and_file_names(client: FlaskClient) -> None:
    screening_id = post_json(client, {"jordan_lee.txt": RESUME_TEXT.encode()}, blind=True)
    text = client.get(f"/v1/screenings/{screening_id}/results").get_data(as_text=True)
    for private in ("Jordan", "jordan.lee@example.com", "555 0100", "jordan_lee.txt"):
        assert private not in text
    csv_text = client.get(f"/v1/screenings/{screening_id}/results?format=csv").get_data(
        as_text=True
    )
    assert "jordan" not in csv_text.lower()


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"job_text": JOB_TEXT, "resumes": []}, 400, "invalid_request"),
        ({"resumes": [{"filename": "a.txt", "content_base64": b64(b"x")}]}, 400, "invalid_request"),
        (
            {"job_text": JOB_TEXT, "resumes": [{"filename": "a.txt", "content_base64": "%%%"}]},
            400,
            "invalid_request",
        ),
        (
            {"job_text": "", "resumes": [{"filename": "a.txt", "content_base64": b64(b"x")}]},
            422,
            "empty_document",
        ),
    ],
)
def test_bad_requests(client: FlaskClient, body: dict[str, object], status: int, code: str) -> None:
    response = client.post("/v1/screenings", json=body)
    assert response.status_code == status
    assert response.json["error"]["code"] == code


def test_a_zip_bomb_is_an_error_row_not_a_crash(client: FlaskClient) -> None:
    bomb = zipped({"big.txt": b"0" * 5_000_000})
    screening_id = post_json(client, {"bomb.zip": bomb, "ok.txt": RESUME_TEXT.encode()})
    errors = client.get(f"/v1/screenings/{screening_id}").json["errors"]
    assert [e["code"] for e in errors] == ["unsafe_document"]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/v1/screenings/nope"),
        ("get", "/v1/screenings/nope/results"),
        ("delete", "/v1/screenings/nope"),
        ("get", "/v1/screenings/" + "x" * 80),
    ],
)
def test_unknown_screening_is_404(client: FlaskClient, method: str, path: str) -> None:
    response = getattr(client, method)(path)
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


def test_html_report_is_a_self_contained_download(client: FlaskClient) -> None:
    screening_id = post_json(
        client,
        {"jordan.txt": RESUME_TEXT.encode(), "nurse.txt": OTHER_RESUME.encode(), "e.txt": b""},
    )
    response = client.get(f"/v1/screenings/{screening_id}/results?format=html")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["Content-Disposition"] == (
        f'attachment; filename="screening-{screening_id}.html"'
    )
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert response.headers["Cache-Control"] == "no-store"
    page = response.get_data(as_text=True)
    assert page.startswith("<!doctype html>") and "<script" not in page
    links = re.findall(r"""(?:src|href)=['"]([^'"]*)""", page)
    assert links and all(link.startswith("#") for link in links)  # self-contained: nothing to fetch
    assert page.count("<svg") == 3  # score distribution, criteria and skills coverage
    assert page.index("jordan.txt") < page.index("nurse.txt")  # ranked
    assert "e.txt" in page and "empty_document" in page  # unreadable files listed


def test_html_report_of_a_blind_screening_names_nobody(client: FlaskClient) -> None:
    screening_id = post_json(client, {"jordan_lee.txt": RESUME_TEXT.encode()}, blind=True)
    page = client.get(f"/v1/screenings/{screening_id}/results?format=html").get_data(as_text=True)
    for private in ("Jordan", "jordan.lee@example.com", "555 0100", "jordan_lee.txt"):
        assert private not in page
    assert "Blind" in page


def test_openapi_documents_the_result_formats(client: FlaskClient) -> None:
    spec = client.get("/openapi.json").json
    operation = spec["paths"]["/v1/screenings/{screening_id}/results"]["get"]
    param = next(p for p in operation["parameters"] if p["name"] == "format")
    assert param["schema"]["enum"] == ["json", "csv", "html"]
    assert {"application/json", "text/csv", "text/html"} <= set(
        operation["responses"]["200"]["content"]
    )


def test_bad_format_is_400(client: FlaskClient) -> None:
    screening_id = post_json(client, {"a.txt": RESUME_TEXT.encode()})
    response = client.get(f"/v1/screenings/{screening_id}/results?format=xml")
    assert response.status_code == 400


def test_delete_removes_results_and_inputs_but_keeps_the_decision_log(
    app: Flask, client: FlaskClient
) -> None:
    screening_id = post_json(client, {"a.txt": RESUME_TEXT.encode(), "b.txt": b"Sales rep"})
    database = app.extensions["jobfit"].database
    assert client.delete(f"/v1/screenings/{screening_id}").status_code == 204
    assert client.get(f"/v1/screenings/{screening_id}").status_code == 404
    with database.session() as session:
        items = session.scalar(
            select(func.count()).where(ScreeningItem.screening_id == screening_id)
        )
        log = session.scalars(
            select(ScreeningDecision).where(ScreeningDecision.screening_id == screening_id)
        ).all()
    assert items == 0
    assert len(log) == 2  # one decision per resume, until the retention period ends
    assert all(entry.job_hash and entry.scorer and entry.criteria for entry in log)


def test_retention_purge_removes_expired_screenings_and_log(
    app: Flask, client: FlaskClient
) -> None:
    old = post_json(client, {"a.txt": RESUME_TEXT.encode()})
    kept = post_json(client, {"b.txt": OTHER_RESUME.encode()})
    database = app.extensions["jobfit"].database
    past = utcnow() - timedelta(days=1)
    with database.session() as session:
        session.execute(update(Screening).where(Screening.id == old).values(expires_at=past))
        session.execute(
            update(ScreeningDecision)
            .where(ScreeningDecision.screening_id == old)
            .values(expires_at=past)
        )
    assert app.extensions["jobfit.screenings"].purge() == (1, 1)
    assert client.get(f"/v1/screenings/{old}").status_code == 404
    assert client.get(f"/v1/screenings/{kept}").status_code == 200


def test_reaper_requeues_an_item_whose_lease_expired(app: Flask, client: FlaskClient) -> None:
    from api.screening_store import ScreeningResult

    screening_id = post_json(client, {"a.txt": RESUME_TEXT.encode()})
    database = app.extensions["jobfit"].database
    # as if a worker had leased it and died before writing its result
    with database.session() as session:
        session.query(ScreeningResult).filter_by(screening_id=screening_id).delete()
        session.execute(
            update(ScreeningItem)
            .where(ScreeningItem.screening_id == screening_id)
            .values(lease_until=utcnow() - timedelta(seconds=1))
        )
    queue = app.extensions["jobfit.screenings"]
    assert queue.reap() == 1  # immediate mode: the re-enqueued task runs now
    status = client.get(f"/v1/screenings/{screening_id}").json
    assert status["progress"] == {"done": 1, "total": 1}
    assert queue.reap() == 0


def test_reaper_finds_tasks_lost_between_dequeue_and_lease(
    make_app: Callable[..., Flask], db_url: str
) -> None:
    # a real SqliteHuey queue; no consumer runs
    app = make_app(database_url=db_url, extra={"queue_lease_s": 5})
    client = app.test_client()
    screening_id = post_json(client, {"a.txt": RESUME_TEXT.encode(), "b.txt": b"Sales rep"})
    queue = app.extensions["jobfit.screenings"]
    assert queue.huey.pending_count() == 2
    database = app.extensions["jobfit"].database
    with database.session() as session:
        session.execute(
            update(ScreeningItem)
            .where(ScreeningItem.screening_id == screening_id)
            .values(enqueued_at=utcnow() - timedelta(minutes=1))
        )
    assert queue.reap() == 0  # old, but still waiting in the queue
    assert queue.huey.dequeue() is not None  # a consumer took a task and died before leasing
    assert queue.huey.pending_count() == 1
    assert queue.reap() == 1
    assert queue.huey.pending_count() == 2
    assert queue.reap() == 0  # just re-enqueued: within its grace period


def test_a_queue_worker_embeds_the_job_once(base_config: Config, models: Any) -> None:
    from api.app import create_app

    counting = CountingEncoder(models.encoder.inner)  # below the LRU: every real encode counts
    app = create_app(
        replace(base_config, extra={"queue_immediate": True}),
        models=Models(taxonomy=models.taxonomy, encoder=counting),
    )
    try:
        client = app.test_client()
        resumes = {f"r{i}.txt": f"{RESUME_TEXT}\nReference {i}".encode() for i in range(3)}
        first = post_json(client, resumes)
        second = post_json(client, {"other.txt": OTHER_RESUME.encode()})
        for screening_id in (first, second):
            assert client.get(f"/v1/screenings/{screening_id}").json["status"] == "done"
    finally:
        app.extensions["jobfit"].database.dispose()
    job = parse_job(read_document(JOB_TEXT.encode(), "job.txt"), models.taxonomy)
    texts = job_texts(job)
    assert len(texts) > 3
    # 4 resumes in 2 screenings of the same posting: one worker process, one embedding
    assert {text: counting.encoded[text] for text in texts} == dict.fromkeys(texts, 1)
