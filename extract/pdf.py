"""PDF to Document with pdfminer.six: one layout pass, text built from the characters themselves.

Building the text from ``LTChar`` lets one pass do three things: drop text a reader cannot see
(white on white, under 2 pt, off the page), keep the columns pdfminer's default ``LAParams`` found,
and remember where every line sat so running headers, footers and page numbers can be removed.
pdfminer's exceptions are mapped to ``jobfit.errors`` here.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTAnno,
    LTChar,
    LTContainer,
    LTCurve,
    LTFigure,
    LTImage,
    LTPage,
    LTTextBox,
    LTTextLine,
)
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException

from extract.cleanup import clean_text, map_ligatures, strip_cid, vocabulary
from extract.doc_warnings import (
    LIGHT,
    TINY_PT,
    contact_in_header_warning,
    has_contact,
    hidden_warnings,
)
from extract.limits import Limits
from extract.pdf_layout import PageLines, TextLine, arrange_page, find_running_lines
from extract.records import Document, DocWarning, Page
from jobfit.errors import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    NoTextLayer,
    TooManyPages,
)

OFFPAGE_MARGIN = 1.0
SCANNED_MAX_CHARS = 30  # fewer letters and digits than this beside page images: a scan
NO_TEXT_LAYER = (
    "the PDF has no text layer (it looks scanned or image-only) and OCR is not available"
)
_ALNUM = re.compile(r"[^\W_]")

# pdfminer logs font quirks at WARNING; without a handler they would print to stderr.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())

# Errors a damaged file provokes inside pdfminer (besides its own PSException tree).
_DAMAGE = (
    PSException,
    ValueError,
    KeyError,
    TypeError,
    IndexError,
    AssertionError,
    AttributeError,
    struct.error,
    zlib.error,
    EOFError,
    RecursionError,
    UnicodeDecodeError,
)


@dataclass
class _PageScan:
    lines: PageLines
    hidden: list[tuple[str, str]] = field(default_factory=list)  # (reason, text)
    chars: int = 0
    cid_only_lines: int = 0
    images: int = 0
    visible_since_hidden: bool = False


def read_pdf(data: bytes, limits: Limits) -> Document:
    scans: list[_PageScan] = []
    links: list[str] = []
    for number, layout, page_links in _layouts(data, limits):
        scans.append(_scan_page(layout, number))
        links.extend(page_links)
    if not scans:
        raise CorruptDocument("the PDF has no pages")
    document = _assemble(scans)
    document.links = list(dict.fromkeys(links))
    return document


def _layouts(data: bytes, limits: Limits) -> Iterator[tuple[int, LTPage, list[str]]]:
    """pdfminer's layout of each page; its exceptions become jobfit errors here and only here."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        page_count = _page_count(document)
        if page_count > limits.max_pages:
            raise TooManyPages(f"the PDF has {page_count} pages; the limit is {limits.max_pages}")
        resources = PDFResourceManager(caching=True)
        device = PDFPageAggregator(resources, laparams=LAParams())
        interpreter = PDFPageInterpreter(resources, device)
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            if number > limits.max_pages:
                raise TooManyPages(f"the PDF has more than {limits.max_pages} pages")
            interpreter.process_page(page)
            yield number, device.get_result(), _link_targets(page)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedDocument(
            "the PDF is password-protected or its encryption is unsupported"
        ) from exc
    except _DAMAGE as exc:
        raise CorruptDocument(
            f"the PDF is damaged and cannot be read ({type(exc).__name__})"
        ) from exc


def _link_targets(page: PDFPage) -> list[str]:
    """URI targets of the page's link annotations (icons often carry LinkedIn or e-mail links)."""
    targets = []
    annotations = resolve1(page.annots)
    for annotation in annotations if isinstance(annotations, list) else []:
        action = (
            resolve1(resolve1(annotation).get("A"))
            if isinstance(resolve1(annotation), dict)
            else None
        )
        uri = resolve1(action.get("URI")) if isinstance(action, dict) else None
        if isinstance(uri, bytes):
            targets.append(uri.decode("latin-1").strip())
        elif isinstance(uri, str):
            targets.append(uri.strip())
    return [target for target in targets if target]


def _page_count(document: PDFDocument) -> int:
    pages = resolve1(document.catalog.get("Pages"))
    count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
    if isinstance(count, int) and count >= 0:
        return count
    return sum(1 for _ in PDFPage.create_pages(document))


