"""The taxonomy: entries by id, term look-up, tagging and is-a hierarchy queries."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from jobfit.errors import NotFound
from skills_taxonomy.lookup import LookupIndex
from skills_taxonomy.records import Entry, LookupResult, TaggedSpan
from skills_taxonomy.senses import resolve_senses

if TYPE_CHECKING:
    from skills_taxonomy.tagging import Tagger


class Taxonomy:
    """Immutable after construction. Build it with ``load_taxonomy`` (cached) and pass it in."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._entries: dict[str, Entry] = {}
        for entry in entries:
            self._entries.setdefault(entry.id, entry)  # first wins: curated before overlay
        self._children: dict[str, list[str]] = {}
        for entry in self._entries.values():
            for parent in entry.parents:
                self._children.setdefault(parent, []).append(entry.id)
        self._index = LookupIndex(self._entries.values(), generic=set(self._children))
        self._ancestors: dict[str, tuple[str, ...]] = {}  # filled on demand
        self._families: dict[str, frozenset[str]] = {}
        self._tagger: Tagger | None = None
        self._tagger_lock = threading.Lock()

    # pickling (the load cache) leaves out the spaCy matcher, which is rebuilt on first use
    # entries travel as plain dicts: rebuilding pydantic models from pickles is 10x slower
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_tagger"] = None
        del state["_tagger_lock"]
        state["_entries"] = [dict(e) for e in self._entries.values()]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        entries = state.pop("_entries")
        self.__dict__.update(state)
        self._entries = {e["id"]: Entry.model_construct(**e) for e in entries}
        self._tagger_lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    @property
    def entries(self) -> Iterable[Entry]:
        return self._entries.values()

    def get(self, entry_id: str) -> Entry:
        try:
            return self._entries[entry_id]
        except KeyError:
            raise NotFound(f"no taxonomy entry with id {entry_id!r}") from None

    # --- look-up -------------------------------------------------------------------------------

    def lookup(self, term: str, *, fuzzy: bool = True) -> LookupResult | None:
        """The entry a term names (aliases, spelling variants and, unless ``fuzzy=False``,
        typos), or None."""
        found = self._index.find(term, fuzzy=fuzzy)
        if found is None:
            return None
        (entry_id, form, _is_name), via, score = found
        entry = self._entries[entry_id]
        return LookupResult(
            id=entry.id,
            name=entry.name,
            category=entry.category,
            parents=list(entry.parents),
            matched_alias=form,
            score=score,
            via=via,
        )

    # --- tagging -------------------------------------------------------------------------------

    def tag(self, text: str, *, skills_list: bool = False) -> list[TaggedSpan]:
        """Every entry mentioned in text, longest match first, with character spans.

        ``skills_list=True`` says the text is a list of skills or tools, so ambiguous forms
        (Excel, Go, Outreach) are tagged without further context.
        """
        spans = self.tagger.tag(text, skills_list=skills_list)
        return resolve_senses(spans, self.get, self.family)

    @property
    def tagger(self) -> Tagger:
        if self._tagger is None:
            with self._tagger_lock:
                if self._tagger is None:
                    from skills_taxonomy.tagging import Tagger  # spaCy loads only when tagging

                    self._tagger = Tagger(self._entries.values())
        return self._tagger

    # --- hierarchy -----------------------------------------------------------------------------

    def ancestors(self, entry_id: str) -> list[str]:
        """Every is-a ancestor, nearest first (breadth first); dangling parent ids are skipped."""
        cached = self._ancestors.get(entry_id)
        if cached is None:
            cached = self._ancestors[entry_id] = tuple(self._walk_up(entry_id))
        return list(cached)

    def _walk_up(self, entry_id: str) -> list[str]:
        self.get(entry_id)
        order: list[str] = []
        seen = {entry_id}
        frontier = [entry_id]
        while frontier:
            next_frontier: list[str] = []
            for current in frontier:
                entry = self._entries.get(current)
                for parent in entry.parents if entry else ():
                    if parent not in seen and parent in self._entries:
                        seen.add(parent)
                        order.append(parent)
                        next_frontier.append(parent)
            frontier = next_frontier
        return order

    def family(self, entry_id: str) -> frozenset[str]:
        """The entry, its ancestors and the entries it and they are related to."""
        cached = self._families.get(entry_id)
        if cached is None:
            members = {entry_id, *self.ancestors(entry_id)}
            for member in list(members):
                members.update(self._entries[member].related if member in self._entries else ())
            cached = self._families[entry_id] = frozenset(members)
        return cached

    def descendants(self, entry_id: str) -> set[str]:
        """Every entry below this one in the is-a hierarchy."""
        self.get(entry_id)
        found: set[str] = set()
        stack = [entry_id]
        while stack:
            for child in self._children.get(stack.pop(), ()):
                if child not in found and child != entry_id:
                    found.add(child)
                    stack.append(child)
        return found

    def children(self, entry_id: str) -> list[str]:
        self.get(entry_id)
        return list(self._children.get(entry_id, ()))

    def satisfies(self, candidate_id: str, required_id: str) -> bool:
        """Whether having ``candidate_id`` meets a requirement for ``required_id``.

        The same entry, or a more specific one (HubSpot meets "CRM software", MEDDPICC meets
        MEDDIC); never the reverse.
        """
        self.get(required_id)
        if candidate_id == required_id:
            return True
        if candidate_id not in self._ancestors:
            self.ancestors(candidate_id)
        return required_id in self._ancestors[candidate_id]
