"""``--blind``: redact name, contact, links, addresses and graduation years from a report.

Works on every string of the report (evidence spans, messages, reasons), after scoring; the score
itself never reads these fields, so redaction cannot change it.
"""

from __future__ import annotations

import re
from typing import Any

from extract.records import Resume
from matcher.records import MatchReport

REDACTED = "[redacted]"
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:linkedin|github)\.com/\S*", re.IGNORECASE)
_PHONE = re.compile(r"(?<!\w)\+?\d[\d\s().-]{7,}\d(?!\w)")
_STREET = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w.]*\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|"
    r"Drive|Dr|Court|Ct|Way|Place|Pl)\b\.?",
)


def private_terms(resume: Resume) -> list[str]:
    """Literal strings to redact: contact values, name parts, and graduation years."""
    contact = resume.contact
    terms = [contact.name, contact.email, contact.phone, contact.location]
    terms += [link.url for link in contact.links]
    if contact.name:
        terms += [part for part in re.split(r"[\s,]+", contact.name) if len(part) >= 2]
    terms += [str(education.year) for education in resume.education if education.year]
    return sorted({t for t in terms if t and len(t.strip()) >= 2}, key=len, reverse=True)


def redact_text(text: str, terms: list[str]) -> str:
    for pattern in (_EMAIL, _URL, _PHONE, _STREET):
        text = pattern.sub(REDACTED, text)
    for term in terms:
        text = re.sub(rf"(?<!\w){re.escape(term)}(?!\w)", REDACTED, text, flags=re.IGNORECASE)
    return text


def _walk(value: Any, terms: list[str]) -> Any:
    if isinstance(value, str):
        return redact_text(value, terms)
    if isinstance(value, list):
        return [_walk(item, terms) for item in value]
    if isinstance(value, dict):
        return {key: _walk(item, terms) for key, item in value.items()}
    return value


def blind_report(report: MatchReport, resume: Resume) -> MatchReport:
    """A copy of the report with every private string redacted and no candidate block."""
    data = report.model_dump()
    data["candidate"] = None
    data["blind"] = True
    score, band, scorer = data.pop("score"), data.pop("band"), data.pop("scorer")
    redacted = _walk(data, private_terms(resume))
    return MatchReport.model_validate({**redacted, "score": score, "band": band, "scorer": scorer})
