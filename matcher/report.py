"""``match``: one resume against one job, as an explainable report.

The score reads skills, experience (titles, dates, bullets), summary, education level and field,
certifications and metrics; never the contact block, the name or graduation years.
"""

from __future__ import annotations

from extract.records import Job, Resume
from matcher.blind import blind_report
from matcher.credentials import (
    RuleResult,
    achievement_metrics,
    achievements_rule,
    credentials_rule,
    education_rule,
    requires_licence,
)
from matcher.evidence import EvidenceIndex
from matcher.experience import ExperienceAssessment, assess_experience
from matcher.models import Models
from matcher.records import Component, ExperienceFit, Gap, MatchReport
from matcher.requirements import RuleEvidence, assess_requirements, evidence_value
from matcher.scoring import LICENCE_WEIGHT, band_of, component, normalise, score_of
from matcher.skills import SkillOutcome, coverage, match_skills, missing_skills
from matcher.suggestions import SuggestionInputs, suggest


def match(resume: Resume, job: Job, models: Models, *, blind: bool = False) -> MatchReport:
    taxonomy, encoder = models.taxonomy, models.encoder
    index = EvidenceIndex.build(resume, encoder)
    skills = match_skills(resume, job, taxonomy, encoder, index)
    experience = assess_experience(resume, job, taxonomy, encoder, index)
    credentials = credentials_rule(resume, job, taxonomy)
    education = education_rule(resume, job, encoder)
    achievements = achievements_rule(resume, job)
    credits = {o.skill.id: o.credit for o in skills}
    credits.update({asked: 1.0 for asked in credentials.held})
    credits.update({m.id: 0.0 for m in credentials.missing if m.id})
    rules = RuleEvidence(
        education=education.value,
        education_text=_education_text(resume),
        achievements=achievements.value,
        achievement_text=_achievement_text(resume),
        award_text=next((m.text for m in resume.metrics if m.kind in ("award", "ranking")), None),
    )
    skill_units = {
        o.skill.id: [e.text for e in o.matched.evidence] for o in skills if o.matched is not None
    }
    for outcome in skills:  # a group's members share the evidence of the one that met it
        if outcome.matched is not None:
            for requirement in job.requirements:
                for group in requirement.alternatives:
                    if outcome.skill.id in group:
                        for member in group:
                            skill_units.setdefault(member, skill_units[outcome.skill.id])
    requirements = assess_requirements(
        job, index, encoder, credits, experience.relevant_years, rules, skill_units, _proven(skills)
    )
    evidence, evidence_reason = evidence_value(requirements)

    components = normalise(
        [
            *_skill_components(skills),
            _years_component(job, experience),
            component("requirement_evidence", evidence, evidence_reason),
            component("education", education.value, education.reason),
            component(
                "certifications",
                credentials.value,
                credentials.reason,
                LICENCE_WEIGHT if requires_licence(job, taxonomy) else None,
            ),
            component("achievements", achievements.value, achievements.reason),
            component("title_fit", experience.title_value, experience.title_reason),
        ]
    )
    score = score_of(components)
    suggestions = suggest(
        SuggestionInputs(
            resume=resume,
            job=job,
            components=components,
            skills=skills,
            requirements=requirements,
            credentials=credentials,
            experience=experience,
            achievements=achievements,
            units=index.units,
        )
    )
    missing = missing_skills(skills, job) + credentials.missing
    report = MatchReport(
        score=score,
        band=band_of(
            score,
            hard_flag=any(
                m.kind == "licence" and m.importance == "required" for m in credentials.missing
            ),
        ),
        scorer=models.scorer,
        components=components,
        matched=[o.matched for o in skills if o.matched is not None],
        missing=missing,
        gaps=_gaps(job, skills, experience, credentials, education, achievements),
        requirements=[o.result for o in requirements],
        experience=ExperienceFit(
            required_min=job.years_min,
            required_max=job.years_max,
            candidate_total_years=round(resume.total_years, 1),
            candidate_relevant_years=experience.relevant_years,
        ),
        achievements=achievement_metrics(resume),
        suggestions=suggestions,
        warnings=resume.warnings,
        job_title=job.title,
        candidate=resume.contact.model_dump(include={"name", "email", "phone", "location"}),
    )
    return blind_report(report, resume) if blind else report


PROVEN_CREDIT = 0.9  # exact, alias, alternative or hierarchy, used in a bullet


