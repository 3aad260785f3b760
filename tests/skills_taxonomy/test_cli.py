"""``jobfit taxonomy`` through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobfit.cli import main

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def test_lookup_json_in_order_with_null(runner: CliRunner) -> None:
    result = runner.invoke(
        main, ["taxonomy", "lookup", "--format", "json", "SFDC", "zzqx nothing", "HubSpot"]
    )
    assert result.exit_code == 1  # one term was not found
    first, missing, last = json.loads(result.stdout)
    assert missing is None
    assert first["name"] == "Salesforce" and first["matched_alias"] == "SFDC"
    assert set(first) == {"id", "name", "category", "parents", "matched_alias", "score", "via"}
    assert last["name"] == "HubSpot"


def test_lookup_all_found_exits_zero(runner: CliRunner) -> None:
    result = runner.invoke(main, ["taxonomy", "lookup", "SFDC", "MEDDPIC"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["SFDC", "MEDDPIC"]
    assert "fuzzy" in lines[1]


def test_lookup_text_marks_missing(runner: CliRunner) -> None:
    result = runner.invoke(main, ["taxonomy", "lookup", "zzqx nothing"])
    assert (result.exit_code, result.stdout) == (1, "zzqx nothing\t-\n")


def test_lookup_needs_a_term(runner: CliRunner) -> None:
    assert runner.invoke(main, ["taxonomy", "lookup"]).exit_code == 2


def test_stats(runner: CliRunner) -> None:
    result = runner.invoke(main, ["taxonomy", "stats", "--format", "json"])
    assert result.exit_code == 0, result.output
    stats = json.loads(result.stdout)
    assert stats["entries"] == sum(stats["by_category"].values()) > 0
    assert stats["by_source"]["curated"] > 0
    text = runner.invoke(main, ["taxonomy", "stats"])
    assert text.exit_code == 0 and "by_category:" in text.stdout


def test_validate_shipped(runner: CliRunner) -> None:
    result = runner.invoke(main, ["taxonomy", "validate"])
    assert result.exit_code == 0, result.output
    assert "no problems" in result.stdout


def test_validate_reports_problems(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("- {id: a, name: A, category: tool, parents: [zz]}\n")
    result = runner.invoke(main, ["taxonomy", "validate", "--data-dir", str(tmp_path)])
    assert result.exit_code == 20  # TaxonomyError
    assert "dangling_parent" in result.stdout
    assert "taxonomy_error: 1 problem(s)" in result.stderr


@pytest.mark.parametrize(
    ("source", "folder", "attribution"),
    [
        ("onet", "onet", "CC BY 4.0"),
        (
            "esco",
            "esco/portal",
            "This service uses the ESCO classification of the European Commission.",
        ),
    ],
)
def test_import(
    runner: CliRunner, tmp_path: Path, source: str, folder: str, attribution: str
) -> None:
    result = runner.invoke(
        main, ["taxonomy", "import", source, str(FIXTURES / folder), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert attribution in result.stdout
    assert (tmp_path / f"{source}.jsonl").is_file()
    assert attribution in (tmp_path / f"{source}.ATTRIBUTION.txt").read_text()


def test_import_wrong_folder(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        main, ["taxonomy", "import", "onet", str(tmp_path), "--out", str(tmp_path)]
    )
    assert result.exit_code == 20
    assert "taxonomy_error" in result.stderr
