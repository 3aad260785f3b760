"""Per-requirement status: skill coverage in the line, the best resume evidence, and years."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.records import Job, Requirement
from matcher.encoder import Encoder
from matcher.evidence import EvidenceIndex, Unit, strength
from matcher.records import Evidence, RequirementResult, Status

MET, PARTIAL = 0.70, 0.40  # strength thresholds
_QUOTA_LINE = re.compile(r"quota|attainment|president'?s club", re.IGNORECASE)
_DEGREE_LINE = re.compile(
    r"\b(?:degree|bachelor'?s?|master'?s?|mba|ph\.?d|diploma|b\.?a|b\.?s\.?c?|ged)\b", re.IGNORECASE
)
IMPORTANCE_WEIGHT = {"required": 1.0, "preferred": 0.5}


@dataclass(frozen=True)
class RequirementOutcome:
    requirement: Requirement
    strength: float  # 0..1
    similarity: float
    unit: Unit | None
    result: RequirementResult


def _slot_credits(requirement: Requirement, credits: dict[str, float]) -> list[float]:
    """One credit per plain skill and one per alternatives group (the best in the group)."""
    grouped = {skill for group in requirement.alternatives for skill in group}
    slots = [
        credits[skill] for skill in requirement.skills if skill in credits and skill not in grouped
    ]
    for group in requirement.alternatives:
        judged = [credits[skill] for skill in group if skill in credits]
        if judged:
            slots.append(max(judged))
    return slots


def assess_requirements(
    job: Job,
    index: EvidenceIndex,
    encoder: Encoder,
    credits: dict[str, float],
    relevant_years: float,
    achievements: float | None,
    education: float | None,
) -> list[RequirementOutcome]:
    """``credits``: taxonomy id -> 0..1 for every skill or credential the scorer judged.

    Quota and degree lines are also judged by their rules (a figure or a degree is rarely a
    sentence that resembles the requirement), keeping the better of the two.
    """
    if not job.requirements:
        return []
    vectors = encoder.encode([r.text for r in job.requirements])
    sims = index.similarities(vectors)
    outcomes: list[RequirementOutcome] = []
    for row, requirement in enumerate(job.requirements):
        unit, similarity = index.best(sims[row])
        value = strength(similarity)
        slots = _slot_credits(requirement, credits)
        if slots:
            value = 0.5 * value + 0.5 * sum(slots) / len(slots)
        if achievements is not None and _QUOTA_LINE.search(requirement.text):
            value = max(value, achievements)
        if education is not None and _DEGREE_LINE.search(requirement.text):
            value = max(value, education)
        if requirement.years_min:
            years_fit = min(1.0, relevant_years / requirement.years_min)
            value = 0.5 * value + 0.5 * years_fit
        value = round(value, 4)
        status: Status = "met" if value >= MET else "partial" if value >= PARTIAL else "unmet"
        evidence = (
            Evidence(
                text=unit.text,
                start=unit.start,
                end=unit.end,
                section=unit.section,
                similarity=round(similarity, 3),
            )
            if unit is not None
            else None
        )
        result = RequirementResult(
            text=requirement.text,
            importance=requirement.importance,
            status=status,
            evidence=evidence,
            strength=value,
        )
        outcomes.append(RequirementOutcome(requirement, value, similarity, unit, result))
    return outcomes


def evidence_value(outcomes: list[RequirementOutcome]) -> tuple[float | None, str]:
    if not outcomes:
        return None, "the posting has no requirement lines to compare; not scored"
    weights = [IMPORTANCE_WEIGHT[o.requirement.importance] for o in outcomes]
    value = sum(w * o.strength for w, o in zip(weights, outcomes, strict=True)) / sum(weights)
    met = sum(o.result.status == "met" for o in outcomes)
    partial = sum(o.result.status == "partial" for o in outcomes)
    reason = f"{met} of {len(outcomes)} requirement lines met, {partial} partly, by resume evidence"
    return round(value, 4), reason
