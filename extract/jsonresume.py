"""A ``Resume`` as JSON Resume (https://jsonresume.org/schema): basics, work, education, skills,
certificates, awards."""

from __future__ import annotations

from typing import Any

from extract.records import Resume

_DEGREE_NAMES = {
    "high_school": "High School",
    "associate": "Associate",
    "bachelor": "Bachelor",
    "master": "Master",
    "doctorate": "Doctorate",
}


def to_json_resume(resume: Resume) -> dict[str, Any]:
    contact = resume.contact
    basics: dict[str, Any] = {
        "name": contact.name or "",
        "email": contact.email or "",
        "phone": contact.phone or "",
        "summary": resume.summary or "",
        "location": {"address": contact.location} if contact.location else {},
        "profiles": [{"network": link.kind, "url": link.url} for link in contact.links],
    }
    work = [
        {
            "name": role.employer or "",
            "position": role.title or "",
            "location": role.location or "",
            "startDate": role.start or "",
            "endDate": role.end or "",
            "highlights": role.bullets,
        }
        for role in resume.experience
    ]
    education = [
        {
            "institution": item.institution or "",
            "area": item.field or "",
            "studyType": _DEGREE_NAMES.get(item.degree or "", ""),
            "endDate": str(item.year) if item.year else "",
        }
        for item in resume.education
    ]
    skills_by_category: dict[str, list[str]] = {}
    for skill in resume.skills:
        skills_by_category.setdefault(skill.category, []).append(skill.name)
    skills = [
        {"name": category, "keywords": names} for category, names in skills_by_category.items()
    ]
    awards = [
        {"title": metric.text, "date": metric.period or ""}
        for metric in resume.metrics
        if metric.kind == "award"
    ]
    return {
        "$schema": "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json",
        "basics": basics,
        "work": work,
        "education": education,
        "skills": skills,
        "certificates": [{"name": cert.name} for cert in resume.certifications],
        "awards": awards,
    }
