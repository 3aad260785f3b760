"""Extraction speed: a two-page PDF resume vs pdfminer's extract_text; text resumes a second."""

from __future__ import annotations

import gc
import html
import importlib
import io
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bench import SHARED_DATA as SHARED
from jobfit.errors import JobfitError

TWO_PAGE_PDFS = [
    "resume_pdfs_varied_layouts/resume-matcher/john_doe.pdf",
    "resume_pdfs_varied_layouts/resume-matcher/bruce_wayne_fullstack.pdf",
    "resume_pdfs_varied_layouts/altacv/mmayer.pdf",
]
RUNS = 21


def pdf_ratio(path: Path, runs: int = RUNS) -> tuple[float, float]:
    """(our median seconds, pdfminer extract_text median seconds) on one file, runs interleaved."""
    from pdfminer.high_level import extract_text

    from extract.document import read_document

    data = path.read_bytes()
    contenders: list[Callable[[], object]] = [
        lambda: read_document(data, path.name),
        lambda: extract_text(io.BytesIO(data)),
    ]
    times: list[list[float]] = [[], []]
    for fn in contenders:
        fn()  # warm caches and imports
    for _ in range(runs):
        for index, fn in enumerate(contenders):
            gc.collect()  # neither side pays for the other's garbage
            started = time.perf_counter()
            fn()
            times[index].append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1])


def _dotin_text(path: Path) -> bytes:
    """A Dotin CV as the plain text it was written as (annotation tags removed)."""
    text = re.sub(r"<[^>]+>", "", path.read_text(encoding="utf-8"))
    return html.unescape(text).strip().encode("utf-8")


def text_resumes_per_second() -> str:
    extract = importlib.import_module("extract")
    parse_resume = getattr(extract, "parse_resume", None)
    if parse_resume is None:
        return "Text resumes per second: not measured (`extract.parse_resume` does not exist yet)."
    from extract.document import read_document
    from skills_taxonomy import load_taxonomy

    try:
        taxonomy = load_taxonomy()
    except JobfitError as exc:  # reported in the section rather than failing the whole bench
        return f"Text resumes per second: not measured (the taxonomy did not load: {exc.message})."
    folder = SHARED / "dotin_resume_ner"
    texts = [_dotin_text(path) for path in sorted(folder.rglob("*.xml"))[:200]]
    if not texts:
        return "Text resumes per second: not measured (no Dotin text resumes found)."
    started = time.perf_counter()
    documents = [read_document(data, "resume.txt") for data in texts]
    reading = time.perf_counter() - started
    for document in documents:
        parse_resume(document, taxonomy)
    total = time.perf_counter() - started
    return (
        f"Text resumes per second (one core, {len(texts)} Dotin resumes, `read_document` + "
        f"`parse_resume`, taxonomy loaded once beforehand): **{len(texts) / total:.1f}**; "
        f"`read_document` alone: {len(texts) / reading:.0f} per second."
    )


def run() -> str:
    rows = []
    ratios = []
    for name in TWO_PAGE_PDFS:
        path = SHARED / name
        if not path.is_file():
            continue
        ours, theirs = pdf_ratio(path)
        ratios.append(ours / theirs)
        label = name.split("/", 1)[1]
        rows.append(f"| {label} | {ours * 1e3:.1f} | {theirs * 1e3:.1f} | {ours / theirs:.2f} |")
    lines = ["## Extraction", ""]
    if rows:
        lines += [
            f"Two-page PDF resumes, median of {RUNS} interleaved runs: `extract.read_document` "
            "(text, hidden-text check, columns, headers, cleanup, time limit) against "
            "`pdfminer.high_level.extract_text`.",
            "",
            "| file | jobfit ms | pdfminer ms | ratio (goal ≤ 1.3) |",
            "|---|---|---|---|",
            *rows,
            "",
            f"Worst ratio: **{max(ratios):.2f}**.",
        ]
    else:
        lines.append("PDF ratio: not measured (shared data not found).")
    lines += ["", text_resumes_per_second()]
    return "\n".join(lines)


if __name__ == "__main__":
    print(run())
