"""Batch logic without models: inputs (folders, archives, zip bombs), ranking, CSV, the result
cache and the HTML report, on reports built by hand."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest

from extract import Limits
from matcher.batch import (
    ScreenError,
    ScreenResults,
    content_hash,
    mark_duplicate,
    rank,
    row_from_error,
    row_from_report,
    to_csv,
)
from matcher.batch_cache import ResultCache, cache_key
from matcher.batch_html import render_html
from matcher.batch_inputs import collect, expand, is_archive
from matcher.records import (
    Component,
    Evidence,
    ExperienceFit,
    Matched,
    MatchReport,
    Missing,
    RequirementResult,
    Suggestion,
)

LIMITS = Limits(max_bytes=200_000)


def report(
    score: float, *, licence_missing: bool = False, evidence: str = "Closed $1M"
) -> MatchReport:
    missing = [Missing(id="skill.sql", name="SQL", importance="required")]
    if licence_missing:
        missing.append(
            Missing(id="lic.rn", name="RN licence", kind="licence", importance="required")
        )
    return MatchReport(
        score=score,
        band="strong"
        if score >= 75
        else "good"
        if score >= 60
        else "partial"
        if score >= 40
        else "weak",
        scorer="jobfit-test+enc",
        components=[
            Component(name="required_skills", value=0.5, weight=0.6, reason="1 of 2"),
            Component(name="experience_years", value=1.0, weight=0.4, reason="ok"),
            Component(name="education", value=0.0, weight=0.0, reason="n/a", applies=False),
        ],
        matched=[
            Matched(
                id="skill.salesforce",
                name="Salesforce",
                importance="required",
                evidence=[Evidence(text="Managed pipeline in Salesforce")],
                via="exact",
            )
        ],
        missing=missing,
        gaps=[],
        requirements=[
            RequirementResult(
                text="Track record of exceeding quota",
                importance="required",
                status="met",
                evidence=Evidence(text=evidence),
                strength=0.9,
            )
        ],
        experience=ExperienceFit(
            required_min=3.0, required_max=None, candidate_total_years=6, candidate_relevant_years=5
        ),
        suggestions=[
            Suggestion(kind="quantify", priority=2, message="second"),
            Suggestion(kind="mirror_term", priority=1, message="first"),
        ],
    )


def zipped(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


# --- inputs -------------------------------------------------------------------------------------


def test_folders_are_searched_recursively_and_hidden_files_skipped(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("one")
    (tmp_path / "a" / "b" / "two.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a" / ".hidden.txt").write_text("x")
    (tmp_path / "a" / "notes.xlsx").write_bytes(b"x")
    (tmp_path / "a" / "more.zip").write_bytes(zipped({"in/three.md": b"three", "x.exe": b"x"}))
    names = [i.name for i in collect([tmp_path / "a"], LIMITS)]
    root = str(tmp_path / "a")
    assert names == [f"{root}/b/two.pdf", f"{root}/more.zip!in/three.md", f"{root}/one.txt"]


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="no such file"):
        collect([tmp_path / "nope"], LIMITS)


@pytest.mark.parametrize(
    ("archive", "code"),
    [
        (zipped({"bomb.txt": b"0" * 3_000_000}), "unsafe_document"),  # ratio far above 100
        (b"PK\x03\x04broken", "corrupt_document"),
    ],
    ids=["zip bomb", "damaged zip"],
)
def test_bad_archives_become_error_inputs(archive: bytes, code: str) -> None:
    found = expand("upload.zip", archive, Limits(max_bytes=10_000_000))
    assert [(i.name, i.error.code if i.error else None) for i in found] == [("upload.zip", code)]


def test_a_member_over_the_file_limit_is_refused_without_inflating() -> None:
    archive = zipped({"big.txt": b"x" * 300_000, "ok.txt": b"fine"}, zipfile.ZIP_STORED)
    found = {i.name: i for i in expand("a.zip", archive, LIMITS)}
    big = found["a.zip!big.txt"]
    assert big.error is not None and big.error.code == "document_too_large"
    assert found["a.zip!ok.txt"].data == b"fine"


def test_a_docx_is_a_document_not_an_archive() -> None:
    docx = zipped({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<x/>"})
    assert not is_archive(docx)
    assert is_archive(zipped({"r.txt": b"x"}))
    assert expand("cv.docx", docx, LIMITS)[0].data == docx


# --- rows, ranking, CSV -------------------------------------------------------------------------


def test_row_holds_the_shortlist_view() -> None:
    row = row_from_report("a.pdf", "ab" * 32, report(70, licence_missing=True), blind=False)
    assert (row.required_met, row.required_total) == (1, 3)
    assert row.missing_required == ["SQL", "RN licence"]
    assert (row.years, row.years_required) == (5, 3.0)
    assert row.top_evidence == "Closed $1M"
    assert row.top_suggestion == "first"
    assert row.flags == ["missing required licence: RN licence"]
    assert row.id == "ab" * 6


def test_rank_sorts_by_score_then_puts_unreadable_files_last() -> None:
    rows = [
        row_from_error(
            "bad.pdf", "0" * 64, ScreenError(code="no_text_layer", message="m"), blind=False
        ),
        row_from_report("low.txt", "1" * 64, report(30), blind=False),
        row_from_report("high.txt", "2" * 64, report(80), blind=False),
    ]
    ranked = rank(rows)
    assert [(r.file, r.rank) for r in ranked] == [
        ("high.txt", 1),
        ("low.txt", 2),
        ("bad.pdf", None),
    ]


def test_duplicates_copy_the_first_row_and_blind_hides_file_names() -> None:
    first = row_from_report("jane_doe.pdf", "3" * 64, report(50), blind=True)
    copy = mark_duplicate("jane_doe_copy.pdf", first, blind=True)
    assert copy.score == first.score and copy.duplicate_of == first.file == "candidate-" + "3" * 12
    assert copy.file == first.file + " (copy)"
    assert "jane" not in copy.model_dump_json()


def test_csv_columns_and_formula_cells_are_defused() -> None:
    rows = rank(
        [
            row_from_report(
                "=cmd|calc.txt", "4" * 64, report(61, evidence="=HYPERLINK(1)"), blind=False
            )
        ]
    )
    parsed = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert parsed[0]["file"] == "'=cmd|calc.txt"
    assert parsed[0]["top_evidence"] == "'=HYPERLINK(1)"
    assert parsed[0]["score"] == "61.0"
    assert parsed[0]["missing_required"] == "SQL"


# --- cache and HTML -----------------------------------------------------------------------------


def test_cache_is_keyed_by_scorer_job_resume_and_blind(tmp_path: Path) -> None:
    key = cache_key("s1", "job", content_hash(b"resume"), blind=False)
    assert (
        len(
            {
                key,
                cache_key("s2", "job", content_hash(b"resume"), blind=False),
                cache_key("s1", "job", content_hash(b"resume"), blind=True),
                cache_key("s1", "job2", content_hash(b"resume"), blind=False),
            }
        )
        == 4
    )
    with ResultCache(tmp_path / "cache.sqlite3") as cache:
        assert cache.get(key) is None
        cache.put(key, report(42))
    with ResultCache(tmp_path / "cache.sqlite3") as cache:
        found = cache.get(key)
    assert found is not None and found.score == 42


def test_html_report_is_self_contained_with_charts_flags_and_escaping() -> None:
    rows = rank(
        [
            row_from_report(
                "<script>x</script>.pdf", "5" * 64, report(80, licence_missing=True), blind=False
            ),
            row_from_report("b.txt", "6" * 64, report(35), blind=False),
            row_from_error(
                "c.pdf",
                "7" * 64,
                ScreenError(code="encrypted_document", message="locked"),
                blind=False,
            ),
        ]
    )
    from matcher.batch import JobSummary

    page = render_html(
        ScreenResults(job=JobSummary(title="AE", content_hash="j"), scorer="s", results=rows)
    )
    assert page.count("<svg") == 3
    assert "missing required licence: RN licence" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "encrypted_document" in page
    assert "http" not in page.replace("http-equiv", "")  # nothing fetched from elsewhere


def test_a_file_over_the_limit_is_an_error_input() -> None:
    found = expand("huge.txt", b"x" * 200_001, LIMITS)
    assert found[0].error is not None and found[0].error.code == "document_too_large"
