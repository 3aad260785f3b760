"""Per-requirement status: skill coverage in the line, the best resume evidence, and years."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from extract.records import Job, Requirement
from matcher.encoder import Encoder
from matcher.evidence import EvidenceIndex, Unit, strength
from matcher.records import Evidence, RequirementResult, Status

MET, PARTIAL = 0.70, 0.40  # strength thresholds
_QUOTA_LINE = re.compile(r"quota|attainment|president'?s club", re.IGNORECASE)
_DEGREE_LINE = re.compile(
    r"\b(?:degree|bachelor'?s?|master'?s?|mba|ph\.?d|diploma|b\.?a|b\.?s\.?c?|ged)\b", re.IGNORECASE
)
# a line that asks for a skill and merely mentions a degree ("BS in CS or SQL skills") is not one
_SKILL_ASK = re.compile(r"\b(?:experience with|proficien|knowledge of)\b", re.IGNORECASE)
_AWARD_LINE = re.compile(r"president'?s club|award|recognition|rank", re.IGNORECASE)
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


@dataclass(frozen=True)
class RuleEvidence:
    """What the rules found for lines that embeddings judge badly: a degree, a quota figure."""

    education: float | None = None
    education_text: str | None = None  # the resume's education entry, without years
    achievements: float | None = None
    achievement_text: str | None = None  # the best attainment figure or award
    award_text: str | None = None  # an award or ranking, for "President's Club" lines


def degree_line(text: str) -> bool:
    return bool(_DEGREE_LINE.search(text)) and not _SKILL_ASK.search(text)


def assess_requirements(
    job: Job,
    index: EvidenceIndex,
    encoder: Encoder,
    credits: dict[str, float],
    relevant_years: float,
    rules: RuleEvidence,
    skill_units: dict[str, list[str]] | None = None,
    proven: dict[str, list[str]] | None = None,
) -> list[RequirementOutcome]:
    """``credits``: taxonomy id -> 0..1 for every skill or credential the scorer judged.

    Degree lines are judged from the education records and quota lines from the metrics (a
    degree or a figure is rarely a sentence that resembles the requirement), with that record
    as the evidence; years lines blend in relevant years; the rest is embedding similarity.
    ``proven``: skill id -> role bullets that show it with full credit; a line whose every skill
    (or alternatives group) is proven is met, with the bullet that shows them as its evidence.
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
            shown = sum(slots) / len(slots)
            value = 0.5 * value + 0.5 * shown
            own = _skill_unit(requirement, skill_units, index, sims[row])
            if own is not None and shown >= 0.9:  # the bullet that shows the skill is the evidence
                unit, similarity = own
            shown_in = _proof_unit(requirement, credits, proven or {}, index, sims[row])
            if shown_in is not None:
                unit, similarity = shown_in
                value = max(value, MET)
        ruled: Evidence | None = None
        if rules.education is not None and degree_line(requirement.text):
            value = rules.education
            ruled = _record(rules.education_text, "education")
        elif rules.achievements is not None and _QUOTA_LINE.search(requirement.text):
            value = max(value, rules.achievements)
            award = _AWARD_LINE.search(requirement.text) and rules.award_text
            ruled = _record(award or rules.achievement_text, "achievements")
        if requirement.years_min:
            years_fit = min(1.0, relevant_years / requirement.years_min)
            value = 0.5 * value + 0.5 * years_fit
        value = round(value, 4)
        status: Status = "met" if value >= MET else "partial" if value >= PARTIAL else "unmet"
        evidence = ruled or (
            Evidence(
                text=unit.text,
                start=unit.start,
                end=unit.end,
                section=unit.section,
                similarity=round(similarity, 3),
            )
            if unit is not None and not (ruled is None and _ruled_line(requirement.text, rules))
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


def _skill_unit(
    requirement: Requirement,
    skill_units: dict[str, list[str]] | None,
    index: EvidenceIndex,
    row: np.ndarray,
) -> tuple[Unit, float] | None:
    """The resume unit that shows one of the line's skills and reads most like the line."""
    if not skill_units:
        return None
    wanted = set(requirement.skills) | {i for g in requirement.alternatives for i in g}
    texts = {text for skill in wanted for text in skill_units.get(skill, [])}
    best: tuple[Unit, float] | None = None
    for position, unit in enumerate(index.units):
        if unit.text in texts and (best is None or float(row[position]) > best[1]):
            best = (unit, float(row[position]))
    return best


def _proof_unit(
    requirement: Requirement,
    credits: dict[str, float],
    proven: dict[str, list[str]],
    index: EvidenceIndex,
    row: np.ndarray,
) -> tuple[Unit, float] | None:
    """When every skill slot of the line (a plain skill, or one alternatives group) is shown in a
    role bullet, the bullet showing most of them (then reading most like the line)."""
    grouped = {skill for group in requirement.alternatives for skill in group}
    slots = [[skill] for skill in requirement.skills if skill not in grouped]
    slots += [list(group) for group in requirement.alternatives]
    slots = [slot for slot in slots if any(skill in credits for skill in slot)]  # scored ones
    judged = [slot for slot in slots if any(skill in proven for skill in slot)]
    if not slots or len(judged) < len(slots):
        return None
    best: tuple[int, float, Unit] | None = None
    for position, unit in enumerate(index.units):
        if unit.role is None:
            continue
        count = sum(any(unit.text in proven.get(skill, []) for skill in slot) for slot in slots)
        if count and (best is None or (count, float(row[position])) > best[:2]):
            best = (count, float(row[position]), unit)
    return (best[2], best[1]) if best is not None else None


def _ruled_line(text: str, rules: RuleEvidence) -> bool:
    """A degree line judged by the rule that found no degree: no sentence stands as evidence."""
    return rules.education is not None and degree_line(text)


def _record(text: str | None, section: str) -> Evidence | None:
    return Evidence(text=text, section=section) if text else None


def evidence_value(outcomes: list[RequirementOutcome]) -> tuple[float | None, str]:
    if not outcomes:
        return None, "the posting has no requirement lines to compare; not scored"
    weights = [IMPORTANCE_WEIGHT[o.requirement.importance] for o in outcomes]
    value = sum(w * o.strength for w, o in zip(weights, outcomes, strict=True)) / sum(weights)
    met = sum(o.result.status == "met" for o in outcomes)
    partial = sum(o.result.status == "partial" for o in outcomes)
    reason = f"{met} of {len(outcomes)} requirement lines met, {partial} partly, by resume evidence"
    return round(value, 4), reason
