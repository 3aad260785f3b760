"""Evidence spans: over every labelled resume-posting pair, each evidence text that carries
offsets has the words of the resume's text between them (a wrapped sentence joined) and starts at
a word boundary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from evals.labelled.gold import load_labelled
from extract import Job, Resume
from matcher import Evidence, MatchReport, Models, match
from matcher.evidence import split_sentences
from skills_taxonomy import Taxonomy

LABELLED = Path(__file__).parents[2] / "evals" / "labelled"


def _evidence(report: MatchReport) -> Iterator[Evidence]:
    for matched in report.matched:
        yield from matched.evidence
    for requirement in report.requirements:
        if requirement.evidence is not None:
            yield requirement.evidence
    for suggestion in report.suggestions:
        if suggestion.resume_span is not None:
            yield suggestion.resume_span


@pytest.fixture(scope="module")
def labelled(taxonomy: Taxonomy) -> tuple[dict[str, Resume], dict[str, Job]]:
    return load_labelled(LABELLED).parse_graded(taxonomy)


@pytest.mark.slow
def test_every_evidence_span_is_the_resume_text(
    labelled: tuple[dict[str, Resume], dict[str, Job]], models: Models
) -> None:
    resumes, jobs = labelled
    checked = 0
    wrong: list[str] = []
    for resume_name, resume in resumes.items():
        text = resume.text
        for job_name, job in jobs.items():
            for item in _evidence(match(resume, job, models)):
                if item.start is None or item.end is None:
                    continue
                checked += 1
                at_boundary = item.start == 0 or not (
                    text[item.start - 1].isalnum() and text[item.start].isalnum()
                )
                words = " ".join(text[item.start : item.end].split())
                if words != item.text or not at_boundary:
                    wrong.append(f"{resume_name} / {job_name}: {item.text[:40]!r}")
    assert checked > 1000
    assert wrong == []


@pytest.mark.parametrize(
    ("line", "first"),
    [
        ("on the phone, organised in the CRM", "on the phone, organised in the CRM"),
        ("o Built the outbound playbook", "Built the outbound playbook"),
        ("- outbound calls to 40 accounts", "outbound calls to 40 accounts"),
        ("• owned renewals for 60 accounts", "owned renewals for 60 accounts"),
        ("* overhauled the onboarding plan", "overhauled the onboarding plan"),
    ],
)
def test_bullet_markers_never_eat_a_word(line: str, first: str) -> None:
    assert split_sentences(line)[0] == first


def test_a_wrapped_sentence_is_one_unit() -> None:
    text = "• Closed $1.2M in new ARR selling to mid-market\nbuyers in EMEA. Ranked #2 of 40.\n"
    assert split_sentences(text) == [
        "Closed $1.2M in new ARR selling to mid-market buyers in EMEA.",
        "Ranked #2 of 40.",
    ]
