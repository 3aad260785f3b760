"""Run every benchmark and write docs/BENCHMARKS.md."""

from __future__ import annotations

import importlib
import sys
import time

from bench import REPO

AREAS = ["taxonomy", "extraction", "matcher", "service", "screening"]


def main(argv: list[str]) -> int:
    wanted = argv or AREAS
    parts = ["# Benchmarks\n", "Written by `make bench`; figures from this machine (2 cores), OMP_NUM_THREADS=1 unless stated.\n"]
    for area in wanted:
        started = time.perf_counter()
        module = importlib.import_module(f"bench.{area}")
        section: str = module.run()
        parts.append(section.rstrip() + f"\n\n_{area}: {time.perf_counter() - started:.0f} s_\n")
        print(section, flush=True)
    if not argv:
        (REPO / "docs" / "BENCHMARKS.md").write_text("\n".join(parts), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
