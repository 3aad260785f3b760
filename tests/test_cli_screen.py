"""``jobfit screen`` and ``jobfit audit impact-ratio`` end to end through click."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from bench.resume_factory import generate_job, generate_resumes
from jobfit.cli import main

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
