"""Zip-bomb checks shared by DOCX files and uploaded .zip batches, run before anything inflates."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence

from jobfit.errors import UnsafeDocument

RATIO_FLOOR_BYTES = 1_000_000  # small archives may compress very well (plain text)


def zip_bomb_refusal(
    entries: Sequence[zipfile.ZipInfo],
    *,
    what: str,
    max_entries: int,
    max_bytes: int,
    max_ratio: float,
) -> UnsafeDocument | None:
    """Why ``entries`` must not be inflated (too many files, too large, too compressed), or None."""
    if len(entries) > max_entries:
        return UnsafeDocument(f"{what} holds {len(entries)} files (limit {max_entries})")
    inflated = sum(entry.file_size for entry in entries)
    compressed = sum(entry.compress_size for entry in entries) or 1
    if inflated > max_bytes:
        return UnsafeDocument(
            f"{what} expands to {inflated / 1e6:.0f} MB "
            f"(limit {max_bytes / 1e6:.0f} MB): a possible zip bomb"
        )
    if inflated > RATIO_FLOOR_BYTES and inflated / compressed > max_ratio:
        return UnsafeDocument(
            f"{what} is compressed {inflated / compressed:.0f} to 1 "
            f"(limit {max_ratio:.0f}): a possible zip bomb"
        )
    return None
