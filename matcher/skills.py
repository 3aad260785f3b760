"""Skill coverage: each JD skill matched to the resume exactly, by alias, by hierarchy, through an
alternative ("MEDDIC or MEDDPICC") or, conservatively, by embedding similarity.

Anti-gaming: a skill only listed in a skills section earns ``LISTED_ONLY_CREDIT``; repeating a
keyword in the resume adds nothing (one credit per JD skill); hidden text never reaches here (the
extractor drops it).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace

from extract.job_terms import action_skills
from extract.records import Job, JobSkill, Resume, ResumeSkill
from jobfit.errors import NotFound
from matcher.alternatives import Groups, alternative_groups, alternatives_of
from matcher.encoder import Encoder
from matcher.evidence import EvidenceIndex, Unit
from matcher.records import Evidence, Matched, Missing, Via
from skills_taxonomy import Taxonomy

DUTY_WEIGHT = 1.0  # a skill only the duties name, within the required-skills component
LISTED_ONLY_CREDIT = 0.6  # listed in a skills section but never used in a bullet
# most matched skills only listed: the resume is a keyword list, its listed skills count less
KEYWORD_LIST_CREDIT, KEYWORD_LIST_SHARE, KEYWORD_LIST_MIN = 0.3, 0.5, 3
VIA_CREDIT: dict[str, float] = {
    "exact": 1.0,
    "alias": 1.0,
    "alternative": 1.0,
    "hierarchy": 0.9,
    "semantic": 0.7,
}
SEMANTIC_NAME_THRESHOLD = 0.80  # resume skill name vs JD skill name
SEMANTIC_BULLET_THRESHOLD = 0.70  # a bullet vs a JD skill name (rare: names are short)
SEMANTIC_CATEGORIES = ("hard_skill", "methodology", "industry")
# scored elsewhere: licences and certifications, titles, degree fields
NOT_SKILLS = ("certification", "licence", "job_title", "degree_field")
# skills that resume figures prove (taxonomy id -> metric kinds)
METRIC_SKILLS: dict[str, tuple[str, ...]] = {
    "quota-attainment": ("quota_attainment", "quota"),
    "net-revenue-retention": ("retention",),
}
_FOLD = re.compile(r"[^0-9a-z+#]+")


@dataclass(frozen=True)
class SkillOutcome:
    skill: JobSkill
    weight: float  # importance within its component (repeated mentions in the JD weigh more)
    credit: float  # 0..1
    matched: Matched | None
    job_term: str  # how the posting writes it
    duty: bool = False  # preferred only because the duties name it: scored with the required

    @property
    def bucket(self) -> str:
        """The skills component that scores it: duty skills describe the core work, so they
        count with the required skills at DUTY_WEIGHT (see docs/DECISIONS.md)."""
        return "required" if self.skill.importance == "required" or self.duty else "preferred"


def fold(term: str) -> str:
    return _FOLD.sub("", term.casefold())


def skill_weight(skill: JobSkill) -> float:
    repeat = 1.0 + 0.5 * math.log2(max(1, skill.count))
    return min(2.0, repeat) * (0.5 if skill.category == "soft_skill" else 1.0)


def job_terms(job: Job, taxonomy: Taxonomy) -> dict[str, str]:
    """Skill id -> the form the posting uses most."""
    forms: dict[str, Counter[str]] = {}
    for span in taxonomy.tag(job.text):
        forms.setdefault(span.entry_id, Counter())[span.text] += 1
    return {entry_id: counts.most_common(1)[0][0] for entry_id, counts in forms.items()}


def _satisfies(taxonomy: Taxonomy, candidate: str, required: str) -> bool:
    try:
        return taxonomy.satisfies(candidate, required)
    except NotFound:
        return candidate == required


def _resume_term(skill: ResumeSkill) -> str:
    counts = Counter(" ".join(mention.text.split()) for mention in skill.mentions)
    return counts.most_common(1)[0][0] if counts else skill.name


def _different_terms(resume_term: str, job_term: str) -> bool:
    """SFDC vs Salesforce; not Outreach vs "Outreach sequences"."""
    mine, theirs = fold(resume_term), fold(job_term)
    return bool(mine) and bool(theirs) and mine not in theirs and theirs not in mine


def _evidence(skill: ResumeSkill, index: EvidenceIndex) -> list[Evidence]:
    """Up to three spans, bullets before skills-list mentions."""
    out: list[Evidence] = []
    seen: set[str] = set()
    mentions = sorted(skill.mentions, key=lambda m: (m.section != "experience", m.start))
    for mention in mentions:
        unit = index.unit_containing(mention.start)
        if unit is not None:
            item = Evidence(text=unit.text, start=unit.start, end=unit.end, section=unit.section)
        else:
            item = Evidence(
                text=" ".join(mention.text.split()),  # a mention may wrap: "discovery\ncalls"
                start=mention.start,
                end=mention.end,
                section=mention.section,
            )
        if item.text not in seen:
            seen.add(item.text)
            out.append(item)
        if len(out) == 3:
            break
    return out


def match_skills(
    resume: Resume, job: Job, taxonomy: Taxonomy, encoder: Encoder, index: EvidenceIndex
) -> list[SkillOutcome]:
    """One outcome per JD skill that the skills components score."""
    wanted = [skill for skill in job.skills if skill.category not in NOT_SKILLS]
    by_id = {skill.id: skill for skill in resume.skills}
    terms = job_terms(job, taxonomy)
    outcomes: list[SkillOutcome] = []
    unresolved: list[JobSkill] = []
    actions = _action_units(index)
    groups = alternative_groups(job, taxonomy)
    for skill in wanted:
        job_term = terms.get(skill.id, skill.name)
        found = _linked(skill, groups, by_id, taxonomy, job_term)
        listed_only = found is not None and not found[0].evidenced
        if (found is None or listed_only) and skill.id in actions:
            outcomes.append(_from_action(skill, actions[skill.id], job_term))
            continue
        if found is None and skill.id in METRIC_SKILLS:
            metric_outcome = _from_metrics(skill, resume, job_term)
            if metric_outcome is not None:
                outcomes.append(metric_outcome)
                continue
        if found is None:
            unresolved.append(skill)
            continue
        held, via = found
        outcomes.append(_outcome(skill, held, via, job_term, index))
    outcomes += _semantic(unresolved, resume, terms, encoder, index)
    order = {skill.id: position for position, skill in enumerate(wanted)}
    outcomes = [_mark_duty(o, job) for o in collapse_alternatives(outcomes, groups)]
    outcomes = _discount_keyword_lists(outcomes)
    return sorted(outcomes, key=lambda outcome: order[outcome.skill.id])


def _discount_keyword_lists(outcomes: list[SkillOutcome]) -> list[SkillOutcome]:
    """A resume whose matched skills are mostly only listed (a keyword list, not work) gets
    KEYWORD_LIST_CREDIT for those instead of LISTED_ONLY_CREDIT."""
    linked = [o for o in outcomes if o.matched is not None and o.matched.via != "semantic"]
    listed = [o for o in linked if not o.matched or not o.matched.evidenced]
    if len(listed) < KEYWORD_LIST_MIN or len(listed) <= KEYWORD_LIST_SHARE * len(linked):
        return outcomes
    factor = KEYWORD_LIST_CREDIT / LISTED_ONLY_CREDIT
    return [replace(o, credit=round(o.credit * factor, 4)) if o in listed else o for o in outcomes]


def _mark_duty(outcome: SkillOutcome, job: Job) -> SkillOutcome:
    if outcome.skill.importance != "preferred" or requirement_for(job, outcome.skill.id):
        return outcome
    return replace(outcome, duty=True, weight=outcome.weight * DUTY_WEIGHT)


def collapse_alternatives(outcomes: list[SkillOutcome], groups: Groups) -> list[SkillOutcome]:
    """One outcome per alternatives group ("MEDDIC or MEDDPICC", "a CRM such as Salesforce or
    HubSpot"): the best member when any is met, else the first, named after the whole group.
    Other members leave the list (no missing item, gap or suggestion; coverage counts the group
    once), except a member the posting also names on its own and the resume shows directly."""
    by_id = {o.skill.id: o for o in outcomes}
    dropped: set[str] = set()
    replaced: dict[str, SkillOutcome] = {}
    groups_of: Counter[str] = Counter(i for g, _ in groups for i in g)
    for group, generic in groups:
        members = [by_id[i] for i in group if i in by_id and i not in dropped]
        if len(members) < 2:
            continue
        met = [o for o in members if o.matched is not None]
        importance = (
            "required" if any(o.skill.importance == "required" for o in members) else ("preferred")
        )
        if met:
            keep = max(
                met,
                key=lambda o: (
                    (o.credit, o.matched.via != "alternative", -group.index(o.skill.id))
                    if o.matched
                    else (0.0, False, 0)
                ),
            )
            head = by_id.get(group[0])
            if generic and head is not None and keep is not head:
                # "a CRM such as ...": the generic ask, met via its best example
                if head.matched is not None and head.credit >= keep.credit:
                    keep = head
                else:
                    keep = _via_example(head, keep)
                    by_id[head.skill.id] = keep
        else:
            keep = members[0]
        skill = keep.skill.model_copy(update={"importance": importance})
        matched = keep.matched
        if matched is not None:
            matched = matched.model_copy(update={"importance": importance})
        name = keep.skill.name if met else " or ".join(o.skill.name for o in members)
        replaced[keep.skill.id] = replace(
            keep, skill=skill.model_copy(update={"name": name}), matched=matched
        )
        for other in members:
            if other is keep or other.skill.id == keep.skill.id:
                continue
            direct = other.matched is not None and other.matched.via != "alternative"
            if not (direct and other.skill.count > groups_of[other.skill.id]):
                dropped.add(other.skill.id)
    return [replaced.get(o.skill.id, o) for o in outcomes if o.skill.id not in dropped]


def _via_example(head: SkillOutcome, example: SkillOutcome) -> SkillOutcome:
    """The generic ask of a "such as" group ("a CRM") met through an example (Salesforce)."""
    assert example.matched is not None
    matched = example.matched.model_copy(
        update={
            "id": head.skill.id,
            "name": head.skill.name,
            "via": "hierarchy",
            "satisfied_by": example.matched.satisfied_by or example.skill.name,
        }
    )
    return replace(head, credit=example.credit, matched=matched)


def _action_units(index: EvidenceIndex) -> dict[str, list[Unit]]:
    """Role bullets that show a sales action as a verb ("negotiated", "prospected into")."""
    found: dict[str, list[Unit]] = {}
    for unit in index.units:
        if unit.role is None:
            continue
        for entry_id, _, _ in action_skills(unit.text):
            if unit not in found.setdefault(entry_id, []):
                found[entry_id].append(unit)
    return found


def _from_action(skill: JobSkill, units: list[Unit], job_term: str) -> SkillOutcome:
    matched = Matched(
        id=skill.id,
        name=skill.name,
        importance=skill.importance,
        evidence=[
            Evidence(text=u.text, start=u.start, end=u.end, section=u.section) for u in units[:3]
        ],
        via="alias",
    )
    return SkillOutcome(skill, skill_weight(skill), 1.0, matched, job_term)


def _from_metrics(skill: JobSkill, resume: Resume, job_term: str) -> SkillOutcome | None:
    """Skills that a figure proves: "124% of quota" shows quota attainment."""
    metrics = [m for m in resume.metrics if m.kind in METRIC_SKILLS[skill.id]]
    if not metrics:
        return None
    matched = Matched(
        id=skill.id,
        name=skill.name,
        importance=skill.importance,
        evidence=[Evidence(text=m.text, section="experience") for m in metrics[:3]],
        via="exact",
    )
    return SkillOutcome(skill, skill_weight(skill), 1.0, matched, job_term)


def _linked(
    skill: JobSkill,
    groups: Groups,
    by_id: dict[str, ResumeSkill],
    taxonomy: Taxonomy,
    job_term: str,
) -> tuple[ResumeSkill, Via] | None:
    held = by_id.get(skill.id)
    if held is not None:
        resume_forms = {fold(mention.text) for mention in held.mentions} or {fold(held.name)}
        via: Via = "exact" if fold(job_term) in resume_forms else "alias"
        return held, via
    for other_id in sorted(alternatives_of(groups, skill.id)):
        if other_id in by_id:
            return by_id[other_id], "alternative"
    candidates = [s for s in by_id.values() if _satisfies(taxonomy, s.id, skill.id)]
    if candidates:
        best = max(candidates, key=lambda s: (s.evidenced, len(s.mentions), s.id))
        return best, "hierarchy"
    return None


def _outcome(
    skill: JobSkill, held: ResumeSkill, via: Via, job_term: str, index: EvidenceIndex
) -> SkillOutcome:
    credit = VIA_CREDIT[via] * (1.0 if held.evidenced else LISTED_ONLY_CREDIT)
    resume_term = _resume_term(held)
    matched = Matched(
        id=skill.id,
        name=skill.name,
        importance=skill.importance,
        evidence=_evidence(held, index),
        via=via,
        resume_term=(
            resume_term
            if _different_terms(resume_term, job_term) and _different_terms(resume_term, skill.name)
            else None
        ),
        evidenced=held.evidenced,
        satisfied_by=held.name if held.id != skill.id else None,
    )
    return SkillOutcome(skill, skill_weight(skill), credit, matched, job_term)


def _semantic(
    skills: list[JobSkill],
    resume: Resume,
    terms: dict[str, str],
    encoder: Encoder,
    index: EvidenceIndex,
) -> list[SkillOutcome]:
    """Skills without a taxonomy link: a near-identical resume skill name, or a bullet."""
    outcomes: list[SkillOutcome] = []
    if not skills:
        return outcomes
    names = encoder.encode([skill.name for skill in skills])
    held = [s for s in resume.skills if s.category not in NOT_SKILLS]
    held_vectors = encoder.encode([s.name for s in held])
    bullet_sims = index.similarities(names)
    for row, skill in enumerate(skills):
        job_term = terms.get(skill.id, skill.name)
        outcome = SkillOutcome(skill, skill_weight(skill), 0.0, None, job_term)
        if skill.category in SEMANTIC_CATEGORIES:
            sims = held_vectors @ names[row] if held else []
            best = int(max(range(len(held)), key=lambda i: sims[i])) if held else -1
            if best >= 0 and round(float(sims[best]), 4) >= SEMANTIC_NAME_THRESHOLD:
                outcome = _outcome(skill, held[best], "semantic", job_term, index)
            else:
                unit, similarity = index.best(bullet_sims[row], roles_only=True)
                if unit is not None and similarity >= SEMANTIC_BULLET_THRESHOLD:
                    matched = Matched(
                        id=skill.id,
                        name=skill.name,
                        importance=skill.importance,
                        evidence=[
                            Evidence(
                                text=unit.text,
                                start=unit.start,
                                end=unit.end,
                                section=unit.section,
                                similarity=round(similarity, 3),
                            )
                        ],
                        via="semantic",
                    )
                    outcome = SkillOutcome(
                        skill, skill_weight(skill), VIA_CREDIT["semantic"], matched, job_term
                    )
        outcomes.append(outcome)
    return outcomes


def missing_skills(outcomes: list[SkillOutcome], job: Job) -> list[Missing]:
    out: list[Missing] = []
    for outcome in outcomes:
        if outcome.matched is None:
            out.append(
                Missing(
                    id=outcome.skill.id,
                    name=outcome.skill.name,
                    kind="skill",
                    importance=outcome.skill.importance,
                    requirement=requirement_for(job, outcome.skill.id),
                )
            )
    return out


def requirement_for(job: Job, skill_id: str) -> str | None:
    """The first requirement line that names this skill (directly or as an alternative)."""
    for requirement in job.requirements:
        if skill_id in requirement.skills or any(skill_id in g for g in requirement.alternatives):
            return requirement.text
    return None


def coverage(outcomes: list[SkillOutcome], importance: str) -> tuple[float, float] | None:
    """(covered weight, total weight) for one importance, or None when the JD lists none."""
    chosen = [o for o in outcomes if o.bucket == importance]
    if not chosen:
        return None
    total = sum(o.weight for o in chosen)
    return sum(o.weight * o.credit for o in chosen), total
