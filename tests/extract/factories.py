"""Document generators for tests: PDF (reportlab, pypdf), DOCX (python-docx) and HTML, in memory.

Every function returns the file's bytes. Other test packages may import these.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Sequence

from reportlab.lib.pagesizes import letter
from reportlab.pdfgen.canvas import Canvas

PAGE_W, PAGE_H = letter

RESUME_LINES = [
    "Jordan Avery",
    "jordan.avery@example.com | +1 415 555 0100",
    "EXPERIENCE",
    "Senior Account Executive, Acme Cloud   Jan 2020 - Present",
    "Closed $1.2M in new ARR and reached 128% of quota in 2022",
    "Ran discovery with MEDDICC and managed pipeline in Salesforce",
    "Account Executive, Bolt Software   Mar 2017 - Dec 2019",
    "Ranked #2 of 18 reps; President's Club 2019",
    "EDUCATION",
    "BA Economics, State University, 2016",
    "SKILLS",
    "Salesforce, HubSpot, Outreach, Gong, cold calling, negotiation",
]


def pdf(pages: Sequence[Sequence[str]], font_size: float = 11) -> bytes:
    """One PDF page per entry, each line drawn top-down on the left margin."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter, pageCompression=0)
    for lines in pages:
        canvas.setFont("Helvetica", font_size)
        y = PAGE_H - 72
        for line in lines:
            canvas.drawString(72, y, line)
            y -= font_size * 1.5
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def resume_pdf() -> bytes:
    return pdf([RESUME_LINES])


