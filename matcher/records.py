"""The match report: what the CLI prints, the API returns and the batch screen stores."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from extract.records import DocWarning, Importance, Metric

Band = Literal["strong", "good", "partial", "weak"]
Via = Literal["exact", "alias", "hierarchy", "alternative", "semantic"]
Status = Literal["met", "partial", "unmet"]


class Component(BaseModel):
    name: str  # required_skills, preferred_skills, experience_years, requirement_evidence, ...
    value: float  # 0..1
    weight: float  # normalised over the components that apply: score = 100 * sum(weight * value)
    reason: str
    applies: bool = True  # False: the posting does not ask for it; weight 0


class Evidence(BaseModel):
    text: str  # one sentence; a sentence wrapped across lines is joined with single spaces
    start: int | None = None  # resume.text[start:end] holds the same words (line breaks kept)
    end: int | None = None
    section: str | None = None
    similarity: float | None = None


class Matched(BaseModel):
    id: str
    name: str
    importance: Importance
    evidence: list[Evidence]
    via: Via
    resume_term: str | None = None  # what the resume calls it, when different (SFDC)
    evidenced: bool = True
    satisfied_by: str | None = None  # the resume skill that meets it, when another (Salesforce)


class Missing(BaseModel):
    id: str | None
    name: str
    kind: Literal["skill", "certification", "licence"] = "skill"
    importance: Importance
    requirement: str | None = None


class Gap(BaseModel):
    kind: Literal["years", "skill", "certification", "licence", "education", "metric", "title"]
    message: str
    importance: Importance | None = None
    required: float | str | None = None
    candidate: float | str | None = None


class RequirementResult(BaseModel):
    text: str
    importance: Importance
    status: Status
    evidence: Evidence | None
    strength: float | None = None  # 0..1, skill coverage, similarity and years combined


class ExperienceFit(BaseModel):
    required_min: float | None
    required_max: float | None
    candidate_total_years: float
    candidate_relevant_years: float


class Suggestion(BaseModel):
    kind: Literal["mirror_term", "move_evidence", "quantify", "show_if_you_have", "format"]
    priority: int  # 1 first
    message: str
    requirement: str | None = None
    resume_span: Evidence | None = None
    impact: float = 0.0  # expected score points, used for ordering


class MatchReport(BaseModel):
    score: float
    band: Band
    scorer: str
    components: list[Component]
    matched: list[Matched]
    missing: list[Missing]
    gaps: list[Gap]
    requirements: list[RequirementResult]
    experience: ExperienceFit
    achievements: list[Metric] = Field(default_factory=list)
    suggestions: list[Suggestion]
    warnings: list[DocWarning] = Field(default_factory=list)
    job_title: str | None = None
    candidate: dict[str, str | None] | None = None  # display only; None when blind
    blind: bool = False
