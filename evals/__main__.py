"""Run every accuracy evaluation and write docs/ACCURACY.md."""

from __future__ import annotations

import importlib
import sys
import time

from evals import REPO

AREAS = ["taxonomy", "extraction", "ranking"]


def main(argv: list[str]) -> int:
    wanted = argv or AREAS
    parts = ["# Accuracy\n", "Written by `make eval`; every figure below is measured, not copied.\n"]
    for area in wanted:
        started = time.perf_counter()
        module = importlib.import_module(f"evals.{area}")
        section: str = module.run()
        parts.append(section.rstrip() + f"\n\n_{area}: {time.perf_counter() - started:.0f} s_\n")
        print(section, flush=True)
    if not argv:
        (REPO / "docs" / "ACCURACY.md").write_text("\n".join(parts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
