"""Sales achievement figures: quota attainment, quota, revenue, deal size, pipeline, meetings,
rankings, awards, retention, win rate and growth.

Patterns run in priority order; each figure (the number itself) is claimed by the first pattern that
reads it, so "128% of a $1.2M quota" gives one attainment (128) and one quota (1,200,000).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from extract.records import Metric, MetricKind

NUM = r"\d{1,4}(?:[.,]\d+)?"
PCT = rf"(?P<v>{NUM})\s?%"
MONEY = (
    r"(?:[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:mm|bn|million|billion|thousand|[kmb])(?![a-z]))?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:mm|bn|million|billion|thousand|[kmb])?\s?(?:USD|EUR|GBP|dollars))"
)
M = rf"(?P<m>{MONEY})"
_GOAL_WORDS = (
    r"(?:(?:my|the|an?|annual|quarterly|yearly|monthly|team|sales|revenue|assigned|individual"
    r"|new business)\s+)*"
)
# "of quota", "of annual quota", "of SQO quota", "of monthly sales target"; not "target accounts"
_GOAL = (
    rf"{_GOAL_WORDS}(?:[A-Za-z][\w-]*\s+){{0,2}}?(?:quota|plan|target|goal)s?\b"
    r"(?!\s+(?:accounts?|market|audience|customers?|list|companies|industries|segments?))"
)
_FILL = r"(?:\s*\+)?\s*(?:in\s+|of\s+)?"
_YEAR_WORDS = r"(?:year|quarter|month)"
_CURRENCY = {"$": "USD", "€": "EUR", "£": "GBP"}
_MULT = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
}


def parse_money(text: str) -> tuple[float, str]:
    """``$1.2M`` -> (1200000.0, "USD"); ``€45k`` -> (45000.0, "EUR")."""
    unit = next((code for sign, code in _CURRENCY.items() if sign in text), None)
    upper = text.upper()
    for code in ("USD", "EUR", "GBP"):
        if code in upper:
            unit = code
    found = re.search(
        r"(\d[\d,]*(?:\.\d+)?)\s?(mm|bn|million|billion|thousand|[kmb])?", text, re.IGNORECASE
    )
    assert found is not None
    value = float(found.group(1).replace(",", ""))
    if found.group(2):
        value *= _MULT[found.group(2).lower()]
    return value, unit or "USD"


def _percent(match: re.Match[str]) -> float:
    return float(match.group("v").replace(",", "."))


@dataclass(frozen=True)
class _Rule:
    kind: MetricKind
    pattern: re.Pattern[str]
    value: str  # "percent", "exceeded_by", "money", "count", "rank", "rank_pct", "award", "none"


def _rule(kind: MetricKind, pattern: str, value: str) -> _Rule:
    return _Rule(kind, re.compile(pattern, re.IGNORECASE), value)


RULES: list[_Rule] = [
    _rule(
        "quota_attainment",
        rf"{PCT}\s*\+?\s*(?:of|to|against|vs\.?|versus)\s+(?:(?:an?\s+)?{MONEY}\s+)?{_GOAL}",
        "percent",
    ),
    _rule(
        "quota_attainment",
        rf"{PCT}\s*\+?\s*(?:quota\s+|plan\s+)?(?:attainment|achievement|of\s+quota)",
        "percent",
    ),
    _rule(
        "quota_attainment",
        rf"(?:quota|plan)\s+(?:attainment|achievement)\s*(?:of|:|at|was|rate of)?\s*{PCT}",
        "percent",
    ),
    _rule(
        "quota_attainment",
        rf"(?:attainment|achievement)\s*(?:of|:|at|was|rate of)\s*{PCT}",
        "percent",
    ),
    _rule(
        "quota_attainment",
        rf"(?:exceed|surpass|beat|outperform|over-?achiev)\w*\s+{_GOAL}\s+by\s+{PCT}",
        "exceeded_by",
    ),
    _rule(
        "quota_attainment",
        rf"(?:achiev|attain|hit|reach|deliver|finish|averag"
        rf"|clos)\w*\s+(?:at\s+)?{PCT}(?=[^.\n]{{0,40}}\b(?:quota|plan|target|goal))",
        "percent",
    ),
    _rule("quota", rf"{M}\s+{_GOAL_WORDS}quota", "money"),
    _rule(
        "quota",
        rf"quota\s*(?:of|:|was|is)?\s*(?:roughly|approximately|about|around|~|over|nearly)?\s*{M}",
        "money",
    ),
    _rule(
        "deal_size",
        rf"(?:average|avg\.?|mean|typical|largest)\s+(?:deal|contract|ticket|sale)s?\s*(?:size"
        rf"|value)?\s*(?:of|:|was|is|at|=)?\s*(?:~|approximately|over|around|about)?\s*{M}",
        "money",
    ),
    _rule("deal_size", rf"(?:ads|acv per deal)\s*(?:of|:)?\s*{M}", "money"),
    _rule("deal_size", rf"{M}\s+(?:average|avg\.?)\s+(?:deal|contract|ticket)", "money"),
    _rule(
        "deal_size",
        rf"(?:deals|contracts)\s+(?:averaging|avg\.?|worth an average of)\s+{M}",
        "money",
    ),
    _rule(
        "pipeline",
        rf"{M}{_FILL}(?:(?:new|qualified|sales|sourced|outbound|inbound"
        rf"|net[- ]new)\s+)*pipe(?:line)?",
        "money",
    ),
    _rule("pipeline", rf"pipeline\s+(?:of|worth|valued at|totaling|totalling|:|=)\s*{M}", "money"),
    # "Grew marketing-sourced pipeline 65% YoY in 2024, to $12M"
    _rule("pipeline", rf"pipeline\b[^.;\n$]{{0,40}}?\bto\s+{M}", "money"),
    _rule(
        "retention",
        rf"(?:nrr|ndr|grr|net\s+(?:revenue|dollar)\s+retention|gross\s+(?:revenue\s+)?retention"
        rf"|(?:customer\s+|logo\s+|client\s+|account\s+)?retention(?:\s+rate)?"
        rf"|renewal\s+rate)\s*(?:\([a-z]{{2,4}}\)\s*)?"
        rf"(?:of|:|at|to|was|rate of|above|over|of at least|at least|>|≥)?\s*{PCT}",
        "percent",
    ),
    _rule(
        "retention",
        rf"{PCT}\s+(?:nrr|ndr|grr|net\s+(?:revenue|dollar)\s+retention|gross\s+retention"
        rf"|(?:customer\s+|logo\s+)?retention|renewal\s+rate|renewals)",
        "percent",
    ),
    _rule("retention", rf"churn(?:\s+rate)?\s*(?:of|:|at|to|below|under|was)?\s*{PCT}", "percent"),
    _rule("retention", rf"{PCT}\s+(?:churn|logo churn|gross churn)", "percent"),
    _rule(
        "win_rate",
        rf"(?:win|close|closing|conversion)\s+(?:rate|ratio)\s*(?:from\s+\d{{1,3}}\s?%\s+)?"
        rf"(?:of|:|at|to|was)?\s*{PCT}",
        "percent",
    ),
    _rule("win_rate", rf"{PCT}\s+(?:win|close|closing)\s+(?:rate|ratio)", "percent"),
    _rule(
        "meetings",
        r"(?P<v>\d{1,4})\s*\+?\s*(?:(?:qualified|discovery|sales|new|first|initial|outbound|intro"
        r"|net[- ]new)\s+)*(?:meetings|appointments|demos|opportunities|sqls"
        r"|sqos)\s*(?:booked|set|scheduled|held)?\s*(?:per|a|/|each|every|an?)\s*(?P<p>month|week"
        r"|quarter|day|year|mo|wk|qtr)\b",
        "count",
    ),
    _rule(
        "meetings",
        r"(?:book|set|schedul|generat|sourc|secur|ran|held|deliver)\w*\s+(?:an\s+average\s+of\s+"
        r"|avg\.?\s+|over\s+|more\s+than\s+)?(?P<v>\d{1,4})\s*\+?\s*(?:\w+\s+){0,2}?(?:meetings"
        r"|appointments|demos)",
        "count",
    ),
    _rule("ranking", r"#\s?(?P<v>\d{1,3})\s+(?:out\s+)?of\s+(?P<of>\d{1,5})", "rank"),
    _rule(
        "ranking",
        r"(?:rank|finish|place)\w*\s+(?:#\s?|no\.\s?|number\s+)?(?P<v>\d{1,3})(?:st|nd|rd"
        r"|th)?\s+(?:(?:out\s+)?of\s+(?P<of>\d{1,5}))?",
        "rank",
    ),
    _rule("ranking", r"top\s+(?P<v>\d{1,3})\s+(?:out\s+)?of\s+(?P<of>\d{1,5})", "rank"),
    _rule("ranking", r"top\s+(?P<v>\d{1,2}(?:\.\d)?)\s?%", "rank_pct"),
    _rule(
        "ranking",
        r"(?:#|no\.\s?|number\s)(?P<v>\d{1,3})\s+(?:rep|seller|ae|sdr|bdr|performer"
        r"|account executive|salesperson|producer|in\s+(?:the\s+)?(?:region|company|team|nation"
        r"|country))",
        "rank",
    ),
    _rule(
        "award",
        r"(?:(?P<v>\d{1,2})\s?[x×]\s+)?(?:president'?s'?|presidents|chairman'?s|achiever'?s"
        r"|pinnacle)\s+club|rookie\s+of\s+the\s+(?:year|quarter)|(?:closer|rep|seller|salesperson"
        r"|sdr|bdr|ae|account executive|performer|hunter|employee|newcomer)\s+of\s+the\s+(?:year"
        r"|quarter|month)|top\s+performer|circle\s+of\s+excellence|winner'?s\s+circle"
        r"|club\s+winner|sales\s+mvp",
        "award",
    ),
    _rule(
        "growth",
        rf"(?:grew|grow|growing|increas\w*|expand\w*|boost\w*|improv\w*|rais\w*|lift\w*"
        rf"|accelerat\w*)\s+(?:[\w$'-]+\s+){{0,5}}?by\s+{PCT}",
        "percent",
    ),
    _rule(
        "growth", rf"(?:grew|increased|expanded|boosted)\s+(?:[\w'-]+\s+){{0,3}}?{PCT}", "percent"
    ),
    _rule(
        "growth",
        rf"{PCT}\s+(?:yoy\s+|year[- ]over[- ]year\s+|y/y\s+|annual\s+|qoq\s+)?(?:growth|increase"
        rf"|uplift|improvement|expansion|rise)",
        "percent",
    ),
    _rule("growth", rf"{PCT}\s+(?:yoy|year[- ]over[- ]year|y/y)", "percent"),
    _rule(
        "revenue",
        rf"{M}{_FILL}(?:(?:new|net[- ]new|total|annual|recurring|closed[- ]won|first[- ]year"
        rf"|incremental|software|saas|product|territory|expansion|upsell)\s+)*(?:arr|acv|tcv|mrr"
        rf"|bookings|revenue|sales|business|closed[- ]won|new logos?|contract value|deals"
        rf"|contracts|in\s+deals|in\s+pledges|in\s+gifts|in\s+donations)",
        "money",
    ),
    # the size of what someone ran: "a $4.2M store", "a $3.6M book of business"
    _rule(
        "revenue", rf"{M}\s+(?:store|book\s+of\s+business|portfolio|territory|region|p&l)", "money"
    ),
    _rule(
        "revenue",
        rf"(?:arr|acv|tcv|mrr|bookings|revenue|sales|closed[- ]won)\s+(?:of|worth|totaling"
        rf"|totalling|:|=|exceeding|over)\s*{M}",
        "money",
    ),
    _rule(
        "revenue",
        rf"(?:closed|generated|sold|booked|drove|delivered|brought\s+in|signed|won"
        rf"|produced|raised)\s+(?:over\s+|more\s+than\s+|nearly\s+|approximately\s+|~)?{M}",
        "money",
    ),
]
# job postings ask for attainment without a figure: "consistent quota over-attainment"
UNVALUED_ATTAINMENT = re.compile(
    r"(?:quota|plan|target)\s+over-?(?:attainment|achievement)"
    r"|over-?achiev\w*\s+(?:of\s+)?(?:quota|targets?|plan)"
    r"|(?:exceed|surpass|beat|meet|hit|achiev)\w*\s+(?:\w+\s+)?(?:quotas?|sales targets?|targets)\b"
    r"|quota\s+attainment|track record of (?:over-?)?achiev\w*"
    r"|attainment\s+(?:of\s+[\w\s]{0,30}?quota|at or above (?:plan|quota|target))",
    re.IGNORECASE,
)
# other figure-less asks: "track record on net revenue retention", "record of growing a territory"
UNVALUED_OTHER: list[tuple[MetricKind, re.Pattern[str]]] = [
    ("retention", re.compile(r"(?:track record|record|history)\b[^.\n]{0,40}?\bretention\b", re.I)),
    ("growth", re.compile(r"(?:track record|record|history)\s+(?:of|in)\s+growing\b", re.I)),
]
_FIGURE_AFTER = re.compile(r"\s*\(?\s*(?P<v>\d{2,3})\s?%\s*\+?\s*\)?")
_PERIOD_RE = re.compile(
    r"\b(?:FY\s?'?\d{2,4}|Q[1-4]\s?(?:FY\s?)?'?\d{2,4}|H[12]\s?(?:FY\s?)?'?\d{2,4}|(?:19"
    r"|20)\d\d)\b",
    re.IGNORECASE,
)
_PER_PERIOD = {"mo": "month", "wk": "week", "qtr": "quarter"}


def _period(text: str, start: int, end: int) -> str | None:
    """The nearest FY/quarter/year written on the same line as the figure."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    best: tuple[int, str] | None = None
    for match in _PERIOD_RE.finditer(text, line_start, line_end):
        distance = min(abs(match.start() - end), abs(start - match.end()))
        if best is None or distance < best[0]:
            best = (distance, " ".join(match.group(0).split()))
    return best[1] if best else None


