"""A sales AE resume end to end, and resumes without headings or dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extract import Document, Resume, parse_resume
from extract.records import DocWarning

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2024, 6, 30)


@pytest.fixture(scope="module")
def ae_resume(taxonomy) -> Resume:  # type: ignore[no-untyped-def]
    text = (FIXTURES / "ae_resume.txt").read_text(encoding="utf-8")
    return parse_resume(Document(format="text", text=text), taxonomy, today=TODAY)


def test_sections(ae_resume: Resume) -> None:
    assert [s.kind for s in ae_resume.sections] == [
        "contact",
        "summary",
        "experience",
        "education",
        "skills",
    ]


def test_contact_is_read_for_display(ae_resume: Resume) -> None:
    contact = ae_resume.contact
    assert (contact.name, contact.email, contact.location) == (
        "Jordan Blake",
        "jordan.blake@example.com",
        "Austin, TX",
    )
    assert contact.phone == "(512) 555-0147"
    assert [link.kind for link in contact.links] == ["linkedin"]


def test_roles(ae_resume: Resume) -> None:
    roles = [(r.title, r.employer, r.start, r.end, r.current) for r in ae_resume.experience]
    assert roles == [
        ("Senior Account Executive", "Northwind Analytics", "2021-01", None, True),
        ("Account Executive", "Contoso Software", "2018-03", "2021-02", False),
        ("Sales Development Representative", "Fabrikam Inc.", "2017-01", "2018-12", False),
    ]
    assert ae_resume.experience[0].months == 42


def test_total_years_merges_overlap(ae_resume: Resume) -> None:
    # 2017-01 .. 2024-06 without gaps; the SDR role (to 2018-12) overlaps the AE role (from 2018-03)
    assert ae_resume.total_years == 7.5


def test_skills_canonical_evidenced_and_years(ae_resume: Resume) -> None:
    skills = {s.id: s for s in ae_resume.skills}
    salesforce = skills["salesforce"]  # written "SFDC" in a bullet, "Salesforce" in the skills list
    assert salesforce.name == "Salesforce"
    assert {m.text for m in salesforce.mentions} == {"SFDC", "Salesforce"}
    assert {m.section for m in salesforce.mentions} == {"experience", "skills"}
    assert salesforce.evidenced
    assert salesforce.years == 3.5 and salesforce.last_used == "2024-06"
    outreach = skills["outreach"]
    assert outreach.evidenced and outreach.years == 3.0 and outreach.last_used == "2021-02"
    hubspot = skills["hubspot"]  # only in the skills list
    assert not hubspot.evidenced and hubspot.years is None and hubspot.last_used is None
    assert skills["meddpicc"].evidenced
    for skill in ae_resume.skills:
        for mention in skill.mentions:
            assert ae_resume.text[mention.start : mention.end] == mention.text


def test_education(ae_resume: Resume) -> None:
    (education,) = ae_resume.education
    assert (education.degree, education.field, education.year) == ("bachelor", "Marketing", 2016)
    assert education.institution == "University of Texas at Austin"


def test_metrics(ae_resume: Resume) -> None:
    found = {(m.kind, m.value) for m in ae_resume.metrics}
    assert {
        ("revenue", 2_400_000),
        ("quota_attainment", 128),
        ("ranking", 2),
        ("deal_size", 85_000),
        ("win_rate", 31),
        ("award", None),
        ("quota_attainment", 112),
        ("quota_attainment", 120),
        ("growth", 40),
        ("pipeline", 3_000_000),
        ("meetings", 25),
    } <= found
    attainment = next(m for m in ae_resume.metrics if m.kind == "quota_attainment")
    assert attainment.period == "FY2023"


def test_no_warnings(ae_resume: Resume) -> None:
    assert ae_resume.warnings == []


def test_deterministic(taxonomy, ae_resume: Resume) -> None:  # type: ignore[no-untyped-def]
    again = parse_resume(Document(format="text", text=ae_resume.text), taxonomy, today=TODAY)
    assert again == ae_resume


NO_HEADINGS = """Sam Rivera
sam@example.com

Account Executive, Globex Corp
Jun 2020 – Present
Closed $900K in new business using Salesforce.

