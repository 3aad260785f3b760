"""validate: the shipped data is clean, and each kind of problem is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobfit.errors import TaxonomyError
from skills_taxonomy.loading import read_curated
from skills_taxonomy.validate import validate_data

FIXTURES = Path(__file__).parent / "fixtures"


def test_shipped_data_has_no_problems() -> None:
    problems = validate_data()
    assert problems == [], "\n".join(map(str, problems[:50]))


def test_fixture_data_has_no_problems() -> None:
    assert validate_data(FIXTURES / "mini") == []


BROKEN = {
    "dup_alias": (
        "- {id: a, name: Alpha, category: tool, aliases: [AL]}\n"
        "- {id: b, name: Beta, category: tool, aliases: [a-l]}\n",
        "duplicate_alias",
    ),
    "dup_id": (
        "- {id: a, name: Alpha, category: tool}\n- {id: a, name: Beta, category: tool}\n",
        "duplicate_id",
    ),
    "cycle": (
        "- {id: a, name: Alpha, category: tool, parents: [c]}\n"
        "- {id: b, name: Beta, category: tool, parents: [a]}\n"
        "- {id: c, name: Gamma, category: tool, parents: [b]}\n",
        "cycle",
    ),
    "self_parent": ("- {id: a, name: Alpha, category: tool, parents: [a]}\n", "cycle"),
    "dangling_parent": (
        "- {id: a, name: Alpha, category: tool, parents: [zz]}\n",
        "dangling_parent",
    ),
    "dangling_related": (
        "- {id: a, name: Alpha, category: tool, related: [zz]}\n",
        "dangling_related",
    ),
    "empty_name": ("- {id: a, name: '', category: tool}\n", "malformed"),
    "bad_category": ("- {id: a, name: Alpha, category: gadget}\n", "malformed"),
    "boolean_alias": ("- {id: a, name: Alpha, category: tool, aliases: [no]}\n", "malformed"),
    "unknown_key": ("- {id: a, name: Alpha, category: tool, alias: [x]}\n", "malformed"),
    "bad_id": ("- {id: Alpha_1, name: Alpha, category: tool}\n", "bad_id"),
    "bad_ambiguous": (
        "- {id: a, name: Alpha, category: tool, ambiguous: [Beta]}\n",
        "bad_ambiguous",
    ),
    "not_a_list": ("id: a\nname: Alpha\n", "unreadable"),
    "bad_yaml": ("- {id: a, name: [Alpha\n", "unreadable"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_problem_kinds(tmp_path: Path, case: str) -> None:
    text, kind = BROKEN[case]
    (tmp_path / "broken.yaml").write_text(text, encoding="utf-8")
    problems = validate_data(tmp_path)
    assert [p.kind for p in problems] == [kind], problems
    assert "broken.yaml" in str(problems[0])


def test_cycle_reported_once(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(BROKEN["cycle"][0], encoding="utf-8")
    (problem,) = validate_data(tmp_path)
    assert "->" in problem.message


def test_loading_refuses_malformed_entries(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(BROKEN["bad_category"][0], encoding="utf-8")
    with pytest.raises(TaxonomyError, match="x.yaml: a"):
        read_curated(tmp_path)


def test_external_ids_are_mapped(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        "- {id: a, name: Alpha, category: tool, onet: '43232306',"
        " esco: 'http://data.europa.eu/esco/skill/x'}\n",
        encoding="utf-8",
    )
    (entry,) = read_curated(tmp_path)
    assert (entry.onet_code, entry.esco_uri) == ("43232306", "http://data.europa.eu/esco/skill/x")
