"""Every route through the Flask test client, with real extraction and matching."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable

import pytest
from flask.testing import FlaskClient

from extract.records import Job, Resume
from matcher.records import MatchReport
from skills_taxonomy.records import LookupResult
from tests.api.conftest import JOB_TEXT, RESUME_TEXT
from tests.api.documents import resume_docx, resume_pdf

pytestmark = pytest.mark.slow  # the session's models: taxonomy and encoder


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def test_healthz(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json is not None and response.json["status"] == "ok"


def test_readyz_reports_models_taxonomy_and_database(client: FlaskClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.json
    assert body is not None
    assert body["status"] == "ready" and body["models"] and body["database"]
    assert body["taxonomy_entries"] > 100


def test_match_with_json_text(client: FlaskClient) -> None:
    response = client.post("/v1/match", json={"resume_text": RESUME_TEXT, "job_text": JOB_TEXT})
    assert response.status_code == 200, response.json
    report = MatchReport.model_validate(response.json)
    assert 0 <= report.score <= 100
    assert any(item.id == "salesforce" for item in report.matched)
    assert report.candidate is not None  # not blind: display data is kept


def test_match_blind_drops_candidate_details(client: FlaskClient) -> None:
    response = client.post(
        "/v1/match",
        json={"resume_text": RESUME_TEXT, "job_text": JOB_TEXT, "options": {"blind": True}},
    )
    assert response.status_code == 200
    assert "jordan.lee@example.com" not in response.get_data(as_text=True)
    assert MatchReport.model_validate(response.json).candidate is None


@pytest.mark.parametrize(
    ("filename", "make"),
    [("resume.pdf", resume_pdf), ("resume.docx", resume_docx), ("resume.txt", str.encode)],
)
def test_match_with_multipart_file(
    client: FlaskClient, filename: str, make: Callable[[str], bytes]
) -> None:
    data = {"resume": (io.BytesIO(make(RESUME_TEXT)), filename), "job_text": JOB_TEXT}
    response = client.post("/v1/match", data=data, content_type="multipart/form-data")
    assert response.status_code == 200, response.json
    assert MatchReport.model_validate(response.json).matched


def test_match_with_json_files(client: FlaskClient) -> None:
    body = {
        "resume_file": {"filename": "cv.pdf", "content_base64": b64(resume_pdf(RESUME_TEXT))},
        "job_file": {"filename": "jd.txt", "content_base64": b64(JOB_TEXT.encode())},
    }
    response = client.post("/v1/match", json=body)
    assert response.status_code == 200, response.json


def test_match_with_multipart_job_file_and_blind(client: FlaskClient) -> None:
    data = {
        "resume_text": RESUME_TEXT,
        "job": (io.BytesIO(JOB_TEXT.encode()), "jd.md"),
        "blind": "true",
    }
    response = client.post("/v1/match", data=data, content_type="multipart/form-data")
    assert response.status_code == 200, response.json
    assert response.json is not None and response.json["candidate"] is None


def test_extract_resume_record(client: FlaskClient) -> None:
    response = client.post("/v1/extract", json={"kind": "resume", "text": RESUME_TEXT})
    assert response.status_code == 200, response.json
    resume = Resume.model_validate(response.json)
    assert {skill.id for skill in resume.skills} >= {"salesforce"}
    assert resume.total_years >= 5


def test_extract_resume_as_json_resume(client: FlaskClient) -> None:
    data = {"kind": "resume", "file": (io.BytesIO(resume_docx(RESUME_TEXT)), "cv.docx")}
    response = client.post(
        "/v1/extract?format=jsonresume", data=data, content_type="multipart/form-data"
    )
    assert response.status_code == 200, response.json
    body = response.json
    assert body is not None and "basics" in body and body["basics"].get("email")


def test_extract_job_record(client: FlaskClient) -> None:
    response = client.post("/v1/extract", json={"kind": "job", "text": JOB_TEXT})
    assert response.status_code == 200
    job = Job.model_validate(response.json)
    assert any(skill.id == "salesforce" for skill in job.skills)


def test_extract_jsonresume_is_for_resumes_only(client: FlaskClient) -> None:
    response = client.post("/v1/extract?format=jsonresume", json={"kind": "job", "text": JOB_TEXT})
    assert response.status_code == 400
    assert response.json is not None and response.json["error"]["code"] == "invalid_request"


@pytest.mark.parametrize(
    ("term", "entry_id"), [("SFDC", "salesforce"), ("salesforce", "salesforce")]
)
def test_taxonomy_lookup(client: FlaskClient, term: str, entry_id: str) -> None:
    response = client.get("/v1/taxonomy/lookup", query_string={"q": term})
    assert response.status_code == 200
    assert LookupResult.model_validate(response.json).id == entry_id


@pytest.mark.parametrize(
    ("query", "status", "code"),
    [
        ({"q": "zzqx-not-a-skill-9000"}, 404, "not_found"),
        ({}, 400, "invalid_request"),
        ({"q": "x" * 201}, 400, "invalid_request"),
    ],
)
def test_taxonomy_lookup_errors(
    client: FlaskClient, query: dict[str, str], status: int, code: str
) -> None:
    response = client.get("/v1/taxonomy/lookup", query_string=query)
    assert response.status_code == status
    assert response.json is not None and response.json["error"]["code"] == code


def test_metrics_count_requests_documents_and_errors(client: FlaskClient) -> None:
    client.post("/v1/match", json={"resume_text": RESUME_TEXT, "job_text": JOB_TEXT})
    client.get("/v1/taxonomy/lookup", query_string={"q": "zzqx-not-a-skill-9000"})
    response = client.get("/metrics")
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert 'jobfit_http_requests_total{method="POST",route="/v1/match",status="200"} 1.0' in text
    assert 'jobfit_documents_parsed_total{format="text",kind="resume"} 1.0' in text
    assert 'jobfit_errors_total{code="not_found"} 1.0' in text
    assert "jobfit_http_request_duration_seconds_bucket" in text


def test_openapi_document_lists_every_route(client: FlaskClient) -> None:
    spec = client.get("/openapi.json").json
    assert spec is not None and spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) >= {
        "/v1/match",
        "/v1/extract",
        "/v1/taxonomy/lookup",
        "/healthz",
        "/readyz",
        "/metrics",
        "/openapi.json",
        "/docs",
    }
    schemas = spec["components"]["schemas"]
    assert {"MatchReport", "MatchRequest", "ErrorBody", "Resume", "Job", "LookupResult"} <= set(
        schemas
    )
    match_200 = spec["paths"]["/v1/match"]["post"]["responses"]["200"]
    assert match_200["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/MatchReport"
    }


def test_docs_page_is_self_contained_html(client: FlaskClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200 and response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    assert "/v1/match" in html and "MatchReport" in html
    assert "<script" not in html and "http://" not in html and "https://" not in html
    css = client.get("/docs/docs.css")
    assert css.status_code == 200 and css.mimetype == "text/css"


def test_browser_form_with_an_empty_file_input_and_an_empty_text_box(client: FlaskClient) -> None:
    # what a web form sends when the user pastes the resume and leaves the file input empty,
    # and the job as a file with the text box left empty
    data = {
        "resume": (io.BytesIO(b""), ""),
        "resume_text": RESUME_TEXT,
        "job": (io.BytesIO(JOB_TEXT.encode()), "jd.txt"),
        "job_text": "",
    }
    response = client.post("/v1/match", data=data, content_type="multipart/form-data")
    assert response.status_code == 200, response.json
