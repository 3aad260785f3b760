"""Typed records the extractor produces: a document, its sections, and resume and job records.

Field names are a contract shared by the CLI, the API and the matcher.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from skills_taxonomy.records import Category

DocumentFormat = Literal["pdf", "docx", "text", "markdown", "html"]
Degree = Literal["high_school", "associate", "bachelor", "master", "doctorate"]
Importance = Literal["required", "preferred"]
WorkMode = Literal["remote", "hybrid", "on-site"]
# an alternatives group: "such_as" = the first id is a generic ask and the others are examples of
# it ("a CRM such as Salesforce or HubSpot"); "any_of" = any member meets the ask ("MEDDIC or
# MEDDPICC", "a customer-facing role (sales, customer service, teaching)")
GroupKind = Literal["any_of", "such_as"]
MetricKind = Literal[
    "quota_attainment",
    "quota",
    "revenue",
    "deal_size",
    "pipeline",
    "meetings",
    "ranking",
    "award",
    "retention",
    "win_rate",
    "growth",
]


class DocWarning(BaseModel):
    code: str
    message: str


class Page(BaseModel):
    number: int
    text: str
    columns: int = 1


class Document(BaseModel):
    """A file turned into clean text; hidden text is already removed and reported in warnings."""

    format: DocumentFormat
    text: str
    pages: list[Page] = Field(default_factory=list)
    warnings: list[DocWarning] = Field(default_factory=list)
    hidden_text: list[str] = Field(default_factory=list)  # never tagged or scored
    links: list[str] = Field(default_factory=list)  # link targets (PDF/DOCX/HTML), for contact


class Section(BaseModel):
    # resume: experience, education, skills, summary, certifications, achievements, contact, other
    # job: intro, requirements, preferred, responsibilities, about
    kind: str
    heading: str | None
    start: int
    end: int
    text: str


class Mention(BaseModel):
    text: str
    start: int
    end: int
    section: str


class ResumeSkill(BaseModel):
    id: str
    name: str
    category: Category
    mentions: list[Mention]
    evidenced: bool  # used in an experience bullet, not only listed
    years: float | None = None
    last_used: str | None = None  # YYYY-MM


class Experience(BaseModel):
    title: str | None
    employer: str | None
    location: str | None = None
    start: str | None  # YYYY-MM
    end: str | None  # YYYY-MM, None for a current role
    months: int | None
    current: bool = False
    bullets: list[str] = Field(default_factory=list)
    text_start: int | None = None
    text_end: int | None = None


class Education(BaseModel):
    degree: Degree | None
    field: str | None = None  # "Business Administration" (the subject of "Bachelor of ...")
    concentration: str | None = None  # "(Marketing)": a concentration, major or emphasis within it
    institution: str | None = None
    year: int | None = None


class Certification(BaseModel):
    id: str
    name: str
    importance: Importance | None = None  # set on job records


class Metric(BaseModel):
    kind: MetricKind
    value: float | None
    unit: str | None  # percent, USD, EUR, count, rank, ...
    period: str | None = None
    text: str
    of: float | None = None  # ranking: "#2 of 18" -> value 2, of 18


class Link(BaseModel):
    kind: str
    url: str


class Contact(BaseModel):
    """Kept for display only; never read by the scorer."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    location: str | None = None
    links: list[Link] = Field(default_factory=list)


class Resume(BaseModel):
    kind: Literal["resume"] = "resume"
    text: str
    format: DocumentFormat
    sections: list[Section]
    contact: Contact
    summary: str | None = None
    skills: list[ResumeSkill]
    experience: list[Experience]
    total_years: float
    education: list[Education]
    certifications: list[Certification]
    metrics: list[Metric]
    warnings: list[DocWarning]


class JobSkill(BaseModel):
    id: str
    name: str
    category: Category
    importance: Importance
    count: int = 1  # how often the posting names it


class Requirement(BaseModel):
    text: str
    importance: Importance
    skills: list[str] = Field(default_factory=list)  # taxonomy ids
    alternatives: list[list[str]] = Field(default_factory=list)  # "MEDDIC or MEDDPICC": any one
    alternative_kinds: list[GroupKind] = Field(default_factory=list)  # one per alternatives group
    years_min: float | None = None
    years_max: float | None = None


class EducationAsk(BaseModel):
    degree_min: Degree | None = None
    fields: list[str] = Field(default_factory=list)
    or_equivalent: bool = False
    importance: Importance = "required"  # of degree_min
    degree_preferred: Degree | None = None  # a higher degree named as a plus ("MBA a plus")


class Compensation(BaseModel):
    base_min: float | None = None
    base_max: float | None = None
    ote_min: float | None = None
    ote_max: float | None = None
    currency: str | None = None


class Job(BaseModel):
    kind: Literal["job"] = "job"
    text: str
    title: str | None
    seniority: str | None
    requirements: list[Requirement]
    skills: list[JobSkill]
    years_min: float | None
    years_max: float | None
    education: EducationAsk
    certifications: list[Certification]
    metrics: list[Metric]
    travel_percent: float | None = None
    compensation: Compensation | None = None
    location: str | None = None
    remote: bool | None = None  # True only for fully remote; see work_mode
    work_mode: WorkMode | None = None
    sections: list[Section] = Field(default_factory=list)
    warnings: list[DocWarning] = Field(default_factory=list)
