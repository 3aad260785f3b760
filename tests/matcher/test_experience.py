"""Relevant years (roles that fit the JD), the years gap, licences and education."""

from __future__ import annotations

import pytest

from matcher import MatchReport, Models, match
from skills_taxonomy import Taxonomy
from tests.matcher import cases
from tests.matcher.records_factory import Line, ResumeSpec, Role, make_job, make_resume

pytestmark = pytest.mark.slow


def _component(report: MatchReport, name: str) -> float:
    return next(c.value for c in report.components if c.name == name)


def test_years_gap_reports_both_numbers(taxonomy: Taxonomy, models: Models) -> None:
    report = match(
        make_resume(cases.junior_sdr(), taxonomy), cases.enterprise_ae_job(taxonomy), models
    )
    gap = next(g for g in report.gaps if g.kind == "years")
    assert gap.required == 3
    assert gap.candidate == report.experience.candidate_relevant_years
    assert report.experience.candidate_relevant_years < 3
    assert "3+ years" in gap.message
    assert f"{report.experience.candidate_relevant_years:g} relevant years" in gap.message
    assert report.experience.required_min == 3


def test_only_closing_roles_count_for_an_account_executive_ask(
    taxonomy: Taxonomy, models: Models
) -> None:
    report = match(
        make_resume(cases.junior_sdr(), taxonomy), cases.enterprise_ae_job(taxonomy), models
    )
    # the AE role (2024-07..2025-06, 12 months) counts; the SDR role does not
    assert report.experience.candidate_total_years == 2.5
    assert report.experience.candidate_relevant_years == 1.0


def test_icu_roles_count_for_icu_experience(taxonomy: Taxonomy, models: Models) -> None:
    report = match(make_resume(cases.icu_nurse(True), taxonomy), cases.icu_rn_job(taxonomy), models)
    assert report.experience.candidate_total_years == 6.1
    assert report.experience.candidate_relevant_years == 4.2  # the med-surg role is left out


def test_over_qualification_in_years_is_not_penalised(taxonomy: Taxonomy, models: Models) -> None:
    job = make_job(
        "Account Executive",
        [Line("2-4 years as an Account Executive", years_min=2)],
        taxonomy,
        years_min=2,
    )
    job = job.model_copy(update={"years_max": 4})
    veteran = ResumeSpec(
        summary=None,
        roles=[
            Role(
                "Account Executive",
                "Acme",
                "2010-01",
                "2024-12",
                ["Closed 300 new deals over 15 years."],
            )
        ],
    )
    report = match(make_resume(veteran, taxonomy), job, models)
    assert _component(report, "experience_years") == 1.0
    assert not [g for g in report.gaps if g.kind == "years"]


def test_missing_rn_licence_is_a_hard_licence_gap(taxonomy: Taxonomy, models: Models) -> None:
    job = cases.icu_rn_job(taxonomy)
    licensed = match(make_resume(cases.icu_nurse(True), taxonomy), job, models)
    unlicensed = match(make_resume(cases.icu_nurse(False), taxonomy), job, models)
    gap = next(g for g in unlicensed.gaps if g.kind == "licence")
    assert gap.importance == "required" and "hard requirement" in gap.message
    assert any(
        m.kind == "licence" and m.id == "registered-nurse-licence" for m in unlicensed.missing
    )
    assert _component(unlicensed, "certifications") == 0.0
    assert _component(licensed, "certifications") == 1.0
    assert unlicensed.band in ("partial", "weak")
    assert licensed.score - unlicensed.score >= 15


@pytest.mark.parametrize(
    ("education", "or_equivalent", "expected_gap"),
    [
        ([("bachelor", "Business")], False, False),
        ([("master", "Business")], False, False),
        ([("associate", "Business")], False, True),
        ([], True, True),
    ],
)
def test_education_level_against_the_ask(
    education: list[tuple[str, str]],
    or_equivalent: bool,
    expected_gap: bool,
    taxonomy: Taxonomy,
    models: Models,
) -> None:
    job = make_job(
        "Account Executive",
        [Line("Bachelor's degree")],
        taxonomy,
        degree_min="bachelor",
        or_equivalent=or_equivalent,
    )
    spec = ResumeSpec(
        summary=None,
        education=education,
        roles=[Role("Account Executive", "Acme", "2020-01", "2024-12", ["Closed 40 deals."])],
    )
    report = match(make_resume(spec, taxonomy), job, models)
    assert any(g.kind == "education" for g in report.gaps) is expected_gap
    value = _component(report, "education")
    assert value == 1.0 if not expected_gap else value < 1.0
    if or_equivalent:
        assert value > 0.0  # "or equivalent experience" softens a missing degree
