"""Checks on the curated data: every problem found, not just the first."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from jobfit.errors import TaxonomyError
from skills_taxonomy.loading import DATA_DIR, curated_files, read_records, to_entry
from skills_taxonomy.normalise import case_twins, compact_key, exact_key
from skills_taxonomy.records import Entry

ProblemKind = Literal[
    "unreadable",
    "malformed",
    "bad_id",
    "duplicate_id",
    "duplicate_alias",
    "dangling_parent",
    "dangling_related",
    "cycle",
    "bad_ambiguous",
    "dangling_sense",
]
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class Problem(BaseModel):
    kind: ProblemKind
    entry_id: str | None = None
    source: str | None = None  # the data file
    message: str

    def __str__(self) -> str:
        where = ":".join(part for part in (self.source, self.entry_id) if part)
        return f"{where}: {self.kind}: {self.message}" if where else f"{self.kind}: {self.message}"


def validate_data(data_dir: Path = DATA_DIR) -> list[Problem]:
    """Read every curated file leniently and report what is wrong with it."""
    problems: list[Problem] = []
    entries: list[tuple[str, Entry]] = []
    for path in curated_files(data_dir):
        try:
            records = read_records(path)
        except TaxonomyError as exc:
            problems.append(Problem(kind="unreadable", source=path.name, message=exc.message))
            continue
        for record in records:
            try:
                entries.append((path.name, to_entry(record)))
            except TaxonomyError as exc:
                problems.append(Problem(kind="malformed", source=path.name, message=exc.message))
    return problems + validate_entries(entries)


def validate_entries(entries: Iterable[tuple[str, Entry]]) -> list[Problem]:
    """Checks across entries: ids, duplicate names and aliases, links, cycles."""
    problems: list[Problem] = []
    by_id: dict[str, Entry] = {}
    source_of: dict[str, str] = {}
    for source, entry in entries:
        if not ID_PATTERN.match(entry.id):
            problems.append(_problem("bad_id", source, entry, "id must be kebab-case ascii"))
        if entry.id in by_id:
            other = source_of[entry.id]
            problems.append(_problem("duplicate_id", source, entry, f"also defined in {other}"))
            continue
        by_id[entry.id] = entry
        source_of[entry.id] = source
    problems += _duplicate_forms(by_id, source_of)
    for entry in by_id.values():
        source = source_of[entry.id]
        forms = {exact_key(f) for f in (entry.name, *entry.aliases)}
        for form in entry.ambiguous:
            if exact_key(form) not in forms:
                msg = f"ambiguous form {form!r} is not the name or an alias"
                problems.append(_problem("bad_ambiguous", source, entry, msg))
        for parent in entry.parents:
            if parent not in by_id:
                msg = f"parent {parent!r} does not exist"
                problems.append(_problem("dangling_parent", source, entry, msg))
        for sense in entry.senses:
            if sense not in by_id or sense == entry.id:
                msg = f"sense {sense!r} does not exist"
                problems.append(_problem("dangling_sense", source, entry, msg))
        for related in entry.related:
            if related not in by_id:
                msg = f"related {related!r} does not exist"
                problems.append(_problem("dangling_related", source, entry, msg))
    problems += _cycles(by_id, source_of)
    return problems


def _duplicate_forms(by_id: dict[str, Entry], source_of: dict[str, str]) -> list[Problem]:
    owner: dict[str, tuple[str, str]] = {}  # compact key -> (entry id, form)
    problems: list[Problem] = []
    for entry in by_id.values():
        for form in dict.fromkeys((entry.name, *entry.aliases)):
            key = compact_key(form)
            if not key:
                msg = f"form {form!r} has no letters or digits"
                problems.append(_problem("malformed", source_of[entry.id], entry, msg))
                continue
            first = owner.setdefault(key, (entry.id, form))
            if first[0] != entry.id and not case_twins(form, first[1]):
                msg = f"{form!r} also names {first[0]} (as {first[1]!r}, {source_of[first[0]]})"
                problems.append(_problem("duplicate_alias", source_of[entry.id], entry, msg))
    return problems


def _cycles(by_id: dict[str, Entry], source_of: dict[str, str]) -> list[Problem]:
    """Each is-a cycle once, found by depth-first search over parents."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(by_id, white)
    problems: list[Problem] = []
    for root in by_id:
        if colour[root] != white:
            continue
        path: list[str] = []
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, index = stack.pop()
            if index == 0:
                colour[node] = grey
                path.append(node)
            parents = [p for p in by_id[node].parents if p in by_id]
            if index < len(parents):
                stack.append((node, index + 1))
                parent = parents[index]
                if colour[parent] == grey:
                    cycle = path[path.index(parent) :] + [parent]
                    entry = by_id[node]
                    msg = "is-a cycle: " + " -> ".join(cycle)
                    problems.append(_problem("cycle", source_of[node], entry, msg))
                elif colour[parent] == white:
                    stack.append((parent, 0))
            else:
                colour[node] = black
                path.pop()
    return problems


def _problem(kind: ProblemKind, source: str, entry: Entry, message: str) -> Problem:
    return Problem(kind=kind, entry_id=entry.id, source=source, message=message)
