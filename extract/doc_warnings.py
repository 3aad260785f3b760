"""Document warnings shared by the format readers: hidden text and contact details in headers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from extract.records import DocWarning

LIGHT = 0.9  # a colour component at or above this (RGB, gray) reads as white on white paper
TINY_PT = 2.0

HIDDEN_MESSAGES = {
    "white": "text in white or near-white on a white background",
    "tiny": "text smaller than 2 pt",
    "offpage": "text placed outside the visible page",
    "vanish": "text formatted as hidden",
    "css": "text hidden by the page's styles (display:none, visibility:hidden)",
}

CONTACT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<!\d)(?:\+?\d[\d ().-]{7,}\d)(?!\d)")


def hidden_warnings(reasons: Iterable[str]) -> list[DocWarning]:
    """One ``hidden_text_<reason>`` warning per reason, with how many passages were removed."""
    return [
        DocWarning(
            code=f"hidden_text_{reason}",
            message=f"{count} passage(s) of {HIDDEN_MESSAGES[reason]} were removed and not scored",
        )
        for reason, count in Counter(reasons).items()
    ]


def has_contact(text: str) -> bool:
    return CONTACT.search(text) is not None


def contact_in_header_warning() -> DocWarning:
    return DocWarning(
        code="contact_in_header",
        message="contact details appear only in the page header or footer; "
        "many applicant tracking systems ignore headers",
    )
