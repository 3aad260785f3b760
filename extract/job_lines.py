"""Requirement lines of a job posting: bullets with their wrapped continuation lines, split into
sentences; pay, travel and other labelled facts left out; one-line postings reflowed first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.records import Section
from extract.sections import split_lines
from extract.wrapped_lines import BULLET_RE

REQUIREMENT_SECTIONS = {"requirements", "preferred"}
ASKING = re.compile(
    r"\b(experience|years?|degree|required|preferred|knowledge|proficien|familiar|"
    r"skills?|ability|certif|licen|plus|must)\b",
    re.IGNORECASE,
)
# "Compensation: $85,000 base", "Travel: up to 25%": facts about the job, never asks
_FACT_LABEL = re.compile(
    r"^\s*(?:[*_#]+\s*)?(?:compensation|salary|pay|base pay|pay range|benefits|perks|travel|"
    r"location|schedule|hours|shift|reports? to|start date|equity|bonus|job type|employment type|"
    r"work mode|contact|apply|how to apply|pay options)\b[^:\n]{0,20}:",
    re.IGNORECASE,
)
_MONEY = re.compile(r"[$€£]\s?\d|\b\d{2,3}(?:,\d{3})+\b|\b\d{2,3}\s?[kK]\b")
_PAY_WORDS = re.compile(
    r"\b(base|ote|salary|salaries|pay|compensation|commission|bonus|equity|per (?:year|hour)|"
    r"annually|hourly|/\s?(?:hr|hour|year|yr)|variable)\b",
    re.IGNORECASE,
)
_NOT_NEEDED = re.compile(r"\bnot (?:required|necessary|needed|a requirement)\b", re.IGNORECASE)
# a sentence ends at . ! ? before a capital, a digit or a currency sign; not after "e.g." or "Sr."
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9$€£(])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|sr|jr|inc|ltd|co|no|approx|incl|dept|u\.s|st|mr|ms|dr)\.|"
    r"\b[A-Z]\.)$",
    re.IGNORECASE,
)
# one-line postings (scraped ads): break before inline bullets and labelled headings
LONG_LINE = 300
_INLINE_BREAK = re.compile(
    r"(?<=\S)( )(?=[-•·*]\s+[A-Z])|"
    r"(?<=[.!?)a-z0-9])( )(?:[A-Z][\w'’/&-]*\s){0,4}[A-Z][\w'’/&()-]*:\s"
)
# where the asks end: benefits and perks lists under a heading the vocabulary cannot see
_END_OF_ASKS = re.compile(
    r"^\s*(?:what'?s in it for you|what we offer|benefits|perks|why join us|why you'll love)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class JobLine:
    text: str  # the document's own characters (may hold a line break), offsets below
    start: int
    end: int
    section: str
    bullet: bool

    @property
    def clean(self) -> str:
        return " ".join(self.text.split())


def reflow(text: str) -> str:
    """Very long lines broken before inline bullets and "Label:" headings, one space turned into
    a line break each time, so every offset stays the same."""
    if not any(len(line) > LONG_LINE for line in text.splitlines()):
        return text
    chars = list(text)
    for match in _INLINE_BREAK.finditer(text):
        position = match.start(1) if match.group(1) is not None else match.start(2)
        chars[position] = "\n"
    return "".join(chars)


def is_fact(text: str) -> bool:
    """Pay, travel, location and other labelled facts; a sentence about pay with an amount."""
    return bool(_FACT_LABEL.match(text)) or bool(_MONEY.search(text) and _PAY_WORDS.search(text))


def sentences(text: str, start: int) -> list[tuple[str, int, int]]:
    """(text, start, end) per sentence of a line or joined item; offsets are the document's."""
    out: list[tuple[str, int, int]] = []
    begin = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATION.search(text[begin : match.start()]):
            continue
        out.append((text[begin : match.start()], start + begin, start + match.start()))
        begin = match.end()
    out.append((text[begin:], start + begin, start + len(text)))
    return [(t, s, e) for t, s, e in out if t.strip()]


def _items(section: Section) -> list[tuple[int, int, bool, bool]]:
    """(start, end, is_bullet, after a list and a blank line) per item: a bullet or line with its
    continuation lines (indented or starting in lower case, not a new bullet, no blank between)."""
    items: list[list[int | bool]] = []
    seen_bullet = after_blank = previous_blank = False
    for line in split_lines(section.text, section.start):
        if _END_OF_ASKS.match(line.text):
            break
        if not line.stripped:
            after_blank = seen_bullet
            previous_blank = True
            continue
        is_bullet = bool(BULLET_RE.match(line.text))
        first = line.stripped[0]
        indented = line.text[:1].isspace()
        continues = (
            items
            and not is_bullet
            and not previous_blank
            and (indented or first.islower() or first in ",;&(")
            and not is_fact(line.text)
        )
        if continues:
            items[-1][1] = line.end
        else:
            seen_bullet = seen_bullet or is_bullet
            items.append([line.start, line.end, is_bullet, after_blank and not is_bullet])
        previous_blank = False
    return [(int(s), int(e), bool(b), bool(t)) for s, e, b, t in items]


def requirement_lines(sections: list[Section], text: str) -> list[JobLine]:
    """Each sentence under requirement-ish headings; without such headings, sentences that ask
    for years, degrees or skills anywhere outside the company blurb. A plain paragraph after a
    bulleted list (and a blank line) has left the list: it counts only if it asks for something."""
    chosen = [s for s in sections if s.kind in REQUIREMENT_SECTIONS]
    asking_only = not chosen
    if asking_only:
        chosen = [s for s in sections if s.kind != "about"]
    lines: list[JobLine] = []
    for section in chosen:
        for start, end, is_bullet, trailing in _items(section):
            raw = text[start:end]
            marker = BULLET_RE.match(raw)
            body_start = start + (marker.end() if marker else 0)
            if _FACT_LABEL.match(raw):
                continue  # "Compensation: $85,000 base ..." with whatever wraps under it
            for sentence, s_start, s_end in sentences(text[body_start:end], body_start):
                stripped = sentence.strip()
                s_start += len(sentence) - len(sentence.lstrip())
                s_end = s_start + len(stripped)
                if len(stripped) < 3 or is_fact(stripped) or _NOT_NEEDED.search(stripped):
                    continue
                if (asking_only or trailing) and not ASKING.search(stripped):
                    continue
                kind = "trailing" if trailing else section.kind
                lines.append(JobLine(stripped, s_start, s_end, kind, is_bullet))
    return lines


def line_around(text: str, position: int) -> tuple[str, bool]:
    """The line holding a document offset and whether it is a bullet."""
    begin = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    line = text[begin : end if end >= 0 else len(text)]
    return line, bool(BULLET_RE.match(line))
