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


# "Bachelor of Business Administration": the words after "of" are the field, except for the
# kinds of degree that name no subject ("Bachelor of Science in Nursing": the field follows "in")
_OF_SUBJECT = re.compile(r"\b(?:bachelor|master|doctor|associate) of (?P<word>\w+)$", re.I)
_DEGREE_KINDS = {
    "science",
    "sciences",
    "arts",
    "applied",
    "fine",
    "liberal",
    "philosophy",
    "letters",
}
# "(Marketing)", "(concentration in Marketing)", ", concentration: Marketing"
_CONCENTRATION_RE = re.compile(
    r"^\s*(?:\(\s*(?:(?:concentration|major|specialization|specialisation|emphasis|focus|"
    r"minor)\s*(?:in|:)?\s*)?(?P<paren>[A-Z][A-Za-z&/ ]{1,60}?)\s*\)|"
    r"[,;–—-]\s*(?:concentration|specialization|specialisation|emphasis|focus)\s*(?:in|:)?\s*"
    r"(?P<label>[A-Z][A-Za-z&/ ]{1,60}?)(?=\s*(?:[,;|()\n–—]|$)))"
)


@dataclass(frozen=True)
class DegreeMention:
    degree: Degree
    start: int
    end: int
    field: str | None
    concentration: str | None = None  # "Bachelor of Business Administration (Marketing)"


def _field_and_concentration(text: str, match: re.Match[str]) -> tuple[str | None, str | None]:
    """The field after a degree and a concentration in parentheses or after a label. Without a
    field, a parenthesised subject is the field ("Bachelor of Science (Marketing)")."""
    field_from = match.end()
    subject = _OF_SUBJECT.search(match.group(0))
    if subject and subject.group("word").casefold() not in _DEGREE_KINDS:
        field_from = match.start() + subject.start("word")
    after = text[field_from : field_from + 80]
    if subject and subject.group("word").casefold() in ("applied", "fine", "liberal"):
        kind = re.match(r"\s*(?:sciences?|arts)\b", after, re.I)  # "Applied Science", "Fine Arts"
        after = after[kind.end() :] if kind else after
    field_match = _FIELD_RE.match(after)
    field = field_match.group("field").strip() if field_match else None
    if field and _INSTITUTION_WORDS.search(field):
        field = None
    if field and " in " in field:  # "Engineering in Mechanical Engineering"
        field = field.split(" in ", 1)[1].strip() or field
    rest = after[field_match.end("field") :] if field_match and field else after
    found = _CONCENTRATION_RE.match(rest)
    concentration = (found.group("paren") or found.group("label")).strip() if found else None
    if concentration and _INSTITUTION_WORDS.search(concentration):
        concentration = None
    if field is None:
        return concentration, None
    return field, concentration


def find_degrees(text: str, in_education_section: bool) -> list[DegreeMention]:
    """Degree mentions, one per position (the first matching form wins)."""
    found: list[DegreeMention] = []
    taken: list[tuple[int, int]] = []
    for level, pattern, needs_context in _COMPILED:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if needs_context and not _context_ok(text, match, in_education_section):
                continue
            taken.append((match.start(), match.end()))
            field, concentration = _field_and_concentration(text, match)
            found.append(DegreeMention(level, match.start(), match.end(), field, concentration))
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
                concentration=mention.concentration,
                institution=institution,
                year=max(years) if years else None,
            )
        )
    return records
