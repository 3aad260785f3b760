"""Rules for education, certifications and licences, and quota/achievement evidence."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from extract.records import Job, Metric, Resume
from jobfit.errors import NotFound
from matcher.encoder import Encoder
from matcher.records import Gap, Missing
from matcher.skills import fold, requirement_for
from skills_taxonomy import Taxonomy

DEGREE_LEVEL = {"high_school": 1, "associate": 2, "bachelor": 3, "master": 4, "doctorate": 5}
DEGREE_NAME = {
    "high_school": "a high-school diploma",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "doctorate": "a doctorate",
}
FIELD_SIMILAR = 0.60  # cosine between degree fields that counts as the same area
MISSING_REQUIRED_LICENCE_VALUE = 0.0  # a required licence absent: the component sinks


@dataclass(frozen=True)
class RuleResult:
    value: float | None  # None: the rule does not apply to this posting
    reason: str
    gaps: list[Gap]
    missing: list[Missing]
    held: dict[str, str]  # credential id asked -> resume name that meets it


def education_rule(resume: Resume, job: Job, encoder: Encoder) -> RuleResult:
    ask = job.education
    if ask.degree_min is None and not ask.fields:
        return RuleResult(None, "the posting asks for no degree; not scored", [], [], {})
    levels = [DEGREE_LEVEL[e.degree] for e in resume.education if e.degree]
    best = max(levels, default=0)
    wanted = DEGREE_LEVEL[ask.degree_min] if ask.degree_min else 0
    gaps: list[Gap] = []
    if best >= wanted:
        value, reason = 1.0, "degree level meets the ask" if wanted else "no degree level asked"
    elif ask.or_equivalent:
        value = 0.7 if resume.total_years >= 2 else 0.4
        reason = "below the degree asked, softened by 'or equivalent experience'"
    else:
        value = 0.5 if best == wanted - 1 else 0.0
        reason = "below the degree level asked"
    if best < wanted and ask.degree_min:
        gaps.append(
            Gap(
                kind="education",
                importance=ask.importance,
                message=f"The posting asks for {DEGREE_NAME[ask.degree_min]}"
                + (" or equivalent experience" if ask.or_equivalent else "")
                + "; the resume shows "
                + (next(k for k, v in DEGREE_LEVEL.items() if v == best) if best else "none")
                + ".",
                required=ask.degree_min,
                candidate=next((k for k, v in DEGREE_LEVEL.items() if v == best), None),
            )
        )
    if ask.fields:
        fit = _field_fit(resume, ask.fields, encoder)
        if fit < 1.0:
            value *= 0.85 if fit > 0 else 0.7
            reason += "; field " + ("related to" if fit > 0 else "not among") + " the fields asked"
        else:
            reason += "; field matches"
    return RuleResult(round(value, 4), reason, gaps, [], {})


def _field_fit(resume: Resume, fields: list[str], encoder: Encoder) -> float:
    held = [f for e in resume.education for f in (e.field, e.concentration) if f]
    if not held:
        return 0.0
    if {fold(f) for f in held} & {fold(f) for f in fields}:
        return 1.0
    sims = encoder.encode(held) @ encoder.encode(fields).T
    return 0.5 if float(np.round(sims.max(), 4)) >= FIELD_SIMILAR else 0.0


def credentials_rule(resume: Resume, job: Job, taxonomy: Taxonomy) -> RuleResult:
    """Certifications and licences; a required licence missing is a hard-flag gap."""
    asked = {c.id: (c.name, c.importance or "required") for c in job.certifications}
    for skill in job.skills:
        if skill.category in ("certification", "licence"):
            asked.setdefault(skill.id, (skill.name, skill.importance))
    if not asked:
        return RuleResult(
            None, "the posting asks for no certification or licence; not scored", [], [], {}
        )
    held = {c.id: c.name for c in resume.certifications}
    for owned in resume.skills:
        if owned.category in ("certification", "licence"):
            held.setdefault(owned.id, owned.name)
    total = got = 0.0
    gaps: list[Gap] = []
    missing: list[Missing] = []
    met: dict[str, str] = {}
    hard_missing = False
    for asked_id, (name, importance) in asked.items():
        weight = 2.0 if importance == "required" else 1.0
        total += weight
        holder = next((h for h in sorted(held) if _satisfies(taxonomy, h, asked_id)), None)
        if holder is not None:
            got += weight
            met[asked_id] = held[holder]
            continue
        kind = "licence" if _category(taxonomy, asked_id) == "licence" else "certification"
        hard_missing |= importance == "required" and kind == "licence"
        missing.append(
            Missing(
                id=asked_id,
                name=name,
                kind=kind,
                importance=importance,
                requirement=requirement_for(job, asked_id),
            )
        )
        flag = "required — usually a hard requirement" if importance == "required" else "preferred"
        gaps.append(
            Gap(
                kind=kind,
                importance=importance,
                required=name,
                candidate=None,
                message=f"{name} ({flag}) is not shown on the resume.",
            )
        )
    value = got / total
    reason = f"{len(met)} of {len(asked)} certifications/licences asked are shown"
    if hard_missing:
        value = MISSING_REQUIRED_LICENCE_VALUE
        reason += "; a required licence is missing (hard flag)"
    return RuleResult(round(value, 4), reason, gaps, missing, met)


def requires_licence(job: Job, taxonomy: Taxonomy) -> bool:
    ids = [c.id for c in job.certifications if (c.importance or "required") == "required"]
    ids += [s.id for s in job.skills if s.category == "licence" and s.importance == "required"]
    return any(_category(taxonomy, i) == "licence" for i in ids)


def _category(taxonomy: Taxonomy, entry_id: str) -> str | None:
    try:
        return taxonomy.get(entry_id).category
    except NotFound:
        return None


def _satisfies(taxonomy: Taxonomy, candidate: str, required: str) -> bool:
    try:
        return taxonomy.satisfies(candidate, required)
    except NotFound:
        return candidate == required


QUOTA_WORDS = ("quota", "attainment", "president's club", "presidents club", "track record")


def achievements_rule(resume: Resume, job: Job) -> RuleResult:
    """Quota attainment against the posting's threshold; awards and rankings also count."""
    threshold = max(
        (m.value for m in job.metrics if m.kind == "quota_attainment" and m.value), default=None
    )
    asks = threshold is not None or any(w in job.text.casefold() for w in QUOTA_WORDS)
    if not asks:
        return RuleResult(
            None, "the posting asks for no quota or achievement evidence; not scored", [], [], {}
        )
    attainment = [m for m in resume.metrics if m.kind == "quota_attainment" and m.value]
    best = max((m.value or 0.0 for m in attainment), default=0.0)
    honours = [m for m in resume.metrics if m.kind in ("award", "ranking")]
    other = [
        m
        for m in resume.metrics
        if m.kind
        in (
            "revenue",
            "deal_size",
            "pipeline",
            "win_rate",
            "growth",
            "meetings",
            "quota",
            "retention",
        )
    ]
    bar = threshold or 100.0
    if best >= bar:
        value = 1.0
        reason = f"shows {best:g}% quota attainment (asked {bar:g}%+)"
    elif best > 0:
        value = 0.5 + 0.4 * best / bar
        reason = f"best quota attainment {best:g}% is below the {bar:g}% asked"
    elif honours:
        value = 0.6
        reason = "no attainment figure, but awards or rankings"
    elif other:
        value = 0.4
        reason = "quantified results but no quota attainment"
    else:
        value = 0.0
        reason = "no quota attainment or sales results shown"
    if honours and value < 1.0:
        value = min(1.0, value + 0.2)
        reason += "; awards/rankings shown"
    gaps: list[Gap] = []
    if threshold is not None and best < threshold:
        gaps.append(
            Gap(
                kind="metric",
                importance="required",
                required=threshold,
                candidate=best or None,
                message=f"The posting asks for {threshold:g}%+ quota attainment; the resume "
                + (f"shows {best:g}%." if best else "shows no attainment figure."),
            )
        )
    return RuleResult(round(value, 4), reason, gaps, [], {})


def achievement_metrics(resume: Resume) -> list[Metric]:
    kinds = ("quota_attainment", "award", "ranking", "revenue", "deal_size", "win_rate")
    return [m for m in resume.metrics if m.kind in kinds]