def _assemble(scans: list[_PageScan]) -> Document:
    if sum(scan.chars for scan in scans) == 0:
        raise NoTextLayer(NO_TEXT_LAYER)
    running = find_running_lines([scan.lines for scan in scans])
    raw_pages: list[tuple[str, int]] = []
    body_lines: list[str] = []
    for scan in scans:
        text, columns = arrange_page(scan.lines, running)
        raw_pages.append((text, columns))
        body_lines.append(text)
    counts = vocabulary(map_ligatures("\n".join(body_lines)))
    pages = [
        Page(number=i, text=clean_text(text, from_pdf=True, counts=counts), columns=columns)
        for i, (text, columns) in enumerate(raw_pages, start=1)
    ]
    warnings = _layout_warnings(pages)
    if running.contact_lines and not has_contact("\n".join(body_lines)):
        warnings.append(contact_in_header_warning())
    hidden = [(reason, clean_text(text)) for scan in scans for reason, text in scan.hidden]
    hidden = [(reason, text) for reason, text in hidden if text]
    warnings.extend(hidden_warnings(reason for reason, _ in hidden))
    # Running header lines (the name, contacts) are kept once, at the top, never inside a section.
    top = running.header_lines + [t for t in running.contact_lines if t not in running.header_lines]
    parts = [clean_text("\n".join(top), from_pdf=True)] if top else []
    parts.extend(page.text for page in pages if page.text)
    text = "\n\n".join(parts)
    if len(_ALNUM.findall(text)) < SCANNED_MAX_CHARS and any(scan.images for scan in scans):
        raise NoTextLayer(NO_TEXT_LAYER)  # page images with a stray page number or stamp
    if not text:
        if any(scan.cid_only_lines for scan in scans):
            raise NoTextLayer(
                "the PDF's text layer has no readable characters (fonts without a Unicode map); "
                "OCR is not available"
            )
        raise EmptyDocument("the PDF contains no visible text")
    return Document(
        format="pdf",
        text=text,
        pages=pages,
        warnings=warnings,
        hidden_text=[text for _, text in hidden],
    )


def _layout_warnings(pages: list[Page]) -> list[DocWarning]:
    two_column = [page.number for page in pages if page.columns >= 2]
    if not two_column:
        return []
    listed = ", ".join(map(str, two_column))
    pages_are = f"page {listed} is" if len(two_column) == 1 else f"pages {listed} are"
    return [
        DocWarning(
            code="two_columns",
            message=f"{pages_are} laid out in two columns; each column was read separately",
        )
    ]


# --- one page -------------------------------------------------------------------------------------


def _scan_page(layout: LTPage, number: int) -> _PageScan:
    width, height = layout.width, layout.height
    backdrops = list(_dark_backdrops(layout))
    images = sum(1 for _ in _images(layout))
    scan = _PageScan(lines=PageLines(number=number, width=width, height=height), images=images)
    light_cache: dict[object, bool] = {}
    for line in _text_lines(layout):
        pieces: list[tuple[str, str]] = []  # (hidden reason or "", text), runs of one kind
        for item in line:
            if isinstance(item, LTChar):
                scan.chars += 1
                reason = _hidden_reason(item, width, height, backdrops, light_cache)
            elif isinstance(item, LTAnno):
                reason = pieces[-1][0] if pieces else ""
            else:
                continue
            if pieces and pieces[-1][0] == reason:
                pieces[-1] = (reason, pieces[-1][1] + item.get_text())
            else:
                pieces.append((reason, item.get_text()))
        text = "".join(piece for reason, piece in pieces if not reason).strip()
        for reason, piece in pieces:
            if reason and piece.strip():
                _add_hidden(scan, reason, piece.strip(), after_visible=bool(text))
        if text:
            scan.visible_since_hidden = True
            if not strip_cid(text).strip():
                scan.cid_only_lines += 1
            scan.lines.lines.append(TextLine(text, line.x0, line.y0, line.x1, line.y1))
    return scan


def _add_hidden(scan: _PageScan, reason: str, text: str, after_visible: bool) -> None:
    """Consecutive hidden lines of one kind form one passage."""
    if scan.hidden and scan.hidden[-1][0] == reason and not scan.visible_since_hidden:
        scan.hidden[-1] = (reason, f"{scan.hidden[-1][1]} {text}")
    else:
        scan.hidden.append((reason, text))
    scan.visible_since_hidden = after_visible


def _text_lines(layout: LTPage) -> Iterator[LTTextLine | _CharRow]:
    """Every text line of the page, figures' loose characters included."""
    for item in layout:
        if isinstance(item, LTTextBox):
            yield from (line for line in item if isinstance(line, LTTextLine))
        elif isinstance(item, LTTextLine):
            yield item
        elif isinstance(item, LTFigure):
            yield from _figure_rows(item)


