"""Is-a queries: ancestors, descendants, and whether one skill satisfies a requirement."""

from __future__ import annotations

import pytest

from jobfit.errors import NotFound
from skills_taxonomy import Taxonomy


def test_ancestors_nearest_first(mini: Taxonomy) -> None:
    assert mini.ancestors("salesforce-sales-cloud") == ["salesforce", "crm-software"]
    assert mini.ancestors("meddpicc") == ["meddicc", "meddic"]
    assert mini.ancestors("meddic") == []


def test_descendants(mini: Taxonomy) -> None:
    assert mini.descendants("crm-software") == {
        "salesforce",
        "salesforce-sales-cloud",
        "hubspot",
        "close-crm",
    }
    assert mini.descendants("meddic") == {"meddicc", "meddpicc"}
    assert mini.descendants("hubspot") == set()


@pytest.mark.parametrize(
    ("candidate", "required", "expected"),
    [
        ("hubspot", "crm-software", True),
        ("salesforce", "crm-software", True),
        ("salesforce-sales-cloud", "salesforce", True),
        ("salesforce-sales-cloud", "crm-software", True),
        ("meddpicc", "meddic", True),
        ("meddicc", "meddic", True),
        ("meddic", "meddic", True),
        ("crm-software", "hubspot", False),
        ("salesforce", "salesforce-sales-cloud", False),
        ("meddic", "meddpicc", False),
        ("hubspot", "salesforce", False),
        ("java", "javascript", False),
        ("go", "programming-language", True),
    ],
)
def test_satisfies(mini: Taxonomy, candidate: str, required: str, expected: bool) -> None:
    assert mini.satisfies(candidate, required) is expected


@pytest.mark.parametrize("call", ["get", "ancestors", "descendants"])
def test_unknown_ids_raise_not_found(mini: Taxonomy, call: str) -> None:
    with pytest.raises(NotFound):
        getattr(mini, call)("no-such-skill")


def test_satisfies_unknown_required(mini: Taxonomy) -> None:
    with pytest.raises(NotFound):
        mini.satisfies("hubspot", "no-such-skill")


@pytest.mark.parametrize(
    ("candidate", "required"),
    [
        ("HubSpot", "CRM"),
        ("Salesforce Sales Cloud", "Salesforce"),
        ("MEDDPICC", "MEDDIC"),
        ("MEDDICC", "MEDDIC"),
        ("MEDDPICC", "MEDDICC"),
    ],
)
def test_shipped_hierarchy(shipped: Taxonomy, candidate: str, required: str) -> None:
    cand, req = shipped.lookup(candidate), shipped.lookup(required)
    assert cand is not None and req is not None
    assert shipped.satisfies(cand.id, req.id)
    assert not shipped.satisfies(req.id, cand.id)
