"""Read the curated YAML files and the local import overlay into a ``Taxonomy``.

``load_taxonomy`` is cached per process; across processes a pickle under
``<data_dir>/cache/`` keyed by a hash of every input file makes a cold start cheap. The pickle is
the process's own output in its own data folder, trusted like the code (keep that folder private).
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import pickle
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from jobfit.config import Config
from jobfit.errors import TaxonomyError
from skills_taxonomy.normalise import compact_key
from skills_taxonomy.records import Entry
from skills_taxonomy.taxonomy import Taxonomy

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
CACHE_VERSION = "2"  # bump when Taxonomy's pickled state changes shape
_CACHED_CODE = (
    "records.py",
    "normalise.py",
    "lookup.py",
    "taxonomy.py",
    "loading.py",
    "senses.py",
)
_FIELD_NAMES = {"onet": "onet_code", "esco": "esco_uri"}
_KNOWN_KEYS = set(Entry.model_fields) | set(_FIELD_NAMES)

try:
    _YamlLoader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml missing
    _YamlLoader = yaml.SafeLoader


@dataclass(frozen=True)
class RawRecord:
    """One mapping as written in a data file, before it becomes an ``Entry``."""

    source: str  # file name, for messages
    data: Any


def curated_files(data_dir: Path = DATA_DIR) -> list[Path]:
    return sorted(data_dir.glob("*.yaml")) + sorted(data_dir.glob("*.jsonl"))


def overlay_files(overlay_dir: Path) -> list[Path]:
    return sorted(overlay_dir.glob("*.jsonl")) if overlay_dir.is_dir() else []


def read_records(path: Path) -> list[RawRecord]:
    """The records of one YAML (a top-level list) or JSON Lines file."""
    try:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".jsonl":
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            items = yaml.load(text, Loader=_YamlLoader) or []
    except (OSError, UnicodeDecodeError, yaml.YAMLError, json.JSONDecodeError) as exc:
        raise TaxonomyError(f"{path.name}: cannot read: {exc}") from exc
    if not isinstance(items, list):
        raise TaxonomyError(f"{path.name}: expected a list of entries at the top level")
    return [RawRecord(path.name, item) for item in items]


def to_entry(record: RawRecord) -> Entry:
    """An ``Entry`` from a raw mapping, or ``TaxonomyError`` saying what is wrong with it."""
    data = record.data
    where = f"{record.source}: {data.get('id', '?') if isinstance(data, dict) else '?'}"
    if not isinstance(data, dict):
        raise TaxonomyError(f"{record.source}: an entry is not a mapping: {data!r}")
    unknown = set(data) - _KNOWN_KEYS
    if unknown:
        raise TaxonomyError(f"{where}: unknown keys {sorted(unknown)}")
    fields = {_FIELD_NAMES.get(key, key): value for key, value in data.items() if value is not None}
    for key in ("aliases", "parents", "related", "ambiguous", "senses"):
        value = fields.get(key, [])
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise TaxonomyError(f"{where}: {key} must be a list of strings (quote yes/no/on/off)")
    for key in ("id", "name"):
        if not isinstance(fields.get(key), str) or not str(fields[key]).strip():
            raise TaxonomyError(f"{where}: {key} must be a non-empty string")
    try:
        return Entry.model_validate(fields)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise TaxonomyError(f"{where}: {problems}") from exc


def read_curated(data_dir: Path = DATA_DIR) -> list[Entry]:
    return [to_entry(r) for path in curated_files(data_dir) for r in read_records(path)]


def read_overlay(overlay_dir: Path) -> list[Entry]:
    return [to_entry(r) for path in overlay_files(overlay_dir) for r in read_records(path)]


def merge_overlay(curated: list[Entry], overlay: list[Entry]) -> list[Entry]:
    """Curated entries win: an imported entry whose id or name a curated entry already has is
    dropped, and imported aliases that name a curated entry are removed."""
    taken_ids = {e.id for e in curated}
    taken_keys = {compact_key(f) for e in curated for f in (e.name, *e.aliases)}
    merged = list(curated)
    for entry in overlay:
        if entry.id in taken_ids or compact_key(entry.name) in taken_keys:
            continue
        aliases = tuple(a for a in entry.aliases if compact_key(a) not in taken_keys)
        merged.append(
            entry.model_copy(update={"aliases": aliases}) if aliases != entry.aliases else entry
        )
        taken_ids.add(entry.id)
    return merged


def default_overlay_dir() -> Path:
    return Config().data_dir / "taxonomy"


def load_taxonomy(overlay_dir: Path | None = None, *, use_overlay: bool = True) -> Taxonomy:
    """The curated taxonomy plus the local import overlay (``<data_dir>/taxonomy``) if present.

    Cached: later calls in a process that resolve to the same files return the same object.
    """
    overlay = (overlay_dir or default_overlay_dir()) if use_overlay else None
    if overlay is not None and not overlay_files(overlay):
        overlay = None
    return _load(overlay.resolve() if overlay is not None else None)


@functools.cache
def _load(overlay: Path | None) -> Taxonomy:
    inputs = curated_files() + (overlay_files(overlay) if overlay else [])
    cache = _cache_path(inputs)
    if cache.is_file():
        try:
            with cache.open("rb") as handle:
                loaded = pickle.load(handle)
            if isinstance(loaded, Taxonomy):
                return loaded
        except (
            OSError,
            pickle.UnpicklingError,
            EOFError,
            ImportError,
            LookupError,
            AttributeError,
        ) as exc:
            log.warning("taxonomy cache %s unreadable, rebuilding: %s", cache, exc)
    curated = read_curated()
    entries = merge_overlay(curated, read_overlay(overlay)) if overlay else curated
    taxonomy = Taxonomy(entries)
    _write_cache(cache, taxonomy)
    return taxonomy


def _cache_path(inputs: list[Path]) -> Path:
    digest = hashlib.sha256(CACHE_VERSION.encode())
    # the code that shapes the pickled state is part of the key, so an edit never reads stale keys
    code = [Path(__file__).with_name(n) for n in _CACHED_CODE]
    for path in [*code, *inputs]:
        digest.update(path.name.encode() + b"\0")
        digest.update(path.read_bytes())
    cache_dir = Config().data_dir / "cache"
    return cache_dir / f"taxonomy-{digest.hexdigest()[:20]}.pickle"


def _write_cache(cache: Path, taxonomy: Taxonomy) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        week_ago = time.time() - 7 * 86400
        for stale in cache.parent.glob("taxonomy-*.pickle"):
            if stale.stat().st_mtime < week_ago:
                stale.unlink(missing_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(taxonomy, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(cache)
    except OSError as exc:  # a read-only data dir only costs the next start its speed
        log.warning("taxonomy cache not written to %s: %s", cache, exc)
