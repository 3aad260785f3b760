"""Resume and Job records built by hand for the matcher tests (independent of the extractor).

Skills are tagged with the real taxonomy, so ids, aliases and the hierarchy are the real ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.records import (
    Certification,
    Contact,
    DocWarning,
    Education,
    EducationAsk,
    Experience,
    Job,
    JobSkill,
    Link,
    Mention,
    Metric,
    Requirement,
    Resume,
    ResumeSkill,
    Section,
)
from skills_taxonomy import Taxonomy


@dataclass
class Role:
    title: str
    employer: str
    start: str  # YYYY-MM
    end: str | None  # None: current
    bullets: list[str]
    months: int | None = None


@dataclass
class Person:
    name: str = "Jordan Avery"
    email: str = "jordan.avery@example.com"
    phone: str = "+1 415 555 0134"
    location: str = "Oakland, CA"
    link: str = "https://linkedin.com/in/jordanavery"
    grad_year: int = 2014


@dataclass
class ResumeSpec:
    summary: str | None
    roles: list[Role]
    skills_list: list[str] = field(default_factory=list)
    education: list[tuple[str, str]] = field(default_factory=lambda: [("bachelor", "Business")])
    certifications: list[str] = field(default_factory=list)  # taxonomy ids
    metrics: list[Metric] = field(default_factory=list)
    warnings: list[DocWarning] = field(default_factory=list)


def _months(role: Role, now: str = "2025-06") -> int:
    if role.months is not None:
        return role.months
    start_y, start_m = (int(x) for x in role.start.split("-"))
    end_y, end_m = (int(x) for x in (role.end or now).split("-"))
    return (end_y - start_y) * 12 + end_m - start_m + 1


def make_resume(spec: ResumeSpec, taxonomy: Taxonomy, person: Person | None = None) -> Resume:
    person = person or Person()
    parts: list[str] = []
    sections: list[Section] = []
    cursor = 0

    def add(kind: str, heading: str | None, body: str) -> int:
        nonlocal cursor
        block = (heading + "\n" if heading else "") + body + "\n\n"
        body_start = cursor + (len(heading) + 1 if heading else 0)
        sections.append(
            Section(
                kind=kind, heading=heading, start=body_start, end=body_start + len(body), text=body
            )
        )
        parts.append(block)
        cursor += len(block)
        return body_start

    add(
        "contact",
        None,
        f"{person.name}\n{person.email} | {person.phone} | {person.location}\n{person.link}",
    )
    if spec.summary:
        add("summary", "SUMMARY", spec.summary)
    experience: list[Experience] = []
    lines: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for role in spec.roles:
        header = f"{role.title}, {role.employer}  {role.start} - {role.end or 'Present'}"
        block = [header] + [f"- {bullet}" for bullet in role.bullets]
        text = "\n".join(block)
        spans.append((offset, offset + len(text)))
        offset += len(text) + 1
        lines.append(text)
    experience_start = add("experience", "EXPERIENCE", "\n".join(lines))
    for role, (begin, end) in zip(spec.roles, spans, strict=True):
        experience.append(
            Experience(
                title=role.title,
                employer=role.employer,
                start=role.start,
                end=role.end,
                months=_months(role),
                current=role.end is None,
                bullets=role.bullets,
                text_start=experience_start + begin,
                text_end=experience_start + end,
            )
        )
    skills_start = add("skills", "SKILLS", ", ".join(spec.skills_list)) if spec.skills_list else -1
    education_lines = [
        f"{_degree_label(degree)} {field_name}, State University, {person.grad_year}"
        for degree, field_name in spec.education
    ]
    if education_lines:
        add("education", "EDUCATION", "\n".join(education_lines))
    if spec.certifications:
        add(
            "certifications",
            "CERTIFICATIONS",
            "\n".join(taxonomy.get(c).name for c in spec.certifications),
        )
    text = "".join(parts)

    mentions: dict[str, list[Mention]] = {}
    for section in sections:
        if section.kind not in ("summary", "experience", "skills"):
            continue
        for span in taxonomy.tag(section.text, skills_list=section.kind == "skills"):
            mentions.setdefault(span.entry_id, []).append(
                Mention(
                    text=span.text,
                    start=section.start + span.start,
                    end=section.start + span.end,
                    section=section.kind,
                )
            )
    skills = [
        ResumeSkill(
            id=entry_id,
            name=taxonomy.get(entry_id).name,
            category=taxonomy.get(entry_id).category,
            mentions=found,
            evidenced=any(m.section == "experience" for m in found),
        )
        for entry_id, found in mentions.items()
    ]
    del skills_start
    total_months = sum(_months(role) for role in spec.roles)  # fixtures have no overlaps
    return Resume(
        text=text,
        format="text",
        sections=sections,
        contact=Contact(
            name=person.name,
            email=person.email,
            phone=person.phone,
            location=person.location,
            links=[Link(kind="linkedin", url=person.link)],
        ),
        summary=spec.summary,
        skills=skills,
        experience=experience,
        total_years=round(total_months / 12, 1),
        education=[
            Education(
                degree=degree,
                field=field_name,
                institution="State University",  # type: ignore[arg-type]
                year=person.grad_year,
            )
            for degree, field_name in spec.education
        ],
        certifications=[
            Certification(id=c, name=taxonomy.get(c).name) for c in spec.certifications
        ],
        metrics=spec.metrics,
        warnings=spec.warnings,
    )


def _degree_label(degree: str) -> str:
    return {
        "bachelor": "BA",
        "master": "MBA",
        "associate": "AS",
        "doctorate": "PhD",
        "high_school": "Diploma",
    }.get(degree, degree)


@dataclass
class Line:
    text: str
    importance: str = "required"
    years_min: float | None = None
    alternatives: list[list[str]] = field(default_factory=list)


def make_job(
    title: str,
    lines: list[Line],
    taxonomy: Taxonomy,
    *,
    seniority: str | None = None,
    years_min: float | None = None,
    degree_min: str | None = None,
    fields: list[str] | None = None,
    or_equivalent: bool = False,
    metrics: list[Metric] | None = None,
) -> Job:
    """A job whose requirements and skills are tagged from its lines with the real taxonomy."""
    text = title + "\n\nRequirements\n" + "\n".join(f"- {line.text}" for line in lines)
    requirements: list[Requirement] = []
    skills: dict[str, JobSkill] = {}
    certifications: dict[str, Certification] = {}
    for line in lines:
        ids = list(dict.fromkeys(span.entry_id for span in taxonomy.tag(line.text)))
        grouped = {i for group in line.alternatives for i in group}
        requirements.append(
            Requirement(
                text=line.text,
                importance=line.importance,  # type: ignore[arg-type]
                skills=[i for i in ids if i not in grouped],
                alternatives=line.alternatives,
                years_min=line.years_min,
            )
        )
        for entry_id in ids:
            entry = taxonomy.get(entry_id)
            if entry.category in ("certification", "licence"):
                certifications.setdefault(
                    entry_id,
                    Certification(id=entry_id, name=entry.name, importance=line.importance),
                )  # type: ignore[arg-type]
                continue
            if entry_id in skills:
                skills[entry_id] = skills[entry_id].model_copy(
                    update={"count": skills[entry_id].count + 1}
                )
                continue
            skills[entry_id] = JobSkill(
                id=entry_id, name=entry.name, category=entry.category, importance=line.importance
            )  # type: ignore[arg-type]
    return Job(
        text=text,
        title=title,
        seniority=seniority,
        requirements=requirements,
        skills=list(skills.values()),
        years_min=years_min,
        years_max=None,
        education=EducationAsk(
            degree_min=degree_min,
            fields=fields or [],  # type: ignore[arg-type]
            or_equivalent=or_equivalent,
        ),
        certifications=list(certifications.values()),
        metrics=metrics or [],
    )


def attainment(value: float, period: str = "2024") -> Metric:
    return Metric(
        kind="quota_attainment",
        value=value,
        unit="percent",
        period=period,
        text=f"{value:g}% of quota in {period}",
    )
