"""``extract.wrapped_lines``: a sentence broken across lines is one item again; a bullet marker,
a closed sentence or a blank line always starts a new one."""

from __future__ import annotations

import pytest

from extract.wrapped_lines import continues, join_wrapped

WRAPS = [
    (
        "lower-case tail",
        ["• Closed $1.2M in new ARR selling to mid-market", "buyers in EMEA"],
        ["Closed $1.2M in new ARR selling to mid-market buyers in EMEA"],
    ),
    (
        "dangling joining word",
        ["- Coached 8 SDRs on discovery using Gong and", "Salesforce dashboards"],
        ["Coached 8 SDRs on discovery using Gong and Salesforce dashboards"],
    ),
    (
        "dangling comma",
        ["• Sold Salesforce, HubSpot,", "Outreach licences"],
        ["Sold Salesforce, HubSpot, Outreach licences"],
    ),
    (
        "three lines",
        ["• Ranked #2 of 40 reps in", "the region and won President's Club", "twice."],
        ["Ranked #2 of 40 reps in the region and won President's Club twice."],
    ),
    (
        "closed sentence",
        ["• Closed $1.2M in new ARR.", "Built the outbound playbook"],
        ["Closed $1.2M in new ARR.", "Built the outbound playbook"],
    ),
    (
        "new bullet",
        ["• Closed $1.2M in new ARR for", "• Built the outbound playbook"],
        ["Closed $1.2M in new ARR for", "Built the outbound playbook"],
    ),
    (
        "capitalised line after an open one",
        ["• Closed $1.2M in new ARR", "Built the outbound playbook"],
        ["Closed $1.2M in new ARR", "Built the outbound playbook"],
    ),
    (
        "hollow o bullet",
        ["o Closed $1.2M in new ARR for", "o Built the outbound playbook"],
        ["Closed $1.2M in new ARR for", "Built the outbound playbook"],
    ),
    (
        "blank line",
        ["• Closed $1.2M in new ARR for the", "", "team in 2023"],
        ["Closed $1.2M in new ARR for the", "team in 2023"],
    ),
    (
        "numbered",
        ["1. Built the playbook for", "2. Hired four SDRs"],
        ["Built the playbook for", "Hired four SDRs"],
    ),
]


@pytest.mark.parametrize(("case", "lines", "items"), WRAPS, ids=[w[0] for w in WRAPS])
def test_join_wrapped(case: str, lines: list[str], items: list[str]) -> None:
    assert join_wrapped(lines) == items


@pytest.mark.parametrize(
    ("previous", "line", "expected"),
    [
        ("Closed deals with", "enterprise buyers", True),
        ("Closed deals with", "• Enterprise buyers", False),
        ("Skills:", "prospecting, negotiation", False),
        ("", "enterprise buyers", False),
        ("Closed deals in", "", False),
    ],
)
def test_continues(previous: str, line: str, expected: bool) -> None:
    assert continues(previous, line) is expected
