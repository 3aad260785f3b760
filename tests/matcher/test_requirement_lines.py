"""Requirement lines on the labelled SDR posting: a parenthesised list of examples is one
alternatives group, the market a duty names is no skill, a line whose skills a bullet shows is met
with that bullet as evidence, and "closed 40 deals" is never the Close CRM."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Document, Job, Resume, parse_job, parse_resume, read_document
from matcher import MatchReport, Models, match
from skills_taxonomy import Taxonomy

LABELLED = Path(__file__).parents[2] / "evals" / "labelled"


def _read(taxonomy: Taxonomy, kind: str, name: str) -> Resume | Job:
    path = LABELLED / kind / name
    document = read_document(path.read_bytes(), name)
    return parse_resume(document, taxonomy) if kind == "resumes" else parse_job(document, taxonomy)


@pytest.fixture(scope="module")
def sdr(taxonomy: Taxonomy, models: Models) -> MatchReport:
    resume = _read(taxonomy, "resumes", "sdr_outbound_saas.txt")
    job = _read(taxonomy, "jobs", "sdr_saas.txt")
    assert isinstance(resume, Resume) and isinstance(job, Job)
    return match(resume, job, models)


@pytest.mark.slow
@pytest.mark.parametrize(
    "name", ["Customer Service", "Hospitality", "Teaching", "Retail", "CRM Software"]
)
def test_no_missing_item_or_if_you_have_for(sdr: MatchReport, name: str) -> None:
    assert name not in {m.name for m in sdr.missing}
    assert not any(name in g.message for g in sdr.gaps)
    assert not any(
        s.kind in ("show_if_you_have", "move_evidence") and name in s.message
        for s in sdr.suggestions
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("start", "shown"),
    [
        ("1+ year in a customer-facing role", "cold calling"),
        ("Experience with a CRM such as Salesforce", "SFDC"),
        ("Outreach or SalesLoft sequencing", "Outreach.io"),
        ("ZoomInfo or LinkedIn Sales Navigator", "ZoomInfo"),
    ],
)
def test_a_line_whose_skills_a_bullet_shows_is_met_by_that_bullet(
    sdr: MatchReport, start: str, shown: str
) -> None:
    line = next(r for r in sdr.requirements if r.text.startswith(start))
    assert line.status == "met"
    assert line.evidence is not None and line.evidence.section == "experience"
    assert shown in line.evidence.text


@pytest.mark.slow
def test_the_generic_ask_is_met_via_its_best_example(sdr: MatchReport) -> None:
    (crm,) = [m for m in sdr.matched if m.id == "crm-software"]
    assert crm.satisfied_by == "Salesforce" and crm.evidenced and crm.via == "hierarchy"


CLOSE_JOB = """Account Executive

Requirements
- 3+ years of closing experience
- Experience with Close CRM
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    "bullet",
    [
        "Closed 40 deals worth $1.2M in 2024",
        "closed 40 deals in 2023",
        "Close 12 new deals a quarter with mid-market CFOs",
        "Negotiate and close multi-year contracts",
        "Drove 30 deals to close each quarter",
        "Closed-won $2M in new ARR",
    ],
)
def test_closing_deals_is_never_the_close_crm(
    taxonomy: Taxonomy, models: Models, bullet: str
) -> None:
    text = (
        "EXPERIENCE\nAccount Executive | Acme | Jan 2020 - Present\n"
        f"- {bullet}\n- Ran discovery and demos for 40 accounts\n"
    )
    resume = parse_resume(Document(format="text", text=text), taxonomy)
    assert "close-crm" not in {s.id for s in resume.skills}
    report = match(resume, parse_job(Document(format="text", text=CLOSE_JOB), taxonomy), models)
    assert "close-crm" in {m.id for m in report.missing}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("degree", "fits"),
    [
        ("Bachelor of Business Administration (Marketing)", True),
        ("Bachelor of Business Administration", True),
        ("Bachelor of Science in Nursing", False),
    ],
)
def test_degree_field_reads_the_subject_and_concentration(
    taxonomy: Taxonomy, models: Models, degree: str, fits: bool
) -> None:
    resume = parse_resume(
        Document(
            format="text",
            text="EXPERIENCE\nAccount Executive | Acme | Jan 2020 - Present\n"
            f"- Closed 40 deals worth $1.2M\n\nEDUCATION\n{degree}, Ohio State University\n",
        ),
        taxonomy,
    )
    job = parse_job(
        Document(
            format="text",
            text="Account Executive\n\nRequirements\n"
            "- Bachelor's degree in Marketing or Business Administration\n",
        ),
        taxonomy,
    )
    education = next(c for c in match(resume, job, models).components if c.name == "education")
    assert education.reason.endswith("field matches") is fits
