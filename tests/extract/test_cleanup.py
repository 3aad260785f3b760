"""Text repair shared by every format."""

from __future__ import annotations

import pytest

from extract.cleanup import (
    clean_text,
    collapse_hyphen_runs,
    map_ligatures,
    normalize_whitespace,
    rejoin_wrapped_words,
    remove_soft_hyphens,
    strip_cid,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Pro\ufb01cient in work\ufb02ows", "Proficient in workflows"),
        ("e\ufb00ective and e\ufb03cient, ba\ufb04ed", "effective and efficient, baffled"),
        ("(cid:127) Closed deals(cid:3)", " Closed deals"),
        (
            "on--\u2010campus, (909) 555--\u20105555, co\u2011founder",
            "on-campus, (909) 555-5555, co-founder",
        ),
        ("2019 -- 2021", "2019 -- 2021"),
    ],
)
def test_glyph_artefacts(raw: str, clean: str) -> None:
    assert collapse_hyphen_runs(strip_cid(map_ligatures(raw))) == clean


@pytest.mark.parametrize(
    ("raw", "drawn", "clean"),
    [
        ("Sales\xad\nforce", False, "Salesforce"),
        ("nego\xadtiation", False, "negotiation"),
        ("Co\xaddirector", True, "Co-director"),
        ("on--\xadcampus", True, "on---campus"),  # collapsed later by collapse_hyphen_runs
        ("2011 \xad 2012", True, "2011 - 2012"),
        ("pipe\xad\nline", True, "pipeline"),
    ],
)
def test_soft_hyphens(raw: str, drawn: bool, clean: str) -> None:
    assert remove_soft_hyphens(raw, drawn=drawn) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Led\t\r \xa0team", "Led team"),  # Quartz PDFs put these between words
        ("  Account\u2003Executive  \n\n\n\nQuota", "Account Executive\n\nQuota"),
        ("Closed\r\nwon", "Closed\nwon"),
        ("zero\u200bwidth\ufeff", "zerowidth"),
        ("\uf0e0 jo@example.com \uf095 555 0100", "jo@example.com 555 0100"),  # icon glyphs
        ("page one\fpage two", "page one\n\npage two"),
    ],
)
def test_whitespace(raw: str, clean: str) -> None:
    assert normalize_whitespace(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("reached 103\n% of quota", "reached 103% of quota"),
        ("pipeline manage-\nment", "pipeline management"),  # a suffix is no word of its own
        ("cross-\nfunctional teams", "cross-functional teams"),  # a compound keeps the hyphen
        ("search al-\ngorithms and ben-\nefits", "search algorithms and benefits"),  # syllables
        (
            "Salesforce-\nnative apps, Salesforce and native",
            "Salesforce-native apps, Salesforce and native",
        ),
        ("Sales\nforce admin", "Salesforce admin"),  # a known product name
        ("Hub\nSpot", "Hub\nSpot"),  # capitalised tail: could be a new line's first word
        ("used Outreach and Sales-\nLoft", "used Outreach and Sales-\nLoft"),
        ("Led the\nteam", "Led the\nteam"),  # ordinary line breaks stay
        ("onboarding\nprogram and on-\nboarding", "onboarding\nprogram and onboarding"),
        ("self-serve and self-\nserve", "self-serve and self-serve"),
    ],
)
def test_words_wrapped_across_lines(raw: str, clean: str) -> None:
    assert rejoin_wrapped_words(raw) == clean


def test_known_words_drive_plain_wraps() -> None:
    assert (
        rejoin_wrapped_words("used Lead\nfeeder daily", ["leadfeeder"]) == "used Leadfeeder daily"
    )
    assert rejoin_wrapped_words("used Lead\nfeeder daily") == "used Lead\nfeeder daily"


def test_clean_text_runs_every_repair() -> None:
    raw = "Pro\ufb01cient (cid:3)in Sales\nforce\xad\n\t\xa0 and 120\n%\r\n\n\n\nNext"
    assert clean_text(raw) == "Proficient in Salesforce and 120%\n\nNext"
