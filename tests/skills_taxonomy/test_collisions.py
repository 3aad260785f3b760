"""Short forms that two meanings share, case-distinct forms, and senses chosen by context."""

from __future__ import annotations

from pathlib import Path

import pytest

from skills_taxonomy import Taxonomy
from skills_taxonomy.loading import read_curated
from skills_taxonomy.normalise import case_twins, compact_key
from skills_taxonomy.validate import validate_data


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("PACU", "pacu-nursing"),  # the post-anesthesia care unit, not the AWS tool Pacu
        ("pip", "pip"),  # the Python installer in lower case
        ("PIP", "performance-management"),  # a performance improvement plan in capitals
        ("CDN", "cdn"),  # content delivery network, not a dialysis credential
        ("CNN", "deep-learning"),
        ("AD", "active-directory"),
        ("A&D", "aerospace-defense-industry"),
        ("dbt", "dbt"),  # the data build tool in lower case
        ("DBT", "dialectical-behavior-therapy"),
        ("Salesforce admin", "salesforce-administration"),
        ("CRRT", "crrt"),
        ("Desmos", "desmos"),
        ("hemodynamic monitoring", "hemodynamic-monitoring"),
    ],
)
def test_lookup_of_shared_short_forms(shipped: Taxonomy, term: str, expected: str) -> None:
    found = shipped.lookup(term)
    assert found is not None and found.id == expected


def test_ampersand_stays_in_the_compact_key() -> None:
    assert compact_key("A&D") != compact_key("AD")
    assert compact_key("R & D") == compact_key("R&D")


@pytest.mark.parametrize(
    ("a", "b", "twins"),
    [("pip", "PIP", True), ("dbt", "DBT", True), ("Pip", "PIP", False), ("pip", "pip", False)],
)
def test_case_twins(a: str, b: str, twins: bool) -> None:
    assert case_twins(a, b) is twins


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Models in dbt and Snowflake", ["dbt"]),
        ("Skills: DBT, CBT, motivational interviewing", ["dialectical-behavior-therapy"]),
        ("pip install -r requirements.txt", ["pip"]),
        ("Skills: Python, pip, Docker", ["pip"]),
        ("Put two reps on a PIP", []),  # ambiguous in capitals: context only, as before
        ("PACU and ICU rotations", ["pacu-nursing"]),
        ("Served static assets from a CDN", ["cdn"]),
        ("Managed AD users and group policy", ["active-directory"]),
        ("Salesforce admin for three years", ["salesforce-administration"]),
    ],
)
def test_tagging_of_shared_short_forms(shipped: Taxonomy, text: str, expected: list[str]) -> None:
    ids = [s.entry_id for s in shipped.tag(text)]
    for entry_id in expected:
        assert entry_id in ids, ids
    twins = {"dbt", "dialectical-behavior-therapy", "pip", "performance-management"}
    assert not (twins - set(expected)) & set(ids), ids


def test_salesforce_admin_satisfies_salesforce(shipped: Taxonomy) -> None:
    assert shipped.satisfies("salesforce-administration", "salesforce")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Gainsight, HubSpot, onboarding, renewals, customer success", "customer-onboarding"),
        ("Workday, employee relations, FMLA, onboarding, recruiting", "employee-onboarding"),
        ("onboarding", "onboarding"),  # no evidence: the general entry
        ("Sales leadership, coaching, forecasting, MEDDIC", "sales-coaching"),
        ("Skills: coaching, Excel", "coaching-and-mentoring"),
    ],
)
def test_senses_follow_the_other_skills(shipped: Taxonomy, text: str, expected: str) -> None:
    assert expected in [s.entry_id for s in shipped.tag(text)]


def _problems(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "x.yaml").write_text(text, encoding="utf-8")
    return [p.kind for p in validate_data(folder)]


def test_case_twins_are_no_duplicate(tmp_path: Path) -> None:
    text = (
        "- {id: a, name: Alpha, category: tool, aliases: [abc]}\n"
        "- {id: b, name: Beta, category: methodology, aliases: [ABC]}\n"
    )
    assert _problems(tmp_path, text) == []


def test_a_dangling_sense_is_reported(tmp_path: Path) -> None:
    text = "- {id: a, name: Alpha, category: hard_skill, senses: [nowhere]}\n"
    assert _problems(tmp_path, text) == ["dangling_sense"]


def test_senses_load(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "x.yaml").write_text(
        "- {id: a, name: Alpha, category: hard_skill, senses: [b]}\n"
        "- {id: b, name: Beta, category: hard_skill, parents: [a]}\n",
        encoding="utf-8",
    )
    assert read_curated(folder)[0].senses == ("b",)
