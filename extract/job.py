"""A ``Document`` into a ``Job``: title, seniority, requirements with importance, skills, years,
education, credentials, metrics, travel, compensation, location and work mode.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable

from extract.certifications import find_certifications
from extract.contact import LOCATION_RE
from extract.dates import years_asked
from extract.education import DEGREE_ORDER, find_degrees
from extract.job_lines import REQUIREMENT_SECTIONS, line_around, reflow, requirement_lines
from extract.job_terms import (
    action_skills,
    compensation,
    education_fields,
    seniority_of,
    skill_groups,
    travel_percent,
    work_mode,
)
from extract.metrics import find_metrics
from extract.records import (
    Degree,
    Document,
    DocWarning,
    EducationAsk,
    Importance,
    Job,
    JobSkill,
    Requirement,
    Section,
)
from extract.sections import JOB_HEADINGS, find_sections
from extract.skills import Tag, tag_sections
from skills_taxonomy import Taxonomy

PREFERRED_RE = re.compile(
    r"\b(nice[- ]to[- ]have|(?:is|are|would be|a)\s+(?:a\s+)?(?:big\s+|huge\s+|strong\s+)?plus|"
    r"pluses|bonus|preferred|"
    r"preferably|ideally|desired|desirable|(?:an\s+)?advantage(?:ous)?|would be great|not required|"
    r"good to have|extra credit|helpful|appreciated)\b",
    re.IGNORECASE,
)
REQUIRED_RE = re.compile(
    r"\b(required|must|mandatory|essential|minimum|need to have)\b", re.IGNORECASE
)
_TITLE_LABEL = re.compile(
    r"^\s*(?:job\s+title|title|position|role)\s*:\s*(?P<t>.+)$", re.IGNORECASE | re.MULTILINE
)
_LOCATION_LABEL = re.compile(
    r"^\s*(?:job\s+)?location\s*:\s*(?P<l>.+)$", re.IGNORECASE | re.MULTILINE
)
_NOT_TITLE = re.compile(
    r"^(job description|about|overview|company|we are|who we are|position)\b", re.I
)
_CORE_WORDS = re.compile(
    r"\b(sales|selling|closing|quota|account executive|account management|business development|"
    r"b2b|saas|full[- ]cycle|experience as|experience in (?:a|an)|professional experience|"
    r"work experience|relevant experience|industry experience)\b",
    re.IGNORECASE,
)
_NOT_NEEDED = re.compile(r"\bnot (?:required|necessary|needed|a requirement)\b", re.IGNORECASE)
NOT_JOB_SKILLS = {"job_title", "degree_field", "certification", "licence"}


def _importance(text: str, section: str) -> Importance:
    if PREFERRED_RE.search(text):
        return "preferred"
    if REQUIRED_RE.search(text):
        return "required"
    return "preferred" if section == "preferred" else "required"


def parse_job(document: Document, taxonomy: Taxonomy) -> Job:
    """Parse a job posting. Pure: the same document and taxonomy give the same record."""
    text = reflow(document.text)  # same length: offsets into the document still hold
    sections = find_sections(text, JOB_HEADINGS, "intro")
    title = _title(text, sections)
    tags = tag_sections(sections, taxonomy, skip=frozenset({"about"}))
    tags = _with_actions(tags, sections, taxonomy)
    tags = [t for t in tags if t.entry_id in taxonomy]
    lines = requirement_lines(sections, text)

    requirements: list[Requirement] = []
    line_of_tag: dict[Tag, Requirement] = {}
    examples: set[int] = set()  # document offsets of "such as" examples
    for line in lines:
        line_tags = [t for t in tags if line.start <= t.start < line.end]
        kept = [
            t
            for t in line_tags
            if taxonomy.get(t.entry_id).category not in {"job_title", "degree_field"}
        ]
        grouped = skill_groups(
            line.text, [(t.entry_id, t.start - line.start, t.end - line.start) for t in kept]
        )
        examples.update(line.start + offset for offset in grouped.examples)
        years = years_asked(line.text)
        requirement = Requirement(
            text=line.clean,
            importance=_importance(line.text, line.section),
            skills=list(dict.fromkeys(t.entry_id for t in kept)),
            alternatives=grouped.groups,
            alternative_kinds=grouped.kinds,
            years_min=years[0] if years else None,
            years_max=years[1] if years else None,
        )
        requirements.append(requirement)
        for tag in line_tags:
            line_of_tag[tag] = requirement

    def importance_of(tag: Tag) -> Importance | None:
        if taxonomy.get(tag.entry_id).category == "industry" and not _asks_industry(
            tag, line_of_tag.get(tag), text, sections
        ):
            return None  # "Prospect into mid-market retailers": the market, not a skill
        if tag in line_of_tag:
            return line_of_tag[tag].importance
        return _outside_importance(tag, text, sections)

    def credential_importance(tag: Tag) -> Importance:
        # a licence named anywhere but a nice-to-have list is asked for
        if tag in line_of_tag:
            return line_of_tag[tag].importance
        return "preferred" if tag.section == "preferred" else "required"

    years_min, years_max = _main_years(requirements)
    body = "\n".join(s.text for s in sections if s.kind != "about")
    mode = work_mode(text)
    location = _LOCATION_LABEL.search(text)
    header_location = LOCATION_RE.search("\n".join(text.splitlines()[:8]))
    return Job(
        text=text,
        title=title,
        seniority=seniority_of(title),
        requirements=requirements,
        skills=_job_skills(tags, taxonomy, importance_of, examples),
        years_min=years_min,
        years_max=years_max,
        education=_education_ask(requirements, text),
        certifications=find_certifications(tags, taxonomy, credential_importance),
        metrics=find_metrics(body, unvalued=True),
        travel_percent=travel_percent(text),
        compensation=compensation(text),
        location=(
            location.group("l").strip()
            if location
            else header_location.group(1)
            if header_location
            else None
        ),
        remote=None if mode is None else mode == "remote",
        work_mode=mode,
        sections=sections,
        warnings=[*document.warnings, *_own_warnings(sections, requirements)],
    )


DUTIES_IMPORTANCE: Importance = "preferred"  # skills the duties name describe the work
# prose that asks for something even outside a requirements list
_CLEAR_ASK = re.compile(
    r"\b(experience (?:with|in|using)|proficien\w*|knowledge of|familiar\w* with|must|required|"
    r"you have|you bring|expertise (?:in|with)|skilled in|background in|hands-on)\b",
    re.IGNORECASE,
)
# headings of the work itself (duties), as opposed to an introduction of the role
_DUTY_HEADING = re.compile(
    r"responsibilit|what you('ll| will)? (?:do|own|work on|achieve)|duties|day[- ]to[- ]day|"
    r"your impact|you will|you'll be doing|what you'll be doing",
    re.IGNORECASE,
)


def _outside_importance(tag: Tag, text: str, sections: list[Section]) -> Importance | None:
    """A skill outside the requirement lines. Duties (bullets, or prose under a duties heading)
    describe the work, not a hard ask: preferred. Company, intro and role-overview prose count
    only when they clearly ask ("experience with X is required"); lines left out of a
    requirements list (pay, "not required") never count."""
    if tag.section == "preferred":
        return "preferred"
    if tag.section == "requirements":
        return None
    if _is_duty(tag, text, sections):
        return DUTIES_IMPORTANCE
    if _CLEAR_ASK.search(line_around(text, tag.start)[0]):
        return _importance(line_around(text, tag.start)[0], "")
    return None


def _is_duty(tag: Tag, text: str, sections: list[Section]) -> bool:
    """Outside the requirement sections: a bullet, or prose under a duties heading."""
    if tag.section in REQUIREMENT_SECTIONS:
        return False
    bullet = line_around(text, tag.start)[1]
    heading = next((s.heading for s in sections if s.start <= tag.start < s.end), None)
    return bullet or bool(
        tag.section == "responsibilities" and heading and _DUTY_HEADING.search(heading)
    )


# a line that asks for experience of an industry ("experience in retail", "healthcare background")
_INDUSTRY_ASK = re.compile(
    r"\b(experience|experienced|background|years?|knowledge|familiar\w*|exposure|industry|"
    r"sector|vertical|worked in|understanding of)\b",
    re.IGNORECASE,
)


def _asks_industry(
    tag: Tag, requirement: Requirement | None, text: str, sections: list[Section]
) -> bool:
    """An industry named in a requirement line that asks for experience of it, or in other prose
    that asks for it; industries named in duties or company text describe the market."""
    if requirement is not None:
        return bool(_INDUSTRY_ASK.search(requirement.text))
    if _is_duty(tag, text, sections) or _outside_importance(tag, text, sections) is None:
        return False
    return bool(_INDUSTRY_ASK.search(line_around(text, tag.start)[0]))


def _with_actions(tags: list[Tag], sections: list[Section], taxonomy: Taxonomy) -> list[Tag]:
    """Tags plus sales work written as verbs ("negotiate and close"), where no tag sits; a
    lower-case ambiguous tool name under the verb ("close" is also a CRM) gives way to it."""
    kept = list(tags)
    for section in sections:
        if section.kind == "about":
            continue
        for entry_id, start, end in action_skills(section.text):
            begin, finish = section.start + start, section.start + end
            overlapping = [t for t in kept if t.start < finish and begin < t.end]
            if any(not _ambiguous_word(t, taxonomy) for t in overlapping):
                continue
            kept = [t for t in kept if t not in overlapping]
            kept.append(Tag(entry_id, section.text[start:end], begin, finish, section.kind))
    return sorted(kept, key=lambda tag: tag.start)


def _ambiguous_word(tag: Tag, taxonomy: Taxonomy) -> bool:
    if tag.entry_id not in taxonomy or not tag.text.islower():
        return False
    entry = taxonomy.get(tag.entry_id)
    return tag.text.casefold() in {form.casefold() for form in entry.ambiguous}


def _own_warnings(sections: list[Section], requirements: list[Requirement]) -> list[DocWarning]:
    warnings = []
    if not any(s.kind in REQUIREMENT_SECTIONS for s in sections):
        warnings.append(
            DocWarning(
                code="no_requirements_section",
                message="no requirements heading; asks were read from lines that name them",
            )
        )
    if not requirements:
        warnings.append(DocWarning(code="no_requirements", message="no requirement was found"))
    return warnings


def _title(text: str, sections: list[Section]) -> str | None:
    if labelled := _TITLE_LABEL.search(text):
        return labelled.group("t").strip().strip("*#").strip()
    for line in text.splitlines()[:6]:
        candidate = line.strip().strip("#*_ ").strip()
        if (
            not candidate
            or _NOT_TITLE.match(candidate)
            or len(candidate) > 80
            or candidate.endswith(".")
        ):
            continue
        return candidate
    return None


def _main_years(requirements: list[Requirement]) -> tuple[float | None, float | None]:
    """The core ask: the largest required years on a line about the role's own experience."""
    with_years = [r for r in requirements if r.years_min is not None]
    required = [r for r in with_years if r.importance == "required"] or with_years
    if not required:
        return None, None
    core = [r for r in required if _CORE_WORDS.search(r.text)] or required
    best = max(core, key=lambda r: r.years_min or 0)
    return best.years_min, best.years_max


