"""Documents generated for the service tests: good resumes as PDF/DOCX and a corpus of bad files."""

from __future__ import annotations

import io
import random
import zipfile

from docx import Document as DocxDocument
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def pdf_from_lines(lines: list[str], pages: int = 1, compress: bool = True) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER, pageCompression=1 if compress else 0)
    for page in range(pages):
        y = 740
        for line in lines:
            pdf.drawString(60, y, line)
            y -= 14
            if y < 60:
                break
        if pages > 1:
            pdf.drawString(60, 40, f"page {page + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def resume_pdf(text: str) -> bytes:
    return pdf_from_lines(text.splitlines())


def resume_docx(text: str) -> bytes:
    document = DocxDocument()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def truncated_pdf(text: str) -> bytes:
    data = pdf_from_lines(text.splitlines())
    stream_at = data.index(b"stream")
    return data[: stream_at + 40]  # cut inside the first (compressed) content stream


def encrypted_pdf(text: str) -> bytes:
    reader = PdfReader(io.BytesIO(pdf_from_lines(text.splitlines())))
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def many_pages_pdf(pages: int = 500) -> bytes:
    return pdf_from_lines(["Account Executive", "Salesforce, quota 120%"], pages=pages)


def random_bytes(size: int = 4096, seed: int = 7) -> bytes:
    data = random.Random(seed).randbytes(size)
    return b"\x00\x01" + data  # a control byte up front: never mistaken for a known magic number


def _docx_with(document_xml: bytes, compress_level: int = 6) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(
        buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=compress_level
    ) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document_xml)
    return buffer.getvalue()


def docx_zip_bomb(unzipped_mb: int = 80) -> bytes:
    """A DOCX whose document.xml inflates to ``unzipped_mb`` MB of spaces (ratio ~1000:1)."""
    body = b" " * (unzipped_mb * 1024 * 1024)
    xml = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode()
        + body
        + b"</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx_with(xml, compress_level=1)


def docx_deeply_nested(depth: int = 50_000) -> bytes:
    xml = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'
        + "<w:p>" * depth
        + "</w:p>" * depth
        + "</w:body></w:document>"
    )
    return _docx_with(xml.encode())


def docx_billion_laughs() -> bytes:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    return _docx_with(xml.encode())


def png_image() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
