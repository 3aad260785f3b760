"""``make bench``: speed and memory figures, written to docs/BENCHMARKS.md.

Each area module exposes ``run() -> str`` returning a Markdown section.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
