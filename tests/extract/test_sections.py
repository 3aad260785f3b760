"""Section headings: ordinary, creative, capitals, colons, Markdown; lines that are not headings."""

from __future__ import annotations

import pytest

from extract.sections import JOB_HEADINGS, RESUME_HEADINGS, find_sections, heading_kind

RESUME_CASES = [
    ("Work History", "experience"),
    ("WORK HISTORY", "experience"),
    ("Professional Experience", "experience"),
    ("PROFESSIONAL EXPERIENCE:", "experience"),
    ("Where I've made impact", "experience"),
    ("Where I’ve Worked", "experience"),
    ("Employment", "experience"),
    ("Career History", "experience"),
    ("## Experience", "experience"),
    ("**Relevant Experience**", "experience"),
    ("Education", "education"),
    ("EDUCATION & TRAINING", "education"),
    ("Academic Background", "education"),
    ("Skills", "skills"),
    ("Core Competencies", "skills"),
    ("Technical Skills:", "skills"),
    ("Tools & Technologies", "skills"),
    ("Sales Tech Stack", "skills"),
    ("Certifications", "certifications"),
    ("Licenses & Certifications", "certifications"),
    ("Awards", "achievements"),
    ("Key Achievements", "achievements"),
    ("Career Highlights", "achievements"),
    ("Professional Summary", "summary"),
    ("Profile", "summary"),
    ("Projects", "projects"),
    ("Languages", "languages"),
    ("Volunteering", "other"),
]


@pytest.mark.parametrize(("line", "kind"), RESUME_CASES)
def test_resume_headings(line: str, kind: str) -> None:
    assert heading_kind(line, RESUME_HEADINGS) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Experience with Salesforce CRM",
        "- Experience",
        "• Skills development for the team",
        "Training Specialist",
        "Account Executive",
        "Acme Corp",
        "Managed a team of 5 across three regions and drove work.",
        "Jan 2019 – Present",
        "jordan@example.com",
        "Location: Austin, TX",
    ],
)
def test_not_headings(line: str) -> None:
    assert heading_kind(line, RESUME_HEADINGS) is None


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Requirements", "requirements"),
        ("Must have:", "requirements"),
        ("Must-Haves", "requirements"),
        ("What we're looking for", "requirements"),
        ("Qualifications", "requirements"),
        ("Minimum Qualifications", "requirements"),
        ("You have:", "requirements"),
        ("About You", "requirements"),
        ("What You'll Bring", "requirements"),
        ("Nice to have", "preferred"),
        ("Nice-to-haves:", "preferred"),
        ("Bonus points", "preferred"),
        ("Bonus Points If You Have", "preferred"),
        ("Preferred Qualifications", "preferred"),
        ("What you'll do", "responsibilities"),
        ("Responsibilities", "responsibilities"),
        ("About us", "about"),
        ("Benefits", "about"),
    ],
)
def test_job_headings(line: str, kind: str) -> None:
    assert heading_kind(line, JOB_HEADINGS) == kind


def test_sections_cover_text_with_offsets() -> None:
    text = "Pat Doe\npat@example.com\n\nEXPERIENCE\nAE at Acme\n\nSkills: Salesforce, HubSpot\n"
    sections = find_sections(text, RESUME_HEADINGS, "contact")
    assert [s.kind for s in sections] == ["contact", "experience", "skills"]
    for section in sections:
        assert text[section.start : section.end] == section.text
    assert sections[2].text.strip() == "Salesforce, HubSpot"  # inline heading
    assert sections[2].heading == "Skills"


def test_no_headings_is_one_preamble_section() -> None:
    sections = find_sections("just a line\nand another", RESUME_HEADINGS, "contact")
    assert [s.kind for s in sections] == ["contact"]


def test_volunteer_experience_is_not_work() -> None:
    assert heading_kind("VOLUNTEER EXPERIENCE", RESUME_HEADINGS) == "other"
