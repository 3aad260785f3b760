"""Recognise a file by its content (magic bytes), never by its name."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

from extract.plaintext import decode_text, looks_like_markdown
from extract.records import DocumentFormat, DocWarning
from jobfit.errors import CorruptDocument, EmptyDocument, EncryptedDocument, UnsupportedFormat

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGES = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"II*\x00": "TIFF image",
    b"MM\x00*": "TIFF image",
}
_OTHER_BINARY = {
    b"{\\rtf": "RTF document",
    b"\x1f\x8b": "gzip archive",
    b"7z\xbc\xaf\x27\x1c": "7-Zip archive",
    b"Rar!": "RAR archive",
    b"\x7fELF": "executable",
}
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|p|h[1-6]|table|ul|section)\b",
    re.I | re.S,
)
_HTML_TAGS = re.compile(r"<(html|body|div|p|br|h[1-6]|li|table|span)\b[^>]*>", re.I)


@dataclass
class Sniffed:
    format: DocumentFormat
    text: str | None = None  # decoded text for text-like formats
    warnings: list[DocWarning] = field(default_factory=list)


def sniff(data: bytes, filename: str | None = None) -> Sniffed:
    """The document format of ``data``; ``filename`` only breaks the text/Markdown tie."""
    if not data.strip():
        raise EmptyDocument("the file is empty")
    head = data[:1024]
    if b"%PDF-" in head:
        return Sniffed("pdf")
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return Sniffed(_zip_format(data))
    if data.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedDocument("the Office document is password-protected")
        raise UnsupportedFormat(
            "legacy Word .doc (OLE) files are not supported; save as DOCX or PDF"
        )
    for magic, kind in _IMAGES.items():
        if data.startswith(magic):
            raise UnsupportedFormat(f"{kind}: images have no text layer and OCR is not available")
    for magic, kind in _OTHER_BINARY.items():
        if data.startswith(magic):
            raise UnsupportedFormat(f"{kind} files are not supported")
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
        if b"<html" in data[:4096].lower():
            decoded = decode_text(data)
            return Sniffed("html", decoded.text, decoded.warnings)
        raise UnsupportedFormat(
            "XML files are not supported; upload a PDF, DOCX, HTML or text file"
        )
    if _HTML_START.match(head):
        decoded = decode_text(data)
        return Sniffed("html", decoded.text, decoded.warnings)
    decoded = decode_text(data)
    text = decoded.text
    if len(_HTML_TAGS.findall(text[:20000])) >= 3 and text.lstrip().startswith("<"):
        return Sniffed("html", text, decoded.warnings)
    is_md_name = bool(filename and filename.lower().endswith((".md", ".markdown")))
    fmt: DocumentFormat = "markdown" if is_md_name or looks_like_markdown(text) else "text"
    return Sniffed(fmt, text, decoded.warnings)


def _zip_format(data: bytes) -> DocumentFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise CorruptDocument("the file looks like a ZIP/DOCX archive but is damaged") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names or "ppt/presentation.xml" in names:
        raise UnsupportedFormat("spreadsheets and presentations are not supported; use PDF or DOCX")
    if "content.xml" in names:
        raise UnsupportedFormat("OpenDocument files are not supported; save as DOCX or PDF")
    raise UnsupportedFormat("ZIP archives are not supported; upload one PDF, DOCX or text file")
