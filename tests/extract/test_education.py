"""Degree normalisation, field, institution and year."""

from __future__ import annotations

import pytest

from extract.education import extract_education, find_degrees


@pytest.mark.parametrize(
    ("text", "degree"),
    [
        ("MBA", "master"),
        ("M.B.A., Finance", "master"),
        ("MSc Data Science", "master"),
        ("M.S. in Marketing", "master"),
        ("Master of Science in Computer Science", "master"),
        ("Master's degree in Economics", "master"),
        ("BSN", "bachelor"),
        ("B.A. Economics", "bachelor"),
        ("BBA, Finance", "bachelor"),
        ("B.S. in Business Administration", "bachelor"),
        ("Bachelor of Arts in History", "bachelor"),
        ("B.Tech in Mechanical Engineering", "bachelor"),
        ("B.E in Computer Science Engineering", "bachelor"),
        ("PhD in Physics", "doctorate"),
        ("Ph.D., Chemistry", "doctorate"),
        ("Doctor of Philosophy", "doctorate"),
        ("AA in General Studies", "associate"),
        ("A.S. Nursing", "associate"),
        ("Associate of Applied Science", "associate"),
        ("Associate's degree", "associate"),
        ("High School Diploma", "high_school"),
        ("GED", "high_school"),
        ("M.A.T. Mathematics Education", "master"),
        ("Associate Degree in Nursing (ADN)", "associate"),
        ("Psy.D. Clinical Psychology", "doctorate"),
    ],
)
def test_degree_levels(text: str, degree: str) -> None:
    (record,) = extract_education(text, in_education_section=True)
    assert record.degree == degree


@pytest.mark.parametrize(
    "text", ["Expert in MS Office and MS Excel", "Boston, MA", "Baltimore, MD 21201"]
)
def test_short_forms_need_context(text: str) -> None:
    assert find_degrees(text, in_education_section=True) == []
    assert find_degrees(text, in_education_section=False) == []


def test_short_form_outside_education_needs_in() -> None:
    assert [m.degree for m in find_degrees("MS in Finance", in_education_section=False)] == [
        "master"
    ]
    assert find_degrees("MS Finance", in_education_section=False) == []


@pytest.mark.parametrize(
    ("text", "field", "institution", "year"),
    [
        (
            "B.B.A. in Marketing, University of Texas at Austin, 2016",
            "Marketing",
            "University of Texas at Austin",
            2016,
        ),
        ("MBA, Harvard Business School, 2015", None, "Harvard Business School", 2015),
        ("BSN - Nursing, Ohio State University 2010", "Nursing", "Ohio State University", 2010),
        (
            "Bachelor of Science in Computer Science\nStanford University\n2012 – 2016",
            "Computer Science",
            "Stanford University",
            2016,
        ),
    ],
)
def test_field_institution_year(text: str, field: str | None, institution: str, year: int) -> None:
    record = extract_education(text, in_education_section=True)[0]
    assert (record.field, record.institution, record.year) == (field, institution, year)


def test_degree_in_progress_is_not_counted() -> None:
    text = "Associate Degree in Nursing (ADN), 2024\nRN-to-BSN program, expected 2027\n"
    assert [e.degree for e in extract_education(text, in_education_section=True)] == ["associate"]


@pytest.mark.parametrize(
    ("text", "field", "concentration"),
    [
        (
            "Bachelor of Business Administration (Marketing), Ohio State University, 2019",
            "Business Administration",
            "Marketing",
        ),
        ("Master of Business Administration", "Business Administration", None),
        ("Bachelor of Science in Nursing", "Nursing", None),
        ("Bachelor of Science (Marketing)", "Marketing", None),
        ("Doctor of Philosophy in Economics", "Economics", None),
        ("Associate of Applied Science", None, None),
        ("Doctor of Nursing Practice", "Nursing Practice", None),
        ("Bachelor of Engineering in Mechanical Engineering", "Mechanical Engineering", None),
        ("BBA, Finance (concentration in Real Estate)", "Finance", "Real Estate"),
        ("Bachelor of Arts, History - concentration: Modern Europe", "History", "Modern Europe"),
        (
            "B.A., Communication Studies, Texas State University, 2020",
            "Communication Studies",
            None,
        ),
    ],
)
def test_field_and_concentration(text: str, field: str | None, concentration: str | None) -> None:
    (record,) = extract_education(text, in_education_section=True)
    assert (record.field, record.concentration) == (field, concentration)
