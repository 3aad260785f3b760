"""The resumes of a batch: files, folders (recursively) and .zip archives, with zip-bomb checks.

Archives are recognised by content (a ZIP that is not a DOCX). Every member is checked against the
declared sizes before anything is inflated, and inflating stops at the limit whatever the header
says. A bad archive or member becomes an input carrying its error, so the batch carries on.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from extract import Limits
from extract.archive import RATIO_FLOOR_BYTES, zip_bomb_refusal
from jobfit.errors import (
    CorruptDocument,
    DocumentTooLarge,
    InvalidRequest,
    JobfitError,
    UnsafeDocument,
)

RESUME_SUFFIXES = {".pdf", ".docx", ".txt", ".md", ".markdown", ".html", ".htm", ".text"}
ARCHIVE_SUFFIX = ".zip"
SKIPPED_PARTS = {"__MACOSX", ".git", ".DS_Store"}


@dataclass(frozen=True)
class ArchiveLimits:
    max_members: int = 5_000
    max_total_bytes: int = 500 * 1024 * 1024  # inflated size of all members together
    max_ratio: float = 100.0  # compression ratio above which a large member is a bomb

    @classmethod
    def from_limits(cls, limits: Limits) -> ArchiveLimits:
        return cls(max_ratio=limits.max_zip_ratio)


@dataclass(frozen=True)
class BatchInput:
    """One resume to score: its display name and bytes, or the error that stopped reading it."""

    name: str
    data: bytes = b""
    error: JobfitError | None = None


def is_archive(data: bytes) -> bool:
    """A ZIP that is not an Office document (a DOCX is a ZIP with ``word/document.xml``)."""
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return True  # a damaged ZIP: expanding it reports the error
    return not names & {"word/document.xml", "xl/workbook.xml", "ppt/presentation.xml"}


def collect(paths: Iterable[str | Path], limits: Limits) -> list[BatchInput]:
    """Every resume under ``paths`` in a stable order (folders sorted, archives expanded)."""
    found: list[BatchInput] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                relative = file.relative_to(path)
                if _skipped(relative.parts):
                    continue
                if file.suffix.lower() in RESUME_SUFFIXES | {ARCHIVE_SUFFIX}:
                    found.extend(_from_file(file, str(path / relative), limits))
        elif path.is_file():
            found.extend(_from_file(path, str(path), limits))
        else:
            raise InvalidRequest(f"no such file or folder: {raw}")
    return found


def expand(name: str, data: bytes, limits: Limits) -> list[BatchInput]:
    """One uploaded file: itself, or the resumes inside it when it is an archive."""
    if is_archive(data):
        return list(_members(name, data, limits, ArchiveLimits.from_limits(limits)))
    if len(data) > limits.max_bytes:
        return [BatchInput(name, error=_too_large(len(data), limits.max_bytes))]
    return [BatchInput(name, data)]


def _from_file(file: Path, name: str, limits: Limits) -> list[BatchInput]:
    # An archive may hold many resumes, so its own size limit is the archive's total.
    cap = ArchiveLimits.from_limits(limits).max_total_bytes
    try:
        with file.open("rb") as handle:
            data = handle.read(max(cap, limits.max_bytes) + 1)
    except OSError as exc:
        return [BatchInput(name, error=InvalidRequest(f"cannot read the file: {exc.strerror}"))]
    return expand(name, data, limits)


def _members(
    name: str, data: bytes, limits: Limits, archive_limits: ArchiveLimits
) -> Iterator[BatchInput]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        yield BatchInput(name, error=CorruptDocument("the ZIP archive is damaged"))
        return
    with archive:
        entries = [
            info
            for info in archive.infolist()
            if not info.is_dir() and not _skipped(PurePosixPath(info.filename).parts)
        ]
        refusal = zip_bomb_refusal(
            entries,
            what="the archive",
            max_entries=archive_limits.max_members,
            max_bytes=archive_limits.max_total_bytes,
            max_ratio=archive_limits.max_ratio,
        )
        if refusal is not None:
            yield BatchInput(name, error=refusal)
            return
        for info in sorted(entries, key=lambda i: i.filename):
            member = f"{name}!{info.filename}"
            if PurePosixPath(info.filename).suffix.lower() not in RESUME_SUFFIXES:
                continue  # nested archives and other files are not resumes
            yield _member(archive, info, member, limits, archive_limits)


def _member(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    name: str,
    limits: Limits,
    archive_limits: ArchiveLimits,
) -> BatchInput:
    if info.file_size > limits.max_bytes:
        return BatchInput(name, error=_too_large(info.file_size, limits.max_bytes))
    if info.file_size > RATIO_FLOOR_BYTES and info.file_size / max(info.compress_size, 1) > (
        archive_limits.max_ratio
    ):
        return BatchInput(name, error=UnsafeDocument("the member is a possible zip bomb"))
    if info.flag_bits & 0x1:
        return BatchInput(name, error=CorruptDocument("the member is encrypted"))
    try:
        with archive.open(info) as handle:
            data = handle.read(limits.max_bytes + 1)  # never more, whatever the header claims
    except (zipfile.BadZipFile, OSError, ValueError, RuntimeError, NotImplementedError) as exc:
        return BatchInput(name, error=CorruptDocument(f"cannot inflate the member: {exc}"))
    if len(data) > limits.max_bytes:
        return BatchInput(name, error=_too_large(len(data), limits.max_bytes))
    return BatchInput(name, data)


def _too_large(size: int, limit: int) -> DocumentTooLarge:
    return DocumentTooLarge(f"the file is {size / 1e6:.1f} MB; the limit is {limit / 1e6:.1f} MB")


def _skipped(parts: tuple[str, ...]) -> bool:
    return any(part in SKIPPED_PARTS or part.startswith(".") for part in parts)
