"""A corpus of bad files, generated here: each gets its own 4xx, none a 5xx, and the service stays
healthy and keeps answering good requests afterwards."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.api.conftest import JOB_TEXT, RESUME_TEXT
from tests.api.documents import png_image, random_bytes
from tests.extract import factories

pytestmark = pytest.mark.slow

# name, bytes factory, status, acceptable codes (generators shared with tests/extract)
CORPUS: list[tuple[str, Callable[[], bytes], int, set[str]]] = [
    ("empty.pdf", lambda: b"", 422, {"empty_document"}),
    ("random.pdf", random_bytes, 415, {"unsupported_format"}),
    ("truncated.pdf", factories.truncated_pdf, 422, {"corrupt_document"}),
    ("encrypted.pdf", factories.encrypted_pdf, 422, {"encrypted_document"}),
    ("500-pages.pdf", factories.many_pages_pdf, 413, {"too_many_pages"}),
    ("scan.pdf", factories.image_only_pdf, 422, {"no_text_layer"}),
    ("bomb.docx", factories.zip_bomb_docx, 422, {"unsafe_document"}),
    ("high-ratio.docx", factories.high_ratio_docx, 422, {"unsafe_document"}),
    ("nested.docx", factories.nested_xml_docx, 422, {"unsafe_document"}),
    ("laughs.docx", factories.entity_docx, 422, {"unsafe_document"}),
    ("broken.docx", factories.broken_docx, 422, {"corrupt_document"}),
    ("binary.txt", lambda: bytes(range(32)) * 64, 415, {"unsupported_format"}),
    ("photo.png", png_image, 415, {"unsupported_format"}),
]


@pytest.fixture(scope="module")
def corpus() -> dict[str, bytes]:
    return {name: make() for name, make, _, _ in CORPUS}


@pytest.fixture
def big_client(make_app: Callable[..., Flask]) -> FlaskClient:
    # the zip bomb is ~0.4 MB compressed; the default 10 MB file limit lets it reach the DOCX checks
    return make_app().test_client()


@pytest.mark.parametrize(("name", "status", "codes"), [(n, s, c) for n, _, s, c in CORPUS])
def test_bad_file_as_match_upload(
    big_client: FlaskClient, corpus: dict[str, bytes], name: str, status: int, codes: set[str]
) -> None:
    data = {"resume": (io.BytesIO(corpus[name]), name), "job_text": JOB_TEXT}
    response = big_client.post("/v1/match", data=data, content_type="multipart/form-data")
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.json is not None and response.json["error"]["code"] in codes


@pytest.mark.parametrize(("name", "status", "codes"), [(n, s, c) for n, _, s, c in CORPUS])
def test_bad_file_as_extract_upload(
    big_client: FlaskClient, corpus: dict[str, bytes], name: str, status: int, codes: set[str]
) -> None:
    data = {"kind": "resume", "file": (io.BytesIO(corpus[name]), name)}
    response = big_client.post("/v1/extract", data=data, content_type="multipart/form-data")
    assert response.status_code == status
    assert response.json is not None and response.json["error"]["code"] in codes


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16-le", "utf-16"])
def test_non_utf8_text_is_read_not_rejected(client: FlaskClient, encoding: str) -> None:
    text = RESUME_TEXT.replace("—", "-") + "\nCafé owner, 2016\n"
    data = {"kind": "resume", "file": (io.BytesIO(text.encode(encoding)), "cv.txt")}
    response = client.post("/v1/extract", data=data, content_type="multipart/form-data")
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.json
    assert body is not None and "salesforce" in {skill["id"] for skill in body["skills"]}
    if encoding == "cp1252":
        assert "non_utf8_text" in {warning["code"] for warning in body["warnings"]}


def test_service_healthy_after_the_corpus(
    big_client: FlaskClient, corpus: dict[str, bytes]
) -> None:
    for name, payload in corpus.items():
        data = {"resume": (io.BytesIO(payload), name), "job_text": JOB_TEXT}
        assert (
            big_client.post("/v1/match", data=data, content_type="multipart/form-data").status_code
            < 500
        )
    assert big_client.get("/healthz").status_code == 200
    assert big_client.get("/readyz").status_code == 200
    good = big_client.post("/v1/match", json={"resume_text": RESUME_TEXT, "job_text": JOB_TEXT})
    assert good.status_code == 200
    metrics = big_client.get("/metrics").get_data(as_text=True)
    assert 'code="internal_error"' not in metrics
