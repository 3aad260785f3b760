"""Dates as people write them on resumes, and the arithmetic of months.

Rules (documented in docs/DECISIONS.md by the lead if wanted):
- A year alone starts in January and, as the end of a range, ends in December (inclusive):
  ``2018 – 2020`` is 2018-01..2020-12, 36 months. A lone year is 12 months.
- Seasons: spring 03-05, summer 06-08, fall/autumn 09-11, winter 12-02 (of the following year).
- Two-digit years (``'19``) are 20xx when not later than next year, else 19xx.
- ``present``, ``now``, ``current(ly)``, ``today``, ``till date``, ``to date``, ``ongoing`` end a
  range at the reference date (today by default); such a range is ``current``.
- Months are counted inclusively: Jan 2019 – Mar 2019 is 3 months.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "fall": (9, 11),
    "autumn": (9, 11),
    "winter": (12, 2),
}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_SHORT_YEAR = r"['’‘`]\d\d"
DATE_PATTERN = (
    rf"(?:(?:{_MONTH}|{_SEASON})\s*,?\s*(?:{_YEAR}|{_SHORT_YEAR})"
    rf"|(?:0?[1-9]|1[0-2])\s*[/.]\s*{_YEAR}"
    rf"|{_YEAR}\s*[-/.]\s*(?:0[1-9]|1[0-2])(?![\d])"
    rf"|{_YEAR}|{_SHORT_YEAR})"
)
PRESENT_PATTERN = (
    r"(?:present|now|current(?:ly)?|today|till\s+date|to\s+date|ongoing|date|heute|actual)"
)
_SEP = r"\s*(?:[-–—‒―~]+|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b)\s*"

RANGE_RE = re.compile(
    rf"(?<![\w$])(?<!\d[-/.])(?P<a>{DATE_PATTERN}|{_MONTH}(?=\s*[-–—]\s*{_MONTH}\s*,?\s*{_YEAR}))"
    rf"{_SEP}(?P<b>{DATE_PATTERN}|{PRESENT_PATTERN})(?![\w%])",
    re.IGNORECASE,
)
# "1995-99", "1982 – 84": a two-digit end year above 12 (so "2010-11" stays November 2010)
SHORT_END_RE = re.compile(rf"(?<![\w$])(?<!\d[-/.])(?P<a>{_YEAR})\s*[-–—]\s*(?P<b>\d\d)(?![\w%/.])")
DATE_RE = re.compile(rf"(?<![\w$])(?<!\d[-/.]){DATE_PATTERN}(?![\w%])", re.IGNORECASE)
PRESENT_RE = re.compile(rf"^{PRESENT_PATTERN}$", re.IGNORECASE)
_NUMERIC_MY = re.compile(rf"^(0?[1-9]|1[0-2])\s*[/.]\s*({_YEAR})$")
_NUMERIC_YM = re.compile(rf"^({_YEAR})\s*[-/.]\s*(0[1-9]|1[0-2])$")


@dataclass(frozen=True, order=True)
class YearMonth:
    year: int
    month: int

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @classmethod
    def from_date(cls, day: date) -> YearMonth:
        return cls(day.year, day.month)

    @classmethod
    def parse_iso(cls, text: str) -> YearMonth:
        year, month = text.split("-")[:2]
        return cls(int(year), int(month))

    def index(self) -> int:
        return self.year * 12 + self.month - 1


@dataclass(frozen=True)
class DateValue:
    """One written date: its first and last month (a year alone spans Jan..Dec)."""

    first: YearMonth
    last: YearMonth


@dataclass(frozen=True)
class DateRange:
    start: YearMonth
    end: YearMonth  # the reference month when current
    current: bool
    text: str
    begin: int  # character offsets in the searched text
    finish: int

    @property
    def months(self) -> int:
        return months_between(self.start, self.end)


def months_between(start: YearMonth, end: YearMonth) -> int:
    """Inclusive count of months; 0 when the end is before the start."""
    return max(0, end.index() - start.index() + 1)


def _year(token: str, today: date) -> int:
    token = token.strip()
    if token[0] in "'’‘`":
        short = int(token[1:])
        return 2000 + short if 2000 + short <= today.year + 1 else 1900 + short
    return int(token)


def parse_date(text: str, today: date, *, month_only_year: int | None = None) -> DateValue | None:
    """One date token: ``Jan 2019``, ``03/2018``, ``2021-09``, ``Summer 2019``, ``'19``."""
    token = " ".join(text.strip().lower().replace(",", " ").split())
    if match := _NUMERIC_MY.match(token):
        ym = YearMonth(int(match.group(2)), int(match.group(1)))
        return DateValue(ym, ym)
    if match := _NUMERIC_YM.match(token):
        ym = YearMonth(int(match.group(1)), int(match.group(2)))
        return DateValue(ym, ym)
    words = token.replace(".", " ").split()
    if not words:
        return None
    if len(words) == 1 and words[0][:3] in MONTHS and month_only_year is not None:
        ym = YearMonth(month_only_year, MONTHS[words[0][:3]])
        return DateValue(ym, ym)
    if len(words) == 1:
        if not re.fullmatch(rf"{_YEAR}|{_SHORT_YEAR}", words[0]):
            return None
        year = _year(words[0], today)
        return DateValue(YearMonth(year, 1), YearMonth(year, 12))
    head, year_token = words[0], words[-1]
    if not re.fullmatch(rf"{_YEAR}|{_SHORT_YEAR}", year_token):
        return None
    year = _year(year_token, today)
    if head in SEASONS:
        first, last = SEASONS[head]
        return DateValue(YearMonth(year, first), YearMonth(year + (last < first), last))
    if head[:3] in MONTHS:
        ym = YearMonth(year, MONTHS[head[:3]])
        return DateValue(ym, ym)
    return None


