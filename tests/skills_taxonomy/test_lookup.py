"""Look-up: exact keys, normalised spellings, typos, and the guards against false typo hits."""

from __future__ import annotations

import pytest

from skills_taxonomy import Taxonomy
from skills_taxonomy.lookup import max_edits
from skills_taxonomy.normalise import compact_key, exact_key, variants

# --- on the small test taxonomy: the mechanics --------------------------------------------------


@pytest.mark.parametrize(
    ("term", "expected", "via"),
    [
        ("Salesforce", "salesforce", "exact"),
        ("salesforce", "salesforce", "exact"),
        ("SFDC", "salesforce", "alias"),
        ("sfdc", "salesforce", "alias"),
        ("  Sales   Cloud ", "salesforce-sales-cloud", "alias"),
        ("Sales force", "salesforce", "normalised"),
        ("SALES-FORCE", "salesforce", "normalised"),
        ("Salesforce.com", "salesforce", "normalised"),
        ("k8s", "kubernetes", "alias"),
        ("ReactJS", "react", "alias"),
        ("React JS", "react", "normalised"),
        ("Python 3", "python", "normalised"),
        ("Python 3.11", "python", "normalised"),
        ("python3", "python", "normalised"),
        ("Hubspot", "hubspot", "exact"),
        ("Microsoft Excel", "excel", "alias"),
        ("Microsoft Excel 2016", "excel", "normalised"),
        ("Atlassian JIRA", "jira", "normalised"),
        ("Amazon Web Services AWS software", "aws", "normalised"),
        ("Structured query language SQL", "sql", "normalised"),
        ("C++", "cpp", "exact"),
        ("C#", "csharp", "exact"),
        ("C", "c", "exact"),
        ("Go", "go", "exact"),
        ("golang", "go", "alias"),
        ("R", "r", "exact"),
        ("HubSpot software", "hubspot", "normalised"),
        ("Sales engagement", "sales-engagement-software", "normalised"),
        ("Zoho CRM", None, None),  # the vendor alone does not make it "CRM software"
    ],
)
def test_known_forms(mini: Taxonomy, term: str, expected: str | None, via: str | None) -> None:
    found = mini.lookup(term)
    got = (found.id, found.via) if found else (None, None)
    assert got == (expected, via), term


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("Salesfroce", "salesforce"),
        ("Saleforce", "salesforce"),
        ("MEDDPIC", "meddpicc"),
        ("MEDPICC", "meddpicc"),
        ("Kubernets", "kubernetes"),
        ("Kuberentes", "kubernetes"),
        ("Hubspto", "hubspot"),
        ("Salesfroce Sales Cloud", "salesforce-sales-cloud"),
        ("Outreahc.io", "outreach"),
    ],
)
def test_typos(mini: Taxonomy, typo: str, expected: str) -> None:
    found = mini.lookup(typo)
    assert found is not None, typo
    assert (found.id, found.via) == (expected, "fuzzy")
    assert 70 <= found.score < 100


@pytest.mark.parametrize(
    "term",
    [
        "Jav",  # not Java
        "Jiva",  # short: never a typo of Java or Jira
        "Gp",
        "Q",
        "D",
        "C+",
        "SQ",
        "MySQL",  # not SQL, not NoSQL
        "NewSQL",
        "Saless",
        "Sale",
        "Salesforces Inc",
        "Accountancy",  # a different word from Accountant, not a typo
        "Kotlin",
        "Prospectng",  # skills and titles are common words: never typo targets
        "Pipeline managment",
        "Javascirpt",  # hard_skill in this fixture
        "Salesforcs",  # only the last letter differs
        "",
        "   ",
        "---",
    ],
)
def test_non_matches(mini: Taxonomy, term: str) -> None:
    assert mini.lookup(term) is None


