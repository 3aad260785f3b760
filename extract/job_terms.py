"""Small readers for job postings: seniority, alternatives, education fields, travel, pay and
work mode."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.metrics import parse_money
from extract.records import Compensation, GroupKind, WorkMode

_SENIORITY: list[tuple[str, str]] = [
    (
        "executive",
        r"\b(chief|ceo|cro|cfo|coo|cto|cmo|cio|(?<!vice )president|managing director|"
        r"general manager)\b",
    ),
    ("vp", r"\b(vp|svp|evp|avp|vice[- ]president)\b"),
    ("director", r"\b(director|head of)\b"),
    (
        "manager",
        r"(?<!account )(?<!territory )(?<!product )(?<!project )(?<!program )(?<!case )"
        r"(?<!property )"
        r"(?<!office )(?<!success )(?<!key account )\bmanager\b|\bsupervisor\b",
    ),
    (
        "principal",
        r"\b(principal|distinguished|staff (?:software |data |ml |machine learning )?"
        r"(?:engineer|scientist|developer|designer|architect))\b",
    ),
    ("lead", r"\b(lead|team lead)\b"),
    (
        "senior",
        r"\b(senior|sr\.?|snr|enterprise|strategic|major accounts?|global accounts?|iii|iv)(?!\w)",
    ),
    ("intern", r"\b(intern|internship|co-?op|working student)\b"),
    (
        "junior",
        r"\b(junior|jr\.?|entry[- ]level|graduate|trainee|associate|apprentice|new grad|"
        r"sales development rep\w*|business development rep\w*|sdr|bdr)(?!\w)",
    ),
]
_SENIORITY_RES = [(level, re.compile(pattern, re.IGNORECASE)) for level, pattern in _SENIORITY]


def seniority_of(title: str | None) -> str | None:
    """intern .. executive from title words ("Sr.", "Enterprise", "Lead"); "mid" when none apply."""
    if not title:
        return None
    for level, pattern in _SENIORITY_RES:
        if pattern.search(title):
            return level
    return "mid"


_OR_GAP = re.compile(r"^\s*[(,]?\s*(?:or|and/or|/|\|)\s*\(?\s*$", re.IGNORECASE)
_LIST_GAP = re.compile(r"^\s*,\s*$")
# words that introduce examples of what comes before ("a CRM such as Salesforce or HubSpot")
_EXAMPLE_MARKER = re.compile(
    r"(?<![\w.])(?:such as|e\.g\.?,?|eg\.|like|including|i\.e\.?,?|for example|for instance|"
    r"ex\.|preferably|ideally)(?![\w])",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"\(([^()]*)\)")
# between a marker and the first example, and between examples
_TO_FIRST = re.compile(r"^[\s,:(]*$")
_BETWEEN = re.compile(r"^\s*(?:,|/|\||&)?\s*(?:or|and|and/or|nor)?\s*$", re.IGNORECASE)
# between a generic ask and its examples: nothing, or a word or two ("CRM platforms such as")
_GENERIC_GAP = re.compile(r"^\s*(?:[a-z][\w-]*\s+){0,2}[,(:]?\s*$")

Span = tuple[str, int, int]  # taxonomy id, start, end


@dataclass(frozen=True)
class SkillGroups:
    """The alternatives groups of one line, their kinds (parallel to ``groups``) and the start
    offsets of mentions that are only examples of a generic ask."""

    groups: list[list[str]]
    kinds: list[GroupKind]
    examples: set[int]


def _generic_before(text: str, spans: list[Span], used: set[int], position: int) -> int | None:
    """The tagged span right before an example list ("a CRM such as ..."), if any."""
    before = [i for i, span in enumerate(spans) if span[2] <= position and i not in used]
    if not before:
        return None
    last = max(before, key=lambda i: spans[i][2])
    return last if _GENERIC_GAP.match(text[spans[last][2] : position]) else None


def _example_group(
    text: str, spans: list[Span], used: set[int], members: list[int], opener: int, out: SkillGroups
) -> None:
    """Record one example list (with the generic before it when tagged) as a group."""
    if not members:
        return
    generic = _generic_before(text, spans, used | set(members), opener)
    chosen = ([generic] if generic is not None else []) + members
    ids = list(dict.fromkeys(spans[i][0] for i in chosen))
    if len(ids) < 2:
        return
    used.update(chosen)
    out.groups.append(ids)
    out.kinds.append("such_as" if generic is not None else "any_of")
    if generic is not None:
        head = spans[generic][0]
        out.examples.update(spans[i][1] for i in members if spans[i][0] != head)


def _spelled_out_before(text: str, parentheses: re.Match[str]) -> bool:
    """An acronym in parentheses whose letters start the words just before it."""
    acronym = parentheses.group(1).strip()
    if not re.fullmatch(r"[A-Z][A-Za-z&]{1,7}", acronym) or not acronym[1:].isupper():
        return False
    letters = acronym.replace("&", "").casefold()
    words = re.findall(r"[A-Za-z]+", text[: parentheses.start()])[-len(letters) :]
    return "".join(word[0] for word in words).casefold() == letters


def skill_groups(text: str, spans: list[Span]) -> SkillGroups:
    """Groups of ids any one of which meets the line. Skills in parentheses or after "such as",
    "e.g.", "including", "like" are examples: one group together with the generic ask before
    them when it is tagged (``such_as``: "a CRM such as Salesforce or HubSpot" -> [crm,
    salesforce, hubspot]), else a plain choice (``any_of``: "a customer-facing role (sales,
    customer service, teaching)"). Skills joined by "or" are a choice too ("MEDDIC or MEDDPICC")."""
    spans = sorted(spans, key=lambda span: span[1])
    out = SkillGroups([], [], set())
    used: set[int] = set()
    for match in _PARENTHESES.finditer(text):
        inside = [
            i
            for i, span in enumerate(spans)
            if match.start() < span[1] and span[2] < match.end() and i not in used
        ]
        if _spelled_out_before(text, match):
            continue  # "Customer Relationship Management (CRM)": a name and its short form
        _example_group(text, spans, used, inside, match.start(), out)
    for match in _EXAMPLE_MARKER.finditer(text):
        chain: list[int] = []
        for i, span in enumerate(spans):
            if i in used or span[1] < match.end():
                continue
            previous = spans[chain[-1]][2] if chain else match.end()
            separator = _TO_FIRST if not chain else _BETWEEN
            if not separator.match(text[previous : span[1]]):
                break
            chain.append(i)
        _example_group(text, spans, used, chain, match.start(), out)
    free = [span for i, span in enumerate(spans) if i not in used]
    index = 0
    while index < len(free):
        chain_spans = [free[index]]
        has_or = False
        while index + 1 < len(free):
            gap = text[chain_spans[-1][2] : free[index + 1][1]]
            if _OR_GAP.match(gap):
                has_or = True
            elif not _LIST_GAP.match(gap):
                break
            chain_spans.append(free[index + 1])
            index += 1
        index += 1
        ids = list(dict.fromkeys(span[0] for span in chain_spans))
        if len(ids) > 1 and has_or:
            out.groups.append(ids)
            out.kinds.append("any_of")
    return out


