"""Every kind of bad input fails with its own error class and a readable message, never a hang."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from extract.document import read_document
from extract.limits import Limits
from jobfit.errors import (
    CorruptDocument,
    DocumentError,
    DocumentTooLarge,
    EmptyDocument,
    EncryptedDocument,
    NoTextLayer,
    TooManyPages,
    UnsafeDocument,
    UnsupportedFormat,
)
from tests.extract import factories

BAD_FILES: list[tuple[str, Callable[[], bytes], str, type[DocumentError]]] = [
    ("zero bytes", lambda: b"", "resume.pdf", EmptyDocument),
    ("whitespace only", lambda: b" \n\t\n", "resume.txt", EmptyDocument),
    ("random bytes named .pdf", lambda: bytes(range(256)) * 40, "resume.pdf", UnsupportedFormat),
    ("PNG image", lambda: b"\x89PNG\r\n\x1a\n" + bytes(200), "scan.png", UnsupportedFormat),
    (
        "legacy .doc",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600),
        "cv.doc",
        UnsupportedFormat,
    ),
    (
        "encrypted Office file",
        lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le"),
        "cv.docx",
        EncryptedDocument,
    ),
    (
        "XML data",
        lambda: b'<?xml version="1.0"?><cv><label>Jo</label></cv>',
        "cv.xml",
        UnsupportedFormat,
    ),
    ("plain ZIP", lambda: _zip({"notes.txt": b"hello"}), "cv.zip", UnsupportedFormat),
    ("truncated PDF", factories.truncated_pdf, "resume.pdf", CorruptDocument),
    (
        "PDF header then garbage",
        lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8,
        "cv.pdf",
        CorruptDocument,
    ),
    ("encrypted PDF", factories.encrypted_pdf, "resume.pdf", EncryptedDocument),
    ("PDF with 500 pages", factories.many_pages_pdf, "resume.pdf", TooManyPages),
    ("image-only PDF", factories.image_only_pdf, "scan.pdf", NoTextLayer),
    ("scanned PDF", lambda: factories.scanned_pdf(False), "scan.pdf", NoTextLayer),
    ("scanned PDF with a typed page number", factories.scanned_pdf, "scan.pdf", NoTextLayer),
    ("DOCX zip bomb (size)", factories.zip_bomb_docx, "resume.docx", UnsafeDocument),
    ("DOCX zip bomb (ratio)", factories.high_ratio_docx, "resume.docx", UnsafeDocument),
    ("DOCX deeply nested XML", factories.nested_xml_docx, "resume.docx", UnsafeDocument),
    ("DOCX with XML entities", factories.entity_docx, "resume.docx", UnsafeDocument),
    ("DOCX with malformed XML", factories.broken_docx, "resume.docx", CorruptDocument),
    ("damaged ZIP", lambda: factories.docx()[:400], "resume.docx", CorruptDocument),
    ("empty DOCX", lambda: _empty_docx(), "cv.docx", EmptyDocument),
    (
        "HTML without text",
        lambda: b"<html><body><script>x()</script></body></html>",
        "a.html",
        EmptyDocument,
    ),
]


def _zip(members: dict[str, bytes]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _empty_docx() -> bytes:
    import io

    from docx import Document

    out = io.BytesIO()
    Document().save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("make", "filename", "error"),
    [case[1:] for case in BAD_FILES],
    ids=[case[0] for case in BAD_FILES],
)
def test_bad_file_raises_its_error(
    make: Callable[[], bytes], filename: str, error: type[DocumentError]
) -> None:
    with pytest.raises(error) as caught:
        read_document(make(), filename)
    assert type(caught.value) is error
    assert caught.value.message and "\n" not in caught.value.message


def test_scanned_pdf_message_says_no_text_layer_and_no_ocr() -> None:
    with pytest.raises(NoTextLayer) as caught:
        read_document(factories.image_only_pdf(), "scan.pdf")
    assert "no text layer" in caught.value.message
    assert "OCR is not available" in caught.value.message
    assert caught.value.code == "no_text_layer"


def test_file_over_the_size_limit() -> None:
    data = factories.resume_pdf()
    with pytest.raises(DocumentTooLarge):
        read_document(data, "resume.pdf", Limits(max_bytes=len(data) - 1))
    assert read_document(data, "resume.pdf", Limits(max_bytes=len(data))).format == "pdf"


def test_default_size_limit_is_ten_megabytes() -> None:
    with pytest.raises(DocumentTooLarge):
        read_document(b"a" * (10 * 1024 * 1024 + 1), "big.txt")


def test_page_limit_is_configurable() -> None:
    data = factories.pdf([["Account Executive"]] * 3)
    with pytest.raises(TooManyPages):
        read_document(data, limits=Limits(max_pages=2))
    assert len(read_document(data, limits=Limits(max_pages=3)).pages) == 3


def _mutants(data: bytes, count: int, seed: int) -> list[bytes]:
    """Truncations, byte flips and cut-outs of a valid file."""
    rng = random.Random(seed)
    out = []
    for index in range(count):
        mutant = bytearray(data)
        if index % 3 == 0:
            mutant = mutant[: rng.randrange(1, len(mutant))]
        elif index % 3 == 1:
            for _ in range(rng.randint(1, 20)):
                mutant[rng.randrange(len(mutant))] = rng.randrange(256)
        else:
            start = rng.randrange(len(mutant))
            del mutant[start : start + rng.randint(1, 500)]
        out.append(bytes(mutant))
    return out


@pytest.mark.parametrize(
    "make",
    [factories.two_page_resume_pdf, factories.docx, factories.resume_html],
    ids=lambda make: make.__name__,
)
def test_damaged_files_only_ever_raise_document_errors(make: Callable[[], bytes]) -> None:
    for mutant in _mutants(make(), count=60, seed=7):
        try:
            read_document(mutant, "upload")
        except DocumentError as exc:
            assert exc.message
