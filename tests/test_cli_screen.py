"""``jobfit screen`` and ``jobfit audit impact-ratio`` end to end through click."""

from __future__ import annotations

import csv
import io
import json
import os
import zipfile
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from bench.resume_factory import generate_job, generate_resumes
from extract import Limits, parse_job, read_document
from jobfit.cli import main
from matcher import Encoder, build_encoder
from matcher.batch_job import job_texts
from skills_taxonomy import load_taxonomy

pytestmark = pytest.mark.slow  # loads the models

REPO_ONNX = Path(__file__).resolve().parents[1] / "var" / "models" / "minilm-l6-int8.onnx"


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    if not REPO_ONNX.is_file():
        pytest.skip("run `make install` first: the ONNX model is not exported")
    monkeypatch.setenv("JOBFIT_DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("JOBFIT_ONNX_MODEL", str(REPO_ONNX))
    resumes = generate_resumes(4, seed=21)
    folder = tmp_path / "applicants"
    folder.mkdir()
    for resume in resumes[:2]:
        (folder / f"{resume.name}.txt").write_text(resume.text)
    resumes[2].render_pdf(folder / "third.pdf")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")  # no pages, no text
    with zipfile.ZipFile(tmp_path / "more.zip", "w") as archive:
        archive.writestr("fourth.md", resumes[3].text)
    (tmp_path / "job.txt").write_text(generate_job())
    return tmp_path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_json_output_holds_job_and_full_reports(workspace: Path) -> None:
    code, out, err = run(
        "screen",
        "--job",
        str(workspace / "job.txt"),
        "--format",
        "json",
        "--workers",
        "1",
        str(workspace / "applicants"),
        str(workspace / "more.zip"),
    )
    assert code == 0
    data = json.loads(out)
    assert data["job"]["title"]
    rows = data["results"]
    assert len(rows) == 5
    scored = [r for r in rows if r["score"] is not None]
    assert len(scored) == 4 and all(r["report"]["components"] for r in scored)
    assert [r["score"] for r in scored] == sorted((r["score"] for r in scored), reverse=True)
    failed = [r for r in rows if r["error"]]
    assert failed[0]["file"].endswith("scan.pdf") and failed[0]["error"]["code"]
    assert "scan.pdf" in err and failed[0]["error"]["code"] in err  # reported, batch went on
    assert "%|" not in err  # no progress bar when stderr is not a terminal


def test_csv_and_html_outputs_and_the_audit(workspace: Path) -> None:
    applicants = str(workspace / "applicants")
    code, out, _ = run("screen", "--job", str(workspace / "job.txt"), "--workers", "1", applicants)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows[0]["rank"] == "1" and rows[0]["band"]
    assert {"required_met", "missing_required", "top_evidence", "flags"} <= set(rows[0])

    page = workspace / "report.html"
    code, _, _ = run(
        "screen",
        "--job",
        str(workspace / "job.txt"),
        "--format",
        "html",
        "--out",
        str(page),
        "--workers",
        "1",
        applicants,
    )
    assert code == 0 and page.read_text().count("<svg") == 3

    results = workspace / "results.csv"
    results.write_text(out)
    groups = workspace / "groups.csv"
    groups.write_text(
        "candidate,sex\n"
        + "".join(f"{r['id']},{'F' if i % 2 else 'M'}\n" for i, r in enumerate(rows))
    )
    code, report, _ = run(
        "audit", "impact-ratio", "--results", str(results), "--groups", str(groups)
    )
    assert code == 0
    assert "| group | candidates | above median |" in report
    code, report, _ = run(
        "audit",
        "impact-ratio",
        "--results",
        str(results),
        "--groups",
        str(groups),
        "--format",
        "json",
    )
    assert json.loads(report)["categories"][0]["category"] == "sex"


def test_an_unreadable_job_fails_with_its_code(workspace: Path) -> None:
    (workspace / "empty_job.txt").write_text("")
    code, _, err = run(
        "screen", "--job", str(workspace / "empty_job.txt"), str(workspace / "applicants")
    )
    assert code == 11 and "empty_document" in err


class LoggingEncoder:
    """The real encoder, writing each text it encodes (and the process that asked) to a file: the
    pool's workers are other processes, so the count has to outlive them."""

    def __init__(self, inner: Encoder, log: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.log = log

    def encode(self, texts: list[str]) -> np.ndarray:
        with self.log.open("a", encoding="utf-8") as out:
            out.write("".join(json.dumps([os.getpid(), t]) + "\n" for t in texts))
        return self.inner.encode(texts)


def test_the_job_is_embedded_once_per_batch_across_workers(
    workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = workspace / "encoded.jsonl"

    def logging_build_encoder(backend: str, onnx_model: Path) -> Encoder:
        return LoggingEncoder(build_encoder(backend, onnx_model), log)

    # the pool forks (the CLI holds no models), so its workers build their encoders this way too
    monkeypatch.setattr("matcher.batch_run.build_encoder", logging_build_encoder)
    job_path = workspace / "job.txt"
    applicants = str(workspace / "applicants")
    code, out, _ = run("screen", "--job", str(job_path), "--workers", "2", "--no-cache", applicants)
    assert code == 0 and len(list(csv.DictReader(io.StringIO(out)))) == 4

    entries = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    encoded = Counter(text for _, text in entries)
    document = read_document(job_path.read_bytes(), "job.txt", Limits())
    texts = job_texts(parse_job(document, load_taxonomy()))
    assert len(texts) > 5
    assert {text: encoded[text] for text in texts} == dict.fromkeys(texts, 1)
    parent = os.getpid()  # CliRunner runs the command in this process
    assert parent not in {pid for pid, _ in entries}  # the parent builds no encoder
    assert len({pid for pid, text in entries if text in texts}) == 1  # one worker embeds the job
