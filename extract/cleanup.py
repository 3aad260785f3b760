"""Text repair shared by every format: artefacts, ligatures, odd whitespace and words wrapped across lines."""

from __future__ import annotations

import re
from collections.abc import Iterable

LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u0132": "IJ",
        "\u0133": "ij",
    }
)

# Characters that print nothing: zero-width spaces and joiners, word joiner, BOM.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
_CID = re.compile(r"\(cid:\d+\)")
_SPACES = re.compile(r"[ \t\r\f\v\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SOFT_HYPHEN_AT_BREAK = re.compile(r"\xad[ \t]*\n[ \t]*")
_PERCENT_WRAP = re.compile(r"(\d)[ \t]*\n[ \t]*(%)")
_HYPHEN_WRAP = re.compile(r"\b([A-Za-z]+)-[ \t]*\n[ \t]*([a-z]+)\b")
_PLAIN_WRAP = re.compile(r"\b([A-Za-z]+)[ \t]*\n[ \t]*([a-z]+)\b")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")

# Tails that are word fragments, not words: "manage-\nment" is one word, "cross-\nfunctional" two.
_SUFFIX_FRAGMENTS = frozenset(
    """ment ments tion tions sion sions ing ings ed ity ities ance ances ence ences ly ness able ible
    ive ives ative al ally er ers ure ures ous ism ist ists ise ize ized ised izing ising ization
    isation ful ship ships cy ency ancy ty ry ary ory ian ians ic ical ics age ages ant ants ent ents
    ate ated ating ation ations ee ees or ors ward wards tive tives tial tially cial cially gy logy
    ogy ph ble bly le les ling lings""".split()
)

# Compound product names that wrap into two real words ("Sales\nforce").
KNOWN_COMPOUNDS = frozenset(
    """salesforce hubspot linkedin zoominfo salesloft pipedrive zendesk netsuite quickbooks
    sharepoint powerpoint javascript typescript github gitlab bitbucket docusign dropbox mailchimp
    outreach highspot seismic clickup freshdesk freshsales workday servicenow tableau powerbi
    chorus salesnavigator openai datadog snowflake""".split()
)


def strip_cid(text: str) -> str:
    """Remove ``(cid:N)`` glyph ids that pdfminer emits for glyphs without a Unicode mapping."""
    return _CID.sub("", text)


def map_ligatures(text: str) -> str:
    return text.translate(LIGATURES)


def remove_soft_hyphens(text: str) -> str:
    """A soft hyphen at a line break joins the two halves; anywhere else it is dropped."""
    return _SOFT_HYPHEN_AT_BREAK.sub("", text).replace("\xad", "")


def normalize_whitespace(text: str) -> str:
    """Newlines to ``\\n``; runs of spaces, tabs, no-break and odd spaces to one space; trim lines."""
    text = text.replace("\r\n", "\n").translate(_INVISIBLE)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def vocabulary(text: str) -> set[str]:
    """Lower-cased words (hyphenated compounds kept whole) seen on a single line of ``text``."""
    return {word.lower() for word in _WORD.findall(text)}


def rejoin_wrapped_words(text: str, known_words: Iterable[str] = ()) -> str:
    """Repair words a layout wrapped across lines.

    ``manage-\\nment`` -> ``management`` when the joined word is seen elsewhere or the tail is a
    suffix fragment; otherwise the hyphen is kept (``cross-\\nfunctional`` -> ``cross-functional``).
    ``Sales\\nforce`` -> ``Salesforce`` only when the joined word is known (``known_words``, the
    document's own vocabulary, or ``KNOWN_COMPOUNDS``). ``103\\n%`` -> ``103%``.
    """
    seen = vocabulary(text) | {word.lower() for word in known_words}

    def hyphenated(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(2)
        joined = (head + tail).lower()
        if f"{head}-{tail}".lower() in seen:
            return f"{head}-{tail}"
        if joined in seen or joined in KNOWN_COMPOUNDS or tail in _SUFFIX_FRAGMENTS:
            return head + tail
        return f"{head}-{tail}"

    def plain(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(2)
        joined = (head + tail).lower()
        if joined in KNOWN_COMPOUNDS or (joined in seen and len(head) >= 4 and len(tail) >= 4):
            return head + tail
        return match.group(0)

    text = _PERCENT_WRAP.sub(r"\1\2", text)
    text = _HYPHEN_WRAP.sub(hyphenated, text)
    return _PLAIN_WRAP.sub(plain, text)


def clean_text(text: str, known_words: Iterable[str] = ()) -> str:
    """Every repair, in order; the result has ``\\n`` line ends and no runs of blank lines."""
    text = strip_cid(map_ligatures(text))
    text = remove_soft_hyphens(text.replace("\r\n", "\n"))
    text = normalize_whitespace(text)
    return rejoin_wrapped_words(text, known_words)
