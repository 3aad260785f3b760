"""extract: resume and job-posting files into typed records.

from extract import read_document, parse_resume, parse_job
document = read_document(data, "resume.pdf")
resume = parse_resume(document, taxonomy)      # taxonomy = skills_taxonomy.load_taxonomy()
job = parse_job(Document(format="text", text=posting), taxonomy)
"""

from extract.document import read_document
from extract.job import parse_job
from extract.jsonresume import to_json_resume
from extract.limits import Limits
from extract.records import (
    Certification,
    Compensation,
    Contact,
    Document,
    DocWarning,
    Education,
    EducationAsk,
    Experience,
    Job,
    JobSkill,
    Link,
    Mention,
    Metric,
    Page,
    Requirement,
    Resume,
    ResumeSkill,
    Section,
)
from extract.resume import parse_resume

__all__ = [
    "Certification",
    "Compensation",
    "Contact",
    "DocWarning",
    "Document",
    "Education",
    "EducationAsk",
    "Experience",
    "Job",
    "JobSkill",
    "Limits",
    "Link",
    "Mention",
    "Metric",
    "Page",
    "Requirement",
    "Resume",
    "ResumeSkill",
    "Section",
    "parse_job",
    "parse_resume",
    "read_document",
    "to_json_resume",
]
