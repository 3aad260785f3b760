"""A ``Document`` into a ``Resume``: sections, contact, roles, skills, education, credentials and
metrics.

A pure function of its inputs: the same document, taxonomy and reference date give the same record.
"""

from __future__ import annotations

import re
from datetime import date

from extract.certifications import find_certifications
from extract.contact import extract_contact
from extract.dates import RANGE_RE, find_ranges
from extract.education import extract_education
from extract.experience import extract_roles, total_years
from extract.metrics import find_metrics
from extract.records import Document, DocWarning, Education, Experience, Resume, Section
from extract.sections import RESUME_HEADINGS, find_sections, split_lines
from extract.skills import resume_skills, tag_sections
from skills_taxonomy import Taxonomy

# sections that may hold roles when a resume has no experience heading
_LAYOUT_SECTIONS = {"contact", "summary"}


def parse_resume(document: Document, taxonomy: Taxonomy, *, today: date | None = None) -> Resume:
    """Parse a resume. ``today`` resolves "Present" (defaults to the current date)."""
    today = today or date.today()
    text = unflatten(document.text)  # same length and offsets as the document's text
    warnings = list(document.warnings)
    sections = _split_summary(find_sections(text, RESUME_HEADINGS, "contact"))
    sections = _merge_into_experience(sections, text, today)
    if not any(section.kind == "experience" for section in sections):
        sections, inferred = _infer_experience(sections, today)
        message = (
            "no experience heading; roles were inferred from lines with dates"
            if inferred
            else "no experience section and no dated roles were found"
        )
        warnings.append(DocWarning(code="no_experience_section", message=message))

    roles: list[Experience] = []
    for section in sections:
        if section.kind == "experience":
            roles.extend(extract_roles(section.text, section.start, today))
    if roles and all(role.start is None for role in roles):
        warnings.append(
            DocWarning(code="no_dates", message="no role has dates; years cannot be counted")
        )
    elif any(role.start is None for role in roles):
        warnings.append(DocWarning(code="undated_roles", message="some roles have no dates"))

    tags = tag_sections(sections, taxonomy)
    contact_text = "".join(s.text for s in sections if s.kind == "contact")
    summary = next(
        (s.text.strip() for s in sections if s.kind == "summary" and s.text.strip()), None
    )
    metric_text = "\n".join(s.text for s in sections if s.kind != "contact")
    return Resume(
        text=text,
        format=document.format,
        sections=sections,
        contact=extract_contact(contact_text or text[:500], text),
        summary=summary,
        # the contact block never feeds the score; a credential after the name ("RN") still counts
        skills=resume_skills([t for t in tags if t.section != "contact"], taxonomy, roles, today),
        experience=roles,
        total_years=total_years(roles, today),
        education=_education(sections, text),
        certifications=find_certifications(tags, taxonomy),
        metrics=find_metrics(metric_text),
        warnings=warnings,
    )


_LONG_LINE = 300
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")


def unflatten(text: str) -> str:
    """Text that lost its line breaks (very long lines whose parts are separated by runs of
    spaces) gets a break in place of the last space of each run; offsets do not change."""
    if all(len(line) <= _LONG_LINE for line in text.splitlines()):
        return text
    lines = []
    for line in text.splitlines(keepends=True):
        if len(line) > _LONG_LINE:
            kept = [m.span() for m in RANGE_RE.finditer(line)]  # never split a date range

            def _break(gap: re.Match[str], kept: list[tuple[int, int]] = kept) -> str:
                if any(start <= gap.start() < end for start, end in kept):
                    return gap.group(0)
                return gap.group(0)[:-1] + "\n"

            line = _GAP.sub(_break, line)
        lines.append(line)
    return "".join(lines)


_CONTACT_MARK = re.compile(r"@|https?://|www\.|linkedin\.com|\+?\d[\d ().-]{7,}\d")
_CONTACT_SCAN = 8  # contact details sit in the first lines
_SHORT_LINE = 4  # words: a location or a title line right after the details


def _split_summary(sections: list[Section]) -> list[Section]:
    """An untitled preamble holds the contact block (name to the last line with an e-mail, phone
    or link among the first lines) and then a summary, which is not contact details."""
    if not sections or sections[0].kind != "contact" or sections[0].heading is not None:
        return sections
    contact = sections[0]
    lines = split_lines(contact.text, contact.start)
    filled = [i for i, line in enumerate(lines) if line.stripped]
    if not filled:
        return sections
    marked = [i for i in filled[:_CONTACT_SCAN] if _CONTACT_MARK.search(lines[i].text)]
    last = marked[-1] if marked else filled[0]
    while (
        last + 1 < len(lines)
        and lines[last + 1].stripped
        and len(lines[last + 1].stripped.split()) <= _SHORT_LINE
    ):
        last += 1
    if last + 1 >= len(lines) or not contact.text[lines[last].end - contact.start :].strip():
        return sections
    split_at = lines[last].end
    offset = split_at - contact.start
    head = contact.model_copy(update={"end": split_at, "text": contact.text[:offset]})
    summary = Section(
        kind="summary", heading=None, start=split_at, end=contact.end, text=contact.text[offset:]
    )
    return [head, summary, *sections[1:]]


def _education(sections: list[Section], text: str) -> list[Education]:
    in_sections = [
        record
        for section in sections
        if section.kind == "education"
        for record in extract_education(section.text, in_education_section=True)
    ]
    return in_sections or extract_education(text, in_education_section=False)


# kinds whose sections hardly ever hold dated roles: a dated one inside the experience part is a
# role line mistaken for a heading ("CDMA Technologies")
_ABSORBED = {"skills", "summary", "languages", "achievements", "contact"}


def _merge_into_experience(sections: list[Section], text: str, today: date) -> list[Section]:
    merged: list[Section] = []
    for section in sections:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.kind == "experience"
            and section.kind in _ABSORBED
            and find_ranges(section.text, today)
        ):
            merged[-1] = previous.model_copy(
                update={"end": section.end, "text": text[previous.start : section.end]}
            )
            continue
        merged.append(section)
    return merged


def _infer_experience(sections: list[Section], today: date) -> tuple[list[Section], bool]:
    """Without an experience heading, the first date-range line (and the short lines just above it)
    starts an experience section that runs to the end of the section holding it."""
    for index, section in enumerate(sections):
        if section.kind not in _LAYOUT_SECTIONS:
            continue
        lines = split_lines(section.text, section.start)
        dated = [i for i, line in enumerate(lines) if find_ranges(line.text, today)]
        if not dated:
            continue
        first = dated[0]
        while (
            first > 0
            and first > dated[0] - 2
            and lines[first - 1].stripped
            and len(lines[first - 1].stripped) <= 90
        ):
            first -= 1
        if section.kind == "contact" and first == 0:
            first = min(1, dated[0])  # keep the name line as contact
        split_at = lines[first].start
        before = Section(
            kind=section.kind,
            heading=section.heading,
            start=section.start,
            end=split_at,
            text=section.text[: split_at - section.start],
        )
        inferred = Section(
            kind="experience",
            heading=None,
            start=split_at,
            end=section.end,
            text=section.text[split_at - section.start :],
        )
        replacement = [part for part in (before, inferred) if part.text.strip()]
        return sections[:index] + replacement + sections[index + 1 :], True
    return sections, False
