"""Properties that hold for any text: parsing never fails and offsets always point at the text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import Document, parse_job, parse_resume

WORDS = st.sampled_from(
    [
        "Experience",
        "Skills",
        "Education",
        "Requirements",
        "Nice to have",
        "Salesforce",
        "SFDC",
        "HubSpot",
        "Jan 2019 – Present",
        "2018 - 2020",
        "'19",
        "128% of quota",
        "$1.2M",
        "MBA",
        "B.S.",
        "•",
        "-",
        "|",
        "Account Executive",
        "Acme Corp",
        "Boston, MA",
        "5+ years",
        "\n",
        "\n\n",
        "  ",
        "ünïcode",
        "(",
        ")",
        ":",
        "OTE",
        "base",
        "remote",
    ]
)
TEXTS = st.lists(WORDS, max_size=60).map(" ".join)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_any_resume_text(taxonomy, text: str) -> None:  # type: ignore[no-untyped-def]
    resume = parse_resume(Document(format="text", text=text), taxonomy, today=date(2024, 6, 1))
    assert len(resume.text) == len(text)
    assert resume.total_years >= 0
    for section in resume.sections:
        assert resume.text[section.start : section.end] == section.text
    for skill in resume.skills:
        assert all(resume.text[m.start : m.end] == m.text for m in skill.mentions)
    for role in resume.experience:
        assert role.months is None or role.months >= 1
        assert role.start is None or role.end is None or role.start <= role.end


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=TEXTS)
def test_any_job_text(taxonomy, text: str) -> None:  # type: ignore[no-untyped-def]
    job = parse_job(Document(format="text", text=text), taxonomy)
    assert job.years_min is None or job.years_max is None or job.years_min <= job.years_max
    assert {s.importance for s in job.skills} <= {"required", "preferred"}
