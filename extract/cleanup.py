"""Text repair shared by every format: artefacts, ligatures, odd spaces, words wrapped at lines."""

from __future__ import annotations

import re
from collections import Counter
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
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
    }
)

# Characters that print nothing (zero-width spaces and joiners, word joiner, BOM), and the Private
# Use Area, where icon fonts (FontAwesome, LaTeX CV classes) put their glyphs.
_INVISIBLE = dict.fromkeys([*map(ord, "\u200b\u200c\u200d\u2060\ufeff"), *range(0xE000, 0xF900)])
_CID = re.compile(r"\(cid:\d+\)")
_HYPHEN_RUN = re.compile(r"(?<=\w)-{2,}(?=\w)")  # Quartz writes "on--‐campus" for "on-campus"
_SPACES = re.compile(r"[ \t\r\v\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_RUNS = re.compile(r"\n{3,}")
_SOFT_HYPHEN_AT_BREAK = re.compile(r"\xad[ \t]*\n[ \t]*")
_PERCENT_WRAP = re.compile(r"(\d)[ \t]*\n[ \t]*(%)")
_HYPHEN_WRAP = re.compile(r"\b([A-Za-z]+)-[ \t]*\n[ \t]*([a-z]+)\b")
_PLAIN_WRAP = re.compile(r"\b([A-Za-z]+)[ \t]*\n[ \t]*([a-z]+)\b")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")

# Tails that are word fragments, not words: "manage-\nment" is one word, "cross-\nfunctional" two.
_SUFFIX_FRAGMENTS = frozenset(
    """ment ments tion tions sion sions ing ings ed ity ities ance ances ence ences ly ness able
    ible ive ives ative al ally er ers ure ures ous ism ist ists ise ize ized ised izing ising
    ization isation ful ship ships cy ency ancy ty ry ary ory ian ians ic ical ics age ages ant ants
    ent ents ate ated ating ation ations ee ees or ors ward wards tive tives tial tially cial
    cially gy logy ogy ph ble bly le les ling lings""".split()
)

# First halves that usually start a hyphenated compound ("cross-functional", "data-driven").
COMPOUND_HEADS = frozenset(
    """cross end data real full self high low long short well multi non co re pre post e client
    customer team results detail fast front back open on off top best first second third world
    award fortune mid mid-market year quarter sales account channel go value solution user b2b
    b2c c cloud web mobile hands face day next new full-cycle""".split()
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
    """Ligature glyphs to their letters; Unicode hyphens to ``-``."""
    return text.translate(LIGATURES)


def collapse_hyphen_runs(text: str) -> str:
    """``on--‐campus`` (Quartz PDFs draw a hyphen as several glyphs) -> ``on-campus``."""
    return _HYPHEN_RUN.sub("-", text)


def remove_soft_hyphens(text: str, drawn: bool = False) -> str:
    """A soft hyphen at a line break joins the two halves; anywhere else it is dropped.

    ``drawn``: the text comes from a PDF, where a soft hyphen inside a line was drawn on the page
    (TeX writes its hyphen and dash glyphs as U+00AD: ``Co\xaddirector``, ``2011 \xad 2012``), so it
    becomes ``-``.
    """
    return _SOFT_HYPHEN_AT_BREAK.sub("", text).replace("\xad", "-" if drawn else "")


def normalize_whitespace(text: str) -> str:
    """Newlines to ``\\n``; runs of spaces, tabs and no-break or odd spaces to one space; trim."""
    text = text.replace("\r\n", "\n").replace("\f", "\n\n").translate(_INVISIBLE)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip()


def vocabulary(text: str) -> Counter[str]:
    """Lower-cased word counts (hyphenated compounds kept whole) of ``text``."""
    return Counter(word.lower() for word in _WORD.findall(text))


def rejoin_wrapped_words(
    text: str, known_words: Iterable[str] = (), counts: Counter[str] | None = None
) -> str:
    """Repair words a layout wrapped across lines; ``counts``: the whole document's vocabulary.

    ``al-\ngorithms`` -> ``algorithms``: a hyphen at a line end is a syllable break unless the
    hyphenated form is seen elsewhere, or the head is a usual compound head (``cross-``,
    ``data-``), or both halves are words seen elsewhere (``cross-\nfunctional``).
    ``Sales\nforce`` -> ``Salesforce`` only when the joined word is known (``known_words``,
    ``KNOWN_COMPOUNDS``, or seen elsewhere with both halves 4+ letters). ``103\n%`` -> ``103%``.
    """
    seen = vocabulary(text) if counts is None else counts
    known = {word.lower() for word in known_words} | KNOWN_COMPOUNDS

    def hyphenated(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(2)
        joined = (head + tail).lower()
        if seen[f"{head}-{tail}".lower()]:
            return f"{head}-{tail}"
        if seen[joined] or joined in known or tail in _SUFFIX_FRAGMENTS:
            return head + tail
        if head.lower() in COMPOUND_HEADS or (seen[head.lower()] > 1 and seen[tail] > 1):
            return f"{head}-{tail}"
        return head + tail

    def plain(match: re.Match[str]) -> str:
        head, tail = match.group(1), match.group(2)
        joined = (head + tail).lower()
        if joined in known or (seen[joined] and len(head) >= 4 and len(tail) >= 4):
            return head + tail
        return match.group(0)

    text = _PERCENT_WRAP.sub(r"\1\2", text)
    text = _HYPHEN_WRAP.sub(hyphenated, text)
    return _PLAIN_WRAP.sub(plain, text)


def clean_text(
    text: str,
    known_words: Iterable[str] = (),
    from_pdf: bool = False,
    counts: Counter[str] | None = None,
) -> str:
    """Every repair, in order; the result has ``\\n`` line ends and no runs of blank lines."""
    text = strip_cid(map_ligatures(text))
    text = remove_soft_hyphens(text.replace("\r\n", "\n"), drawn=from_pdf)
    text = collapse_hyphen_runs(text)
    text = normalize_whitespace(text)
    return rejoin_wrapped_words(text, known_words, counts)
