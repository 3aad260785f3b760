"""``jobfit audit impact-ratio --results FILE --groups FILE [--format markdown|json]``.

The groups file is the employer's own record of candidate -> group; jobfit never infers one.
See docs/AUDIT.md.
"""

from __future__ import annotations

from pathlib import Path

import click

from jobfit.cli.output import emit_json, errors_as_exit_codes


@click.group()
def audit() -> None:
    """Fairness audits of a screening's results."""


@audit.command("impact-ratio")
@click.option(
    "--results",
    "results_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="`jobfit screen` output (JSON or CSV) or the API's results JSON.",
)
@click.option(
    "--groups",
    "groups_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CSV: a candidate column (id, file or content_hash) and one column per category.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
)
def impact_ratio(results_path: Path, groups_path: Path, output_format: str) -> None:
    """Scoring rate above the median, impact ratio and four-fifths flag per group."""
    from matcher.audit import impact_ratios, load_groups, load_results, render_markdown

    with errors_as_exit_codes():
        candidates = load_results(results_path)
        categories, groups = load_groups(groups_path)
        report = impact_ratios(candidates, categories, groups)
    if output_format == "json":
        emit_json(report)
    else:
        click.echo(render_markdown(report), nl=False)
