"""The package's public names, and that loading is cached."""

from __future__ import annotations

import pickle

import skills_taxonomy
from skills_taxonomy import Taxonomy, load_taxonomy


def test_all_is_complete() -> None:
    assert sorted(skills_taxonomy.__all__) == [
        "Entry",
        "LookupResult",
        "TaggedSpan",
        "Taxonomy",
        "load_taxonomy",
    ]
    for name in skills_taxonomy.__all__:
        assert getattr(skills_taxonomy, name) is not None


def test_load_is_cached_per_process() -> None:
    assert load_taxonomy() is load_taxonomy()


def test_entries_and_len(shipped: Taxonomy) -> None:
    entries = list(shipped.entries)
    assert len(entries) == len(shipped) > 0
    assert shipped.get(entries[0].id) is entries[0]
    assert all(e.source == "curated" for e in entries)


def test_pickle_round_trip_keeps_behaviour(mini: Taxonomy) -> None:
    mini.tag("Salesforce")  # builds the matcher, which is left out of the pickle
    copy = pickle.loads(pickle.dumps(mini))
    assert len(copy) == len(mini)
    assert copy.lookup("SFDC") == mini.lookup("SFDC")
    assert copy.tag("Gong calls in Salesforce") == mini.tag("Gong calls in Salesforce")
    assert copy.ancestors("meddpicc") == ["meddicc", "meddic"]


def test_shipped_size_and_categories(shipped: Taxonomy) -> None:
    from skills_taxonomy.records import CATEGORIES

    assert len(shipped) >= 3000
    assert {e.category for e in shipped.entries} == set(CATEGORIES)