_FIELD_STOP = re.compile(
    r"\bor\s+(?:a\s+)?(?:related|equivalent|similar)|[;.()\n]|\bor\s+equivalent", re.I
)


def education_fields(after_degree: str) -> list[str]:
    """``in Business, Marketing or a related field`` -> ["Business", "Marketing"]."""
    match = re.match(r"\s*(?:degree\s+)?(?:in|of)\s+(.*)", after_degree, re.IGNORECASE)
    if not match:
        return []
    body = _FIELD_STOP.split(match.group(1), maxsplit=1)[0]
    parts = re.split(r",|/|\bor\b|\band\b", body)
    return [
        p.strip()
        for p in parts
        if p.strip() and len(p.strip().split()) <= 4 and p.strip()[0].isupper()
    ]


_TRAVEL_RES = [
    re.compile(
        r"(?P<v>\d{1,3})\s?%\s*(?:\+\s*)?(?:of\s+(?:the\s+)?time\s+)?(?:domestic\s+|overnight\s+|international\s+)?travel",
        re.I,
    ),
    re.compile(
        r"travel\w*\s*(?:\(|:|-|–|up\s+to|approximately|about|around|of|required|is|will be|\s)*"
        r"(?P<v>\d{1,3})\s?%",
        re.I,
    ),
]


