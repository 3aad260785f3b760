"""``jobfit extract``: JSON per file, arrays for several files, stdin, errors with exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobfit.cli import main
from jobfit.errors import UnsupportedFormat

FIXTURES = Path(__file__).parent / "fixtures"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_resume_json(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", str(FIXTURES / "ae_resume.txt")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["kind"] == "resume"
    assert "salesforce" in {s["id"] for s in record["skills"]}
    assert record["experience"][0]["start"] == "2021-01"


def test_job_json(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "--as", "job", str(FIXTURES / "ae_job.txt")])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (record["kind"], record["years_min"], record["years_max"]) == ("job", 5, 7)


def test_jsonresume(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["extract", "--format", "jsonresume", str(FIXTURES / "ae_resume.txt")]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert set(record) >= {"basics", "work", "education", "skills", "certificates", "awards"}
    assert record["basics"]["name"] == "Jordan Blake"
    assert record["work"][1] == {
        "name": "Contoso Software",
        "position": "Account Executive",
        "location": "Dallas, TX",
        "startDate": "2018-03",
        "endDate": "2021-02",
        "highlights": record["work"][1]["highlights"],
    }
    assert record["education"][0]["studyType"] == "Bachelor"
    assert {a["title"] for a in record["awards"]} >= {"President's Club", "Rookie of the Year"}


def test_text_format(runner: CliRunner) -> None:
    result = runner.invoke(main, ["extract", "--format", "text", str(FIXTURES / "ae_resume.txt")])
    assert result.exit_code == 0, result.output
    assert "total years: " in result.stdout and "Salesforce*" in result.stdout


def test_stdin(runner: CliRunner) -> None:
    text = "Experience\nAccount Executive, Acme Corp\nJan 2020 – Dec 2021\n- Sold Salesforce\n"
    result = runner.invoke(main, ["extract", "-"], input=text)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["total_years"] == 2.0


def test_bad_file_one_line_and_exit_code(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "photo.pdf"
    bad.write_bytes(PNG)
    result = runner.invoke(main, ["extract", str(bad)])
    assert result.exit_code == UnsupportedFormat.exit_code
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("jobfit: photo.pdf: unsupported_format:")
    assert "Traceback" not in result.output


def test_multi_file_run_keeps_going(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "photo.pdf"
    bad.write_bytes(PNG)
    missing = tmp_path / "missing.txt"
    files = [
        str(FIXTURES / "ae_resume.txt"),
        str(bad),
        str(missing),
        str(FIXTURES / "ae_resume.txt"),
    ]
    result = runner.invoke(main, ["extract", *files])
    assert result.exit_code == UnsupportedFormat.exit_code  # the first error's code
    records = json.loads(result.stdout)
    assert len(records) == 4
    assert records[0]["kind"] == records[3]["kind"] == "resume"
    assert records[1] == {
        "file": "photo.pdf",
        "error": {"code": "unsupported_format", "message": records[1]["error"]["message"]},
    }
    assert records[2]["error"]["code"] == "invalid_request"
    assert len(result.stderr.strip().splitlines()) == 2


def test_jsonresume_needs_resume(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["extract", "--as", "job", "--format", "jsonresume", str(FIXTURES / "ae_job.txt")]
    )
    assert result.exit_code == 2
