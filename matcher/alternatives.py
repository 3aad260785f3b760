"""Alternatives groups of a posting: "MEDDIC or MEDDPICC" (any one meets the ask) and "a CRM
such as Salesforce or HubSpot" (a generic ask with examples), from its requirement and duty lines.
"""

from __future__ import annotations

from extract.job_terms import skill_groups
from extract.records import Job
from skills_taxonomy import Taxonomy

NOT_SKILLS = ("certification", "licence", "job_title", "degree_field")  # as matcher.skills


Groups = list[tuple[list[str], bool]]


def alternatives_of(groups: Groups, skill_id: str) -> set[str]:
    """Ids that the posting accepts instead of this one ("MEDDIC or MEDDPICC")."""
    others: set[str] = set()
    for group, _ in groups:
        if skill_id in group:
            others.update(other for other in group if other != skill_id)
    return others


def alternative_groups(job: Job, taxonomy: Taxonomy) -> Groups:
    """Alternatives groups, each with whether it is a generic ask with examples ("a CRM such as
    Salesforce or HubSpot", kind ``such_as``) rather than a plain choice ("MEDDIC or MEDDPICC"):
    those of the requirement lines (their kinds come from the record), and those of duty lines
    ("sequences in SalesLoft or Outreach")."""
    seen: Groups = []

    def add(group: list[str], kind: str) -> None:
        if all(group != known for known, _ in seen):
            seen.append((group, kind == "such_as"))

    for requirement in job.requirements:
        kinds = requirement.alternative_kinds
        for number, group in enumerate(requirement.alternatives):
            add(group, kinds[number] if number < len(kinds) else "any_of")
    for section in job.sections:
        if section.kind not in ("responsibilities", "intro"):
            continue
        for line in section.text.splitlines():
            spans = [
                (span.entry_id, span.start, span.end)
                for span in taxonomy.tag(line)
                if span.entry_id in taxonomy
                and taxonomy.get(span.entry_id).category not in NOT_SKILLS
            ]
            found = skill_groups(line, spans)
            for group, kind in zip(found.groups, found.kinds, strict=True):
                add(group, kind)
    return seen
