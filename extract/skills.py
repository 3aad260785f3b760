"""Skills: taxonomy tags over each section, grouped by entry, with evidence, years and last use."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from extract.dates import YearMonth, merged_months
from extract.experience import role_interval
from extract.records import Experience, Mention, ResumeSkill, Section
from skills_taxonomy import Taxonomy

# sections whose text is a list of skills: ambiguous forms (Excel, Go, Outreach) count there
LIST_SECTIONS = {"skills", "languages", "certifications"}
# a mention in these sections shows the skill in use
EVIDENCE_SECTIONS = {"experience", "projects"}
# categories reported elsewhere (certifications, education) or not skills at all (job titles)
NOT_SKILLS = {"job_title", "degree_field", "certification", "licence"}


@dataclass(frozen=True)
class Tag:
    entry_id: str
    text: str
    start: int  # document offsets
    end: int
    section: str


def tag_sections(
    sections: list[Section], taxonomy: Taxonomy, skip: frozenset[str] = frozenset()
) -> list[Tag]:
    """Taxonomy tags over every section, offsets moved to the document's."""
    tags: list[Tag] = []
    for section in sections:
        if section.kind in skip or not section.text.strip():
            continue
        as_list = section.kind in LIST_SECTIONS
        for span in taxonomy.tag(section.text, skills_list=as_list):
            tags.append(
                Tag(
                    span.entry_id,
                    span.text,
                    section.start + span.start,
                    section.start + span.end,
                    section.kind,
                )
            )
    tags.sort(key=lambda tag: tag.start)
    return tags


def resume_skills(
    tags: list[Tag], taxonomy: Taxonomy, roles: list[Experience], today: date
) -> list[ResumeSkill]:
    """One record per taxonomy entry, in order of first mention."""
    by_entry: dict[str, list[Tag]] = defaultdict(list)
    for tag in tags:
        if tag.entry_id in taxonomy:
            by_entry[tag.entry_id].append(tag)
    skills: list[ResumeSkill] = []
    for entry_id, mentions in by_entry.items():
        entry = taxonomy.get(entry_id)
        if entry.category in NOT_SKILLS:
            continue
        used_in = [role for role in roles if _mentions_role(mentions, role)]
        intervals = [span for role in used_in if (span := role_interval(role, today)) is not None]
        years = round(merged_months(intervals) / 12, 1) if intervals else None
        last_used = max((end for _, end in intervals), default=None)
        skills.append(
            ResumeSkill(
                id=entry.id,
                name=entry.name,
                category=entry.category,
                mentions=[
                    Mention(text=m.text, start=m.start, end=m.end, section=m.section)
                    for m in mentions
                ],
                evidenced=any(m.section in EVIDENCE_SECTIONS for m in mentions),
                years=years,
                last_used=_iso(last_used),
            )
        )
    return skills


def _mentions_role(mentions: list[Tag], role: Experience) -> bool:
    if role.text_start is None or role.text_end is None:
        return False
    return any(role.text_start <= m.start < role.text_end for m in mentions)


def _iso(month: YearMonth | None) -> str | None:
    return month.iso() if month else None