def _value(rule: _Rule, match: re.Match[str]) -> tuple[float | None, str | None, float | None]:
    """(value, unit, of) for one match."""
    if rule.value == "percent":
        return _percent(match), "percent", None
    if rule.value == "exceeded_by":
        return 100 + _percent(match), "percent", None
    if rule.value == "money":
        value, unit = parse_money(match.group("m"))
        return value, unit, None
    if rule.value == "count":
        return float(match.group("v")), "count", None
    if rule.value == "rank":
        of = match.groupdict().get("of")
        return float(match.group("v")), "rank", float(of) if of else None
    if rule.value == "rank_pct":
        return float(match.group("v")), "percent", None
    if rule.value == "award":
        count = match.group("v")
        return (float(count), "count", None) if count else (None, None, None)
    return None, None, None


def _value_span(rule: _Rule, match: re.Match[str]) -> tuple[int, int]:
    for group in ("v", "m"):
        if group in match.re.groupindex and match.group(group) is not None:
            return match.span(group)
    return match.span()


# "128% of quota in FY2024 and 114% in FY2025": the second figure is attainment too
_FOLLOWING = re.compile(
    r"(?:\s+(?:in|for|during)\s+[\w']+)?\s*(?:,\s*and|,|;|and|&)\s+"
    r"(?P<v>\d{1,4}(?:\.\d+)?)\s?%(?P<rest>\s+(?:in|for|during)\s+[\w']+)?"
)


