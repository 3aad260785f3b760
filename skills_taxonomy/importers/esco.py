"""Import ESCO (European Skills, Competences, Qualifications and Occupations) into the overlay.

Reads whichever of these a folder holds:

- the ESCO portal's CSV download: ``skills_en.csv`` (conceptUri, preferredLabel, altLabels,
  skillType, reuseLevel), ``broaderRelationsSkillPillar_en.csv`` (conceptUri, broaderUri), and
  ``occupations_en.csv`` (conceptUri, preferredLabel, altLabels);
- the labels-per-row form ``esco_v_1_1_1_data_formatted.csv`` (id, description,
  hierarchy_levels, type) with ``esco_v_1_1_1_hier_mapper.json`` naming the skill groups;
- Tabiya's re-packaging ``tabiya/csv/occupations.csv`` (ORIGINURI, PREFERREDLABEL, ALTLABELS).

Skills become ``hard_skill`` (transversal skills and attitudes ``soft_skill``, languages
``language``), skill groups their parents, occupations ``job_title``. A term a curated entry
already names is left to it.
"""

from __future__ import annotations

import ast
import csv
import json
import sys
from collections.abc import Iterator
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
from skills_taxonomy.records import Category, Entry
from skills_taxonomy.taxonomy import Taxonomy

ATTRIBUTION = (
    "This service uses the ESCO classification of the European Commission. "
    "The ESCO data used here (v1.1.1) has been modified by the jobfit project: labels were "
    "normalised, merged with jobfit's own taxonomy (which takes precedence), and restructured "
    "into its entry format."
)
SKILL_URI = "http://data.europa.eu/esco/skill/"
FORMATTED = "esco_v_1_1_1_data_formatted.csv"
HIER_MAPPER = "esco_v_1_1_1_hier_mapper.json"


def read_csv(path: Path) -> Iterator[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from csv.DictReader(handle)
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"cannot read {path}: {exc}") from exc


class _Builder:
    """Collects imported entries, leaving to curated entries whatever they already name."""

    def __init__(self, curated: Taxonomy) -> None:
        self.curated = curated
        self.entries: dict[str, Entry] = {}
        self.renamed: dict[str, str] = {}
        self.skipped = 0

    def add(self, entry: Entry) -> None:
        if entry.id in self.entries or entry.id in self.renamed:
            return
        owner = curated_match(self.curated, [entry.name])
        if owner is not None:
            self.renamed[entry.id] = owner
            self.skipped += 1
            return
        self.entries[entry.id] = entry


def import_esco(source: Path, out_dir: Path, curated: Taxonomy) -> ImportSummary:
    builder = _Builder(curated)
    found = False
    for skills in (source / "skills_en.csv", *source.glob("*/skills_en.csv")):
        if skills.is_file():
            found = True
            _portal_skills(skills, builder)
    formatted = source / FORMATTED
    if formatted.is_file():
        found = True
        _formatted_skills(formatted, source / HIER_MAPPER, builder)
    for occupations in (
        source / "occupations_en.csv",
        source / "tabiya" / "csv" / "occupations.csv",
        source / "occupations.csv",
    ):
        if occupations.is_file():
            found = True
            _occupations(occupations, builder)
            break
    if not found:
        raise TaxonomyError(f"{source} holds no ESCO skills or occupations files")
    kept = remap_links(list(builder.entries.values()), builder.renamed)
    return write_overlay(out_dir, "esco", kept, ATTRIBUTION, builder.skipped)


def _skill_id(uri: str) -> str:
    return "esco-" + slug(uri.rsplit("/", 1)[-1])


def _labels(cell: str) -> list[str]:
    return [label.strip() for label in cell.replace("|", "\n").splitlines() if label.strip()]


def _category(skill_type: str, reuse_level: str, codes: list[str]) -> Category:
    top = codes[0][:1] if codes else ""
    if top == "L" or "language" in skill_type:
        return "language"
    if reuse_level == "transversal" or top in {"T", "A"}:
        return "soft_skill"
    return "hard_skill"


