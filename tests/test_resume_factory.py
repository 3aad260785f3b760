"""The benchmark resume generator: deterministic, varied, and its PDFs carry readable text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from bench.resume_factory import JOB_POSTINGS, generate_job, generate_resumes

REPO = Path(__file__).resolve().parents[1]


def test_same_seed_gives_the_same_resumes() -> None:
    first, second = generate_resumes(12, seed=5), generate_resumes(12, seed=5)
    assert [(r.name, r.text) for r in first] == [(r.name, r.text) for r in second]
    assert [r.text for r in generate_resumes(12, seed=6)] != [r.text for r in first]


def test_resumes_vary_in_content_layout_headings_and_dates() -> None:
    resumes = generate_resumes(60, seed=0)
    assert len({r.text for r in resumes}) == 60
    assert len({r.name for r in resumes}) == 60
    assert len({r.occupation for r in resumes}) >= 8
    assert {r.layout for r in resumes} == {"one_column", "two_column"}
    experience_headings = {s.heading for r in resumes for s in r.sections if s.kind == "experience"}
    assert len(experience_headings) >= 4  # includes None: no headings at all
    date_texts = " ".join(role.dates for r in resumes for role in r.roles)
    forms = [r"[A-Z][a-z]{2} \d{4}", r"\d{2}/\d{4}", r"\d{4}-\d{2}", r"'\d{2}", r"\b\d{4} . \d{4}"]
    for form in forms:
        assert re.search(form, date_texts), form
    assert re.search(r"Present|now|current|till date", date_texts)


def test_truth_fields_agree_with_the_text() -> None:
    for resume in generate_resumes(30, seed=2):
        for role in resume.roles:
            assert role.title in resume.text and role.dates in resume.text
            assert role.end is None or role.start <= role.end
        assert 1.0 <= resume.total_years <= 40.0
        assert resume.skills, resume.name


@pytest.mark.parametrize("layout", ["one_column", "two_column"])
def test_pdf_has_readable_text(tmp_path: Path, layout: str) -> None:
    resume = next(r for r in generate_resumes(20, seed=3) if r.layout == layout)
    path = resume.render_pdf(tmp_path / f"{resume.name}.pdf")
    reader = pypdf.PdfReader(str(path))
    text = " ".join(page.extract_text() for page in reader.pages)
    flat = " ".join(text.split())
    assert resume.header[0] in flat
    for role in resume.roles:
        assert role.employer in flat
    assert "(cid:" not in text


def test_long_resumes_run_to_two_pages(tmp_path: Path) -> None:
    pages = [
        len(pypdf.PdfReader(str(r.render_pdf(tmp_path / f"{r.name}.pdf"))).pages)
        for r in generate_resumes(10, seed=4, long=True)
    ]
    assert max(pages) >= 2


@pytest.mark.parametrize("kind", sorted(JOB_POSTINGS))
def test_job_postings_have_requirements_and_preferences(kind: str) -> None:
    text = generate_job(kind)
    assert "Requirements" in text and "Nice to have" in text
    assert re.search(r"\d\+? (?:years|year)|\d–\d years|[Mm]inimum of \d", text)


def test_unknown_job_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown job kind"):
        generate_job("astronaut")


def test_imports_without_the_rest_of_the_project() -> None:
    code = (
        "import sys, bench.resume_factory\n"
        "project = {'extract', 'matcher', 'api', 'skills_taxonomy', 'jobfit', 'pydantic', 'yaml'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in project))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
