"""Tagging: longest match, spans, and ambiguous words only in context."""

from __future__ import annotations

import pytest

from skills_taxonomy import Taxonomy


def ids(taxonomy: Taxonomy, text: str, *, skills_list: bool = False) -> list[str]:
    return [s.entry_id for s in taxonomy.tag(text, skills_list=skills_list)]


def test_spans_point_into_the_text(mini: Taxonomy) -> None:
    text = "Closed deals in Salesforce Sales Cloud and HubSpot CRM; k8s."
    spans = mini.tag(text)
    assert [(s.entry_id, s.text) for s in spans] == [
        ("closing", "Closed deals"),
        ("salesforce-sales-cloud", "Salesforce Sales Cloud"),
        ("hubspot", "HubSpot CRM"),
        ("kubernetes", "k8s"),
    ]
    assert all(text[s.start : s.end] == s.text for s in spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salesforce Sales Cloud", ["salesforce-sales-cloud"]),  # longest wins over Salesforce
        ("MEDDPICC and MEDDIC", ["meddpicc", "meddic"]),
        ("C++, C# and Java", ["cpp", "csharp", "java"]),
        ("JavaScript not Java", ["javascript", "java"]),
        ("cold calling and lead gen", ["cold-calling", "lead-generation"]),
        ("SQL and NoSQL stores", ["sql", "nosql"]),
        ("SALESFORCE ADMIN", ["salesforce"]),
        ("tags: c#, c++ and amazon-web-services", ["csharp", "cpp", "aws"]),
        ("we wrote c# daily", ["csharp"]),  # no word looks like c#: no list needed
    ],
)
def test_plain_matches(mini: Taxonomy, text: str, expected: list[str]) -> None:
    assert ids(mini, text) == expected


AMBIGUOUS_IN_CONTEXT = [
    ("Built sequences in Outreach for the team", "outreach"),
    ("Reviewed Gong calls weekly", "gong"),
    ("Pipeline tracking using Excel pivot tables", "excel"),
    ("Services written in Go and Python", "go"),
    ("Python, R and SQL", "r"),
    ("Embedded firmware in C", "c"),
    ("Word, Excel, PowerPoint", "word"),
    ("Word, Excel, PowerPoint", "excel"),
    ("Daily stand-ups on Teams", "microsoft-teams"),
    ("Skills: Outreach, Gong, Close", "close-crm"),
    ("Tools - Excel", "excel"),
    ("Logged every call in Close", "close-crm"),
    ("Posted openings on Indeed", "indeed"),
    ("Writing, Excel, PowerPoint", "writing"),
    ("Gong-certified trainer", "gong"),
    ("Gong or similar call recorders", "gong"),
    ("Go or another compiled language", "go"),
    ("Salesforce, Close, HubSpot", "close-crm"),
    # lower case, a curated ambiguous name reads as the skill that generates it
    ("Salesforce, HubSpot, negotiation, close, cold calling", "closing"),
    ("prospecting, discovery, close, negotiation", "closing"),
    ("Led discovery, close, and renewal", "closing"),
]


@pytest.mark.parametrize(("text", "expected"), AMBIGUOUS_IN_CONTEXT)
def test_ambiguous_in_context(mini: Taxonomy, text: str, expected: str) -> None:
    assert expected in ids(mini, text)


AMBIGUOUS_OUT_OF_CONTEXT = [
    "I excel at building relationships",
    "Excel at building relationships",
    "Community outreach and volunteering",
    "Led outreach to new accounts",
    "Outreach to 40 prospects a day",
    "Rang the gong after every deal",
    "Go the extra mile",
    "Ready to go live",
    "Drove Go-to-market planning",
    "Sold to the C-suite",
    "Grade C",
    "Invested in R&D",
    "Close deals with enterprise buyers",
    "close the quarter strong",
    "Worked in cross-functional teams",
    "In a word, reliable",
    "Word of mouth referrals",
    "John C. Smith",
    "Geography (C) Maths (A) Physics (B)",
    "Bengaluru - Email me on Indeed: someone@example.com",
    "Indeed, the quarter closed early",
    "put it in writing",
    "prospecting, lead generation, close deals",
    "Led discovery, close, and renewal",
]


@pytest.mark.parametrize("text", AMBIGUOUS_OUT_OF_CONTEXT)
def test_ambiguous_out_of_context(mini: Taxonomy, text: str) -> None:
    tagged = ids(mini, text)
    ambiguous = {"excel", "outreach", "gong", "go", "c", "r", "close-crm", "word", "indeed"}
    assert not (ambiguous | {"microsoft-teams", "writing"}) & set(tagged), tagged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("excel, word, go, R", ["excel", "word", "go", "r"]),
        ("Windows or Linux, c, OR", ["perioperative-nursing"]),
        ("Outreach; Gong; Salesforce", ["outreach", "gong", "salesforce"]),
    ],
)
def test_skills_list_tags_ambiguous_words(mini: Taxonomy, text: str, expected: list[str]) -> None:
    assert ids(mini, text, skills_list=True) == expected


def test_without_skills_list_lower_case_ambiguous_words_stay_untagged(mini: Taxonomy) -> None:
    assert ids(mini, "excel, word, go, R") == []


@pytest.mark.parametrize(
    ("text", "tagged"),
    [("sql, python", True), ("We query sql daily", False), ("SQL daily", True)],
)
def test_lower_case_acronyms_need_a_list(mini: Taxonomy, text: str, tagged: bool) -> None:
    assert ("sql" in ids(mini, text)) is tagged


def test_tagger_is_built_once(mini: Taxonomy) -> None:
    mini.tag("Salesforce")
    assert mini.tagger is mini.tagger


def test_empty_text(mini: Taxonomy) -> None:
    assert mini.tag("") == []


# --- on the shipped data -------------------------------------------------------------------------

AMBIGUOUS_WORDS = (
    "Excel, Word, Outreach, Gong, Go, R, C, Spark, Chef, Swift, Teams, Zoom, Slack, Access, "
    "Challenger, Sandler, Epic"
)


def test_shipped_skills_list_tags_every_ambiguous_tool(shipped: Taxonomy) -> None:
    spans = shipped.tag(AMBIGUOUS_WORDS, skills_list=True)
    assert [s.text for s in spans] == AMBIGUOUS_WORDS.split(", ")


def test_shipped_ambiguous_words_in_prose_stay_untagged(shipped: Taxonomy) -> None:
    text = (
        "I excel at building teams. Lead a team of 5, close deals, run a pilot program, zoom in "
        "on details, slack time, word of mouth, access to leadership, a challenger mindset, an "
        "epic quarter, go live, spark joy."
    )
    tagged = {s.text.lower() for s in shipped.tag(text)}
    assert not tagged & {"excel", "lead", "close", "pilot", "zoom", "slack", "word", "access"}
    assert not tagged & {"challenger", "epic", "go", "spark"}


def test_shipped_ambiguous_words_in_tool_context(shipped: Taxonomy) -> None:
    text = (
        "Built sequences in Outreach, reviewed Gong calls, modelled pipeline using Excel, wrote "
        "services in Go and Python, charted in Epic, used Slack and Zoom daily."
    )
    tagged = [s.text for s in shipped.tag(text)]
    for word in ("Outreach", "Gong", "Excel", "Go", "Python", "Epic", "Slack", "Zoom"):
        assert word in tagged
