"""``jobfit models``: export the ONNX int8 encoder and describe the configured models."""

from __future__ import annotations

from pathlib import Path

import click

from jobfit.cli.output import errors_as_exit_codes
from jobfit.config import Config


@click.group()
def models() -> None:
    """Manage the sentence-embedding models (offline; nothing is downloaded)."""


@models.command("export-onnx")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Where to write the int8 ONNX model (default: the configured onnx_model).",
)
@click.option("--fp32", is_flag=True, help="Skip int8 quantisation (for comparison only).")
def export_onnx_cmd(out: Path | None, fp32: bool) -> None:
    """Export the packaged all-MiniLM-L6-v2 weights to ONNX and quantise them to int8."""
    from matcher.onnx_export import export_onnx

    target = out or Config.from_env().onnx_model
    with errors_as_exit_codes():
        written = export_onnx(target, quantize=not fp32)
    click.echo(f"wrote {written} ({written.stat().st_size / 1e6:.1f} MB)")


@models.command("info")
def info() -> None:
    """The configured backend, model paths and sizes."""
    from matcher.onnx_export import packaged_model_dir

    config = Config.from_env()
    with errors_as_exit_codes():
        packaged = packaged_model_dir()
    weights = packaged / "model.safetensors"
    click.echo(f"encoder backend: {config.encoder}")
    click.echo(f"packaged model: {packaged} ({_size(weights)})")
    click.echo(f"onnx model: {config.onnx_model} ({_size(config.onnx_model)})")


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:.1f} MB" if path.is_file() else "missing"
