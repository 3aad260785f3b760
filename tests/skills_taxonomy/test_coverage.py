"""Every O*NET 29.2 hot technology resolves against the curated data alone."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from skills_taxonomy import Taxonomy


def hot_technologies(onet_dir: Path) -> list[str]:
    with (onet_dir / "Technology Skills.txt").open(encoding="utf-8", newline=None) as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return sorted({row["Example"] for row in rows if row["Hot Technology"] == "Y"})


def test_all_hot_technologies_resolve(shared_data: Path, shipped: Taxonomy) -> None:
    hot = hot_technologies(shared_data / "onet-29.2")
    assert len(hot) == 170
    missing = [term for term in hot if shipped.lookup(term) is None]
    assert missing == []


@pytest.mark.parametrize(
    ("term", "expected_name"),
    [
        ("Atlassian JIRA", "jira"),
        ("Amazon Web Services AWS software", "aws"),
        ("Microsoft Excel", "excel"),
        ("Salesforce software", "salesforce"),
        ("HubSpot software", "hubspot"),
        ("Structured query language SQL", "sql"),
        ("NoSQL", "nosql"),
        ("C", "c"),
        ("C++", "c++"),
        ("C#", "c#"),
        ("Go", "go"),
        ("R", "r"),
        ("Oracle Java", "java"),
        ("JavaScript", "javascript"),
    ],
)
def test_hot_technologies_resolve_to_the_right_entry(
    shipped: Taxonomy, term: str, expected_name: str
) -> None:
    found = shipped.lookup(term)
    assert found is not None, term
    entry = shipped.get(found.id)
    forms = {f.lower() for f in (entry.name, *entry.aliases)}
    assert expected_name in forms, (term, entry)
