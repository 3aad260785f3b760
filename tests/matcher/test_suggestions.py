"""Suggestions help and never lie: anything the resume lacks is only named as "If you have ..."."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from extract.records import Job
from matcher import Models, Suggestion, match
from skills_taxonomy import Taxonomy
from tests.matcher import cases
from tests.matcher.records_factory import ResumeSpec, make_resume

pytestmark = pytest.mark.slow

PAIRS: list[tuple[Callable[[], ResumeSpec], Callable[[Taxonomy], Job]]] = [
    (cases.real_ae, cases.enterprise_ae_job),
    (cases.junior_sdr, cases.enterprise_ae_job),
    (cases.keyword_stuffer, cases.enterprise_ae_job),
    (lambda: cases.icu_nurse(False), cases.icu_rn_job),
    (lambda: cases.icu_nurse(True), cases.icu_rn_job),
    (cases.hubspot_account_manager, cases.crm_job),
    (cases.hubspot_account_manager, cases.enterprise_ae_job),
    (lambda: cases.icu_nurse(True), cases.enterprise_ae_job),
]
_CLAIM = re.compile(r"\b(add|list|include|put|mention|claim|write)\b", re.IGNORECASE)


def _all_suggestions(taxonomy: Taxonomy, models: Models) -> list[tuple[set[str], Suggestion]]:
    found = []
    for spec, job in PAIRS:
        resume = make_resume(spec(), taxonomy)
        held = {s.id for s in resume.skills} | {c.id for c in resume.certifications}
        report = match(resume, job(taxonomy), models)
        found += [(held, suggestion) for suggestion in report.suggestions]
    return found


def test_no_suggestion_tells_the_user_to_claim_what_the_resume_lacks(
    taxonomy: Taxonomy, models: Models
) -> None:
    checked = 0
    for held, suggestion in _all_suggestions(taxonomy, models):
        named = {span.entry_id for span in taxonomy.tag(suggestion.message)}
        lacking = {
            entry
            for entry in named
            if not any(taxonomy.satisfies(h, entry) for h in held if h in taxonomy)
            and taxonomy.get(entry).category not in ("job_title",)
        }
        if lacking or suggestion.kind == "show_if_you_have":
            checked += 1
            assert suggestion.message.startswith("If you have"), suggestion.message
        if _CLAIM.search(suggestion.message) and not suggestion.message.startswith("If you have"):
            # advice to add or list something is only about things the resume already shows
            assert not lacking, suggestion.message
    assert checked >= 10


def test_suggestions_are_ordered_by_expected_impact(taxonomy: Taxonomy, models: Models) -> None:
    report = match(
        make_resume(cases.junior_sdr(), taxonomy), cases.enterprise_ae_job(taxonomy), models
    )
    assert [s.priority for s in report.suggestions] == list(range(1, len(report.suggestions) + 1))
    impacts = [s.impact for s in report.suggestions]
    assert impacts == sorted(impacts, reverse=True)
    assert all(s.requirement for s in report.suggestions if s.kind != "format")


def test_kinds_of_suggestion(taxonomy: Taxonomy, models: Models) -> None:
    spec = cases.real_ae()
    spec.warnings = cases.two_column_warning()
    report = match(make_resume(spec, taxonomy), cases.enterprise_ae_job(taxonomy), models)
    kinds = {s.kind for s in report.suggestions}
    assert {"mirror_term", "move_evidence", "format"} <= kinds
    move = next(s for s in report.suggestions if s.kind == "move_evidence")
    assert "Outreach" in move.message and "skills list" in move.message
    hidden = next(s for s in report.suggestions if "cannot see" in s.message)
    assert hidden.kind == "format"

    stuffer = match(
        make_resume(cases.keyword_stuffer(), taxonomy), cases.enterprise_ae_job(taxonomy), models
    )
    quota = [s for s in stuffer.suggestions if s.kind == "quantify" and "attainment" in s.message]
    assert quota and quota[0].message.startswith("If you have your attainment %")
    assert any(g.kind == "metric" for g in stuffer.gaps)
