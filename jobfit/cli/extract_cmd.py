"""``jobfit extract [--as resume|job] [--format json|jsonresume|text] FILE...``

One JSON object per file; a JSON array (input order) when several files are given. A bad file prints
one line on stderr; the others are still processed and the exit code is the first error's code.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from jobfit.cli.output import emit_json, read_input, report
from jobfit.config import Config
from jobfit.errors import JobfitError


def _text_summary(record: Any, source: str) -> str:
    """A short human-readable view of a resume or job record."""
    from extract.records import Job

    lines = [f"== {source} =="]
    if isinstance(record, Job):
        lines.append(f"title: {record.title}  seniority: {record.seniority}")
        years = f"{record.years_min}" + (f"-{record.years_max}" if record.years_max else "+")
        lines.append(f"years: {years if record.years_min is not None else '-'}")
        for level in ("required", "preferred"):
            names = [s.name for s in record.skills if s.importance == level]
            lines.append(f"{level} skills: {', '.join(names) or '-'}")
        if record.education.degree_min:
            lines.append(f"education: {record.education.degree_min}+")
    else:
        lines.append(f"total years: {record.total_years}")
        for role in record.experience:
            span = f"{role.start or '?'}..{role.end or ('now' if role.current else '?')}"
            lines.append(f"  {span}  {role.title or '-'} @ {role.employer or '-'}")
        lines.append(
            "skills: " + ", ".join(s.name + ("*" if s.evidenced else "") for s in record.skills)
        )
        lines.append("education: " + ", ".join(str(e.degree) for e in record.education))
    for metric in record.metrics:
        lines.append(f"  metric {metric.kind}: {metric.value} {metric.unit or ''} ({metric.text})")
    for warning in record.warnings:
        lines.append(f"  warning {warning.code}: {warning.message}")
    return "\n".join(lines)


@click.command()
@click.option(
    "--as", "kind", type=click.Choice(["resume", "job"]), default="resume", show_default=True
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["json", "jsonresume", "text"]),
    default="json",
    show_default=True,
)
@click.argument("files", nargs=-1, required=True)
def extract(kind: str, output_format: str, files: tuple[str, ...]) -> None:
    """Extract a resume or job posting (PDF, DOCX, HTML, Markdown, text; `-` for stdin)."""
    if output_format == "jsonresume" and kind != "resume":
        raise click.UsageError("--format jsonresume needs --as resume")
    from extract import Document, Limits, parse_job, parse_resume, read_document, to_json_resume
    from skills_taxonomy import load_taxonomy

    config = Config.from_env()
    limits = Limits.from_config(config)
    taxonomy = None
    results: list[Any] = []
    first_error: JobfitError | None = None
    for path in files:
        source = path
        try:
            data, source = read_input(path, limits.max_bytes)
            document: Document = read_document(data, None if path == "-" else path, limits)
            if taxonomy is None:
                taxonomy = load_taxonomy()
            if kind == "job":
                record: Any = parse_job(document, taxonomy)
            else:
                record = parse_resume(document, taxonomy)
        except JobfitError as error:
            report(error, source)
            first_error = first_error or error
            results.append({"file": source, **error.to_dict()})
            continue
        if output_format == "text":
            results.append(_text_summary(record, source))
        elif output_format == "jsonresume":
            results.append(to_json_resume(record))
        else:
            results.append(record)
    if output_format == "text":
        click.echo("\n\n".join(r if isinstance(r, str) else json.dumps(r) for r in results))
    elif len(files) == 1:
        if first_error is None:
            emit_json(results[0])
    else:
        emit_json(results)
    if first_error is not None:
        sys.exit(first_error.exit_code)
