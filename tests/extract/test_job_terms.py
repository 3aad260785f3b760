"""Sales work written as verbs reads as the skill it names; look-alike phrases do not."""

from __future__ import annotations

import pytest

from extract.job_terms import action_skills


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("7 years closing, 10+ years in sales.", "closing"),
        ("Closed 128% of quota in FY2024", "closing"),
        ("closed $1.4M ARR in new business", "closing"),
        ("Closed 40 new deals", "closing"),
        ("Negotiate and close multi-year contracts", "closing"),
        ("Prospect into mid-market retailers", "prospecting"),
        ("Qualify inbound leads with BANT", "lead-qualification"),
        ("Forecast accurately in Salesforce", "sales-forecasting"),
        ("close dates slipped twice", None),
        ("closing the books every month", None),
        ("Closed the office on Fridays", None),
    ],
)
def test_action_skills(text: str, skill: str | None) -> None:
    found = {entry_id for entry_id, _, _ in action_skills(text)}
    if skill is None:
        assert "closing" not in found
    else:
        assert skill in found
