"""``jobfit match`` end to end: real extractor, real taxonomy, the session's ONNX model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobfit.cli import main
from jobfit.errors import InvalidRequest
from tests.matcher.conftest import FIXTURES

pytestmark = pytest.mark.slow
RESUME = str(FIXTURES / "ae_resume.txt")
JOB = str(FIXTURES / "ae_job.txt")


@pytest.fixture()
def runner(onnx_model: Path) -> CliRunner:
    return CliRunner(env={"JOBFIT_ONNX_MODEL": str(onnx_model), "JOBFIT_ENCODER": "onnx"})


def test_json_report(runner: CliRunner) -> None:
    result = runner.invoke(main, ["match", RESUME, JOB])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert 0 <= report["score"] <= 100 and report["band"] in ("strong", "good")
    assert report["scorer"].endswith("minilm-onnx-int8")
    assert {
        "components",
        "matched",
        "missing",
        "gaps",
        "requirements",
        "experience",
        "suggestions",
    } <= set(report)
    assert report["experience"]["required_min"] == 3
    assert any(m["id"] == "salesforce" and m["via"] == "alias" for m in report["matched"])
    assert report["candidate"]["name"] == "Dana Whitfield"


def test_job_from_stdin_and_blind(runner: CliRunner) -> None:
    job_text = Path(JOB).read_text(encoding="utf-8")
    result = runner.invoke(main, ["match", RESUME, "-", "--blind"], input=job_text)
    assert result.exit_code == 0, result.output
    assert "Whitfield" not in result.output and "dana.whitfield" not in result.output
    assert "2016" not in result.output and "555-0199" not in result.output
    assert json.loads(result.output)["blind"] is True


@pytest.mark.parametrize(("fmt", "marker"), [("text", "Score "), ("html", "<!doctype html>")])
def test_text_and_html(runner: CliRunner, fmt: str, marker: str) -> None:
    result = runner.invoke(main, ["match", RESUME, JOB, "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(marker)
    if fmt == "html":
        assert "<script" not in result.output and "http" not in result.output.split("<body>")[0]


def test_html_escapes_everything(runner: CliRunner, tmp_path: Path) -> None:
    hostile = tmp_path / "job.txt"
    hostile.write_text(
        "<script>alert(1)</script> Account Executive\n\nRequirements\n"
        "- 2+ years <b>selling</b> SaaS\n",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["match", RESUME, str(hostile), "--format", "html"])
    assert result.exit_code == 0, result.output
    assert "<script>" not in result.output and "<b>" not in result.output


def test_errors_are_one_line_with_exit_codes(runner: CliRunner, tmp_path: Path) -> None:
    missing = runner.invoke(main, ["match", str(tmp_path / "nope.txt"), JOB])
    assert missing.exit_code == InvalidRequest.exit_code
    assert missing.output.count("\n") == 1 and "invalid_request" in missing.output
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["match", str(empty), JOB])
    assert result.exit_code == 11 and "empty_document" in result.output
    both = runner.invoke(main, ["match", "-", "-"], input="x")
    assert both.exit_code == InvalidRequest.exit_code


def test_missing_onnx_model_is_a_model_unavailable_error(tmp_path: Path) -> None:
    runner = CliRunner(env={"JOBFIT_ONNX_MODEL": str(tmp_path / "absent.onnx")})
    result = runner.invoke(main, ["match", RESUME, JOB])
    assert result.exit_code == 21
    assert "model_unavailable" in result.output and "make install" in result.output


def test_models_info(onnx_model: Path) -> None:
    result = CliRunner(env={"JOBFIT_ONNX_MODEL": str(onnx_model)}).invoke(main, ["models", "info"])
    assert result.exit_code == 0, result.output
    assert "encoder backend: onnx" in result.output
    assert str(onnx_model) in result.output and "MB" in result.output
