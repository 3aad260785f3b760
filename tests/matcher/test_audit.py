"""Impact-ratio audit on hand-made results and employer group files."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pytest

from jobfit.errors import InvalidRequest
from matcher.audit import (
    impact_ratios,
    load_groups,
    load_results,
    render_markdown,
)

# ten candidates; median of the scores is 55 (between 50 and 60)
SCORES = {
    "c0": 90,
    "c1": 80,
    "c2": 70,
    "c3": 60,
    "c4": 50,
    "c5": 40,
    "c6": 30,
    "c7": 20,
    "c8": 65,
    "c9": 10,
}
GROUPS = """candidate,sex,race
c0,F,A
c1,M,A
c2,F,B
c3,M,B
c4,F,A
c5,M,
c6,F,B
c7,M,A
c8,unknown,B
c9,M,B
nobody,F,A
"""


def write_results(path: Path, scores: Mapping[str, float]) -> Path:
    rows = [{"id": k, "file": f"{k}.pdf", "score": v} for k, v in scores.items()]
    rows.append({"id": "bad", "file": "bad.pdf", "score": None})
    path.write_text(json.dumps({"job": {}, "results": rows}))
    return path


def test_rates_ratios_flags_and_unknowns(tmp_path: Path) -> None:
    results = load_results(write_results(tmp_path / "r.json", SCORES))
    (tmp_path / "g.csv").write_text(GROUPS)
    categories, groups = load_groups(tmp_path / "g.csv")
    audit = impact_ratios(results, categories, groups)
    assert audit.candidates == 10 and audit.median_score == 55
    assert audit.unmatched_group_rows == 1
    by = {c.category: c for c in audit.categories}
    sex = {g.group: g for g in by["sex"].groups}
    # F: c0 90, c2 70, c4 50, c6 30 -> 2 of 4 above; M: c1 80, c3 60, c5 40, c7 20, c9 10 -> 2 of 5
    assert (sex["F"].candidates, sex["F"].above_median, sex["F"].scoring_rate) == (4, 2, 0.5)
    assert (sex["M"].candidates, sex["M"].above_median, sex["M"].scoring_rate) == (5, 2, 0.4)
    assert sex["F"].impact_ratio == 1.0 and sex["M"].impact_ratio == 0.8
    assert not sex["M"].four_fifths_flag  # exactly four fifths is not below
    assert by["sex"].unknown == 1  # c8
    race = {g.group: g for g in by["race"].groups}
    # A: c0 c1 c4 c7 -> 2/4; B: c2 c3 c6 c8 c9 -> c2 c3 c8 above = 3/5
    assert race["B"].scoring_rate == 0.6 and race["A"].impact_ratio == pytest.approx(0.8333, 1e-3)
    assert by["race"].unknown == 1  # c5 left blank
    combined = {g.group: g for g in by["combined"].groups}
    assert set(combined) == {"F × A", "M × A", "F × B", "M × B"}
    assert by["combined"].unknown == 2
    assert combined["M × B"].scoring_rate == 0.5 and combined["M × A"].scoring_rate == 0.5
    assert combined["F × B"].four_fifths_flag is False and combined["F × A"].impact_ratio == 1.0


def test_four_fifths_flag_below_the_line(tmp_path: Path) -> None:
    scores = {"a1": 90, "a2": 80, "b1": 70, "b2": 10, "b3": 5, "b4": 1}
    results = load_results(write_results(tmp_path / "r.json", scores))
    (tmp_path / "g.csv").write_text("id,group\na1,A\na2,A\nb1,B\nb2,B\nb3,B\nb4,B\n")
    audit = impact_ratios(results, *load_groups(tmp_path / "g.csv"))
    rows = {g.group: g for g in audit.categories[0].groups}
    assert rows["B"].impact_ratio == 0.25 and rows["B"].four_fifths_flag
    assert len(audit.categories) == 1  # one category: no combination table
    text = render_markdown(audit)
    assert "| B | 4 | 1 | 0.250 | 0.250 | below 4/5 |" in text


def test_csv_results_and_file_names_as_keys(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text(
        "rank,id,file,score\n1,x1,in/a.pdf,80\n2,x2,in/b.pdf,20\n,x3,in/c.pdf,\n"
    )
    (tmp_path / "g.csv").write_text("file,sex\na.pdf,F\nin/b.pdf,M\n")
    audit = impact_ratios(load_results(tmp_path / "r.csv"), *load_groups(tmp_path / "g.csv"))
    assert {g.group: g.candidates for g in audit.categories[0].groups} == {"F": 1, "M": 1}


@pytest.mark.parametrize(
    ("groups", "message"),
    [("name,sex\nx,F\n", "candidate column"), ("candidate\nx\n", "no category column")],
)
def test_bad_group_files(tmp_path: Path, groups: str, message: str) -> None:
    (tmp_path / "g.csv").write_text(groups)
    with pytest.raises(InvalidRequest, match=message):
        load_groups(tmp_path / "g.csv")


def test_results_without_scores_are_refused(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_text(json.dumps({"results": [{"id": "a", "score": None}]}))
    with pytest.raises(InvalidRequest, match="no scored candidates"):
        load_results(tmp_path / "r.json")