@pytest.mark.parametrize(
    ("term", "expected"),
    [("Java", "java"), ("Jira", "jira"), ("SQL", "sql"), ("NoSQL", "nosql"), ("Sales", "sales")],
)
def test_near_neighbours_stay_apart(mini: Taxonomy, term: str, expected: str) -> None:
    found = mini.lookup(term)
    assert found is not None and found.id == expected and found.score == 100


def test_result_carries_entry_fields(mini: Taxonomy) -> None:
    found = mini.lookup("Sales Cloud")
    assert found is not None
    assert found.model_dump() == {
        "id": "salesforce-sales-cloud",
        "name": "Salesforce Sales Cloud",
        "category": "tool",
        "parents": ["salesforce"],
        "matched_alias": "Sales Cloud",
        "score": 100.0,
        "via": "alias",
    }


@pytest.mark.parametrize(
    ("length", "edits"), [(1, 0), (4, 0), (6, 0), (7, 1), (9, 1), (10, 2), (25, 2)]
)
def test_edit_budget_by_length(length: int, edits: int) -> None:
    assert max_edits(length) == edits


@pytest.mark.parametrize(
    ("text", "exact", "compact"),
    [
        ("  Sales   Force ", "sales force", "salesforce"),
        ("Node.js", "node.js", "nodejs"),
        ("C++", "c++", "c++"),
        ("C#", "c#", "c#"),
        ("Résumé writing", "resume writing", "resumewriting"),
    ],
)
def test_keys(text: str, exact: str, compact: str) -> None:
    assert (exact_key(text), compact_key(text)) == (exact, compact)


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Atlassian JIRA", "jira"),
        ("Microsoft Visual Basic for Applications VBA", "vba"),
        ("Python 3.11", "python"),
        ("Salesforce.com", "salesforce"),
        ("Tableau (software)", "tableau"),
    ],
)
def test_variants(term: str, expected: str) -> None:
    assert expected in [v for v, _vendor in variants(term)]


# --- on the shipped data: the aliases and typos the product promises -----------------------------

SHIPPED_FORMS = [
    ("SFDC", "Salesforce"),
    ("Salesforce.com", "Salesforce"),
    ("Sales force", "Salesforce"),
    ("k8s", "Kubernetes"),
    ("ReactJS", "React"),
    ("Python 3", "Python"),
    ("Hubspot", "HubSpot"),
    ("MEDDPIC", "MEDDPICC"),
    ("Salesfroce", "Salesforce"),
    ("Atlassian JIRA", "Jira"),
    ("Microsoft Excel", "Excel"),
    ("Amazon Web Services AWS software", "AWS"),
    ("MEDDIC", "MEDDIC"),
    ("MEDDICC", "MEDDICC"),
    ("CPSP", "CPSP"),
    ("Challenger Sale", "Challenger Sale"),
    ("SPIN Selling", "SPIN Selling"),
    ("LinkedIn Sales Navigator", "Sales Navigator"),
]


@pytest.mark.parametrize(("term", "name_part"), SHIPPED_FORMS)
def test_shipped_forms(shipped: Taxonomy, term: str, name_part: str) -> None:
    found = shipped.lookup(term)
    assert found is not None, term
    assert name_part.lower() in found.name.lower() or name_part.lower() in (
        a.lower() for a in shipped.get(found.id).aliases
    ), (term, found)


@pytest.mark.parametrize(
    ("term", "not_name"),
    [
        ("Java", "Jira"),
        ("Jira", "Java"),
        ("SQL", "NoSQL"),
        ("NoSQL", "SQL"),
        ("Sales", "Salesforce"),
    ],
)
def test_shipped_neighbours_stay_apart(shipped: Taxonomy, term: str, not_name: str) -> None:
    found = shipped.lookup(term)
    assert found is None or found.name.lower() != not_name.lower()


@pytest.mark.parametrize("term", ["Gp", "Q", "Jav", "Jiva", "Saless"])
def test_shipped_short_words_never_fuzzy(shipped: Taxonomy, term: str) -> None:
    found = shipped.lookup(term)
    assert found is None or found.via != "fuzzy"
