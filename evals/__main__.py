"""``python -m evals [AREA...]``: run the accuracy evaluations and write docs/ACCURACY.md."""

from __future__ import annotations

import sys

from evals import REPO
from evals.report import write_sections

AREAS = ["taxonomy", "extraction", "ranking"]

if __name__ == "__main__":
    areas = sys.argv[1:] or AREAS
    out = REPO / "docs" / ("ACCURACY.md" if areas == AREAS else "ACCURACY.partial.md")
    write_sections(
        "evals",
        areas,
        "Accuracy",
        "Written by `make eval`; every figure below is measured on this repository's code.",
        out,
    )
