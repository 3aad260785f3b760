"""Page geometry for PDFs: two-column detection and reading order, running headers and footers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.doc_warnings import CONTACT

BAND = 0.08  # top and bottom share of the page height where headers and footers sit
MIN_COLUMN_SHARE = 0.08  # each column holds at least this share of the page's characters
# A right "column" of short pieces, each on the row of a left line, is a margin of dates/places.
MAX_PAIRED = 0.95
PAIRED_MIN_SHARE = 0.25
MAX_CROSSING = 0.12  # share of lines allowed to run across the gutter (a full-width title)
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–(]?\s*\d{1,3}\s*(?:(?:of|/)\s*\d{1,3})?\s*[-–)]?$", re.I
)
# "Jordan Avery - Page 2", "Resume | page 2 of 3": a running line ending in its page number.
_PAGE_TAIL = re.compile(r"\bpage\s*\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?\s*$", re.I)
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@dataclass
class TextLine:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class PageLines:
    number: int
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)

    def band(self, line: TextLine) -> str:
        middle = (line.y0 + line.y1) / 2
        if middle >= self.height * (1 - BAND):
            return "top"
        if middle <= self.height * BAND:
            return "bottom"
        return ""


@dataclass
class RunningLines:
    """Header and footer lines to keep out of the body."""

    keys: set[tuple[str, str]] = field(default_factory=set)
    header_lines: list[str] = field(default_factory=list)  # kept once, at the top of the text
    contact_lines: list[str] = field(default_factory=list)  # header/footer lines with contacts

    def is_running(self, band: str, text: str) -> bool:
        if not band:
            return False
        return bool(
            _PAGE_NUMBER.match(text)
            or (len(text) <= 80 and _PAGE_TAIL.search(text))
            or (band, _key(text)) in self.keys
        )


def _key(text: str) -> str:
    return _SPACES.sub(" ", _DIGITS.sub("#", text.lower())).strip()


def find_running_lines(pages: list[PageLines]) -> RunningLines:
    """Lines in the top or bottom band that repeat (digits aside) on two or more pages."""
    running = RunningLines()
    if len(pages) < 2:
        return running
    seen: dict[tuple[str, str], set[int]] = {}
    for page in pages:
        for line in page.lines:
            band = page.band(line)
            if band:
                seen.setdefault((band, _key(line.text)), set()).add(page.number)
    running.keys = {key for key, numbers in seen.items() if len(numbers) >= 2}
    first = pages[0]
    for line in first.lines:
        band = first.band(line)
        if (band, _key(line.text)) not in running.keys:
            continue
        text = _without_page_number(line.text)
        if band == "top" and text:
            running.header_lines.append(text)
        if CONTACT.search(text):
            running.contact_lines.append(text)
    return running


def _without_page_number(text: str) -> str:
    """ "Jordan Avery - Page 1" -> "Jordan Avery"; a bare page number -> ""."""
    if _PAGE_NUMBER.match(text):
        return ""
    return _PAGE_TAIL.sub("", text).rstrip(" -–—|,·•").strip() if len(text) <= 80 else text


def arrange_page(page: PageLines, running: RunningLines) -> tuple[str, int]:
    """The page's body text in reading order, and its number of columns (1 or 2)."""
    body = [line for line in page.lines if not running.is_running(page.band(line), line.text)]
    gutter = find_gutter(body, page.width)
    if gutter is None:
        return _join_rows(body), 1
    left = [line for line in body if line.x1 <= gutter]
    right = [line for line in body if line.x0 >= gutter]
    # Above the point where both columns have started (name, title, contacts): one region.
    column_top = min(max(line.y1 for line in left), max(line.y1 for line in right))
    top = [line for line in body if line.y0 >= column_top - 1]
    rest = [line for line in body if line.y0 < column_top - 1]
    parts = [
        _join_rows(top),
        _join_rows([line for line in rest if line.x1 <= gutter]),
        _join_rows([line for line in rest if line.x0 >= gutter]),
        _join_rows([line for line in rest if line.x0 < gutter < line.x1]),
    ]
    return "\n\n".join(part for part in parts if part), 2


def find_gutter(lines: list[TextLine], width: float) -> float | None:
    """The x of an empty vertical strip that splits the page into two columns of real text, if any.

    Right-aligned dates and places beside job titles are not a column: a column's lines start at
    one left edge, each of its lines shares a row with a title on the left, and the bullet lines of
    a single-column page usually run across the strip.
    """
    lines = [line for line in lines if len(line.text) > 1]
    if len(lines) < 8:
        return None
    total = sum(len(line.text) for line in lines)
    candidates: list[tuple[int, float, float]] = []  # (lines crossing, -share, x)
    step = max(width / 100, 2.0)
    x = width * 0.2
    while x <= width * 0.8:
        left = [line for line in lines if line.x1 <= x]
        right = [line for line in lines if line.x0 >= x]
        crossing = len(lines) - len(left) - len(right)
        if len(left) >= 4 and len(right) >= 4 and crossing <= MAX_CROSSING * len(lines):
            chars = min(sum(len(line.text) for line in left), sum(len(line.text) for line in right))
            share = round(chars / total, 3)
            if (
                share >= MIN_COLUMN_SHARE
                and _left_aligned_share(right) >= 0.4
                and (share >= PAIRED_MIN_SHARE or _paired_share(left, right) < MAX_PAIRED)
            ):
                candidates.append((crossing, -share, x))
        x += step
    if not candidates:
        return None
    # Fewest lines cut, most balanced; then the middle of that empty strip.
    best = min(candidates)[:2]
    xs = [x for crossing, share, x in candidates if (crossing, share) == best]
    return (xs[0] + xs[-1]) / 2


def _paired_share(left: list[TextLine], right: list[TextLine]) -> float:
    """Share of right-hand lines that sit on the same row as some left-hand line."""
    return sum(1 for r in right if any(_same_row(r, line) for line in left)) / len(right)


def _same_row(a: TextLine, b: TextLine) -> bool:
    return min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * min(a.y1 - a.y0, b.y1 - b.y0)


def _join_row(pieces: list[TextLine]) -> str:
    """Pieces of one row left to right; a wide gap (title ... dates) becomes `` | ``."""
    text = pieces[0].text
    for before, piece in zip(pieces, pieces[1:], strict=False):
        wide = piece.x0 - before.x1 > 2 * (piece.y1 - piece.y0)
        text += (" | " if wide else " ") + piece.text
    return text


def _left_aligned_share(lines: list[TextLine]) -> float:
    edge = min(line.x0 for line in lines)
    return sum(1 for line in lines if line.x0 <= edge + 8) / len(lines)


def _join_rows(lines: list[TextLine]) -> str:
    """Top to bottom, row by row; a blank line at a wide vertical gap."""
    rows: list[list[TextLine]] = []
    for line in sorted(lines, key=lambda item: -item.y1):
        row = rows[-1] if rows else None
        if row and _same_row(row[0], line):
            row.append(line)
        else:
            rows.append([line])
    out: list[str] = []
    previous: list[TextLine] | None = None
    for row in rows:
        height = max(item.y1 - item.y0 for item in row)
        if (
            previous is not None
            and min(item.y0 for item in previous) - max(i.y1 for i in row) > height
        ):
            out.append("")
        out.append(_join_row(sorted(row, key=lambda item: item.x0)))
        previous = row
    return "\n".join(out)
