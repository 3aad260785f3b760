"""``make eval``: accuracy on real public data (../shared/data) and the project's labelled set.

Each area module exposes ``run() -> str`` returning a Markdown section; the sections are written to
docs/ACCURACY.md in the order of ``AREAS``.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
LABELLED = REPO / "evals" / "labelled"
