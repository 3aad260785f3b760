"""Term look-up: an exact dictionary on normalised keys first, then guarded OSA typo matching.

Guards keep short and common words from fuzzy-matching anything (Java is not Jira, SQL is not
NoSQL, Sales is not Salesforce): no typo matching below 7 characters, at most one edit for 7-9 and
two from 10; the first letter and every digit must agree; and a two-edit change confined to the
word's ending (accountancy / accountant) is a different word, not a typo.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from skills_taxonomy.normalise import compact_key, compact_variants, exact_key, variants
from skills_taxonomy.records import Entry

Via = Literal["exact", "alias", "normalised", "fuzzy"]
_DIGITS = re.compile(r"\d+")


# a hit: (entry id, the form as written in the data, whether that form is the entry's name)
Hit = tuple[str, str, bool]


def max_edits(length: int) -> int:
    """OSA edits allowed for a key of this many characters."""
    if length < 7:
        return 0
    if length < 10:
        return 1
    return 2


class LookupIndex:
    """Normalised keys of every name and alias, built once per taxonomy."""

    def __init__(
        self, entries: Iterable[Entry], generic: set[str] | frozenset[str] = frozenset()
    ) -> None:
        # ids of entries that have children: "Zoho CRM" without its vendor is not "CRM software"
        self.generic = frozenset(generic)
        self.exact: dict[str, Hit] = {}
        self.compact: dict[str, Hit] = {}
        for entry in entries:  # first writer wins: curated entries come before the overlay
            for form in (entry.name, *entry.aliases):
                hit = (entry.id, form, form == entry.name)
                self.exact.setdefault(exact_key(form), hit)
                key = compact_key(form)
                if key:
                    self.compact.setdefault(key, hit)
        # typo candidates by first character (which a typo must keep), so each search is small
        self.fuzzy_keys: dict[str, list[str]] = {}
        for key in sorted(self.compact):
            if len(key) >= 6:
                self.fuzzy_keys.setdefault(key[0], []).append(key)

    def find(self, term: str, *, fuzzy: bool = True) -> tuple[Hit, Via, float] | None:
        """The best hit for a term with how it was found and a 0-100 score, or None."""
        base = exact_key(term)
        if not base:
            return None
        hit = self.exact.get(base)
        if hit is not None:
            return hit, ("exact" if hit[2] else "alias"), 100.0
        found = self._normalised(compact_key(base))
        if found is not None:
            return found, "normalised", 100.0
        candidates = [base]
        for variant, vendor_removed in variants(term):
            candidates.append(variant)
            hit = self.exact.get(variant) or self._normalised(compact_key(variant))
            if hit is not None and not (vendor_removed and hit[0] in self.generic):
                return hit, "normalised", 95.0
        for candidate in candidates if fuzzy else ():
            typo = self._fuzzy(compact_key(candidate))
            if typo is not None:
                return typo[0], "fuzzy", typo[1]
        return None

    def _normalised(self, key: str) -> Hit | None:
        if not key:
            return None
        hit = self.compact.get(key)
        if hit is not None:
            return hit
        for shorter in compact_variants(key):
            hit = self.compact.get(shorter)
            if hit is not None:
                return hit
        return None

    def _fuzzy(self, key: str) -> tuple[Hit, float] | None:
        allowed = max_edits(len(key))
        if allowed == 0:
            return None
        choices = self.fuzzy_keys.get(key[0], [])
        matches = process.extract(key, choices, scorer=OSA.distance, score_cutoff=allowed, limit=20)
        ranked: list[tuple[float, float, str]] = []
        for choice, distance, _ in matches:
            if distance == 0 or distance > max_edits(min(len(key), len(choice))):
                continue
            if _plausible_typo(key, choice, int(distance)):
                # ties on distance go to the closer spelling (MEDDPIC -> MEDDPICC, not MEDDIC)
                ranked.append((distance, -Indel.normalized_similarity(key, choice), choice))
        if not ranked:
            return None
        choice = min(ranked)[2]
        score = round(100.0 * OSA.normalized_similarity(key, choice), 1)
        return self.compact[choice], score


def _plausible_typo(key: str, choice: str, distance: int) -> bool:
    if key[0] != choice[0]:
        return False
    if _DIGITS.findall(key) != _DIGITS.findall(choice):
        return False
    prefix = 0
    for a, b in zip(key, choice, strict=False):
        if a != b:
            break
        prefix += 1
    # two edits that only change the ending: a different word form, not a typo
    return not (distance >= 2 and prefix >= min(len(key), len(choice)) - 2)