SDR, Initech Inc
2018 – 2020
Booked 20 meetings per month with Outreach.
"""


def test_layout_without_headings(taxonomy) -> None:  # type: ignore[no-untyped-def]
    resume = parse_resume(Document(format="text", text=NO_HEADINGS), taxonomy, today=TODAY)
    assert [(r.employer, r.start, r.end) for r in resume.experience] == [
        ("Globex Corp", "2020-06", None),
        ("Initech Inc", "2018-01", "2020-12"),
    ]
    assert resume.total_years == 6.5
    assert resume.contact.name == "Sam Rivera"
    assert {s.id for s in resume.skills if s.evidenced} >= {"salesforce", "outreach"}
    assert [w.code for w in resume.warnings] == ["no_experience_section"]


def test_no_dates_warns(taxonomy) -> None:  # type: ignore[no-untyped-def]
    text = "Experience\nAccount Executive, Acme Corp\n- Sold Salesforce add-ons\n"
    resume = parse_resume(Document(format="text", text=text), taxonomy, today=TODAY)
    assert resume.total_years == 0
    assert [w.code for w in resume.warnings] == ["no_dates"]


def test_document_warnings_pass_through(taxonomy) -> None:  # type: ignore[no-untyped-def]
    warning = DocWarning(code="hidden_text", message="white text removed")
    document = Document(
        format="pdf", text="Skills\nSalesforce\n", warnings=[warning], hidden_text=["Python"]
    )
    resume = parse_resume(document, taxonomy, today=TODAY)
    assert resume.warnings[0] == warning
    assert [s.id for s in resume.skills] == ["salesforce"]  # hidden text is never tagged


FLAT = (
    "Pat Lee  Account Executive  pat@example.com    EXPERIENCE    "
    "Account Executive, Globex Corp  June 2019  till date    Closed $1M in new ARR in Salesforce  "
    "Sales Development Representative, Initech Inc  2016 - 2019    Booked meetings in Outreach  "
    "EDUCATION    B.A. Economics, State University, 2016    " + "x " * 60
)


def test_text_without_line_breaks(taxonomy) -> None:  # type: ignore[no-untyped-def]
    resume = parse_resume(Document(format="text", text=FLAT), taxonomy, today=TODAY)
    assert len(resume.text) == len(FLAT)  # breaks replace spaces; offsets are unchanged
    assert [(r.employer, r.start, r.end) for r in resume.experience] == [
        ("Globex Corp", "2019-06", None),
        ("Initech Inc", "2016-01", "2019-12"),
    ]
    assert [e.degree for e in resume.education] == ["bachelor"]


def test_role_line_mistaken_for_heading_stays_in_experience(taxonomy) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Experience\nQualcomm, Inc., Cary, NC\nCDMA Technologies\n"
        "Senior Engineer - June 2004 to Present\n- Firmware in C\n"
    )
    resume = parse_resume(Document(format="text", text=text), taxonomy, today=TODAY)
    assert [s.kind for s in resume.sections] == ["experience"]
    assert [(r.start, r.end) for r in resume.experience] == [("2004-06", None)]


def test_certifications_and_licences(taxonomy) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Experience\nStaff Nurse, Mercy Hospital\n2019 – 2023\n- ICU care\n\n"
        "Certifications\nSalesforce Certified Administrator\nRN license, BLS, ACLS\n"
    )
    resume = parse_resume(Document(format="text", text=text), taxonomy, today=TODAY)
    assert {c.id for c in resume.certifications} >= {
        "salesforce-certified-administrator",
        "registered-nurse-licence",
        "bls-certification",
        "acls-certification",
    }
    assert not {c.id for c in resume.certifications} & {s.id for s in resume.skills}


HEADER = "Casey Moreno\nSenior Account Executive | Denver, CO\ncasey@example.com | 303-555-0101\n"
UNTITLED_SUMMARY = (
    "Closing AE selling Salesforce add-ons to mid-market manufacturers, with MEDDICC discipline.\n"
)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (HEADER + "\n" + UNTITLED_SUMMARY + "\nExperience\nAE, Acme\n", ["contact", "summary"]),
        (HEADER + "\nExperience\nAE, Acme\n", ["contact"]),
        (HEADER + UNTITLED_SUMMARY + "\nExperience\nAE, Acme\n", ["contact", "summary"]),
        ("Casey Moreno\n" + UNTITLED_SUMMARY + "\nExperience\nAE\n", ["contact", "summary"]),
    ],
    ids=["summary-after-contact", "no-summary", "no-blank-line", "name-only"],
)
def test_untitled_summary_is_split_from_contact(taxonomy, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    resume = parse_resume(Document(format="text", text=text), taxonomy, today=TODAY)
    assert [s.kind for s in resume.sections if s.kind != "experience"] == kinds
    assert resume.contact.name == "Casey Moreno"


def test_contact_block_gives_no_skills_but_keeps_credentials(taxonomy) -> None:  # type: ignore[no-untyped-def]
    text = "Jane Doe, RN\nSalesforce Tower, San Francisco\njane@example.com\n\nExperience\nNurse\n"
    resume = parse_resume(Document(format="text", text=text), taxonomy, today=TODAY)
    assert "salesforce" not in {skill.id for skill in resume.skills}
    assert any(
        "RN" in cert.name or cert.id.startswith("registered-nurse")
        for cert in resume.certifications
    )
