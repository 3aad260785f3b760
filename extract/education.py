"""Degrees: the level (high_school .. doctorate), field, institution and year.

Short forms that are also ordinary words or places (MS, MA, BS, BA, AS, BE, MD) count only inside an
education section or when followed by "in"/"of" ("MS in Finance").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.records import Degree, Education

DEGREE_ORDER: tuple[Degree, ...] = ("high_school", "associate", "bachelor", "master", "doctorate")

# (level, pattern, needs context)
_FORMS: list[tuple[Degree, str, bool]] = [
    (
        "doctorate",
        r"ph\.?\s?d\.?|doctor of \w+|doctorate|doctoral degree|d\.phil|ed\.?d\.?|d\.?b\.?a\.?|"
        r"psy\.?\s?d\.?|juris doctor",
        False,
    ),
    ("doctorate", r"M\.D\.|J\.D\.", False),
    ("doctorate", r"MD|JD", True),
    (
        "master",
        r"m\.?b\.?a\.?|master of \w+|master'?s?(?:'s)?(?: degree)?|masters|m\.sc\.?|msc|m\.s\.|"
        r"m\.a\.t\.?|macc|m\.acc\.?|m\.a\.?(?= )|m\.s(?= )|m\.?eng\.?|m\.?tech|mca|mph|mfa|"
        r"msn|ll\.?m\.?|m\.ed\.?|pgdm|pgdba|pgdbm|"
        r"post[- ]?graduate|m\.com",
        False,
    ),
    ("master", r"MS|MA|MEd|MPA|MPP", True),
    (
        "bachelor",
        r"bachelor of \w+|bachelor'?s?(?:'s)?(?: degree)?|bachelors|b\.?sc\.?|b\.s\.|b\.a\.|bba|"
        r"b\.a(?= )|b\.s(?= )|"
        r"b\.b\.a\.|"
        r"bsn|b\.?tech|b\.e\.?|bca|b\.?com|bfa|b\.f\.a\.|undergraduate degree|four[- ]year degree|"
        r"4[- ]year degree|college degree|university degree|baccalaureate",
        False,
    ),
    ("bachelor", r"BS|BA|BE|AB", True),
    (
        "associate",
        r"associate'?s? degree|associate of \w+|associates degree|a\.a\.s?\.?|a\.s\.|aas|adn|asn|"
        r"associate'?s?(?= or (?:a )?bachelor)",
        False,
    ),
    ("associate", r"AA|AS", True),
    (
        "high_school",
        r"high school(?: diploma)?|ged|secondary school|hsc|ssc|a[- ]levels?|12th grade|"
        r"diploma in secondary",
        False,
    ),
]
_COMPILED = [
    (
        level,
        re.compile(
            rf"(?<![\w.])(?:{pattern})(?![\w])",
            0 if needs_context else re.IGNORECASE,
        ),
        needs_context,
    )
    for level, pattern, needs_context in _FORMS
]
_FIELD_RE = re.compile(
    r"^\s*[,:-]?\s*(?:degree\s+)?(?:(?:in|of|-|–|,|:)\s+)?(?:the\s+)?"
    r"(?P<field>[A-Z][A-Za-z&/ ]{2,60}?)(?=\s*(?:[,;|()\n–—]|\s-\s|\bfrom\b|\bat\b|\d|$))",
)
_INSTITUTION_RE = re.compile(
    r"([A-Z][\w.&'’-]*(?:\s+(?:of|de|and|&|the|for|[A-Z][\w.&'’-]*))*\s+"
    r"(?:University|College|Institute|School|Academy|Polytechnic)(?:\s+of(?:\s+[A-Z][\w.&'’-]*)+)?"
    r"|(?:University|College|Institute|School|Academy)\s+of(?:\s+(?:[A-Z][\w.&'’-]*|and|&))+)"
    r"(?:\s+at\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?"
)
_IN_PROGRESS = re.compile(
    r"\b(expected|in progress|anticipated|pursuing|candidate|ongoing|currently enrolled)\b", re.I
)
_YEAR_RE = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


_INSTITUTION_WORDS = re.compile(r"\b(University|College|Institute|School|Academy)\b")
_NOT_DEGREE_AFTER = re.compile(
    r"\s*(?:Office|Excel|Word|SQL|Dynamics|Project|Teams|Access|PowerPoint|Outlook|Visio|Azure"
    r"|Visual|Windows|DOS|Paint|Exchange|Navision|CRM|Publisher)\b"
)
_STATE_BEFORE = re.compile(r"[A-Z][a-z]+,\s*$")


def _context_ok(text: str, match: re.Match[str], in_education_section: bool) -> bool:
    """Short forms (MS, BA, MD ...) are degrees only in context and not in "Boston, MA"."""
    after = text[match.end() : match.end() + 20]
    before = text[max(0, match.start() - 30) : match.start()]
    if _NOT_DEGREE_AFTER.match(after) or _STATE_BEFORE.search(before):
        return False
    return in_education_section or bool(re.match(r"\s+(?:in|of)\s", after))


@dataclass(frozen=True)
class DegreeMention:
    degree: Degree
    start: int
    end: int
    field: str | None


def find_degrees(text: str, in_education_section: bool) -> list[DegreeMention]:
    """Degree mentions, one per position (the first matching form wins)."""
    found: list[DegreeMention] = []
    taken: list[tuple[int, int]] = []
    for level, pattern, needs_context in _COMPILED:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            after = text[match.end() : match.end() + 80]
            field_match = _FIELD_RE.match(after)
            if needs_context and not _context_ok(text, match, in_education_section):
                continue
            taken.append((match.start(), match.end()))
            field = field_match.group("field").strip() if field_match else None
            if field and _INSTITUTION_WORDS.search(field):
                field = None
            found.append(DegreeMention(level, match.start(), match.end(), field))
    found.sort(key=lambda m: m.start)
    return found


def highest(degrees: list[Degree]) -> Degree | None:
    return max(degrees, key=DEGREE_ORDER.index) if degrees else None


def extract_education(text: str, in_education_section: bool) -> list[Education]:
    """One record per degree line, with the institution and year from the same or nearby lines."""
    lines = text.splitlines()
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    records: list[Education] = []
    seen_lines: set[tuple[int, str]] = set()
    for mention in find_degrees(text, in_education_section):
        index = max(i for i, s in enumerate(starts[:-1]) if s <= mention.start)
        if _IN_PROGRESS.search(lines[index]):
            continue  # "RN-to-BSN program, expected 2027": not earned yet
        if (index, mention.degree) in seen_lines:
            continue
        seen_lines.add((index, mention.degree))
        nearby = lines[max(0, index - 1) : index + 3]
        institution = None
        for candidate in [lines[index], *nearby]:
            if found := _INSTITUTION_RE.search(candidate):
                institution = found.group(0).strip()
                break
        years = [
            int(y) for candidate in [lines[index], *nearby[1:]] for y in _YEAR_RE.findall(candidate)
        ]
        records.append(
            Education(
                degree=mention.degree,
                field=mention.field,
                institution=institution,
                year=max(years) if years else None,
            )
        )
    return records