def linked_pdf() -> bytes:
    """A resume whose contact icons are link annotations (the URL is not in the text)."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, PAGE_H - 72, "Jordan Avery  LinkedIn  Email")
    canvas.linkURL("https://www.linkedin.com/in/jordan", (150, PAGE_H - 76, 200, PAGE_H - 60))
    canvas.linkURL("mailto:jordan@example.com", (205, PAGE_H - 76, 240, PAGE_H - 60))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def two_page_resume_pdf(
    second_header: str | None = None,
    header: str = "Jordan Avery - jordan.avery@example.com",
) -> bytes:
    """Two pages with a running header and a "Page N of 2" footer.

    ``second_header``: a header on page 2 only (e.g. "Jordan Avery - Page 2"); ``header`` may
    hold ``{number}``, the page number.
    """
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter)
    halves = [RESUME_LINES[2:8], RESUME_LINES[8:]]
    for number, lines in enumerate(halves, start=1):
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, PAGE_H - 30, header.format(number=number))
        canvas.drawString(PAGE_W / 2 - 20, 24, f"Page {number} of 2")
        if second_header and number == 2:
            canvas.drawString(PAGE_W - 200, PAGE_H - 45, second_header)
        canvas.setFont("Helvetica", 11)
        y = PAGE_H - 90
        for line in lines * 3:
            canvas.drawString(72, y, line)
            y -= 16
        canvas.showPage()
    canvas.save()
    return out.getvalue()


LEFT_COLUMN = [
    "EXPERIENCE",
    "Account Executive at Northwind",
    "Grew territory revenue by forty percent",
    "Built outbound sequences for fintech buyers",
    "Sales Development Rep at Contoso",
    "Booked twelve meetings every week",
    "Qualified inbound leads with BANT",
    "Partnered closely with field marketing",
]
RIGHT_COLUMN = [
    "SKILLS",
    "Negotiation and forecasting",
    "Salesforce administration",
    "Prospecting with LinkedIn",
    "EDUCATION",
    "Bachelor of Commerce",
    "Riverside College",
    "LANGUAGES English Spanish",
]


def two_column_pdf(right_leading: float = 15) -> bytes:
    """A name across the top, then two columns; with the default leading their rows line up."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter)
    canvas.setFont("Helvetica-Bold", 16)
    canvas.drawString(72, PAGE_H - 60, "Casey Morgan")
    canvas.setFont("Helvetica", 10)
    for index, (left, right) in enumerate(zip(LEFT_COLUMN, RIGHT_COLUMN, strict=True)):
        canvas.drawString(50, PAGE_H - 100 - 15 * index, left)
        canvas.drawString(PAGE_W / 2 + 30, PAGE_H - 107 - right_leading * index, right)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def form_xobject_pdf() -> bytes:
    """Text drawn inside a reusable form XObject, which pdfminer leaves as loose characters."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter)
    canvas.beginForm("letterhead")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, PAGE_H - 72, "Jordan Avery, Enterprise Account Executive")
    canvas.drawString(72, PAGE_H - 90, "Closed 2.4M ARR at 131% of quota")
    canvas.drawString(400, PAGE_H - 90, "Boston, MA")
    canvas.endForm()
    canvas.doForm("letterhead")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


HIDDEN_WORDS = {
    "white": "Kubernetes Terraform Snowflake",
    "tiny": "Blockchain Quantum Haskell",
    "offpage": "Erlang Fortran Cobol",
}


def hidden_text_pdf(kind: str) -> bytes:
    """A visible resume plus one line a reader cannot see: ``white``, ``tiny`` or ``offpage``."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter)
    canvas.setFont("Helvetica", 11)
    y = PAGE_H - 72
    for line in RESUME_LINES:
        canvas.drawString(72, y, line)
        y -= 16
    words = HIDDEN_WORDS[kind]
    if kind == "white":
        canvas.setFillColorRGB(0.97, 0.97, 0.97)
        canvas.drawString(72, 200, words)
        # White on a dark band is readable and must stay.
        canvas.setFillColorRGB(0.1, 0.1, 0.3)
        canvas.rect(60, 120, 300, 30, stroke=0, fill=1)
        canvas.setFillColorRGB(1, 1, 1)
        canvas.drawString(72, 130, "Visible banner text")
    elif kind == "tiny":
        canvas.setFont("Helvetica", 1)
        canvas.drawString(72, 200, words)
    else:
        canvas.drawString(PAGE_W + 50, 200, words)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def spot_colour_pdf() -> bytes:
    """Text in a brand spot colour (a Separation colour space: tint 1 is full ink), plus a line
    at a 2% tint, which prints as near-white."""
    from reportlab.lib.colors import CMYKColorSep

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter)
    canvas.setFont("Helvetica", 11)
    canvas.setFillColor(CMYKColorSep(0, 0.8, 0.8, 0.2, spotName="BrandRed", density=1))
    for index, line in enumerate(RESUME_LINES):
        canvas.drawString(72, PAGE_H - 72 - 16 * index, line)
    canvas.setFillColor(CMYKColorSep(0, 0.8, 0.8, 0.2, spotName="BrandRed", density=0.02))
    canvas.drawString(72, 200, HIDDEN_WORDS["white"])
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def image_only_pdf() -> bytes:
    """Pages of drawn shapes and no text: what a scanner without OCR produces."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter)
    for _ in range(2):
        canvas.setFillColorRGB(0.2, 0.2, 0.2)
        for row in range(30):
            canvas.rect(72, PAGE_H - 90 - row * 18, 300 + (row % 5) * 40, 8, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def scanned_pdf(with_page_number: bool = True) -> bytes:
    """A page image (a scan) with, optionally, a typed page number: still no text layer."""
    from reportlab.lib.utils import ImageReader

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=letter)
    scan = ImageReader(io.BytesIO(_gray_png(64, 64)))
    canvas.drawImage(scan, 72, 200, width=450, height=500)
    if with_page_number:
        canvas.setFont("Helvetica", 9)
        canvas.drawString(PAGE_W / 2, 30, "1")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _gray_png(width: int, height: int) -> bytes:
    """A tiny grayscale PNG written by hand (no imaging library needed)."""
    import struct

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    rows = b"".join(b"\x00" + bytes((x * y) % 256 for x in range(width)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def encrypted_pdf(user_password: str = "secret") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(resume_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def many_pages_pdf(pages: int = 500) -> bytes:
    return pdf([[f"Page body {number}"] for number in range(pages)])


def dense_pdf(pages: int = 20, lines: int = 60) -> bytes:
    """Pages full of text: slow enough to parse that a tiny time limit cuts it off."""
    line = "Exceeded quota by 128% selling SaaS to enterprise accounts with MEDDICC " * 2
    return pdf([[line[: 100 + n % 20] for n in range(lines)] for _ in range(pages)], font_size=7)


def truncated_pdf() -> bytes:
    data = resume_pdf()
    return data[: len(data) // 3]


# --- DOCX -----------------------------------------------------------------------------------------


def docx(
    paragraphs: Sequence[str] = RESUME_LINES[2:],
    table: Sequence[Sequence[str]] | None = None,
    header: str | None = None,
    hidden_runs: dict[str, str] | None = None,
) -> bytes:
    """A DOCX with paragraphs, an optional table, header and hidden runs (kind -> words)."""
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    for text in paragraphs:
        document.add_paragraph(text)
    if table is not None:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.add_paragraph("Closing line after the table")
    for kind, words in (hidden_runs or {}).items():
        run = document.add_paragraph("Visible lead ").add_run(words)
        if kind == "vanish":
            run.font.hidden = True
        elif kind == "white":
            run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        elif kind == "tiny":
            run.font.size = Pt(1)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _rewrite_docx(data: bytes, replace: dict[str, bytes], extra: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item)))
        for name, payload in extra.items():
            target.writestr(name, payload)
    return out.getvalue()


def zip_bomb_docx(megabytes: int = 60) -> bytes:
    """A valid DOCX carrying a member that inflates to ``megabytes`` of zeros."""
    return _rewrite_docx(docx(), {}, {"word/media/padding.bin": bytes(megabytes * 1024 * 1024)})


def high_ratio_docx() -> bytes:
    """Under the size limit but compressed far more than any real document (5 MB of zeros)."""
    return _rewrite_docx(docx(), {}, {"word/media/padding.bin": bytes(5 * 1024 * 1024)})


_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def nested_xml_docx(depth: int = 5000) -> bytes:
    body = "<w:sdt>" * depth + "</w:sdt>" * depth
    xml = f'<?xml version="1.0"?><w:document {_NS}><w:body>{body}</w:body></w:document>'
    return _rewrite_docx(docx(), {"word/document.xml": xml.encode()}, {})


def entity_docx() -> bytes:
    """The "billion laughs" entity expansion inside word/document.xml."""
    entities = '<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f"<w:document {_NS}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _rewrite_docx(docx(), {"word/document.xml": xml.encode()}, {})


def broken_docx() -> bytes:
    """A ZIP whose document part is not XML at all."""
    return _rewrite_docx(docx(), {"word/document.xml": b"<w:document><unclosed"}, {})


# --- HTML -----------------------------------------------------------------------------------------


def resume_html(hidden: bool = True) -> bytes:
    hidden_part = (
        '<div style="display:none">Kubernetes Terraform</div>'
        '<p style="visibility: hidden">Haskell Erlang</p><span hidden>Cobol</span>'
        if hidden
        else ""
    )
    return f"""<!DOCTYPE html><html><head><title>CV</title><style>p {{color: red}}</style>
<script>var salesforce = "in a script";</script></head><body>
<h1>Jordan Avery</h1><p>jordan.avery@example.com</p>
<h2>Experience</h2><ul><li>Closed <b>$1.2M</b> ARR</li><li>128% of quota</li></ul>
<table><tr><td>Skills</td><td>Salesforce, HubSpot</td></tr></table>
{hidden_part}<p>Line one<br>Line two</p></body></html>""".encode()
