"""Normalised keys for names, aliases and looked-up terms.

Two keys per form: ``exact_key`` (case and spacing folded) and ``compact_key`` (also accents,
punctuation and spaces removed, so ``Sales force``, ``Salesforce`` and ``SALES-FORCE`` agree). ``+``
and ``#`` survive so that C, C++ and C# stay apart, and ``&`` so that A&D is not AD (Active
Directory) nor R&D "RD". ``cased_short`` marks the short all-lower or all-capital forms whose case
tells two entries apart (``dbt`` the data tool, ``DBT`` the therapy). ``variants`` yields the
fallbacks that ``Taxonomy.lookup`` tries in order when the term itself is unknown: vendor
prefixes, version numbers and suffixes such as ``.com``, ``JS`` or ``software`` removed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_SPACES = re.compile(r"\s+")
_NOT_KEY = re.compile(r"[^\w+#&]+|_+")
_CASED_SHORT = re.compile(r"^(?:[a-z]{2,4}|[A-Z]{2,4})$")
_TRAILING_VERSION = re.compile(r"(?:\s*v?\d+(?:\.\d+)*\+?|\s+\d{4})$")
_SUFFIXES = (
    ".com",
    " software",
    " platform",
    " suite",
    " (software)",
    " tool",
    " tools",
    " programming language",
    " language",
    " framework",
    " library",
    " certification",
    " certified",
)
_COMPACT_SUFFIXES = ("js", "com", "software")
# Vendor names that O*NET and resumes put before a product ("Atlassian JIRA", "Microsoft Excel").
VENDORS = (
    "amazon web services",
    "amazon",
    "aws",
    "apache",
    "apple",
    "adobe",
    "atlassian",
    "autodesk",
    "bentley",
    "cisco",
    "dassault systemes",
    "esri",
    "google",
    "hashicorp",
    "henry schein",
    "ibm",
    "intuit",
    "microsoft",
    "ms",
    "oracle",
    "red hat",
    "sap",
    "the mathworks",
    "mathworks",
    "trimble",
    "salesforce",
    "meta",
    "facebook",
    "linkedin",
    "hubspot",
    "zoho",
    "vmware",
    "kronos",
    "eclipse",
)
_VENDOR_PREFIX = re.compile(r"^(?:" + "|".join(re.escape(v) for v in VENDORS) + r")\s+")


def fold(text: str) -> str:
    """Unicode-normalised, accent-free, lower-case text."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.casefold()


def exact_key(text: str) -> str:
    """Case and spacing folded; punctuation kept (``node.js``, ``c++``)."""
    return _SPACES.sub(" ", fold(text)).strip()


def compact_key(text: str) -> str:
    """Letters, digits, ``+``, ``#`` and ``&`` only: ``Sales force`` and ``SalesForce`` agree."""
    return _NOT_KEY.sub("", fold(text))


def cased_short(form: str) -> bool:
    """A form of 2-4 letters written all in lower case or all in capitals (pip, PIP, dbt)."""
    return _CASED_SHORT.match(form.strip()) is not None


def case_twins(a: str, b: str) -> bool:
    """Two forms that only their case tells apart (``pip`` and ``PIP``): both may name entries."""
    a, b = a.strip(), b.strip()
    return cased_short(a) and cased_short(b) and a != b and a.lower() == b.lower()


def variants(term: str) -> Iterator[tuple[str, bool]]:
    """Fallback exact keys for a term, each with whether a vendor prefix was removed on the way.

    Yields the term without a vendor prefix, a trailing version, a known suffix, a trailing
    parenthesised or acronym part ("Structured query language SQL" -> "sql"), combined in turn.
    """
    base = exact_key(term)
    seen = {base}
    frontier = [(base, False)]
    while frontier:
        current, vendor_removed = frontier.pop(0)
        for candidate, by_vendor in _one_step(current):
            if candidate and candidate not in seen:
                seen.add(candidate)
                frontier.append((candidate, vendor_removed or by_vendor))
                yield candidate, vendor_removed or by_vendor


def _one_step(key: str) -> Iterator[tuple[str, bool]]:
    stripped = _VENDOR_PREFIX.sub("", key)
    if stripped != key:
        yield stripped, True
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix) + 1:
            yield key[: -len(suffix)].strip(), False
    version_free = _TRAILING_VERSION.sub("", key).strip()
    if version_free != key and len(compact_key(version_free)) >= 2:
        yield version_free, False
    # "hypertext markup language html" -> "html"; "microsoft visual basic for applications vba"
    words = key.split(" ")
    if len(words) >= 3 and _is_acronym_of(words[-1], words[:-1]):
        yield words[-1], False
        yield " ".join(words[:-1]), False
    if len(words) >= 2 and key.endswith(")"):
        inner = key[key.rfind("(") + 1 : -1].strip()
        if inner:
            yield inner, False
            yield key[: key.rfind("(")].strip(), False


def compact_variants(key: str) -> Iterator[str]:
    """Compact-key fallbacks: ``reactjs`` -> ``react``, ``salesforcecom`` -> ``salesforce``."""
    for suffix in _COMPACT_SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 3:
            yield key[: -len(suffix)]


def _is_acronym_of(last: str, words: list[str]) -> bool:
    letters = re.sub(r"[^a-z]", "", last)
    if not 1 <= len(letters) <= 6 or len(letters) > len(words) + 2:
        return False
    initials = "".join(w[0] for w in words if w and w[0].isalnum())
    # the acronym's letters appear, in order, among the initials or the words' letters
    return _subsequence(letters, initials) or _subsequence(letters, "".join(words[-len(letters) :]))


def _subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)
