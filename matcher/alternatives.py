"""Alternatives groups of a posting: "MEDDIC or MEDDPICC" (any one meets the ask) and "a CRM
such as Salesforce or HubSpot" (a generic ask with examples), from its requirement and duty lines.
"""

from __future__ import annotations

import re

from extract.job_terms import alternatives
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


_EXAMPLES = re.compile(r"\b(?:such as|e\.g\.?|like|including|for example|i\.e\.?)\s", re.I)


def alternative_groups(job: Job, taxonomy: Taxonomy) -> Groups:
    """Alternatives groups, each with whether it is a generic ask with examples ("a CRM such as
    Salesforce or HubSpot") rather than a plain choice ("MEDDIC or MEDDPICC"): those of the
    requirement lines, and those of duty lines ("sequences in SalesLoft or Outreach")."""
    seen: Groups = []

    def add(group: list[str], line: str) -> None:
        if all(group != known for known, _ in seen):
            seen.append((group, bool(_EXAMPLES.search(line))))

    for requirement in job.requirements:
        for group in requirement.alternatives:
            add(group, requirement.text)
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
            for group in alternatives(line, spans)[0]:
                add(group, line)
    return seen