class _CharRow:
    """Characters pdfminer leaves ungrouped inside a figure (a form XObject), as one text line."""

    def __init__(self, chars: list[LTChar]) -> None:
        self.items: list[LTChar | LTAnno] = []
        for before, char in zip([None, *chars], chars, strict=False):
            if before is not None and char.x0 - before.x1 > WORD_GAP * max(char.size, 1.0):
                self.items.append(LTAnno(" "))
            self.items.append(char)
        self.x0 = min(char.x0 for char in chars)
        self.x1 = max(char.x1 for char in chars)
        self.y0 = min(char.y0 for char in chars)
        self.y1 = max(char.y1 for char in chars)

    def __iter__(self) -> Iterator[LTChar | LTAnno]:
        return iter(self.items)


WORD_GAP = 0.15  # a gap wider than this share of the font size separates words
PIECE_GAP = 2.0  # wider than this many font sizes separates pieces of a row (pdfminer's margin)


def _figure_rows(figure: LTFigure) -> Iterator[_CharRow]:
    chars = sorted(_figure_chars(figure), key=lambda char: (-char.y0, char.x0))
    rows: list[list[LTChar]] = []
    for char in chars:
        if rows and abs(rows[-1][0].y0 - char.y0) <= 0.5 * max(char.size, 1.0):
            rows[-1].append(char)
        else:
            rows.append([char])
    for row in rows:
        row.sort(key=lambda char: char.x0)
        piece = [row[0]]
        for char in row[1:]:
            if char.x0 - piece[-1].x1 > PIECE_GAP * max(char.size, 1.0):
                yield _CharRow(piece)
                piece = []
            piece.append(char)
        yield _CharRow(piece)


def _figure_chars(figure: LTFigure) -> Iterator[LTChar]:
    for item in figure:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTFigure):
            yield from _figure_chars(item)


def _dark_backdrops(layout: LTContainer) -> Iterator[tuple[float, float, float, float]]:
    """Filled shapes that are not white, and images: white text on them can be read."""
    for item in layout:
        if isinstance(item, LTCurve) and item.fill and not _is_light(item.non_stroking_color):
            yield item.bbox
        elif isinstance(item, LTImage):
            yield item.bbox
        elif isinstance(item, LTFigure):
            yield from _dark_backdrops(item)


def _images(layout: LTContainer) -> Iterator[LTImage]:
    for item in layout:
        if isinstance(item, LTImage):
            yield item
        elif isinstance(item, LTFigure):
            yield from _images(item)


def _hidden_reason(
    char: LTChar,
    width: float,
    height: float,
    backdrops: list[tuple[float, float, float, float]],
    light_cache: dict[object, bool],
) -> str:
    if char.size < TINY_PT and char.get_text().strip():
        return "tiny"
    m = OFFPAGE_MARGIN
    if char.x1 < -m or char.x0 > width + m or char.y1 < -m or char.y0 > height + m:
        return "offpage"
    color = char.graphicstate.ncolor
    space = getattr(char.ncs, "name", "")
    try:
        light = light_cache[space, color]
    except KeyError:
        light = light_cache[space, color] = _is_light(color, space)
    except TypeError:  # an unhashable colour value
        light = _is_light(color, space)
    if light and not _on_backdrop(char, backdrops):
        return "white"
    return ""


def _is_light(color: object, space: str = "") -> bool:
    """White or near-white in gray, RGB or CMYK; unknown colour kinds (patterns) count as dark."""
    if space in ("Pattern", "Indexed"):
        return False
    values: list[float] = []
    if isinstance(color, int | float):
        values = [float(color)]
    elif isinstance(color, tuple | list) and all(isinstance(v, int | float) for v in color):
        values = [float(v) for v in color]
    if values:
        if space in ("Separation", "DeviceN"):  # tints: 0 is no ink
            return max(values) <= 1 - LIGHT
        if len(values) == 1:
            return values[0] >= LIGHT
        if len(values) == 3:
            return min(values) >= LIGHT
        if len(values) == 4:
            return max(values) <= 1 - LIGHT
    return False


def _on_backdrop(char: LTChar, backdrops: list[tuple[float, float, float, float]]) -> bool:
    cx, cy = (char.x0 + char.x1) / 2, (char.y0 + char.y1) / 2
    return any(x0 <= cx <= x1 and y0 <= cy <= y1 for x0, y0, x1, y1 in backdrops)
