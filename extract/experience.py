"""Roles from an experience section: a line with a date range (or a lone date) anchors a role; the
short lines just above it and the rest of that line give title, employer and location; the lines
after it, up to the next role, are its bullets. Roles without dates are kept with null dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from extract.contact import LOCATION_RE
from extract.dates import (
    DATE_PATTERN,
    PRESENT_PATTERN,
    DateRange,
    YearMonth,
    find_ranges,
    find_single_dates,
    merged_months,
)
from extract.education import find_degrees
from extract.records import Experience
from extract.sections import Line, split_lines
from extract.wrapped_lines import BULLET_RE, continues, join_wrapped

_SPLIT_RE = re.compile(r"\s*(?:\||\t| {3,}|\s[–—-]\s|,\s|\s@\s|\sat\s|·|•)\s*")
_TITLE_RE = re.compile(
    r"\b(executive|manager|representative|rep|engineer|developer|director|analyst|consultant|"
    r"specialist|associate|intern|lead|officer|coordinator|administrator|designer|teacher|nurse|"
    r"accountant|assistant|scientist|architect|technician|agent|advisor|president|vp|head|founder|"
    r"sdr|bdr|ae|partner|owner|supervisor|clerk|cashier|recruiter|strategist|programmer|"
    r"salesperson|account|sales|marketing|business development|trainee|apprentice|buyer|"
    r"therapist|physician|pharmacist|paralegal|attorney|writer|editor|instructor|professor|"
    r"tester|administrator|operator|driver|chef|cook|server|mechanic|electrician|planner)\b",
    re.IGNORECASE,
)
_EMPLOYER_RE = re.compile(
    r"\b(inc|llc|ltd|corp|corporation|company|co|group|gmbh|plc|bank|university|college|"
    r"hospital|technologies|solutions|systems|labs|partners|agency|services)\b\.?",
    re.IGNORECASE,
)
_REMOTE_RE = re.compile(r"^\(?(remote|hybrid|on-?site)\)?$", re.IGNORECASE)


_OPEN_START = re.compile(rf"^\s*(?P<date>{DATE_PATTERN})\s*[-–—]\s*(?=\S)", re.IGNORECASE)
_CLOSING = re.compile(rf"^\s*(?:{PRESENT_PATTERN}|{DATE_PATTERN})(?![\w%])", re.IGNORECASE)


@dataclass
class _Anchor:
    index: int  # line index
    dates: DateRange | None


def _is_header_line(line: Line) -> bool:
    text = line.stripped
    return (
        bool(text) and len(text) <= 90 and not BULLET_RE.match(line.text) and not text.endswith(".")
    )


def _is_role_header(line: Line) -> bool:
    """A short line above a dated line that names the role; a wrapped bullet's tail
    ("ensuring clean, testable code") starts in lower case and is not one."""
    text = line.stripped.lstrip("#*_ ")
    return _is_header_line(line) and bool(text) and not text[0].islower()


def _line_dates(line: Line, today: date, next_text: str = "") -> DateRange | None:
    ranges = find_ranges(line.text, today)
    if ranges:
        return ranges[0]
    # "June 2020 – MERN Stack Developer, OpenAI" with "Present Working on ..." below it
    if (opened := _OPEN_START.match(line.text)) and (closing := _CLOSING.match(next_text)):
        joined = find_ranges(f"{opened.group('date')} – {closing.group(0)}", today)
        if joined:
            found = joined[0]
            return replace(found, text=opened.group(0).strip(), begin=0, finish=opened.end())
    singles = find_single_dates(line.text, today)
    # a lone date on a short header line (not a sentence that merely mentions a year); a year
    # alone only at the start or end of the line ("Acme Corp, 2019")
    if not singles or not _is_header_line(line) or len(line.stripped) > 70:
        return None
    single = singles[-1]
    edge = line.text.strip(" \t()[]|,-–—:*").strip()
    year_only = single.start.month == 1 and single.end.month == 12 and len(single.text) <= 4
    if year_only and not (edge.startswith(single.text) or edge.endswith(single.text)):
        return None
    return single


def _split_header(parts_text: list[str]) -> tuple[str | None, str | None, str | None]:
    """Title, employer and location from the header text of one role."""
    location = None
    pieces: list[str] = []
    for text in parts_text:
        found = LOCATION_RE.search(text)
        if found and location is None and found.end() >= len(text.rstrip(" )|-–—")) - 1:
            location = found.group(1)
            text = text[: found.start()] + text[found.end() :]
        for piece in _SPLIT_RE.split(text):
            piece = piece.strip(" ()[]|-–—,:;*_#")
            if not piece:
                continue
            if _REMOTE_RE.match(piece) and location is None:
                location = piece.strip("()")
                continue
            pieces.append(piece)
    title = next((p for p in pieces if _TITLE_RE.search(p) and not _EMPLOYER_RE.search(p)), None)
    rest = [p for p in pieces if p is not title]
    employer = next((p for p in rest if _EMPLOYER_RE.search(p)), rest[0] if rest else None)
    if title is None and rest:
        others = [p for p in rest if p is not employer]
        title = others[0] if others else None
    return title, employer, location


def _strip_dates(text: str, dates: DateRange | None) -> str:
    if dates is None:
        return text
    return text.replace(dates.text, " ")


def extract_roles(section_text: str, offset: int, today: date) -> list[Experience]:
    """Roles found in one experience section; offsets in the result are document offsets."""
    lines = split_lines(section_text, offset)
    anchors = [
        _Anchor(i, dates)
        for i, line in enumerate(lines)
        if not BULLET_RE.match(line.text)
        and (dates := _line_dates(line, today, lines[i + 1].text if i + 1 < len(lines) else ""))
        is not None
        and not find_degrees(line.text, in_education_section=False)
    ]
    if not anchors:
        return _undated_roles(lines)
    roles: list[Experience] = []
    # where each role's header begins: up to 2 short header lines directly above its anchor
    starts: list[int] = []
    floor = 0
    for anchor in anchors:
        first = anchor.index
        while first - 1 >= floor and first > anchor.index - 2 and _is_role_header(lines[first - 1]):
            first -= 1
        starts.append(first)
        floor = anchor.index + 1
    for number, anchor in enumerate(anchors):
        stop = starts[number + 1] if number + 1 < len(anchors) else len(lines)
        header = [lines[i].stripped for i in range(starts[number], anchor.index)]
        header.append(_strip_dates(lines[anchor.index].stripped, anchor.dates))
        body_start = anchor.index + 1
        if starts[number] == anchor.index:  # dates first: short lines below name the role
            while (
                body_start < stop
                and len(header) < 3
                and _is_header_line(lines[body_start])
                and len(lines[body_start].stripped) <= 70
            ):
                header.append(lines[body_start].stripped)
                body_start += 1
        bullets = join_wrapped([lines[i].text for i in range(body_start, stop)])
        title, employer, location = _split_header([h for h in header if h.strip()])
        dates = anchor.dates
        roles.append(
            Experience(
                title=title,
                employer=employer,
                location=location,
                start=dates.start.iso() if dates else None,
                end=None if dates is None or dates.current else dates.end.iso(),
                months=dates.months if dates else None,
                current=bool(dates and dates.current),
                bullets=bullets,
                text_start=lines[starts[number]].start,
                text_end=lines[stop - 1].end if stop > 0 else lines[anchor.index].end,
            )
        )
    preamble = lines[: starts[0]]
    if any(line.stripped for line in preamble):
        roles[0:0] = _undated_roles(preamble)
    return roles


def _undated_roles(lines: list[Line]) -> list[Experience]:
    """Without dates: a non-bullet header line followed by bullets is one role."""
    roles: list[Experience] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not _is_header_line(line) or index + 1 >= len(lines):
            index += 1
            continue
        bullets_end = index + 1
        while bullets_end < len(lines) and (
            BULLET_RE.match(lines[bullets_end].text)
            or (
                bullets_end > index + 1
                and continues(lines[bullets_end - 1].text, lines[bullets_end].text)
            )
        ):
            bullets_end += 1
        if bullets_end == index + 1:
            index += 1
            continue
        title, employer, location = _split_header([line.stripped])
        roles.append(
            Experience(
                title=title,
                employer=employer,
                location=location,
                start=None,
                end=None,
                months=None,
                bullets=join_wrapped([lines[i].text for i in range(index + 1, bullets_end)]),
                text_start=line.start,
                text_end=lines[bullets_end - 1].end,
            )
        )
        index = bullets_end
    return roles


def role_interval(role: Experience, today: date) -> tuple[YearMonth, YearMonth] | None:
    if role.start is None:
        return None
    end = YearMonth.from_date(today) if role.end is None else YearMonth.parse_iso(role.end)
    return YearMonth.parse_iso(role.start), end


def total_years(roles: list[Experience], today: date) -> float:
    """Years covered by the roles, overlapping roles merged, rounded to 0.1."""
    intervals = [span for role in roles if (span := role_interval(role, today)) is not None]
    return round(merged_months(intervals) / 12, 1)


def has_date_ranges(text: str, today: date) -> bool:
    return bool(find_ranges(text, today))
