"""Impact-ratio audit of a screening, in the form NYC Local Law 144 bias audits use for scores.

The employer supplies a CSV of candidate -> group (one column per category, e.g. sex and
race/ethnicity); jobfit never infers a group. For each category and for the combination of all
categories: the scoring rate (share of candidates scoring above the median of the whole sample),
the impact ratio (a group's scoring rate / the highest group's), a four-fifths flag (ratio < 0.8),
and how many candidates had no known group (left out of the rates).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from statistics import median

from pydantic import BaseModel, Field

from jobfit.errors import InvalidRequest

FOUR_FIFTHS = 0.8
SMALL_GROUP_SHARE = 0.02  # LL144 lets an auditor leave out categories under 2% of the data
UNKNOWN_WORDS = {"", "unknown", "n/a", "na", "none", "undisclosed", "prefer not to say", "?"}
CANDIDATE_COLUMNS = ("candidate", "id", "file", "content_hash")
COMBINED = "combined"


class ScoredCandidate(BaseModel):
    keys: list[str]  # id, content hash, file and file name: any may appear in the groups file
    score: float


class GroupRate(BaseModel):
    group: str
    candidates: int
    above_median: int
    scoring_rate: float
    impact_ratio: float | None  # None when the highest rate is 0
    four_fifths_flag: bool
    small_group: bool  # under 2% of the candidates with a known group


class CategoryAudit(BaseModel):
    category: str  # a column of the groups file, or "combined" for the intersection
    groups: list[GroupRate]
    unknown: int


class AuditReport(BaseModel):
    candidates: int
    median_score: float
    categories: list[CategoryAudit]
    unmatched_group_rows: int = 0  # rows of the groups file naming no candidate of the results
    notes: list[str] = Field(default_factory=list)


def load_results(path: Path) -> list[ScoredCandidate]:
    """Scored candidates of a ``jobfit screen`` output (JSON or CSV) or of the API's results."""
    text = path.read_text(encoding="utf-8-sig")
    if text.lstrip().startswith("{"):
        try:
            rows = json.loads(text)["results"]
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InvalidRequest(f"{path}: not a screening results JSON file") from exc
    else:
        rows = list(csv.DictReader(io.StringIO(text)))
    found: list[ScoredCandidate] = []
    for row in rows:
        score = row.get("score")
        if score in (None, ""):
            continue  # unreadable files have no score
        keys = [str(row[k]) for k in ("id", "content_hash", "file") if row.get(k)]
        if row.get("file"):
            keys.append(Path(str(row["file"]).split("!")[-1]).name)
        try:
            found.append(ScoredCandidate(keys=keys, score=float(score)))
        except ValueError as exc:
            raise InvalidRequest(f"{path}: score {score!r} is not a number") from exc
    if not found:
        raise InvalidRequest(f"{path}: no scored candidates")
    return found


def load_groups(path: Path) -> tuple[list[str], dict[str, dict[str, str]]]:
    """Category names and candidate -> {category: group} from the employer's CSV."""
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    fields = [f.strip() for f in reader.fieldnames or []]
    key_column = next((f for f in fields if f.lower() in CANDIDATE_COLUMNS), None)
    if key_column is None:
        raise InvalidRequest(
            f"{path}: the groups file needs a candidate column ({', '.join(CANDIDATE_COLUMNS)})"
        )
    categories = [f for f in fields if f != key_column]
    if not categories:
        raise InvalidRequest(f"{path}: the groups file has no category column")
    groups: dict[str, dict[str, str]] = {}
    for row in reader:
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        if row.get(key_column):
            groups[row[key_column]] = {c: row.get(c, "") for c in categories}
    return categories, groups


def impact_ratios(
    candidates: list[ScoredCandidate], categories: list[str], groups: dict[str, dict[str, str]]
) -> AuditReport:
    cut = median(c.score for c in candidates)
    assigned: list[tuple[ScoredCandidate, dict[str, str]]] = []
    used: set[str] = set()
    for candidate in candidates:
        key = next((k for k in candidate.keys if k in groups), None)
        if key is not None:
            used.add(key)
        assigned.append((candidate, groups[key] if key is not None else {}))
    audits = [
        _category(category, [(c, _known(g.get(category, ""))) for c, g in assigned], cut)
        for category in categories
    ]
    if len(categories) > 1:
        combined = [(c, _combination(g, categories)) for c, g in assigned]
        audits.append(_category(COMBINED, combined, cut))
    notes = [
        f"Scoring rate = share of candidates scoring above the median ({cut:g}) of all "
        f"{len(candidates)} scored candidates.",
        "Impact ratio = a group's scoring rate / the highest group's; flagged below 0.8.",
        "Candidates with no known group are counted as unknown and left out of the rates.",
    ]
    return AuditReport(
        candidates=len(candidates),
        median_score=cut,
        categories=audits,
        unmatched_group_rows=len(set(groups) - used),
        notes=notes,
    )


def _known(group: str) -> str | None:
    return None if group.strip().lower() in UNKNOWN_WORDS else group.strip()


def _combination(groups: dict[str, str], categories: list[str]) -> str | None:
    parts = [_known(groups.get(category, "")) for category in categories]
    return None if any(p is None for p in parts) else " × ".join(p for p in parts if p)


def _category(
    name: str, members: list[tuple[ScoredCandidate, str | None]], cut: float
) -> CategoryAudit:
    counts: dict[str, list[int]] = {}
    unknown = 0
    for candidate, group in members:
        if group is None:
            unknown += 1
            continue
        tally = counts.setdefault(group, [0, 0])
        tally[0] += 1
        tally[1] += candidate.score > cut
    known = sum(total for total, _ in counts.values())
    rates = {group: above / total for group, (total, above) in counts.items()}
    best = max(rates.values(), default=0.0)
    rows = []
    for group, (total, above) in sorted(counts.items(), key=lambda item: -rates[item[0]]):
        ratio = round(rates[group] / best, 4) if best > 0 else None
        rows.append(
            GroupRate(
                group=group,
                candidates=total,
                above_median=above,
                scoring_rate=round(rates[group], 4),
                impact_ratio=ratio,
                four_fifths_flag=ratio is not None and ratio < FOUR_FIFTHS,
                small_group=known > 0 and total / known < SMALL_GROUP_SHARE,
            )
        )
    return CategoryAudit(category=name, groups=rows, unknown=unknown)


def render_markdown(report: AuditReport) -> str:
    lines = [
        f"Impact-ratio audit: {report.candidates} scored candidates, median score "
        f"{report.median_score:g}.",
        "",
    ]
    for audit in report.categories:
        lines += [
            f"## {audit.category}",
            "",
            "| group | candidates | above median | scoring rate | impact ratio | flag |",
            "|---|---:|---:|---:|---:|---|",
        ]
        for row in audit.groups:
            ratio = "n/a" if row.impact_ratio is None else f"{row.impact_ratio:.3f}"
            flags = ["below 4/5"] if row.four_fifths_flag else []
            flags += ["small group (<2%)"] if row.small_group else []
            lines.append(
                f"| {row.group} | {row.candidates} | {row.above_median} | "
                f"{row.scoring_rate:.3f} | {ratio} | {', '.join(flags)} |"
            )
        lines += ["", f"Unknown group: {audit.unknown}", ""]
    if report.unmatched_group_rows:
        lines.append(
            f"{report.unmatched_group_rows} rows of the groups file name no scored candidate."
        )
    lines += [f"- {note}" for note in report.notes]
    return "\n".join(lines) + "\n"
