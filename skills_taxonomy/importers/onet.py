"""Import an O*NET database release (tab-separated text files) into the local overlay.

Reads, from the folder a user downloads (``db_29_2_text`` or the like):

- ``Technology Skills.txt`` and ``Tools Used.txt``: each distinct Example becomes a ``tool`` entry
  whose parent is its UNSPSC commodity ("Atlassian JIRA" is-a "Content workflow software");
- ``UNSPSC Reference.txt`` (optional): commodity classes as the commodities' parents;
- ``Occupation Data.txt`` with ``Alternate Titles.txt`` (optional): ``job_title`` entries.

A commodity that a curated entry carries as its ``onet`` code is that curated entry; an Example or
title a curated entry already names is left to it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from jobfit.errors import TaxonomyError
from skills_taxonomy.importers.overlay import (
    ImportSummary,
    clean_forms,
    curated_match,
    remap_links,
    slug,
    write_overlay,
)
from skills_taxonomy.records import Entry
from skills_taxonomy.taxonomy import Taxonomy

ATTRIBUTION = (
    "This product includes information from the O*NET 29.2 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. "
    "O*NET(R) is a trademark of USDOL/ETA. The jobfit project has modified all or some of this "
    "information. USDOL/ETA has not approved, endorsed, or tested these modifications."
)
TECHNOLOGY = "Technology Skills.txt"
TOOLS = "Tools Used.txt"


def read_table(path: Path) -> Iterator[dict[str, str]]:
    """Rows of an O*NET tab-separated file (CRLF, CR or LF line ends) as column -> value."""
    try:
        with path.open(encoding="utf-8", errors="replace", newline=None) as handle:
            yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
    except OSError as exc:
        raise TaxonomyError(f"cannot read {path}: {exc}") from exc


def import_onet(source: Path, out_dir: Path, curated: Taxonomy) -> ImportSummary:
    if not (source / TECHNOLOGY).is_file():
        raise TaxonomyError(f"{source} holds no {TECHNOLOGY!r}: not an O*NET text release")
    by_onet_code = {e.onet_code: e.id for e in curated.entries if e.onet_code}
    entries: dict[str, Entry] = {}
    renamed: dict[str, str] = {}  # imported id -> curated id that names the same thing
    skipped = 0

    classes = _classes(source / "UNSPSC Reference.txt")
    for filename in (TECHNOLOGY, TOOLS):
        path = source / filename
        if not path.is_file():
            continue
        for row in read_table(path):
            example = (row.get("Example") or "").strip()
            code = (row.get("Commodity Code") or "").strip()
            title = (row.get("Commodity Title") or "").strip()
            if not example or not code:
                continue
            commodity_id = f"onet-{code}"
            if commodity_id not in entries and commodity_id not in renamed:
                skipped += _add(
                    entries,
                    renamed,
                    curated,
                    by_onet_code.get(code),
                    Entry(
                        id=commodity_id,
                        name=title or code,
                        category="tool",
                        onet_code=code,
                        parents=_class_parent(classes, code),
                        source="onet",
                    ),
                )
            example_id = f"onet-{slug(example)}"
            if example_id in entries or example_id in renamed:
                continue
            skipped += _add(
                entries,
                renamed,
                curated,
                None,
                Entry(
                    id=example_id,
                    name=example,
                    category="tool",
                    onet_code=code,
                    parents=(commodity_id,),
                    source="onet",
                ),
            )
    for class_code, class_title in _used_classes(classes, entries.values()):
        class_id = f"onet-{class_code}"
        if class_id not in entries:
            skipped += _add(
                entries,
                renamed,
                curated,
                by_onet_code.get(class_code),
                Entry(
                    id=class_id,
                    name=class_title,
                    category="tool",
                    onet_code=class_code,
                    source="onet",
                ),
            )
    skipped += _occupations(source, entries, renamed, curated)
    kept = remap_links(list(entries.values()), renamed)
    return write_overlay(out_dir, "onet", kept, ATTRIBUTION, skipped)


def _add(
    entries: dict[str, Entry],
    renamed: dict[str, str],
    curated: Taxonomy,
    curated_id: str | None,
    entry: Entry,
) -> int:
    """Add an imported entry unless a curated one already is it; 1 if it was left to curated."""
    owner = curated_id or curated_match(curated, (entry.name, *entry.aliases))
    if owner is not None:
        renamed[entry.id] = owner
        return 1
    entries[entry.id] = entry
    return 0


def _classes(path: Path) -> dict[str, tuple[str, str]]:
    """Commodity code -> (class code, class title) from the UNSPSC reference, if present."""
    if not path.is_file():
        return {}
    return {
        row["Commodity Code"]: (row["Class Code"], row["Class Title"])
        for row in read_table(path)
        if row.get("Commodity Code") and row.get("Class Code")
    }


def _class_parent(classes: dict[str, tuple[str, str]], code: str) -> tuple[str, ...]:
    found = classes.get(code)
    return (f"onet-{found[0]}",) if found else ()


def _used_classes(
    classes: dict[str, tuple[str, str]], entries: Iterable[Entry]
) -> list[tuple[str, str]]:
    """The classes of the commodities that were imported as entries of their own."""
    used = {
        classes[e.onet_code]
        for e in entries
        if e.onet_code and e.onet_code in classes and e.id == f"onet-{e.onet_code}"
    }
    return sorted(used)


def _occupations(
    source: Path, entries: dict[str, Entry], renamed: dict[str, str], curated: Taxonomy
) -> int:
    """Occupations as job titles, with their alternate titles as aliases."""
    occupations = source / "Occupation Data.txt"
    if not occupations.is_file():
        return 0
    alternates: dict[str, list[str]] = {}
    alt_path = source / "Alternate Titles.txt"
    if alt_path.is_file():
        for row in read_table(alt_path):
            code = row.get("O*NET-SOC Code", "")
            for column in ("Alternate Title", "Short Title"):
                value = (row.get(column) or "").strip()
                if value and value != "n/a":
                    alternates.setdefault(code, []).append(value)
    skipped = 0
    for row in read_table(occupations):
        code, title = row.get("O*NET-SOC Code", ""), (row.get("Title") or "").strip()
        if not code or not title:
            continue
        entry_id = f"onet-soc-{slug(code)}"
        owner = curated_match(curated, [title])
        if owner is not None:
            renamed[entry_id] = owner
            skipped += 1
            continue
        entries[entry_id] = Entry(
            id=entry_id,
            name=title,
            category="job_title",
            aliases=clean_forms(title, alternates.get(code, [])),
            source="onet",
        )
    return skipped
