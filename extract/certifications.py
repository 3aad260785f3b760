"""Certifications and licences: taxonomy entries of those categories, first mention first."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from extract.records import Certification, Importance
from extract.skills import Tag
from skills_taxonomy import Taxonomy

CREDENTIAL_CATEGORIES = {"certification", "licence"}


def find_certifications(
    tags: Iterable[Tag],
    taxonomy: Taxonomy,
    importance_of: Callable[[Tag], Importance | None] | None = None,
) -> list[Certification]:
    """One record per credential; on job records the importance is the strongest of its mentions."""
    found: dict[str, Certification] = {}
    for tag in tags:
        if tag.entry_id not in taxonomy:
            continue
        entry = taxonomy.get(tag.entry_id)
        if entry.category not in CREDENTIAL_CATEGORIES:
            continue
        importance = importance_of(tag) if importance_of else None
        known = found.get(entry.id)
        if known is None:
            found[entry.id] = Certification(id=entry.id, name=entry.name, importance=importance)
        elif importance == "required" and known.importance != "required":
            found[entry.id] = known.model_copy(update={"importance": "required"})
    return list(found.values())
