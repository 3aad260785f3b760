"""Split a document into sections by its headings (ordinary, creative, capitals, colons, Markdown).

A heading is a short line (at most 6 words) whose words name a known section. Text before the first
heading is the ``contact`` section on resumes and ``intro`` on job postings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.records import Section


@dataclass(frozen=True)
class Line:
    text: str
    start: int
    end: int

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str, offset: int = 0) -> list[Line]:
    lines: list[Line] = []
    position = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lines.append(Line(body, offset + position, offset + position + len(body)))
        position += len(raw)
    return lines


Vocabulary = list[tuple[str, re.Pattern[str]]]


def _vocab(rules: list[tuple[str, str]]) -> Vocabulary:
    return [(kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in rules]


RESUME_HEADINGS = _vocab(
    [
        (
            "achievements",
            r"\b(awards?|honou?rs|achievements?|accomplishments?|highlights|recognitions?)\b",
        ),
        (
            "certifications",
            r"\b(certifications?|certificates?|licen[cs]es?|licensure|credentials)\b",
        ),
        (
            "education",
            r"\b(education|academics?|academic background|degrees?|qualifications|schooling)\b",
        ),
        ("other", r"\b(volunteer\w*|community service|community involvement)\b"),
        ("experience", r"\b(experience|employment|work history)\b"),
        (
            "skills",
            r"\b(skills?|competenc(?:y|ies)|tools|technologies|technical|expertise|tech stack|stack"
            r"|proficienc(?:y|ies)|strengths|toolkit|what i bring|capabilities|software)\b",
        ),
        (
            "summary",
            r"\b(summary|profile|objective|about me|about|overview|introduction|who i am"
            r"|personal statement)\b",
        ),
        (
            "experience",
            r"\b(experience|employment|work history|career history|career|positions?|history"
            r"|professional background|where i['’]?ve|what i['’]?ve done|my journey|impact"
            r"|work|track record)\b",
        ),
        ("projects", r"\b(projects?|portfolio)\b"),
        ("languages", r"\b(languages?)\b"),
        ("contact", r"\b(contact|personal (?:details|information|info))\b"),
        (
            "other",
            r"\b(volunteer(?:ing)?|interests|hobbies|publications?|references|activities|"
            r"affiliations|memberships|leadership|additional information|training|courses)\b",
        ),
    ]
)

JOB_HEADINGS = _vocab(
    [
        (
            "preferred",
            r"\b(nice[- ]to[- ]haves?|bonus(?: points)?|preferred|pluses|plus|desired|"
            r"would be great|extra credit|good to have|ideally|added advantage|not required)\b",
        ),
        (
            "requirements",
            r"\b(requirements?|qualifications?|must[- ]haves?|looking for|you('ll)? bring|"
            r"you('ll)? need|you have|who you are|about you|skills|experience|ideal candidate|"
            r"your profile|what it takes|competenc(?:y|ies)|education|what we need|"
            r"you might be|are you)\b",
        ),
        (
            "responsibilities",
            r"\b(responsibilit(?:y|ies)|what you('ll| will)? (?:do|own|work on|achieve)|the role|"
            r"role|duties|"
            r"day[- ]to[- ]day|your impact|you will|job description|overview|mission|"
            r"the opportunity|position summary|what you'll be doing|summary)\b",
        ),
        (
            "about",
            r"\b(about|who we are|why join|why you'll love|benefits|perks|what we offer|"
            r"compensation|salary|pay|equal opportunity|eeo|our values|culture|life at|"
            r"how to apply)\b",
        ),
    ]
)

# words of job titles: a short line holding one is a role line, not a heading
_TITLE_WORDS = re.compile(
    r"\b(specialist|manager|executive|representative|engineer|developer|director|analyst|"
    r"consultant|associate|intern|officer|coordinator|administrator|designer|teacher|nurse|"
    r"accountant|assistant|scientist|architect|technician|agent|advisor|president|founder|"
    r"inc|llc|ltd|corp|corporation|company|university|college|school)\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*[-•·▪●◦‣*–—]\s+")
_SENTENCE_WORDS = {
    "with",
    "using",
    "to",
    "on",
    "at",
    "for",
    "in",
    "into",
    "by",
    "including",
    "such",
}
_DECORATION = " \t#*_=~>|•·-–—:[]"
_INLINE = re.compile(
    r"^\s*(?:[#*_]+\s*)?(?P<head>[A-Za-z][A-Za-z &/']{1,40}?)\s*[*_]*\s*:\s*(?P<rest>\S.*)$"
)
_INLINE_KINDS = {"skills", "certifications", "languages", "requirements", "preferred"}
_HAS_DIGIT_DATE = re.compile(r"\d{4}|\d/\d")


def heading_kind(line: str, vocabulary: Vocabulary) -> str | None:
    """The section kind a heading line names, or None when the line is not a heading."""
    raw = line.strip()
    if not raw or len(raw) > 60 or _BULLET.match(raw):
        return None
    body = raw.strip(_DECORATION).strip()
    if not body or not (body[0].isupper() or raw[0] in "#*"):
        return None
    if body.endswith((".", ",", ";")) or "@" in body or _HAS_DIGIT_DATE.search(body):
        return None
    if ":" in body:  # "Location: Austin" is a labelled line, not a heading
        return None
    words = body.replace("&", " ").replace("/", " ").split()
    if len(words) > 6:
        return None
    if _TITLE_WORDS.search(body) and not body.isupper():
        return None
    marked = raw.endswith(":") or raw[0] in "#*" or body.isupper()
    for kind, pattern in vocabulary:
        match = pattern.search(body)
        if match is None:
            continue
        rest = (body[: match.start()] + " " + body[match.end() :]).lower().split()
        # a comma makes a plain line a list ("RN license, BLS, ACLS"), not a heading
        if not marked and (len(words) > 5 or _SENTENCE_WORDS.intersection(rest) or "," in body):
            return None
        return kind
    return None


def inline_heading(line: str, vocabulary: Vocabulary) -> tuple[str, str, int] | None:
    """``Skills: Salesforce, HubSpot`` -> (kind, heading, offset of the content in the line)."""
    match = _INLINE.match(line)
    if not match:
        return None
    kind = heading_kind(match.group("head"), vocabulary)
    if kind not in _INLINE_KINDS:
        return None
    return kind, match.group("head").strip(), match.start("rest")


def find_sections(text: str, vocabulary: Vocabulary, preamble: str) -> list[Section]:
    """Sections in document order; each section's text runs from after its heading to the next."""
    marks: list[tuple[int, int, str, str | None]] = []  # (line start, content start, kind, heading)
    for line in split_lines(text):
        kind = heading_kind(line.text, vocabulary)
        if kind is not None:
            marks.append((line.start, line.end, kind, line.stripped.strip(_DECORATION)))
            continue
        inline = inline_heading(line.text, vocabulary)
        if inline is not None:
            inline_kind, inline_text, offset = inline
            marks.append((line.start, line.start + offset, inline_kind, inline_text))
    sections: list[Section] = []
    first = marks[0][0] if marks else len(text)
    if text[:first].strip():
        sections.append(Section(kind=preamble, heading=None, start=0, end=first, text=text[:first]))
    for index, (_line_start, content_start, mark_kind, heading) in enumerate(marks):
        end = marks[index + 1][0] if index + 1 < len(marks) else len(text)
        sections.append(
            Section(
                kind=mark_kind,
                heading=heading,
                start=content_start,
                end=end,
                text=text[content_start:end],
            )
        )
    return sections
