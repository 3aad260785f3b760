"""Typed loader and consistency check for the labelled set (gold.yaml, relevance.yaml).

`python -m evals.labelled.gold` checks that the gold labels agree with the files they describe:
every file exists, every metric text is a substring of its document, total_years equals the merged
months of the listed roles, and relevance grades name existing files.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field

from extract import Job, Resume, parse_job, parse_resume, read_document
from extract.records import Degree, Importance, MetricKind
from skills_taxonomy import Taxonomy

HERE = Path(__file__).resolve().parent


class AnyOf(BaseModel):
    """A JD alternative ("MEDDIC or MEDDPICC"): any one of the names satisfies it."""

    any_of: list[str]


SkillAsk = str | AnyOf


class GoldRole(BaseModel):
    title: str
    employer: str
    start: str  # YYYY-MM
    end: str | None  # YYYY-MM; None for a current role


class GoldMetric(BaseModel):
    kind: MetricKind
    value: float | None  # percent as 128, money as 1400000; None when the text gives no number
    unit: str | None = None
    period: str | None = None
    of: float | None = None  # ranking "#2 of 18" -> value 2, of 18
    name: str | None = None  # award name
    importance: Importance | None = None  # job metrics only
    text: str  # exact substring of the document


class GoldResume(BaseModel):
    occupation: str
    skills: list[str]
    listed_only: list[str] = Field(default_factory=list)  # named only in a skills list
    roles: list[GoldRole]
    total_years: float
    degrees: list[Degree]
    certifications: list[str]
    metrics: list[GoldMetric]


class GoldCertAsk(BaseModel):
    name: str
    importance: Importance


class GoldCompensation(BaseModel):
    base_min: float | None
    base_max: float | None
    ote_min: float | None
    ote_max: float | None
    currency: str


class GoldJob(BaseModel):
    title: str
    seniority: Literal["entry", "mid", "senior", "manager"]
    years_min: float | None
    years_max: float | None
    required_skills: list[SkillAsk]
    preferred_skills: list[SkillAsk]
    degree_min: Degree | None
    degree_preferred: Degree | None = None
    or_equivalent: bool
    certifications: list[GoldCertAsk]
    metrics: list[GoldMetric]
    compensation: GoldCompensation | None
    travel_percent: float | None
    work_mode: Literal["remote", "hybrid", "onsite"]


class LabelledSet(BaseModel):
    root: Path
    reference_date: str  # "Present" means the month of this date
    resumes: dict[str, GoldResume]
    jobs: dict[str, GoldJob]
    relevance: dict[str, dict[str, int]]  # job file -> resume file -> grade 0..3

    def resume_path(self, name: str) -> Path:
        return self.root / "resumes" / name

    def job_path(self, name: str) -> Path:
        return self.root / "jobs" / name

    def resume_text(self, name: str) -> str:
        return self.resume_path(name).read_text(encoding="utf-8")

    def job_text(self, name: str) -> str:
        return self.job_path(name).read_text(encoding="utf-8")

    def parse_graded(self, taxonomy: Taxonomy) -> tuple[dict[str, Resume], dict[str, Job]]:
        """Every graded resume and posting, parsed: (resumes, jobs) by file name."""
        names = sorted({r for graded in self.relevance.values() for r in graded})
        resumes = {
            n: parse_resume(read_document(self.resume_path(n).read_bytes(), n), taxonomy)
            for n in names
        }
        jobs = {
            n: parse_job(read_document(self.job_path(n).read_bytes(), n), taxonomy)
            for n in self.relevance
        }
        return resumes, jobs


def load_labelled(root: Path = HERE) -> LabelledSet:
    gold = yaml.safe_load((root / "gold.yaml").read_text(encoding="utf-8"))
    relevance = yaml.safe_load((root / "relevance.yaml").read_text(encoding="utf-8"))
    return LabelledSet(
        root=root,
        reference_date=gold["reference_date"],
        resumes=gold["resumes"],
        jobs=gold["jobs"],
        relevance=relevance["jobs"],
    )


def month_index(yyyy_mm: str) -> int:
    year, month = yyyy_mm.split("-")
    return int(year) * 12 + int(month) - 1


def merged_months(roles: list[GoldRole], reference_date: str) -> int:
    """Months covered by the roles, inclusive at both ends, overlaps counted once."""
    present = month_index(reference_date[:7])
    spans = sorted(
        (month_index(r.start), present if r.end is None else month_index(r.end)) for r in roles
    )
    total, cur_start, cur_end = 0, None, None
    for start, end in spans:
        if cur_end is not None and start <= cur_end + 1:
            cur_end = max(cur_end, end)
            continue
        if cur_start is not None and cur_end is not None:
            total += cur_end - cur_start + 1
        cur_start, cur_end = start, end
    if cur_start is not None and cur_end is not None:
        total += cur_end - cur_start + 1
    return total


def ask_names(asks: list[SkillAsk]) -> list[str]:
    """Every skill name a list of asks mentions, alternatives flattened."""
    names: list[str] = []
    for ask in asks:
        names.extend(ask.any_of if isinstance(ask, AnyOf) else [ask])
    return names


def check(labelled: LabelledSet) -> list[str]:
    """Problems found in the labels; an empty list means consistent."""
    problems: list[str] = []
    for folder, gold in (("resumes", labelled.resumes), ("jobs", labelled.jobs)):
        on_disk = {p.name for p in (labelled.root / folder).iterdir()}
        if on_disk != set(gold):
            problems.append(f"{folder}: files and gold differ: {sorted(on_disk ^ set(gold))}")
    for name, resume in labelled.resumes.items():
        text = labelled.resume_text(name)
        months = merged_months(resume.roles, labelled.reference_date)
        if abs(round(months / 12, 2) - resume.total_years) > 0.005:
            problems.append(f"{name}: total_years {resume.total_years}, roles {months / 12:.2f}")
        extra = set(resume.listed_only) - set(resume.skills)
        if extra:
            problems.append(f"{name}: listed_only names skills not in skills: {sorted(extra)}")
        if len(set(resume.skills)) != len(resume.skills):
            problems.append(f"{name}: duplicate skills")
        problems += _missing_metric_texts(name, resume.metrics, text)
    for name, job in labelled.jobs.items():
        problems += _missing_metric_texts(name, job.metrics, labelled.job_text(name))
        overlap = set(ask_names(job.required_skills)) & set(ask_names(job.preferred_skills))
        if overlap:
            problems.append(f"{name}: both required and preferred: {sorted(overlap)}")
    for job_name, grades in labelled.relevance.items():
        if job_name not in labelled.jobs:
            problems.append(f"relevance names unknown job {job_name}")
        if set(grades) != set(labelled.resumes):
            problems.append(f"relevance for {job_name} does not grade every resume")
        bad = {r: g for r, g in grades.items() if g not in range(4)}
        if bad:
            problems.append(f"{job_name}: grades outside 0..3: {bad}")
    return problems


def _missing_metric_texts(name: str, metrics: list[GoldMetric], text: str) -> list[str]:
    return [f"{name}: metric text not found: {m.text!r}" for m in metrics if m.text not in text]


def main() -> int:
    labelled = load_labelled()
    problems = check(labelled)
    for problem in problems:
        print(problem)
    print(
        f"{len(labelled.resumes)} resumes, {len(labelled.jobs)} jobs, "
        f"{sum(len(g) for g in labelled.relevance.values())} relevance grades over "
        f"{len(labelled.relevance)} jobs; {len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
