"""Quality fixes on the labelled postings: alternatives count once, degree and quota lines judged
from their records, duty skills, and the keyword list ranked below real candidates."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Job, Resume, parse_job, parse_resume, read_document
from matcher import MatchReport, Models, match
from skills_taxonomy import Taxonomy

LABELLED = Path(__file__).parents[2] / "evals" / "labelled"


def _resume(taxonomy: Taxonomy, name: str) -> Resume:
    path = LABELLED / "resumes" / name
    return parse_resume(read_document(path.read_bytes(), name), taxonomy)


def _job(taxonomy: Taxonomy, name: str) -> Job:
    path = LABELLED / "jobs" / name
    return parse_job(read_document(path.read_bytes(), name), taxonomy)


@pytest.fixture(scope="module")
def midmarket(taxonomy: Taxonomy, models: Models) -> MatchReport:
    return match(_resume(taxonomy, "ae_midmarket.txt"), _job(taxonomy, "ae_midmarket.txt"), models)


@pytest.mark.slow
@pytest.mark.parametrize("other", ["meddpicc", "hubspot"])
def test_a_met_alternative_hides_the_other_members(midmarket: MatchReport, other: str) -> None:
    assert other not in {m.id for m in midmarket.missing}
    assert other not in {m.id for m in midmarket.matched}
    assert not any(other.casefold() in (g.message or "").casefold() for g in midmarket.gaps)
    assert not any(other.casefold() in s.message.casefold() for s in midmarket.suggestions)


@pytest.mark.slow
def test_a_crm_such_as_is_one_item_via_the_example(midmarket: MatchReport) -> None:
    crm = [m for m in midmarket.matched if m.id == "crm-software"]
    assert len(crm) == 1
    assert crm[0].satisfied_by == "Salesforce" and crm[0].resume_term == "SFDC"
    meddic = next(m for m in midmarket.matched if m.id == "meddic")
    assert meddic.satisfied_by == "MEDDICC"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("start", "section", "needle"),
    [
        ("Bachelor's degree", "education", "DePaul"),
        ("Consistent 110%+ attainment", "achievements", "% of quota"),
        ("President's Club", "achievements", "President's Club"),
    ],
)
def test_rule_lines_take_their_evidence_from_records(
    midmarket: MatchReport, start: str, section: str, needle: str
) -> None:
    line = next(r for r in midmarket.requirements if r.text.startswith(start))
    assert line.status == "met"
    assert line.evidence is not None and line.evidence.section == section
    assert needle in line.evidence.text


@pytest.mark.slow
def test_degree_line_without_a_degree_has_no_sentence_evidence(
    taxonomy: Taxonomy, models: Models
) -> None:
    report = match(
        _resume(taxonomy, "keyword_stuffer.txt"), _job(taxonomy, "ae_midmarket.txt"), models
    )
    line = next(r for r in report.requirements if r.text.startswith("Bachelor's degree"))
    assert line.evidence is None or line.evidence.section == "education"


@pytest.mark.slow
def test_duty_skills_are_preferred_but_scored_with_the_required(midmarket: MatchReport) -> None:
    by_id = {m.id: m for m in midmarket.matched}
    assert by_id["salesforce"].importance == "preferred"  # duties only name it
    assert by_id["gong"].importance == "preferred"  # nice to have
    required = next(c for c in midmarket.components if c.name == "required_skills")
    assert "duties" in required.reason


SALES_POSTINGS = [
    "sdr_saas.txt",
    "bdr_outbound.txt",
    "ae_smb.txt",
    "ae_midmarket.txt",
    "ae_enterprise.txt",
    "sales_rep_inside.txt",
    "sales_rep_field.txt",
    "account_manager.txt",
]
REAL_CANDIDATES = ["sales_rep_inside.txt", "sdr_outbound_saas.txt", "ae_smb_overlap.txt"]


@pytest.mark.slow
@pytest.mark.parametrize("posting", SALES_POSTINGS)
def test_keyword_list_ranks_below_real_candidates(
    taxonomy: Taxonomy, models: Models, posting: str
) -> None:
    job = _job(taxonomy, posting)
    stuffer = match(_resume(taxonomy, "keyword_stuffer.txt"), job, models)
    for name in REAL_CANDIDATES:
        real = match(_resume(taxonomy, name), job, models)
        assert stuffer.score < real.score, name
    listed = [m for m in stuffer.matched if not m.evidenced]
    assert len(listed) >= 3  # its skills are only listed, and they count for little
    required = next(c for c in stuffer.components if c.name == "required_skills")
    assert required.value < 0.5


@pytest.mark.slow
@pytest.mark.parametrize(
    ("duty", "bullet", "skill"),
    [
        ("Negotiate annual pricing agreements", "Negotiated 40 annual renewals", "negotiation"),
        (
            "Prospect into mid-market retailers",
            "Prospected into 300 retail accounts",
            "prospecting",
        ),
        (
            "Forecast accurately every week",
            "Forecast in Clari within 5% each quarter",
            "sales-forecasting",
        ),
    ],
)
def test_work_written_as_verbs_is_evidence(
    taxonomy: Taxonomy, models: Models, duty: str, bullet: str, skill: str
) -> None:
    job = parse_job(
        read_document(f"Account Executive\n\nWhat you'll do\n- {duty}\n".encode(), "job.txt"),
        taxonomy,
    )
    text = f"Sam Lee\n\nEXPERIENCE\nAccount Executive, Acme, Jan 2020 - Present\n- {bullet}\n"
    resume = parse_resume(read_document(text.encode(), "resume.txt"), taxonomy)
    report = match(resume, job, models)
    found = {m.id: m for m in report.matched}
    assert skill in found and found[skill].evidenced
    assert bullet.split()[0] in found[skill].evidence[0].text
