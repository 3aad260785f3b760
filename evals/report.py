"""Run area modules that each return a Markdown section, and write them to one docs page."""

from __future__ import annotations

import importlib
import time
from pathlib import Path


def write_sections(package: str, areas: list[str], title: str, intro: str, out: Path) -> None:
    """Import ``package.area`` for each area, call its ``run()`` and write the page to ``out``.

    When only some areas are asked for, their sections are printed and the page is left alone.
    """
    parts = [f"# {title}\n", intro + "\n"]
    for area in areas:
        started = time.perf_counter()
        section: str = importlib.import_module(f"{package}.{area}").run()
        parts.append(section.rstrip() + f"\n\n_{area}: {time.perf_counter() - started:.0f} s_\n")
        print(section, flush=True)
    out.write_text("\n".join(parts), encoding="utf-8")
