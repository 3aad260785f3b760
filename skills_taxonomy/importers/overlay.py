"""The local import overlay: JSON Lines of entries plus the attribution each source requires.

Layout of an overlay folder (default ``<data_dir>/taxonomy``)::

    esco.jsonl   esco.ATTRIBUTION.txt
    onet.jsonl   onet.ATTRIBUTION.txt

``load_taxonomy`` reads every ``*.jsonl`` there after the curated data; curated entries win.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel

from jobfit.errors import TaxonomyError
from skills_taxonomy.normalise import exact_key
from skills_taxonomy.records import Entry
from skills_taxonomy.taxonomy import Taxonomy

_NOT_SLUG = re.compile(r"[^a-z0-9]+")


class ImportSummary(BaseModel):
    source: str  # "esco" or "onet"
    path: Path  # the JSON Lines file written
    written: int
    skipped_for_curated: int  # imported terms that a curated entry already names
    attribution: str


def slug(text: str) -> str:
    """A kebab-case ascii id part: ``Atlassian JIRA`` -> ``atlassian-jira``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _NOT_SLUG.sub("-", plain.replace("+", "plus").replace("#", "sharp")).strip("-")


def curated_match(curated: Taxonomy, forms: Iterable[str]) -> str | None:
    """The curated entry that already names one of these forms (no typo matching), or None."""
    for form in forms:
        found = curated.lookup(form, fuzzy=False)
        if found is not None:
            return found.id
    return None


def clean_forms(name: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """Aliases without blanks and without repeats of the name or each other."""
    seen = {exact_key(name)}
    kept: list[str] = []
    for alias in aliases:
        alias = alias.strip()
        key = exact_key(alias)
        if alias and key not in seen:
            seen.add(key)
            kept.append(alias)
    return tuple(kept)


def write_overlay(
    out_dir: Path, source: str, entries: list[Entry], attribution: str, skipped: int
) -> ImportSummary:
    """Replace ``<out_dir>/<source>.jsonl`` and store the attribution beside it."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        path = out_dir / f"{source}.jsonl"
        partial = path.with_suffix(".jsonl.tmp")
        with partial.open("w", encoding="utf-8") as handle:
            for entry in entries:
                record = entry.model_dump(mode="json", exclude_defaults=True)
                record["source"] = entry.source
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        partial.replace(path)
        (out_dir / f"{source}.ATTRIBUTION.txt").write_text(attribution + "\n", encoding="utf-8")
    except OSError as exc:
        raise TaxonomyError(f"cannot write the {source} overlay to {out_dir}: {exc}") from exc
    return ImportSummary(
        source=source,
        path=path,
        written=len(entries),
        skipped_for_curated=skipped,
        attribution=attribution,
    )


def read_attributions(overlay_dir: Path) -> list[str]:
    """The attribution texts stored with the imported sources, if any."""
    if not overlay_dir.is_dir():
        return []
    return [
        p.read_text(encoding="utf-8").strip() for p in sorted(overlay_dir.glob("*.ATTRIBUTION.txt"))
    ]


def remap_links(entries: list[Entry], renamed: dict[str, str]) -> list[Entry]:
    """Point parents and related at curated ids where an imported entry gave way to one."""
    known = {e.id for e in entries} | set(renamed.values())
    fixed: list[Entry] = []
    for entry in entries:
        parents = _remap(entry.parents, renamed, known, entry.id)
        related = _remap(entry.related, renamed, known, entry.id)
        if parents != entry.parents or related != entry.related:
            entry = entry.model_copy(update={"parents": parents, "related": related})
        fixed.append(entry)
    return fixed


def _remap(
    ids: tuple[str, ...], renamed: dict[str, str], known: set[str], own: str
) -> tuple[str, ...]:
    out = (renamed.get(i, i) for i in ids)
    return tuple(dict.fromkeys(i for i in out if i in known and i != own))