def _job_skills(
    tags: list[Tag],
    taxonomy: Taxonomy,
    importance_of: Callable[[Tag], Importance | None],
    examples: set[int],
) -> list[JobSkill]:
    counts: dict[str, int] = defaultdict(int)
    importance: dict[str, Importance] = {}
    for tag in tags:
        if tag.entry_id not in taxonomy or taxonomy.get(tag.entry_id).category in NOT_JOB_SKILLS:
            continue
        level = importance_of(tag)
        if level is None:
            continue  # company or role-intro prose, a pay line: not an ask
        counts[tag.entry_id] += 1
        if tag.start in examples:
            level = "preferred"  # "a CRM such as Salesforce": any CRM will do
        if importance.get(tag.entry_id) != "required":
            importance[tag.entry_id] = level
    skills = []
    for entry_id, count in counts.items():
        entry = taxonomy.get(entry_id)
        skills.append(
            JobSkill(
                id=entry.id,
                name=entry.name,
                category=entry.category,
                importance=importance[entry_id],
                count=count,
            )
        )
    return skills


def _clause(text: str, position: int) -> str:
    starts = [m.end() for m in re.finditer(r"[;.]\s", text) if m.end() <= position]
    end = re.search(r"[;.](?:\s|$)", text[position:])
    return text[max(starts, default=0) : position + end.start() if end else len(text)]


