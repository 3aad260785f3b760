"""Documents for the service tests: a resume text as PDF or DOCX, and two junk payloads.

The bad-file corpus reuses ``tests/extract/factories``.
"""

from __future__ import annotations

import io
import random

from docx import Document as DocxDocument
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas


def resume_pdf(text: str) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=LETTER)
    y = 740
    for line in text.splitlines():
        pdf.drawString(60, y, line)
        y -= 14
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def resume_docx(text: str) -> bytes:
    document = DocxDocument()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def random_bytes(size: int = 4096, seed: int = 7) -> bytes:
    data = random.Random(seed).randbytes(size)
    return b"\x00\x01" + data  # a control byte up front: never mistaken for a known magic number


def png_image() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
