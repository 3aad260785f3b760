"""``jobfit match RESUME JOB [--format json|text|html] [--blind]`` (JOB may be ``-``)."""

from __future__ import annotations

import click

from jobfit.cli.output import emit_json, errors_as_exit_codes, read_input
from jobfit.config import Config
from jobfit.errors import InvalidRequest


@click.command()
@click.argument("resume_path", metavar="RESUME")
@click.argument("job_path", metavar="JOB")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "text", "html"]),
    default="json",
    show_default=True,
)
@click.option("--blind", is_flag=True, help="Redact name, contact, links, addresses, grad years.")
def match(resume_path: str, job_path: str, output_format: str, blind: bool) -> None:
    """Score how well a resume fits a job posting, with gaps and truthful suggestions."""
    from extract import Limits, parse_job, parse_resume, read_document
    from matcher import load_models
    from matcher import match as match_records
    from matcher.render import render_html, render_text

    config = Config.from_env()
    limits = Limits.from_config(config)
    with errors_as_exit_codes():
        if resume_path == "-" and job_path == "-":
            raise InvalidRequest("only one of RESUME and JOB can be read from standard input")
        resume_data, _ = read_input(resume_path, limits.max_bytes)
        job_data, _ = read_input(job_path, limits.max_bytes)
        models = load_models(config)
        resume = parse_resume(
            read_document(resume_data, None if resume_path == "-" else resume_path, limits),
            models.taxonomy,
        )
        job = parse_job(
            read_document(job_data, None if job_path == "-" else job_path, limits),
            models.taxonomy,
        )
        report = match_records(resume, job, models, blind=blind)
    if output_format == "json":
        emit_json(report)
    elif output_format == "text":
        click.echo(render_text(report))
    else:
        click.echo(render_html(report))
