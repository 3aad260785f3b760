"""Contact details from a resume's top lines: for display only, never read by the scorer."""

from __future__ import annotations

import re

from extract.records import Contact, Link

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE_RE = re.compile(
    r"(?<![\w/])(?:\+?\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)|\d{2,4})[\s.-]?\d{3,4}[\s.-]?\d{3,4}(?!\w)"
)
URL_RE = re.compile(
    r"(?:https?://)?(?:www\.)?(?:linkedin\.com/in/|github\.com/|gitlab\.com/)[\w\-./%]+"
    r"|https?://[\w\-./%?=&#]+",
    re.IGNORECASE,
)
_REGIONS = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|"
    "Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|"
    "Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|"
    "New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|"
    "South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|"
    "Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|England|Scotland|Wales|Ireland|"
    "Germany|France|Spain|Italy|Netherlands|India|Australia|Canada|Singapore|Japan|Brazil|Mexico|"
    "United States|United Kingdom|Karnataka|Maharashtra|Tamil Nadu|Telangana|Delhi|Haryana"
)
# "Boston, MA", "San Francisco, CA", "London, UK", "Austin, Texas"
LOCATION_RE = re.compile(
    rf"\b([A-Z][a-zA-Z.]+(?:[ -][A-Z][a-zA-Z.]+){{0,2}},\s*(?:[A-Z]{{2,3}}\b|(?:{_REGIONS})\b))"
)
_NAME_RE = re.compile(r"^[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]*){1,3}$")


def _link_kind(url: str) -> str:
    lowered = url.lower()
    for kind in ("linkedin", "github", "gitlab"):
        if kind in lowered:
            return kind
    return "website"


def extract_contact(header: str, full_text: str) -> Contact:
    """Name from the first name-like line; email, phone and links anywhere; location from the
    header."""
    name = None
    for raw in header.splitlines()[:6]:
        line = raw.strip().strip("#*").strip()
        if not line or EMAIL_RE.search(line) or any(ch.isdigit() for ch in line):
            continue
        candidate = line.split("|")[0].strip()
        if _NAME_RE.match(candidate) or (candidate.isupper() and 1 < len(candidate.split()) <= 4):
            name = candidate.title() if candidate.isupper() else candidate
            break
    email = EMAIL_RE.search(full_text)
    phone = None
    for match in PHONE_RE.finditer(header or full_text[:1000]):
        digits = re.sub(r"\D", "", match.group(0))
        if 7 <= len(digits) <= 15:
            phone = match.group(0).strip()
            break
    links: list[Link] = []
    for match in URL_RE.finditer(full_text):
        url = match.group(0).rstrip(".,;)")
        if email and url in email.group(0):
            continue
        if all(link.url != url for link in links):
            links.append(Link(kind=_link_kind(url), url=url))
    location_match = LOCATION_RE.search(header)
    return Contact(
        name=name,
        email=email.group(0) if email else None,
        phone=phone,
        location=location_match.group(1) if location_match else None,
        links=links,
    )