def _portal_skills(path: Path, builder: _Builder) -> None:
    broader: dict[str, list[str]] = {}
    relations = path.parent / "broaderRelationsSkillPillar_en.csv"
    if relations.is_file():
        for row in read_csv(relations):
            broader.setdefault(row.get("conceptUri", ""), []).append(row.get("broaderUri", ""))
    for row in read_csv(path):
        uri, name = row.get("conceptUri", ""), (row.get("preferredLabel") or "").strip()
        if not uri or not name:
            continue
        builder.add(
            Entry(
                id=_skill_id(uri),
                name=name,
                category=_category(row.get("skillType", ""), row.get("reuseLevel", ""), []),
                aliases=clean_forms(name, _labels(row.get("altLabels", ""))),
                parents=tuple(_skill_id(b) for b in broader.get(uri, []) if b),
                esco_uri=uri,
                source="esco",
            )
        )


def _formatted_skills(path: Path, mapper_path: Path, builder: _Builder) -> None:
    group_names: dict[str, str] = {}
    if mapper_path.is_file():
        try:
            group_names = json.loads(mapper_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TaxonomyError(f"cannot read {mapper_path}: {exc}") from exc
    names: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    paths: dict[str, list[list[str]]] = {}
    for row in read_csv(path):
        concept, label, kind = (
            row.get("id", ""),
            (row.get("description") or "").strip(),
            row["type"],
        )
        if not concept or not label:
            continue
        if kind in {"level_2", "level_3"}:
            group_names.setdefault(concept, label)
            continue
        if kind == "preferredLabel":
            names[concept] = label
            paths[concept] = _hierarchy(row.get("hierarchy_levels", ""))
        else:
            aliases.setdefault(concept, []).append(label)
    groups: dict[str, tuple[str, ...]] = {}  # group code -> parent group codes
    for chains in paths.values():
        for chain in chains:
            for parent, child in zip(chain, chain[1:], strict=False):
                groups.setdefault(child, ())
                if parent in group_names and parent not in groups[child]:
                    groups[child] += (parent,)
            if chain:
                groups.setdefault(chain[0], ())
    for code, parents in sorted(groups.items()):
        if code in group_names:
            builder.add(
                Entry(
                    id=_group_id(code),
                    name=group_names[code],
                    category=_category("", "", [code]),
                    parents=tuple(_group_id(p) for p in parents),
                    source="esco",
                )
            )
    for concept, name in names.items():
        chains = paths.get(concept, [])
        leaf_groups = tuple(dict.fromkeys(chain[-1] for chain in chains if chain))
        builder.add(
            Entry(
                id=_skill_id(concept),
                name=name,
                category=_category("", "", [c[0] for c in chains if c]),
                aliases=clean_forms(name, aliases.get(concept, [])),
                parents=tuple(_group_id(g) for g in leaf_groups if g in group_names),
                esco_uri=SKILL_URI + concept,
                source="esco",
            )
        )


def _group_id(code: str) -> str:
    return "esco-group-" + slug(code)


def _hierarchy(cell: str) -> list[list[str]]:
    """``[['S', 'S4', 'S4.5', 'S4.5.0'], ['T', 'T4', None]]`` -> code chains without Nones."""
    if not cell.strip():
        return []
    try:
        parsed = ast.literal_eval(cell)
    except (ValueError, SyntaxError) as exc:
        raise TaxonomyError(f"bad ESCO hierarchy_levels value {cell[:60]!r}") from exc
    return [[c for c in chain if isinstance(c, str)] for chain in parsed if isinstance(chain, list)]


def _occupations(path: Path, builder: _Builder) -> None:
    for row in read_csv(path):
        uri = row.get("conceptUri") or row.get("ORIGINURI") or ""
        name = (row.get("preferredLabel") or row.get("PREFERREDLABEL") or "").strip()
        if not uri or not name:
            continue
        labels = _labels(row.get("altLabels") or row.get("ALTLABELS") or "")
        builder.add(
            Entry(
                id="esco-occupation-" + slug(uri.rsplit("/", 1)[-1]),
                name=name,
                category="job_title",
                aliases=clean_forms(name, labels),
                esco_uri=uri,
                source="esco",
            )
        )
