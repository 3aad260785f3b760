"""Typed records of the skills taxonomy."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Category = Literal[
    "tool",
    "hard_skill",
    "methodology",
    "certification",
    "licence",
    "soft_skill",
    "language",
    "degree_field",
    "industry",
    "job_title",
]
CATEGORIES: tuple[str, ...] = Category.__args__  # type: ignore[attr-defined]


class Entry(BaseModel):
    """One canonical skill, tool, credential, field or title."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    category: Category
    aliases: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    # forms (name or aliases) that are also common words (Outreach, Excel, Go):
    # tagged only in context
    ambiguous: tuple[str, ...] = ()
    # more specific entries a bare mention usually means ("onboarding": customer or employee
    # onboarding); the tagger picks the one the other skills of the text point to
    senses: tuple[str, ...] = ()
    esco_uri: str | None = None
    onet_code: str | None = None
    source: Literal["curated", "esco", "onet"] = "curated"


class LookupResult(BaseModel):
    """What ``Taxonomy.lookup`` answers for one term."""

    id: str
    name: str
    category: Category
    parents: list[str] = Field(default_factory=list)
    matched_alias: str
    score: float  # 100 for an exact key, lower for a fuzzy (typo) match
    via: Literal["exact", "alias", "normalised", "fuzzy"]


class TaggedSpan(BaseModel):
    """A taxonomy entry found in text, with its character span."""

    model_config = ConfigDict(frozen=True)

    entry_id: str
    text: str
    start: int
    end: int
