"""Batch screening without HTTP: score one input, turn reports into ranked rows, write CSV and JSON.

Shared by ``jobfit screen`` (a process pool) and the queue workers of the API (one task per resume).
A row is the shortlist view of one resume; the full ``MatchReport`` rides along under ``report``.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, Field

from extract import Limits, parse_resume, read_document
from extract.records import Job
from jobfit.errors import JobfitError
from matcher.models import Models
from matcher.records import Band, MatchReport
from matcher.report import match

BLIND_FILE = "candidate-{id}"  # --blind: file names may hold a name; the content id may not
ID_LENGTH = 12  # hex characters of the content hash shown as the candidate id
CSV_COLUMNS = (
    "rank",
    "id",
    "file",
    "score",
    "band",
    "required_met",
    "required_total",
    "missing_required",
    "years",
    "years_required",
    "top_evidence",
    "top_suggestion",
    "flags",
    "duplicate_of",
    "error_code",
    "error_message",
)


class ScreenError(BaseModel):
    code: str
    message: str


class ScreenRow(BaseModel):
    """One resume of a screening, as the shortlist shows it."""

    rank: int | None = None  # 1 = best; None for unreadable files
    id: str  # the first characters of the content hash: stable across runs, no personal data
    file: str
    content_hash: str
    score: float | None = None
    band: Band | None = None
    required_met: int = 0
    required_total: int = 0
    missing_required: list[str] = Field(default_factory=list)
    years: float | None = None  # candidate's relevant years
    years_required: float | None = None
    top_evidence: str | None = None
    top_suggestion: str | None = None
    flags: list[str] = Field(default_factory=list)  # shown to the recruiter, never auto-rejections
    duplicate_of: str | None = None  # file of the first identical resume
    error: ScreenError | None = None
    report: MatchReport | None = None


class JobSummary(BaseModel):
    title: str | None
    content_hash: str
    years_min: float | None = None
    required_skills: list[str] = Field(default_factory=list)
    preferred_skills: list[str] = Field(default_factory=list)


class ScreenResults(BaseModel):
    """``{"job": ..., "results": [...]}``: what ``--format json`` and the API return."""

    job: JobSummary
    scorer: str
    blind: bool = False
    results: list[ScreenRow]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def job_summary(job: Job, job_hash: str) -> JobSummary:
    return JobSummary(
        title=job.title,
        content_hash=job_hash,
        years_min=job.years_min,
        required_skills=[s.name for s in job.skills if s.importance == "required"],
        preferred_skills=[s.name for s in job.skills if s.importance == "preferred"],
    )


def score_document(
    data: bytes, filename: str, job: Job, models: Models, limits: Limits, *, blind: bool
) -> MatchReport:
    """Read, parse and match one resume file. Raises ``JobfitError`` for an unreadable file."""
    document = read_document(data, filename, limits)
    return match(parse_resume(document, models.taxonomy), job, models, blind=blind)


def row_from_report(file: str, digest: str, report: MatchReport, *, blind: bool) -> ScreenRow:
    required_matched = [m for m in report.matched if m.importance == "required"]
    required_missing = [m for m in report.missing if m.importance == "required"]
    return ScreenRow(
        id=digest[:ID_LENGTH],
        file=BLIND_FILE.format(id=digest[:ID_LENGTH]) if blind else file,
        content_hash=digest,
        score=report.score,
        band=report.band,
        required_met=len(required_matched),
        required_total=len(required_matched) + len(required_missing),
        missing_required=[m.name for m in required_missing],
        years=report.experience.candidate_relevant_years,
        years_required=report.experience.required_min,
        top_evidence=top_evidence(report),
        top_suggestion=min(report.suggestions, key=lambda s: s.priority).message
        if report.suggestions
        else None,
        flags=credential_flags(report),
        report=report,
    )


def screen_error(error: JobfitError) -> ScreenError:
    return ScreenError(code=error.code, message=error.message)


def row_from_error(file: str, digest: str, error: ScreenError, *, blind: bool) -> ScreenRow:
    return ScreenRow(
        id=digest[:ID_LENGTH],
        file=BLIND_FILE.format(id=digest[:ID_LENGTH]) if blind else file,
        content_hash=digest,
        error=error,
    )


_RECORD_SECTIONS = {"education", "certifications"}


def top_evidence(report: MatchReport) -> str | None:
    """The strongest work evidence of a met requirement (a degree line only when nothing else is
    met), else the first evidence of a matched skill."""
    met = [(r, r.evidence) for r in report.requirements if r.status == "met" and r.evidence]
    if met:
        _, evidence = max(
            met,
            key=lambda pair: (
                pair[1].section not in _RECORD_SECTIONS,
                pair[0].importance == "required",
                pair[0].strength or 0.0,
            ),
        )
        return evidence.text
    for matched in sorted(report.matched, key=lambda m: m.importance != "required"):
        if matched.evidence:
            return matched.evidence[0].text
    return None


def credential_flags(report: MatchReport) -> list[str]:
    """Missing required licences and certifications: flags for a human, never a rejection."""
    return [
        f"missing required {missing.kind}: {missing.name}"
        for missing in report.missing
        if missing.kind in ("licence", "certification") and missing.importance == "required"
    ]


def mark_duplicate(file: str, first: ScreenRow, *, blind: bool) -> ScreenRow:
    """A copy of the first identical resume's row, marked as its duplicate."""
    return first.model_copy(
        update={"file": f"{first.file} (copy)" if blind else file, "duplicate_of": first.file},
        deep=True,
    )


