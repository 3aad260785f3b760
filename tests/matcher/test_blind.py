"""--blind: no name, contact, link, address or graduation year anywhere in the report."""

from __future__ import annotations

import json

import pytest

from matcher import Models, match
from matcher.blind import REDACTED, redact_text
from skills_taxonomy import Taxonomy
from tests.matcher import cases
from tests.matcher.records_factory import Person, make_resume


@pytest.mark.parametrize(
    ("text", "terms", "kept"),
    [
        ("mail me at jo.ann+jobs@mail.example.com today", [], "today"),
        ("see https://github.com/jo and www.jo.dev", [], "see"),
        ("call +1 (415) 555-0134 now", [], "now"),
        ("lives at 42 Elm Street with a cat", [], "cat"),
        ("Jo Ann Smith, BA 2011", ["Jo Ann Smith", "Smith", "2011"], "BA"),
    ],
)
def test_redact_text(text: str, terms: list[str], kept: str) -> None:
    redacted = redact_text(text, terms)
    assert REDACTED in redacted and kept in redacted
    for secret in ("jo.ann", "github.com", "555-0134", "Elm Street", "Smith", "2011"):
        assert secret not in redacted


@pytest.mark.slow
def test_blind_report_leaks_nothing_and_keeps_the_score(taxonomy: Taxonomy, models: Models) -> None:
    person = Person(
        name="Priya Raman",
        email="priya.raman@example.net",
        phone="+44 20 7946 0011",
        location="221B Baker Street, London",
        link="https://linkedin.com/in/priyar",
        grad_year=2009,
    )
    spec = cases.real_ae()
    spec.roles[0].bullets.append("Mentored new AEs; reach Priya Raman at priya.raman@example.net.")
    resume = make_resume(spec, taxonomy, person)
    job = cases.enterprise_ae_job(taxonomy)
    seen = match(resume, job, models)
    blind = match(resume, job, models, blind=True)
    assert blind.score == seen.score and blind.band == seen.band
    assert blind.candidate is None and blind.blind
    assert seen.candidate and seen.candidate["name"] == "Priya Raman"
    dumped = json.dumps(blind.model_dump())
    for secret in ("Priya", "Raman", "priya.raman", "7946", "Baker Street", "linkedin.com", "2009"):
        assert secret not in dumped, secret