def travel_percent(text: str) -> float | None:
    for pattern in _TRAVEL_RES:
        if match := pattern.search(text):
            return float(match.group("v"))
    return None


_AMOUNT = r"[$€£]\s?\d[\d,]*(?:\.\d+)?\s?(?:k|K|m|M)?(?![\w])"
_RANGE = re.compile(
    rf"(?P<a>{_AMOUNT}|\d[\d,]*(?:\.\d+)?\s?[kK]?)\s*(?:-|–|—|to)\s*"
    rf"(?P<b>{_AMOUNT}|\d[\d,]*(?:\.\d+)?\s?[kKmM](?!\w))"
)
_SINGLE = re.compile(_AMOUNT)
_OTE = re.compile(
    r"\b(ote|on[- ]target(?: earnings)?|total (?:target )?comp(?:ensation)?|ttc|total earnings|"
    r"typical total|total pay|uncapped)\b",
    re.I,
)
_BASE = re.compile(
    r"\b(base|salary|pay range|base pay|annual pay|compensation range|per year|annually)\b", re.I
)
_NOT_PAY = re.compile(
    r"\b(quota|pipeline|arr|revenue|deal|funding|raised|valuation|series)\b", re.I
)


def _amounts(a: str, b: str | None) -> tuple[float, float | None, str]:
    high, currency = parse_money(b) if b else parse_money(a)
    if b and not re.search(r"[$€£]", b):
        currency = parse_money(a if re.search(r"[$€£]", a) else "$" + a)[1]
    if b is None:
        return high, None, currency
    low_text = a if re.search(r"[$€£]", a) else "$" + a
    low, _ = parse_money(low_text)
    if high >= 1000 and low < 1000 and not re.search(r"[kKmM]\s*$", a):
        low *= 1000 if re.search(r"[kK]\s*$", b) else 1e6  # "$80-100K"
    return low, high, currency


def _is_ote(text: str, nearest_last: bool = False) -> bool | None:
    """True for an OTE keyword, False for a base-pay keyword, None for neither; the keyword
    nearest the figure wins (the first one after it, or the last one before it)."""
    hits = [(m.start(), True) for m in _OTE.finditer(text)]
    hits += [(m.start(), False) for m in _BASE.finditer(text)]
    if not hits:
        return None
    return (max(hits) if nearest_last else min(hits))[1]


def compensation(text: str) -> Compensation | None:
    """Base and OTE ranges from "$80,000–$100,000 base, $160K–$200K OTE"."""
    found = Compensation()
    for line in text.splitlines():
        if not (
            _OTE.search(line)
            or _BASE.search(line)
            or re.search(r"\b(pay|compensation|salary)\b", line, re.I)
        ):
            continue
        taken: list[tuple[int, int]] = []
        candidates: list[tuple[int, int, float, float | None, str]] = []
        for match in _RANGE.finditer(line):
            low, high, currency = _amounts(match.group("a"), match.group("b"))
            candidates.append((match.start(), match.end(), low, high, currency))
            taken.append(match.span())
        for match in _SINGLE.finditer(line):
            if any(s <= match.start() < e for s, e in taken):
                continue
            value, _, currency = _amounts(match.group(0), None)
            candidates.append((match.start(), match.end(), value, value, currency))
        ordered = sorted(candidates)
        for number, (start, end, low, high, currency) in enumerate(ordered):
            if low < 10_000:
                continue
            window = line[max(0, start - 40) : end + 40]
            if _NOT_PAY.search(window) and not (_OTE.search(window) or _BASE.search(window)):
                continue
            after = line[end : ordered[number + 1][0] if number + 1 < len(ordered) else len(line)]
            before = line[ordered[number - 1][1] if number else 0 : start]
            # a label after the figure ("$80K base") up to the next separator, else the one before
            keyword_after = _is_ote(re.split(r"[;|,(]", after, maxsplit=1)[0])
            before_label = re.split(r"[;|,)]", before)[-1]
            is_ote = (
                keyword_after
                if keyword_after is not None
                else bool(_is_ote(before_label, nearest_last=True))
            )
            if is_ote and found.ote_min is None:
                found.ote_min, found.ote_max = low, high
            elif not is_ote and found.base_min is None:
                found.base_min, found.base_max = low, high
            found.currency = found.currency or currency
    return found if found.currency else None


