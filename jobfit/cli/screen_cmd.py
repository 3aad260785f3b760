"""``jobfit screen --job JOB [--format csv|json|html] [--out FILE] [--workers N] [--blind] PATH...``

Ranks every resume under PATH (files, folders searched recursively, .zip archives) against one job
posting. Unreadable files are listed with their error code; the batch carries on.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from jobfit.cli.output import errors_as_exit_codes, read_input
from jobfit.config import Config
from jobfit.errors import InvalidRequest


@click.command()
@click.option("--job", "job_path", required=True, help="The job posting (file, or - for stdin).")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["csv", "json", "html"]),
    default="csv",
    show_default=True,
)
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="Write here, not stdout.")
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=None,
    help="Worker processes (default: the number of cores).",
)
@click.option("--blind", is_flag=True, help="Redact names, contact details and file names.")
@click.option("--no-cache", is_flag=True, help="Score every file afresh (ignore saved results).")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
def screen(
    job_path: str,
    output_format: str,
    out_path: str | None,
    workers: int | None,
    blind: bool,
    no_cache: bool,
    paths: tuple[str, ...],
) -> None:
    """Rank resumes against one job posting: a shortlist with evidence, gaps and flags."""
    from tqdm import tqdm

    from extract import Limits
    from matcher.batch import to_csv, to_json
    from matcher.batch_html import render_html
    from matcher.batch_inputs import collect
    from matcher.batch_run import ScreenOptions
    from matcher.batch_run import screen as run_screen

    config = Config.from_env()
    limits = Limits.from_config(config)
    workers = workers or os.cpu_count() or 1
    options = ScreenOptions(workers=workers, blind=blind, use_cache=not no_cache)
    with errors_as_exit_codes():
        job_data, job_name = read_input(job_path, limits.max_bytes)
        inputs = collect(paths, limits)
        if not inputs:
            raise InvalidRequest("no resumes found under the given paths")
        with tqdm(
            total=len(inputs),
            unit="resume",
            file=sys.stderr,
            disable=not sys.stderr.isatty(),
            dynamic_ncols=True,
        ) as progress:
            results, _ = run_screen(
                job_data,
                job_name,
                inputs,
                config,
                options,
                on_done=progress.update,
            )
    for row in results.results:
        if row.error is not None:
            click.echo(f"jobfit: {row.file}: {row.error.code}: {row.error.message}", err=True)
    if output_format == "json":
        text = to_json(results)
    elif output_format == "html":
        text = render_html(results)
    else:
        text = to_csv(results.results)
    if out_path:
        Path(out_path).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    else:
        click.echo(text, nl=not text.endswith("\n"))
