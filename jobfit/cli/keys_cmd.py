"""``jobfit keys create|list|revoke``: API keys, stored as hashes; a new key is printed once."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from jobfit.cli.output import errors_as_exit_codes
from jobfit.config import Config

if TYPE_CHECKING:
    from api.db import Database


def _database() -> Database:
    from api.db import Database

    database = Database.from_config(Config.from_env())
    database.migrate()
    return database


@click.group()
def keys() -> None:
    """Manage API keys (once one exists, every /v1 call needs a key)."""


@keys.command()
@click.option("--name", required=True, help="Who or what the key is for.")
def create(name: str) -> None:
    """Create a key and print it once (only its hash is stored)."""
    from api.auth import create_key

    with errors_as_exit_codes():
        info, key = create_key(_database(), name)
    click.echo(key)
    click.echo(
        f"key {info.id} ({info.name}) created; it is shown only now. "
        "Send it as `Authorization: Bearer KEY` or `X-API-Key: KEY`.",
        err=True,
    )


@keys.command("list")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
def list_(as_json: bool) -> None:
    """List keys (id, name, prefix, created, revoked)."""
    from api.auth import list_keys

    with errors_as_exit_codes():
        found = list_keys(_database())
    if as_json:
        click.echo(json.dumps([info.model_dump(mode="json") for info in found], indent=2))
        return
    if not found:
        click.echo("no API keys: /v1 is open and `jobfit serve` listens on loopback only", err=True)
        return
    click.echo(f"{'id':>4}  {'name':<24} {'prefix':<12} {'created':<20} status")
    for info in found:
        created = info.created_at.strftime("%Y-%m-%d %H:%M")
        status = "active" if info.active else f"revoked {info.revoked_at:%Y-%m-%d %H:%M}"
        click.echo(f"{info.id:>4}  {info.name:<24} {info.prefix:<12} {created:<20} {status}")


@keys.command()
@click.argument("key_id", type=int)
def revoke(key_id: int) -> None:
    """Revoke a key by its id (see `jobfit keys list`)."""
    from api.auth import revoke_key

    with errors_as_exit_codes():
        info = revoke_key(_database(), key_id)
    click.echo(f"key {info.id} ({info.name}) revoked", err=True)