def _education_ask(requirements: list[Requirement], text: str) -> EducationAsk:
    found: list[tuple[Degree, Importance, str]] = []
    or_equivalent = False
    fields: list[str] = []
    for requirement in requirements:
        if _NOT_NEEDED.search(requirement.text):
            continue  # "Bachelor's degree not required"
        for mention in find_degrees(requirement.text, in_education_section=False):
            # "Bachelor's degree required; MBA a plus": each degree takes its own clause's weight
            clause = _clause(requirement.text, mention.start)
            level = _importance(
                clause, "preferred" if requirement.importance == "preferred" else ""
            )
            found.append((mention.degree, level, requirement.text))
            fields.extend(
                f for f in education_fields(requirement.text[mention.end :]) if f not in fields
            )
        if found and re.search(r"equivalent|in lieu of", requirement.text, re.IGNORECASE):
            or_equivalent = True
    if not found:
        return EducationAsk(
            or_equivalent=bool(re.search(r"or equivalent (?:work )?experience", text, re.I))
        )
    required = [degree for degree, level, _ in found if level == "required"]
    pool = required or [degree for degree, _, _ in found]
    degree_min = min(pool, key=DEGREE_ORDER.index)
    preferred = [
        degree
        for degree, level, _ in found
        if required
        and level == "preferred"
        and DEGREE_ORDER.index(degree) > DEGREE_ORDER.index(degree_min)
    ]
    return EducationAsk(
        degree_min=degree_min,
        fields=fields,
        or_equivalent=or_equivalent,
        importance="required" if required else "preferred",
        degree_preferred=max(preferred, key=DEGREE_ORDER.index) if preferred else None,
    )