def work_mode(text: str) -> WorkMode | None:
    lowered = text.lower()
    if re.search(r"\bhybrid\b", lowered):
        return "hybrid"
    if re.search(r"\b(?<!not )(?<!no )(fully )?remote\b(?!-first company)", lowered):
        return "remote"
    if re.search(r"\b(on-?site|in[- ]office|in[- ]person)\b", lowered):
        return "on-site"
    # work that cannot be remote: field sales, site visits, hospital shifts
    if re.search(
        r"\b(outside sales|field sales|site visits|company vehicle|night shift|day shift|"
        r"per shift|bedside|on the unit)\b",
        lowered,
    ):
        return "on-site"
    return None


# Sales work written as verbs ("Prospect into mid-market retailers", "negotiate and close",
# "Forecast in Clari"): the taxonomy names the skills as nouns, so these forms are read here.
# Both the imperative of postings and the past tense of resumes; taxonomy id -> pattern.
ACTION_SKILLS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (entry_id, re.compile(pattern, flags))
    for entry_id, pattern, flags in (
        (
            "prospecting",
            r"\bprospect(?:ed|s)?\b(?=\s+(?:and|into|for|in|across|within|new|net[- ]new)\b)",
            re.I,
        ),
        ("negotiation", r"\bnegotiat(?:e|es|ed|ing)\b", re.I),
        (
            "sales-forecasting",
            r"\bforecast(?:s|ed|ing)?\b(?=\s+(?:in|accurately|renewals|calls?|the|my|your|"
            r"revenue|pipeline|bookings|deals|quarterly|weekly|monthly)\b)",
            re.I,
        ),
        (
            "lead-qualification",
            r"\bqualif(?:y|ies|ied|ying)\s+(?:inbound\s+|outbound\s+|new\s+|incoming\s+)?"
            r"(?:leads|prospects)\b|\bqualif(?:y|ied|ying)\b[^.;\n]{0,30}\b(?:BANT|CHAMP|ANUM)\b",
            re.I,
        ),
        (
            "closing",
            r"\b(?:and|to)\s+close\b(?!\s+(?:plans?|dates?|the books|processes))|"
            r"\bclos(?:e|ed|ing)\s+(?:[$€£]?\d[\d.,]*\s?[KkMm]?\+?\s+)?(?:new\s+|net[- ]new\s+)?"
            r"(?:deals|business|orders|logos|accounts|contracts)\b|"
            r"\bclos(?:ed|ing)\s+(?:\d[\d.,]*%\s+of\s+(?:quota|plan|target)|[$€£]\d)|"
            r"\byears?\s+(?:of\s+)?(?:full[- ]cycle\s+)?closing\b",
            re.I,
        ),
        (
            "discovery-calls",
            r"\b(?:lead|led|run|ran|conduct(?:ed)?|technical)\s+discovery\b|"
            r"\bdiscovery\s+(?:and\s+demos?|calls?|meetings?|sessions?)\b",
            re.I,
        ),
        (
            "renewals",
            r"\brenewal\s+(?:conversations|negotiations?|process|motions?|cycles?)\b",
            re.I,
        ),
        (
            "customer-onboarding",
            r"\bonboarding\s+(?:plans?|for\s+(?:a|our)\b)|\bonboard(?:ed|ing)?\s+(?:new\s+)?"
            r"(?:customers|clients|accounts)\b",
            re.I,
        ),
        ("proof-of-concept-management", r"\bproofs?[- ]of[- ]concepts?\b", re.I),
        ("proof-of-concept-management", r"\bPoCs?\b|\bPOCs?\b", 0),
        (
            "sales-coaching",
            r"\bcoach(?:ed|es|ing)?\b[^.;\n]{0,25}\b(?:account executives|AEs|reps|sellers|"
            r"sales (?:team|reps|representatives))\b",
            re.I,
        ),
    )
)


def action_skills(text: str) -> list[tuple[str, int, int]]:
    """(taxonomy id, start, end) for each sales action written as a verb."""
    found: list[tuple[str, int, int]] = []
    for entry_id, pattern in ACTION_SKILLS:
        found.extend((entry_id, m.start(), m.end()) for m in pattern.finditer(text))
    return sorted(found, key=lambda item: item[1])
