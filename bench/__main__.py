"""``python -m bench [AREA...]``: run the benchmarks and write docs/BENCHMARKS.md."""

from __future__ import annotations

import sys

from bench import REPO
from evals.report import write_sections

AREAS = ["taxonomy", "extraction", "matcher", "service", "screening"]

if __name__ == "__main__":
    areas = sys.argv[1:] or AREAS
    out = REPO / "docs" / ("BENCHMARKS.md" if areas == AREAS else "BENCHMARKS.partial.md")
    write_sections(
        "bench",
        areas,
        "Benchmarks",
        "Written by `make bench` on this machine (2 cores, OMP_NUM_THREADS=1 unless stated).",
        out,
    )