def rank(rows: Iterable[ScreenRow]) -> list[ScreenRow]:
    """Scored rows by score (best first; ties by file name), then unreadable files; ranks set."""
    rows = list(rows)
    scored = sorted(
        (r for r in rows if r.score is not None), key=lambda r: (-(r.score or 0.0), r.file, r.id)
    )
    failed = sorted((r for r in rows if r.score is None), key=lambda r: r.file)
    ranked: list[ScreenRow] = []
    for position, row in enumerate(scored, start=1):
        ranked.append(row.model_copy(update={"rank": position}))
    return ranked + [row.model_copy(update={"rank": None}) for row in failed]


def to_json(results: ScreenResults) -> str:
    return results.model_dump_json(indent=2)


def to_csv(rows: Iterable[ScreenRow]) -> str:
    """One line per resume; list cells joined with "; "; formula-like cells defused."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell(value) for value in _csv_values(row)])
    return out.getvalue()


def _csv_values(row: ScreenRow) -> list[Any]:
    return [
        row.rank,
        row.id,
        row.file,
        row.score,
        row.band,
        row.required_met if row.error is None else None,
        row.required_total if row.error is None else None,
        "; ".join(row.missing_required),
        row.years,
        row.years_required,
        row.top_evidence,
        row.top_suggestion,
        "; ".join(row.flags),
        row.duplicate_of,
        row.error.code if row.error else None,
        row.error.message if row.error else None,
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    # A spreadsheet would run "=HYPERLINK(...)" from a resume; a leading quote keeps it text.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def criterion_values(report: MatchReport) -> dict[str, Any]:
    """Per-criterion values, weights and evidence: the decision log's view of one report."""
    return {
        "components": [
            {"name": c.name, "value": c.value, "weight": c.weight, "applies": c.applies}
            for c in report.components
        ],
        "requirements": [
            {
                "text": r.text,
                "importance": r.importance,
                "status": r.status,
                "evidence": r.evidence.text if r.evidence else None,
            }
            for r in report.requirements
        ],
        "matched": [m.id for m in report.matched],
        "missing": [m.name for m in report.missing],
    }


def criterion_json(report: MatchReport) -> str:
    return json.dumps(criterion_values(report), ensure_ascii=False, sort_keys=True)