def find_ranges(text: str, today: date) -> list[DateRange]:
    """Every date range in ``text`` (``Jan 2019 – Present``, ``2018 – 2020``, ``2019-now`` ...)."""
    ranges: list[DateRange] = []
    reference = YearMonth.from_date(today)
    for match in RANGE_RE.finditer(text):
        a_text, b_text = match.group("a"), match.group("b")
        current = bool(PRESENT_RE.match(" ".join(b_text.lower().split())))
        end_value = None if current else parse_date(b_text, today)
        if not current and end_value is None:
            continue
        year_hint = end_value.first.year if end_value else None
        start_value = parse_date(a_text, today, month_only_year=year_hint)
        if start_value is None:
            continue
        end = reference if end_value is None else end_value.last
        if end < start_value.first:
            continue
        ranges.append(
            DateRange(start_value.first, end, current, match.group(0), match.start(), match.end())
        )
    for match in SHORT_END_RE.finditer(text):
        start_year, end_short = int(match.group("a")), int(match.group("b"))
        if end_short <= 12 or any(r.begin <= match.start() < r.finish for r in ranges):
            continue
        end_year = start_year // 100 * 100 + end_short
        end_year += 100 if end_year < start_year else 0
        ranges.append(
            DateRange(
                YearMonth(start_year, 1),
                YearMonth(end_year, 12),
                False,
                match.group(0),
                match.start(),
                match.end(),
            )
        )
    ranges.sort(key=lambda r: r.begin)
    return ranges


def find_single_dates(text: str, today: date) -> list[DateRange]:
    """Dates that are not part of a range, each as a range over its own months."""
    taken = [(r.begin, r.finish) for r in find_ranges(text, today)]
    found: list[DateRange] = []
    for match in DATE_RE.finditer(text):
        if any(begin <= match.start() < finish for begin, finish in taken):
            continue
        value = parse_date(match.group(0), today)
        if value is None:
            continue
        found.append(
            DateRange(value.first, value.last, False, match.group(0), match.start(), match.end())
        )
    return found


def merged_months(intervals: list[tuple[YearMonth, YearMonth]]) -> int:
    """Months covered by the union of inclusive intervals (overlaps counted once)."""
    spans = sorted((start.index(), end.index()) for start, end in intervals if end >= start)
    total = 0
    current_start: int | None = None
    current_end = -1
    for start, end in spans:
        if current_start is None or start > current_end + 1:
            if current_start is not None:
                total += current_end - current_start + 1
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_start is not None:
        total += current_end - current_start + 1
    return total


# --- years of experience asked for ("3–5 years", "7+ years", "at least three years") ---

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "twenty": 20,
    "a": 1,
    "an": 1,
}
_N = (
    r"(?:\d{1,2}(?:\.\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|twenty)(?:\s*\(\d{1,2}\))?"
)
_YRS = r"(?:\+\s*)?(?:years?|yrs?)\b\.?(?!\s*(?:old|ago))"
_YEARS_PATTERNS = [
    rf"(?P<a>{_N})\s*\+?\s*(?:-|–|—|to)\s*(?P<b>{_N})\s*(?P<plus>\+)?\s*{_YRS}",
    rf"(?:minimum|min\.?|at\s+least|no\s+less\s+than)\s*(?:of\s+)?(?P<a>{_N})\s*\+?\s*{_YRS}",
    rf"(?P<a>{_N})\s*(?:\+|plus)\s*(?:years?|yrs?\.?)",
    rf"(?P<a>{_N})\s*(?:or\s+more|and\s+above|or\s+greater)\s+(?:years?|yrs?)",
    rf"(?P<a>{_N})\s*(?:years?|yrs?\.?)\s*(?:or\s+more|\+|minimum|min\.?)",
    rf"(?<![\w.])(?P<a>{_N})\s*(?:full\s+)?{_YRS}",
]
YEARS_RULES = [re.compile(pattern, re.IGNORECASE) for pattern in _YEARS_PATTERNS]


def _number(token: str) -> float:
    token = token.strip().lower()
    if "(" in token:  # "three (3)"
        token = token.split("(")[0].strip()
    return float(NUMBER_WORDS[token]) if token in NUMBER_WORDS else float(token)


def years_asked(text: str) -> tuple[float, float | None] | None:
    """The (min, max) years a requirement line asks for; "2-4+ years" reads as (2, None)."""
    found = [(m.start(), rank, m) for rank, p in enumerate(YEARS_RULES) if (m := p.search(text))]
    for _start, _rank, match in sorted(found, key=lambda item: item[:2])[:1]:
        pattern = match.re
        low = _number(match.group("a"))
        if "b" not in pattern.groupindex:
            return low, None
        high = _number(match.group("b"))
        if match.group("plus"):
            return low, None
        return (low, high) if high >= low else (high, low)
    return None
