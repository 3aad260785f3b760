"""Sentences that a PDF or a hard-wrapped text file broke across lines, joined again.

A line carries on the one before it when that line left its sentence open (no closing
punctuation) and the new line starts in lower case or follows a dangling comma, hyphen or
joining word ("... using Salesforce and" / "Gong to coach reps"). A line with a bullet marker
always starts a new item.
"""

from __future__ import annotations

import re

# bullet markers, the hollow "o" of word processors included ("o Managed ..." is no sentence)
BULLET_RE = re.compile(r"^\s*(?:[•·▪●◦‣➢►✓❖⁃>]\s*|[-*–—]\s+|o\s+(?=[A-Z0-9$])|\d{1,2}[.)]\s+)")
SENTENCE_CLOSERS = frozenset(".!?:;")
DANGLING_MARKS = frozenset(",-–—&/")
JOINING_WORDS = frozenset(
    "a an and as at by for from in into of on or per the to via with within across over "
    "including while using".split()
)


def continues(previous: str, line: str) -> bool:
    """Whether ``line`` carries on the sentence that ``previous`` left open."""
    before, text = previous.rstrip(), line.strip()
    if not before or not text or BULLET_RE.match(line) or before[-1] in SENTENCE_CLOSERS:
        return False
    if text[0].islower() or before[-1] in DANGLING_MARKS:
        return True
    return before.split()[-1].lower() in JOINING_WORDS


def join_wrapped(lines: list[str]) -> list[str]:
    """Items without bullet markers, each wrapped item joined into one line; blanks dropped."""
    items: list[str] = []
    previous = ""
    for line in lines:
        if not line.strip():
            previous = ""
            continue
        text = BULLET_RE.sub("", line).strip()
        if items and continues(previous, line):
            items[-1] = f"{items[-1]} {text}"
        else:
            items.append(text)
        previous = line
    return items