def _proven(skills: list[SkillOutcome]) -> dict[str, list[str]]:
    """Skill id -> the role bullets that show it, for skills met with full evidence; the member
    of an alternatives group that met it proves the group's generic ask too."""
    proven: dict[str, list[str]] = {}
    for outcome in skills:
        matched = outcome.matched
        if matched is None or not matched.evidenced or matched.via == "semantic":
            continue
        if outcome.credit < PROVEN_CREDIT:
            continue
        texts = [e.text for e in matched.evidence if e.section == "experience"]
        if texts:
            proven[outcome.skill.id] = texts
            if matched.satisfied_by is not None:
                proven.setdefault(matched.id, texts)
    return proven


_DEGREE_WORDS = {
    "high_school": "High-school diploma",
    "associate": "Associate degree",
    "bachelor": "Bachelor's degree",
    "master": "Master's degree",
    "doctorate": "Doctorate",
}
_DEGREE_RANK = list(_DEGREE_WORDS)


def _education_text(resume: Resume) -> str | None:
    """The highest degree as evidence ("Bachelor's degree, Marketing, Ohio State"), no year."""
    held = [e for e in resume.education if e.degree]
    if not held:
        return None
    best = max(held, key=lambda e: _DEGREE_RANK.index(e.degree or "high_school"))
    field = (
        f"{best.field} ({best.concentration})" if best.field and best.concentration else best.field
    )
    parts = [_DEGREE_WORDS[best.degree or "high_school"], field, best.institution]
    return ", ".join(p for p in parts if p)


def _achievement_text(resume: Resume) -> str | None:
    """The best quota attainment figure, else an award or ranking."""
    attainment = [m for m in resume.metrics if m.kind == "quota_attainment" and m.value]
    if attainment:
        return max(attainment, key=lambda m: m.value or 0.0).text
    honours = [m for m in resume.metrics if m.kind in ("award", "ranking")]
    return honours[0].text if honours else None


def _skill_components(skills: list[SkillOutcome]) -> list[Component]:
    out: list[Component] = []
    for importance, name in (("required", "required_skills"), ("preferred", "preferred_skills")):
        found = coverage(skills, importance)
        if found is None:
            out.append(component(name, None, f"the posting lists no {importance} skills"))
            continue
        covered, total = found
        chosen = [o for o in skills if o.bucket == importance]
        matched = sum(o.matched is not None for o in chosen)
        listed_only = sum(o.matched is not None and not o.matched.evidenced for o in chosen)
        duties = [o for o in chosen if o.duty]
        if importance == "required" and duties:
            duties_met = sum(o.matched is not None for o in duties)
            reason = (
                f"{matched - duties_met} of {len(chosen) - len(duties)} required skills and "
                f"{duties_met} of {len(duties)} skills the duties name shown"
            )
        else:
            reason = f"{matched} of {len(chosen)} {importance} skills shown"
        if listed_only:
            reason += f", {listed_only} only in a skills list (partial credit)"
        out.append(component(name, covered / total, reason))
    return out


def _years_component(job: Job, experience: ExperienceAssessment) -> Component:
    if not job.years_min:
        return component("experience_years", None, "the posting asks for no minimum years")
    relevant = experience.relevant_years
    value = min(1.0, relevant / job.years_min)
    reason = (
        f"{relevant:g} relevant years of {experience.total_years:g} in total; "
        f"the posting asks for {job.years_min:g}+"
    )
    return component("experience_years", value, reason)


def _gaps(
    job: Job,
    skills: list[SkillOutcome],
    experience: ExperienceAssessment,
    credentials: RuleResult,
    education: RuleResult,
    achievements: RuleResult,
) -> list[Gap]:
    gaps: list[Gap] = []
    if job.years_min is not None and experience.relevant_years < job.years_min:
        gaps.append(
            Gap(
                kind="years",
                importance="required",
                required=job.years_min,
                candidate=experience.relevant_years,
                message=f"The posting asks for {job.years_min:g}+ years"
                + (f" ({experience.core_text})" if experience.core_text else "")
                + f"; the resume shows {experience.relevant_years:g} relevant years "
                f"({experience.total_years:g} in total).",
            )
        )
    for outcome in skills:
        if outcome.matched is None:
            gaps.append(
                Gap(
                    kind="skill",
                    importance=outcome.skill.importance,
                    required=outcome.skill.name,
                    message=f"{outcome.skill.name} ({outcome.skill.importance}): "
                    "no evidence in the resume.",
                )
            )
    return gaps + credentials.gaps + education.gaps + achievements.gaps
