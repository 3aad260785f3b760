"""Roles from experience sections in the common layouts; undated roles; total years."""

from __future__ import annotations

from datetime import date

import pytest

from extract.experience import extract_roles, total_years
from extract.records import Experience

TODAY = date(2024, 6, 15)

LAYOUTS = {
    "one line with pipes": (
        "Account Executive | Acme Corp | Boston, MA | Jan 2019 – Present\n- Closed $1M in new ARR\n"
    ),
    "title, employer, dates on three lines": (
        "Account Executive\nAcme Corp, Boston, MA\nJan 2019 – Present\n- Closed $1M in new ARR\n"
    ),
    "employer and dates, then title": (
        "Acme Corp            Jan 2019 – Present\nAccount Executive\n• Closed $1M in new ARR\n"
    ),
    "title at employer with dates": (
        "Account Executive at Acme Corp (Jan 2019 - current)\n* Closed $1M in new ARR\n"
    ),
    "dates first": ("Jan 2019 – now   Account Executive, Acme Corp\n- Closed $1M in new ARR\n"),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_role_layouts(layout: str) -> None:
    (role,) = extract_roles(LAYOUTS[layout], 0, TODAY)
    assert role.title == "Account Executive"
    assert role.employer == "Acme Corp"
    assert (role.start, role.end, role.current) == ("2019-01", None, True)
    assert role.months == 66
    assert role.bullets == ["Closed $1M in new ARR"]


def test_location_is_kept() -> None:
    (role,) = extract_roles(LAYOUTS["one line with pipes"], 0, TODAY)
    assert role.location == "Boston, MA"


def test_several_roles_and_offsets() -> None:
    text = (
        "Senior Account Executive, Northwind — Austin, TX\n"
        "Jan 2021 – Present\n"
        "- Closed enterprise deals\n"
        "\n"
        "Account Executive, Contoso Inc\n"
        "March 2018 - Feb. 2021\n"
        "- Prospected\n"
        "- Closed\n"
    )
    offset = 100
    roles = extract_roles(text, offset, TODAY)
    assert [(r.title, r.employer, r.start, r.end) for r in roles] == [
        ("Senior Account Executive", "Northwind", "2021-01", None),
        ("Account Executive", "Contoso Inc", "2018-03", "2021-02"),
    ]
    assert roles[1].bullets == ["Prospected", "Closed"]
    second = text[roles[1].text_start - offset : roles[1].text_end - offset]
    assert second.startswith("Account Executive, Contoso") and second.endswith("- Closed")


def test_role_without_dates_does_not_break_the_rest() -> None:
    text = (
        "Account Executive, Acme Corp\n"
        "- Closed deals\n"
        "Sales Development Representative, Fabrikam Inc\n"
        "2016 – 2018\n"
        "- Booked meetings\n"
    )
    roles = extract_roles(text, 0, TODAY)
    assert [(r.title, r.start, r.end) for r in roles] == [
        ("Account Executive", None, None),
        ("Sales Development Representative", "2016-01", "2018-12"),
    ]
    assert roles[0].months is None


def test_section_without_any_dates() -> None:
    roles = extract_roles("Account Executive, Acme Corp\n- Closed deals\n- Ran demos\n", 0, TODAY)
    assert [(r.title, r.employer, r.bullets) for r in roles] == [
        ("Account Executive", "Acme Corp", ["Closed deals", "Ran demos"])
    ]


def _role(start: str | None, end: str | None) -> Experience:
    return Experience(
        title=None, employer=None, start=start, end=end, months=None, current=end is None
    )


@pytest.mark.parametrize(
    ("spans", "years"),
    [
        ([("2019-01", "2020-12")], 2.0),
        ([("2019-01", "2020-12"), ("2020-01", "2021-12")], 3.0),  # overlap merged
        ([("2019-01", "2019-06"), ("2021-01", "2021-06")], 1.0),  # gap not counted
        ([("2023-07", None)], 1.0),  # current: up to the reference month
        ([("2019-01", "2019-12"), (None, None)], 1.0),  # undated role ignored
        ([("2020-01", "2020-04")], 0.3),
    ],
)
def test_total_years(spans: list[tuple[str | None, str | None]], years: float) -> None:
    assert total_years([_role(a, b) for a, b in spans], TODAY) == years


def test_range_finished_on_the_next_line() -> None:
    text = "June 2020 – MERN Stack Developer, OpenAI\nPresent Working on the ChatGPT project.\n"
    (role,) = extract_roles(text, 0, TODAY)
    assert (role.start, role.end, role.current) == ("2020-06", None, True)
    assert (role.title, role.employer) == ("MERN Stack Developer", "OpenAI")


def test_wrapped_bullet_tail_is_not_the_next_header() -> None:
    text = (
        "Senior Engineer | Jan 2023 - Present\n"
        "Stripe | San Francisco, CA\n"
        "• Mentored engineers and set review standards across the payments platform team,\n"
        "ensuring clean, testable code practices\n"
        "Software Engineer | Jun 2021 - Dec 2022\n"
        "Figma | San Francisco, CA\n"
        "• Built real-time sync\n"
    )
    roles = extract_roles(text, 0, TODAY)
    assert [(r.title, r.employer, r.location) for r in roles] == [
        ("Senior Engineer", "Stripe", "San Francisco, CA"),
        ("Software Engineer", "Figma", "San Francisco, CA"),
    ]
    assert roles[0].bullets == [
        "Mentored engineers and set review standards across the payments platform team, "
        "ensuring clean, testable code practices"
    ]


def test_wrapped_bullets_of_an_undated_role_are_joined() -> None:
    text = (
        "Account Executive, Acme Corp\n"
        "- Closed $1.2M in new ARR selling to mid-market\n"
        "buyers in EMEA\n"
        "- Ran demos\n"
    )
    (role,) = extract_roles(text, 0, TODAY)
    assert role.bullets == [
        "Closed $1.2M in new ARR selling to mid-market buyers in EMEA",
        "Ran demos",
    ]
