"""File bytes to a clean ``Document``: recognise the format by content, enforce limits, dispatch."""

from __future__ import annotations

from extract.limits import Limits, run_with_deadline
from extract.records import Document
from extract.sniff import sniff
from jobfit.errors import DocumentTooLarge


def read_document(
    data: bytes, filename: str | None = None, limits: Limits | None = None
) -> Document:
    """Read a PDF, DOCX, HTML, Markdown or plain-text file into a ``Document``.

    The format comes from the bytes, never from ``filename`` (which only tells Markdown from plain
    text). Raises a ``jobfit.errors.DocumentError`` subclass for every bad input; the parse is cut
    off with ``ParseTimeout`` after ``limits.timeout_s`` seconds.
    """
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise DocumentTooLarge(
            f"the file is {len(data) / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.1f} MB"
        )
    return run_with_deadline(_parse, data, filename, limits, timeout_s=limits.timeout_s)


def _parse(data: bytes, filename: str | None, limits: Limits) -> Document:
    sniffed = sniff(data, filename)
    if sniffed.format == "pdf":
        from extract.pdf import read_pdf

        return read_pdf(data, limits)
    if sniffed.format == "docx":
        from extract.docx import read_docx

        return read_docx(data, limits)
    assert sniffed.text is not None
    if sniffed.format == "html":
        from extract.html import read_html

        return read_html(sniffed.text, sniffed.warnings)
    from extract.plaintext import DecodedText, read_text

    return read_text(DecodedText(sniffed.text, "", sniffed.warnings), sniffed.format)