def _following_attainments(
    text: str, end: int, claim: Callable[[tuple[int, int]], bool]
) -> list[tuple[int, Metric]]:
    found: list[tuple[int, Metric]] = []
    while (match := _FOLLOWING.match(text, end)) is not None and claim(match.span("v")):
        snippet = " ".join(text[match.start("v") : match.end()].split())
        period = _period(text, match.start("v"), match.end())
        if match.group("rest"):
            period = _period(match.group("rest"), 0, 0) or period
        metric = Metric(
            kind="quota_attainment",
            value=float(match.group("v")),
            unit="percent",
            period=period,
            text=snippet,
        )
        found.append((match.start("v"), metric))
        end = match.end()
    return found


def find_metrics(text: str, *, unvalued: bool = False) -> list[Metric]:
    """Every figure in ``text`` in reading order; ``unvalued`` adds figure-less attainment asks."""
    found: list[tuple[int, Metric]] = []
    claimed: list[tuple[int, int]] = []
    matched: list[tuple[int, int]] = []  # whole matches, so an unvalued ask never repeats a figure

    def claim(span: tuple[int, int]) -> bool:
        if any(s < span[1] and span[0] < e for s, e in claimed):
            return False
        claimed.append(span)
        return True

    for rule in RULES:
        for match in rule.pattern.finditer(text):
            if not claim(_value_span(rule, match)):
                continue
            matched.append(match.span())
            value, unit, of = _value(rule, match)
            period = None
            if rule.kind == "meetings" and match.groupdict().get("p"):
                period = _PER_PERIOD.get(match.group("p").lower(), match.group("p").lower())
            period = period or _period(text, match.start(), match.end())
            snippet = " ".join(match.group(0).split())
            metric = Metric(
                kind=rule.kind, value=value, unit=unit, period=period, text=snippet, of=of
            )
            found.append((match.start(), metric))
            if rule.kind == "quota_attainment":
                found.extend(_following_attainments(text, match.end(), claim))
    if unvalued:
        asks = [("quota_attainment", UNVALUED_ATTAINMENT), *UNVALUED_OTHER]
        for kind, pattern in asks:
            for match in pattern.finditer(text):
                overlaps = any(s < match.end() and match.start() < e for s, e in matched)
                if overlaps or not claim(match.span()):
                    continue
                # "over-achievement of quota (110%+)": the figure right after gives the value
                figure = _FIGURE_AFTER.match(text, match.end())
                value = float(figure.group("v")) if figure and claim(figure.span("v")) else None
                end = figure.end() if figure else match.end()
                snippet = " ".join(text[match.start() : end].split())
                metric = Metric(kind=kind, value=value, unit="percent", text=snippet)
                found.append((match.start(), metric))
    found.sort(key=lambda item: item[0])
    return [metric for _, metric in found]
