"""Skill coverage: exact, alias, hierarchy, alternative; anti-gaming rules."""

from __future__ import annotations

import pytest

from matcher import MatchReport, Models, match
from skills_taxonomy import Taxonomy
from tests.matcher import cases
from tests.matcher.records_factory import Line, ResumeSpec, Role, make_job, make_resume

pytestmark = pytest.mark.slow


def _component(report: MatchReport, name: str) -> float:
    return next(c.value for c in report.components if c.name == name)


def test_sfdc_for_salesforce_is_an_alias_not_a_gap(taxonomy: Taxonomy, models: Models) -> None:
    report = match(
        make_resume(cases.real_ae(), taxonomy), cases.enterprise_ae_job(taxonomy), models
    )
    salesforce = next(m for m in report.matched if m.id == "salesforce")
    assert salesforce.via == "alias"
    assert salesforce.resume_term == "SFDC"
    assert salesforce.evidence and "SFDC" in salesforce.evidence[0].text
    assert "salesforce" not in {m.id for m in report.missing}
    assert not any(g.kind == "skill" and "Salesforce" in g.message for g in report.gaps)
    mirror = [s for s in report.suggestions if s.kind == "mirror_term"]
    assert any("SFDC" in s.message and "Salesforce" in s.message for s in mirror)


def test_meddpicc_satisfies_meddic_or_meddpicc(taxonomy: Taxonomy, models: Models) -> None:
    job = make_job(
        "Account Executive",
        [Line("Experience with MEDDIC or MEDDPICC", alternatives=[["meddic", "meddpicc"]])],
        taxonomy,
    )
    resume = make_resume(
        ResumeSpec(
            summary=None,
            roles=[
                Role(
                    "Account Executive",
                    "Acme",
                    "2021-01",
                    "2024-12",
                    ["Qualified every enterprise deal with MEDDPICC and closed 14 of them."],
                )
            ],
        ),
        taxonomy,
    )
    report = match(resume, job, models)
    vias = {m.id: m.via for m in report.matched}
    assert vias == {"meddpicc": "exact"}  # one item for the group, the member shown exactly
    assert report.missing == []
    assert report.requirements[0].status == "met"


def test_hubspot_satisfies_a_crm(taxonomy: Taxonomy, models: Models) -> None:
    report = match(
        make_resume(cases.hubspot_account_manager(), taxonomy), cases.crm_job(taxonomy), models
    )
    crm = next(m for m in report.matched if m.id == "crm-software")
    assert crm.via == "hierarchy"
    assert "HubSpot" in crm.evidence[0].text
    assert not report.missing


def _ae_with(bullets: list[str], skills_list: list[str]) -> ResumeSpec:
    return ResumeSpec(
        summary=None,
        skills_list=skills_list,
        roles=[Role("Account Executive", "Acme", "2020-01", "2024-12", bullets)],
    )


def test_a_listed_only_skill_counts_less_than_an_evidenced_one(
    taxonomy: Taxonomy, models: Models
) -> None:
    job = make_job("Account Executive", [Line("Experience with Salesforce and Gong")], taxonomy)
    used = _ae_with(["Logged every call in Salesforce and reviewed them in Gong."], [])
    listed = _ae_with(["Closed new business with mid-market customers."], ["Salesforce", "Gong"])
    evidenced = match(make_resume(used, taxonomy), job, models)
    only_listed = match(make_resume(listed, taxonomy), job, models)
    assert _component(evidenced, "required_skills") == 1.0
    assert _component(only_listed, "required_skills") == pytest.approx(0.6)
    assert all(not m.evidenced for m in only_listed.matched)
    assert evidenced.score > only_listed.score


def test_repeating_a_keyword_adds_nothing(taxonomy: Taxonomy, models: Models) -> None:
    job = cases.enterprise_ae_job(taxonomy)
    once = _ae_with(["Closed 20 deals."], ["Salesforce", "Gong"])
    many = _ae_with(["Closed 20 deals."], ["Salesforce", "Gong"] + ["Salesforce"] * 12)
    first, second = (match(make_resume(s, taxonomy), job, models) for s in (once, many))
    assert _component(first, "required_skills") == _component(second, "required_skills")
    assert first.score == second.score


def test_a_keyword_stuffer_ranks_below_real_candidates(taxonomy: Taxonomy, models: Models) -> None:
    job = cases.enterprise_ae_job(taxonomy)
    scores = {
        name: match(make_resume(spec(), taxonomy), job, models).score
        for name, spec in (
            ("real", cases.real_ae),
            ("junior", cases.junior_sdr),
            ("stuffer", cases.keyword_stuffer),
        )
    }
    assert scores["stuffer"] < scores["junior"] < scores["real"]
    assert scores["real"] >= 75


def test_skills_in_hidden_text_never_count(taxonomy: Taxonomy, models: Models) -> None:
    """The extractor keeps hidden text out of skills; the matcher sees only the visible record."""
    from extract import Document, parse_resume

    visible = (
        "Jane Roe\n\nEXPERIENCE\nBarista, Cafe  2020 - 2024\n- Made coffee for 200 guests a day.\n"
    )
    document = Document(format="text", text=visible, hidden_text=["Salesforce MEDDIC Gong"])
    report = match(parse_resume(document, taxonomy), cases.enterprise_ae_job(taxonomy), models)
    assert not {"salesforce", "meddic", "gong"} & {m.id for m in report.matched}


def test_a_keyword_list_sentence_is_never_evidence(taxonomy: Taxonomy) -> None:
    from matcher.evidence import resume_units

    units = [u.text for u in resume_units(make_resume(cases.keyword_stuffer(), taxonomy))]
    assert units and not any("MEDDIC" in text for text in units)
    real = [u.text for u in resume_units(make_resume(cases.real_ae(), taxonomy))]
    assert any("MEDDPICC" in text for text in real)
