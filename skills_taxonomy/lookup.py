"""Term look-up: an exact dictionary on normalised keys first, then guarded OSA typo matching.

Guards keep short and common words from fuzzy-matching anything (Java is not Jira, SQL is not
NoSQL, Sales is not Salesforce):

- no typo matching below 7 characters, at most one edit for 7-9 and two from 10;
- only names of tools, methodologies, certifications, licences and languages are typo targets
  (Salesforce, MEDDPICC), never their ambiguous forms (Challenger); skills and titles are made of
  common words;
- a term that is itself a word of some name or alias ("systems", "reports") is no typo;
- the first letter, every digit, ``+`` and ``#`` must agree (C / C++, Windows 10 / 11);
- a change of the last letter only (systems / systemd) or two edits confined to the ending
  (accountancy / accountant) make a different word, not a typo.

Measured in evals/taxonomy.py: of the 3,000 most frequent words of 7+ letters in SkillSpan's job
ads, about half a dozen become typo hits (one a real typo, "kubernets"), against 159 without the
last four guards; seeded one-edit typos of tool and method names still resolve 99% of the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from skills_taxonomy.normalise import (
    cased_short,
    compact_key,
    compact_variants,
    exact_key,
    variants,
)
from skills_taxonomy.records import Entry

CATEGORY_SUFFIXES = (" software", " platform", " platforms", " tools")
Via = Literal["exact", "alias", "normalised", "fuzzy"]
_DIGITS = re.compile(r"[\d+#]+")
_WORD = re.compile(r"[^\W\d_]+")
FUZZY_CATEGORIES = frozenset({"tool", "methodology", "certification", "licence", "language"})


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
        self.cased: dict[str, Hit] = {}  # short forms as written: "dbt" and "DBT" differ
        self.words: set[str] = set()  # every word of every name and alias, lower case
        targets: set[str] = set()  # compact keys that may be the target of a typo
        for entry in entries:  # first writer wins: curated entries come before the overlay
            ambiguous = {exact_key(f) for f in entry.ambiguous}
            for form in (entry.name, *entry.aliases):
                hit = (entry.id, form, form == entry.name)
                self.exact.setdefault(exact_key(form), hit)
                if cased_short(form):
                    self.cased.setdefault(form.strip(), hit)
                self.words.update(_WORD.findall(exact_key(form)))
                key = compact_key(form)
                if not key:
                    continue
                self.compact.setdefault(key, hit)
                fuzzy_ok = entry.category in FUZZY_CATEGORIES and exact_key(form) not in ambiguous
                if fuzzy_ok and len(key) >= 6 and self.compact[key][0] == entry.id:
                    targets.add(key)
        # typo targets by first character (which a typo must keep), so each search is small
        self.fuzzy_keys: dict[str, list[str]] = {}
        for key in sorted(targets):
            self.fuzzy_keys.setdefault(key[0], []).append(key)

    def find(self, term: str, *, fuzzy: bool = True) -> tuple[Hit, Via, float] | None:
        """The best hit for a term with how it was found and a 0-100 score, or None."""
        base = exact_key(term)
        if not base:
            return None
        hit = self.cased.get(term.strip()) or self.exact.get(base)
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
        for suffix in CATEGORY_SUFFIXES:  # "Sales engagement" -> "Sales engagement software"
            hit = self.compact.get(compact_key(base + suffix))
            if hit is not None:
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
        if allowed == 0 or key in self.words or key.removesuffix("s") in self.words:
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
    if len(key) == len(choice) and key[:-1] == choice[:-1]:
        return False  # only the last letter differs: systems / systemd, markets / marketo
    prefix = 0
    for a, b in zip(key, choice, strict=False):
        if a != b:
            break
        prefix += 1
    # two edits that only change the ending: a different word form, not a typo
    return not (distance >= 2 and prefix >= min(len(key), len(choice)) - 2)
