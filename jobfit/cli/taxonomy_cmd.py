"""``jobfit taxonomy``: look terms up, show statistics, validate the data, import ESCO and O*NET.

``lookup`` prints one result per term, in order (``null`` in JSON, ``-`` in text, for a term
that names nothing) and exits 0 when every term was found, 1 when any was not.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from jobfit.cli.output import emit_json, errors_as_exit_codes, fail
from jobfit.config import Config
from jobfit.errors import TaxonomyError

if TYPE_CHECKING:
    from skills_taxonomy import Taxonomy
    from skills_taxonomy.importers.overlay import ImportSummary

    Importer = Callable[[Path, Path, Taxonomy], ImportSummary]


@click.group()
def taxonomy() -> None:
    """The skills taxonomy: canonical skills, tools, credentials and titles."""


@taxonomy.command()
@click.argument("terms", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def lookup(terms: tuple[str, ...], fmt: str) -> None:
    """Look TERMS up (aliases, spelling variants and typos); exit 1 if any is not found."""
    from skills_taxonomy import load_taxonomy

    with errors_as_exit_codes():
        tax = load_taxonomy()
        results = [tax.lookup(term) for term in terms]
    if fmt == "json":
        emit_json([r.model_dump(mode="json") if r else None for r in results])
    else:
        for term, result in zip(terms, results, strict=True):
            if result is None:
                click.echo(f"{term}\t-")
            else:
                parents = ",".join(result.parents) or "-"
                click.echo(
                    f"{term}\t{result.id}\t{result.name}\t{result.category}\t"
                    f"{result.via}:{result.score:g}\tparents={parents}"
                )
    if any(r is None for r in results):
        sys.exit(1)


@taxonomy.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def stats(fmt: str) -> None:
    """Entries by category and source, aliases, links, and the overlay's attributions."""
    from skills_taxonomy import load_taxonomy
    from skills_taxonomy.importers.overlay import read_attributions
    from skills_taxonomy.loading import default_overlay_dir

    with errors_as_exit_codes():
        tax = load_taxonomy()
    entries = list(tax.entries)
    summary = {
        "entries": len(entries),
        "by_category": dict(sorted(Counter(e.category for e in entries).items())),
        "by_source": dict(sorted(Counter(e.source for e in entries).items())),
        "aliases": sum(len(e.aliases) for e in entries),
        "ambiguous_forms": sum(len(e.ambiguous) for e in entries),
        "parent_links": sum(len(e.parents) for e in entries),
        "related_links": sum(len(e.related) for e in entries),
        "attributions": read_attributions(default_overlay_dir()),
    }
    if fmt == "json":
        emit_json(summary)
        return
    for key, value in summary.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for name, count in value.items():
                click.echo(f"  {name}: {count}")
        elif isinstance(value, list):
            for text in value:
                click.echo(text)
        else:
            click.echo(f"{key}: {value}")


@taxonomy.command()
@click.option(
    "--data-dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="folder of taxonomy YAML files (default: the data shipped with jobfit)",
)
def validate(data_dir: Path | None) -> None:
    """Check the curated data; print each problem and exit non-zero if there are any."""
    from skills_taxonomy.loading import DATA_DIR
    from skills_taxonomy.validate import validate_data

    problems = validate_data(data_dir or DATA_DIR)
    for problem in problems:
        click.echo(str(problem))
    if problems:
        fail(TaxonomyError(f"{len(problems)} problem(s) in the curated taxonomy data"))
    click.echo("taxonomy data: no problems")


@taxonomy.group(name="import")
def import_group() -> None:
    """Import a downloaded ESCO or O*NET release into the local overlay."""


_OUT = click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="overlay folder (default: <data dir>/taxonomy)",
)


@import_group.command(name="esco")
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_OUT
def import_esco(source: Path, out_dir: Path | None) -> None:
    """Import ESCO skills (and occupations) from SOURCE."""
    from skills_taxonomy.importers.esco import import_esco as run

    _run_import(run, source, out_dir)


@import_group.command(name="onet")
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_OUT
def import_onet(source: Path, out_dir: Path | None) -> None:
    """Import O*NET technology skills, tools and occupations from SOURCE."""
    from skills_taxonomy.importers.onet import import_onet as run

    _run_import(run, source, out_dir)


def _run_import(run: Importer, source: Path, out_dir: Path | None) -> None:
    from skills_taxonomy import load_taxonomy

    target = out_dir or Config.from_env().data_dir / "taxonomy"
    with errors_as_exit_codes():
        curated = load_taxonomy(use_overlay=False)
        summary = run(source, target, curated)
    click.echo(
        f"imported {summary.written} entries into {summary.path} "
        f"({summary.skipped_for_curated} left to curated entries)"
    )
    click.echo(summary.attribution)
