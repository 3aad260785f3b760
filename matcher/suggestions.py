"""Truthful tailoring suggestions, ordered by their expected effect on the score.

Never advice to claim something: a skill, licence or figure the resume lacks is only ever named in
the form "If you have X, show it ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extract.records import DocWarning, Job, Resume
from matcher.credentials import RuleResult
from matcher.evidence import Unit
from matcher.experience import ExperienceAssessment
from matcher.records import Component, Evidence, Missing, Suggestion
from matcher.requirements import RequirementOutcome
from matcher.skills import LISTED_ONLY_CREDIT, SkillOutcome, requirement_for

IF_YOU_HAVE = "If you have"
MAX_SUGGESTIONS = 20
_DIGIT = re.compile(r"\d")
KIND_ORDER = {
    "show_if_you_have": 0,
    "move_evidence": 1,
    "quantify": 2,
    "mirror_term": 3,
    "format": 4,
}
# extraction warning code fragment -> advice
FORMAT_ADVICE = (
    (
        "hidden_text",
        "Your resume contains text a reader cannot see (white or tiny). Remove it: "
        "it does not count here and recruiters read it as keyword stuffing.",
    ),
    (
        "two_column",
        "Two-column layout: some applicant-tracking systems read the columns out of "
        "order; a single-column version is safer.",
    ),
    (
        "contact_in_header",
        "Your contact details sit in the page header; some systems skip "
        "headers, so put them at the top of the body.",
    ),
    ("no_text_layer", "The file has no text layer (a scan); export it as a text PDF or DOCX."),
    ("table", "Content in tables can be read out of order; plain lines are safer."),
)


@dataclass(frozen=True)
class SuggestionInputs:
    resume: Resume
    job: Job
    components: list[Component]  # normalised
    skills: list[SkillOutcome]
    requirements: list[RequirementOutcome]
    credentials: RuleResult
    experience: ExperienceAssessment
    achievements: RuleResult
    units: list[Unit]


def _weight(inputs: SuggestionInputs, name: str) -> float:
    return next((c.weight for c in inputs.components if c.name == name and c.applies), 0.0)


def _span(unit: Unit | None) -> Evidence | None:
    if unit is None:
        return None
    return Evidence(text=unit.text, start=unit.start, end=unit.end, section=unit.section)


def suggest(inputs: SuggestionInputs) -> list[Suggestion]:
    found = (
        _skill_suggestions(inputs)
        + _credential_suggestions(inputs)
        + _quantify(inputs)
        + _years(inputs)
        + _format(inputs.resume.warnings)
    )
    found.sort(key=lambda s: (-s.impact, KIND_ORDER[s.kind], s.message))
    return [
        s.model_copy(update={"priority": rank})
        for rank, s in enumerate(found[:MAX_SUGGESTIONS], start=1)
    ]


def _skill_suggestions(inputs: SuggestionInputs) -> list[Suggestion]:
    out: list[Suggestion] = []
    for importance, component in (
        ("required", "required_skills"),
        ("preferred", "preferred_skills"),
    ):
        chosen = [o for o in inputs.skills if o.bucket == importance]
        total = sum(o.weight for o in chosen) or 1.0
        points = 100.0 * _weight(inputs, component)
        for outcome in chosen:
            share = points * outcome.weight / total
            requirement = requirement_for(inputs.job, outcome.skill.id)
            matched = outcome.matched
            if matched is None:
                out.append(
                    Suggestion(
                        kind="show_if_you_have",
                        priority=0,
                        requirement=requirement,
                        impact=round(share, 2),
                        message=f"{IF_YOU_HAVE} {outcome.skill.name} experience, show it in a "
                        "bullet of the role where you used it; "
                        + (
                            "the posting's duties name it."
                            if outcome.duty
                            else f"the posting lists it as {outcome.skill.importance}."
                        ),
                    )
                )
                continue
            span = matched.evidence[0] if matched.evidence else None
            if not matched.evidenced and matched.via != "semantic":
                out.append(
                    Suggestion(
                        kind="move_evidence",
                        priority=0,
                        requirement=requirement,
                        resume_span=span,
                        impact=round(share * (1.0 - LISTED_ONLY_CREDIT), 2),
                        message=f"{matched.resume_term or matched.name} appears only in your "
                        "skills list; show it in a bullet of the role where you used it, "
                        "with what you did and the result.",
                    )
                )
            if matched.resume_term and matched.via in ("alias", "exact"):
                out.append(
                    Suggestion(
                        kind="mirror_term",
                        priority=0,
                        requirement=requirement,
                        resume_span=span,
                        impact=round(min(0.5, share * 0.1), 2),
                        message=f"Your resume says {matched.resume_term}; the posting says "
                        f"{outcome.job_term}. Use the posting's term too (\"{outcome.job_term} "
                        f'({matched.resume_term})") so that screening software matches it.',
                    )
                )
    return out


def _credential_suggestions(inputs: SuggestionInputs) -> list[Suggestion]:
    points = 100.0 * _weight(inputs, "certifications")
    missing: list[Missing] = inputs.credentials.missing
    total = len(missing) or 1
    out: list[Suggestion] = []
    for item in missing:
        label = "licence" if item.kind == "licence" else "certification"
        out.append(
            Suggestion(
                kind="show_if_you_have",
                priority=0,
                requirement=item.requirement,
                impact=round(points / total, 2),
                message=f"{IF_YOU_HAVE} the {item.name} {label}, list it under certifications and "
                f"licences (with issuer or state); the posting marks it {item.importance}.",
            )
        )
    return out


def _quantify(inputs: SuggestionInputs) -> list[Suggestion]:
    out: list[Suggestion] = []
    for gap in inputs.achievements.gaps:
        year = _last_full_year(inputs.resume)
        out.append(
            Suggestion(
                kind="quantify",
                priority=0,
                requirement=_quota_line(inputs.job),
                impact=round(100.0 * _weight(inputs, "achievements") * 0.6, 2),
                message=f"{IF_YOU_HAVE} your attainment % for {year}, add it to that role "
                f'(e.g. "118% of a $900K quota"). {gap.message}',
            )
        )
    seen: set[str] = set()
    for outcome in inputs.requirements:
        unit = outcome.unit
        if unit is None or unit.role is None or unit.text in seen or _DIGIT.search(unit.text):
            continue
        if outcome.similarity < 0.45:
            continue
        seen.add(unit.text)
        out.append(
            Suggestion(
                kind="quantify",
                priority=0,
                requirement=outcome.requirement.text,
                resume_span=_span(unit),
                impact=0.3,
                message="This bullet is your closest evidence for the requirement but has no "
                "numbers; add the real figures behind it if you have them (volume, % of target, "
                "deal size, team or account count).",
            )
        )
    return out[:6]


def _years(inputs: SuggestionInputs) -> list[Suggestion]:
    job, found = inputs.job, inputs.experience
    if job.years_min is None or found.relevant_years >= job.years_min:
        return []
    short = job.years_min - found.relevant_years
    points = 100.0 * _weight(inputs, "experience_years") * min(1.0, short / job.years_min)
    return [
        Suggestion(
            kind="show_if_you_have",
            priority=0,
            requirement=found.core_text,
            impact=round(points * 0.5, 2),
            message=f"{IF_YOU_HAVE} more relevant experience than the "
            f"{found.relevant_years:g} years the resume shows (the posting asks for "
            f"{job.years_min:g}+), list those roles with their dates and what you did in them.",
        )
    ]


def _format(warnings: list[DocWarning]) -> list[Suggestion]:
    out: list[Suggestion] = []
    for warning in warnings:
        advice = next((text for code, text in FORMAT_ADVICE if code in warning.code), None)
        impact = 1.0 if "hidden_text" in warning.code else 0.2
        out.append(
            Suggestion(kind="format", priority=0, impact=impact, message=advice or warning.message)
        )
    return out


def _quota_line(job: Job) -> str | None:
    for requirement in job.requirements:
        if re.search(r"quota|attainment|%", requirement.text, re.IGNORECASE):
            return requirement.text
    return None


def _last_full_year(resume: Resume) -> str:
    """The last full year of the most recent role, for the attainment prompt."""
    if any(role.end is None and role.start for role in resume.experience):
        return str(date.today().year - 1)  # a current role: last calendar year
    ends = [role.end for role in resume.experience if role.end]
    return max(ends)[:4] if ends else "your most recent full year"
