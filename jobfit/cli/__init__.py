"""The ``jobfit`` command line.

Sub-commands load lazily so that ``jobfit taxonomy lookup`` never imports torch.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

import click

from jobfit import __version__

# command name -> "module:attribute"; each module owns one command or group.
COMMANDS = {
    "extract": "jobfit.cli.extract_cmd:extract",
    "taxonomy": "jobfit.cli.taxonomy_cmd:taxonomy",
    "match": "jobfit.cli.match_cmd:match",
    "models": "jobfit.cli.models_cmd:models",
    "serve": "jobfit.cli.serve_cmd:serve",
    "worker": "jobfit.cli.serve_cmd:worker",
    "keys": "jobfit.cli.keys_cmd:keys",
    "screen": "jobfit.cli.screen_cmd:screen",
    "audit": "jobfit.cli.audit_cmd:audit",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self.get_command(ctx, name) is not None)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        if importlib.util.find_spec(module_name) is None:
            return None
        command = getattr(importlib.import_module(module_name), attr, None)
        return command if isinstance(command, click.Command) else None


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="jobfit")
def main(**_: Any) -> None:
    """Match resumes to job descriptions: an explainable score, gaps and suggestions."""
