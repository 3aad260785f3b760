"""What every command shares: one-line errors with distinct exit codes, and JSON output."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click
from pydantic import BaseModel

from jobfit.errors import InvalidRequest, JobfitError


def fail(error: JobfitError, source: str | None = None) -> NoReturn:
    """Print ``jobfit: [source: ]code: message`` on stderr and exit with the error's code."""
    prefix = f"{source}: " if source else ""
    click.echo(f"jobfit: {prefix}{error.code}: {error.message}", err=True)
    sys.exit(error.exit_code)


def report(error: JobfitError, source: str | None = None) -> None:
    """Like ``fail`` but carries on: for one file of many."""
    prefix = f"{source}: " if source else ""
    click.echo(f"jobfit: {prefix}{error.code}: {error.message}", err=True)


@contextmanager
def errors_as_exit_codes() -> Iterator[None]:
    try:
        yield
    except JobfitError as exc:
        fail(exc)


def read_input(path: str, max_bytes: int) -> tuple[bytes, str]:
    """Bytes and a display name for a path, or ``-`` for standard input."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return data, "<stdin>"
    file = Path(path)
    if not file.is_file():
        raise InvalidRequest(f"no such file: {path}")
    with file.open("rb") as handle:
        return handle.read(max_bytes + 1), file.name


def to_jsonable(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, list):
        return [to_jsonable(item) for item in value]
    return value


def emit_json(value: Any, dump: Callable[..., str] = json.dumps) -> None:
    click.echo(dump(to_jsonable(value), indent=2, ensure_ascii=False))
