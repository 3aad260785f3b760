"""Which sense a bare, general mention has, judged by the other skills of the same text.

"Onboarding" in a list with Gainsight, renewals and customer success is customer onboarding; in
one with Workday, FMLA and recruiting it is employee onboarding. An entry lists such senses
(``Entry.senses``); a tag of it becomes the sense whose own is-a family (itself, its ancestors
and related entries, less what it shares with the general entry) holds the most of the text's
other tags. With no such evidence the tag keeps the general entry.
"""

from __future__ import annotations

from collections.abc import Callable

from skills_taxonomy.records import Entry, TaggedSpan

Family = Callable[[str], frozenset[str]]


def resolve_senses(
    spans: list[TaggedSpan], entry_of: Callable[[str], Entry], family: Family
) -> list[TaggedSpan]:
    """Spans with each general entry that has senses replaced by the best-supported sense."""
    general = [s for s in spans if entry_of(s.entry_id).senses]
    if not general:
        return spans
    others = {s.entry_id for s in spans if not entry_of(s.entry_id).senses}
    families = {i: family(i) for i in others}
    resolved: list[TaggedSpan] = []
    for span in spans:
        entry = entry_of(span.entry_id)
        if entry.senses:
            best = _best_sense(entry, families, family)
            if best is not None:
                span = span.model_copy(update={"entry_id": best})
        resolved.append(span)
    return resolved


def _best_sense(entry: Entry, families: dict[str, frozenset[str]], family: Family) -> str | None:
    shared = family(entry.id)
    best, best_votes = None, 0
    for sense in entry.senses:
        own = family(sense) - shared
        votes = sum(1 for other, fam in families.items() if other != sense and own & fam)
        if votes > best_votes:
            best, best_votes = sense, votes
    return best
