"""Dates in every form people write them, ranges, overlaps and the years a posting asks for."""

from __future__ import annotations

from datetime import date

import pytest

from extract.dates import (
    YearMonth,
    find_ranges,
    find_single_dates,
    merged_months,
    months_between,
    years_asked,
)

TODAY = date(2024, 6, 15)


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("Jan 2019 – Present", "2019-01", "2024-06", True),
        ("January 2019 - Feb. 2021", "2019-01", "2021-02", False),
        ("03/2018 - now", "2018-03", "2024-06", True),
        ("3/2018 – 11/2019", "2018-03", "2019-11", False),
        ("2019-now", "2019-01", "2024-06", True),
        ("2021-09 to now", "2021-09", "2024-06", True),
        ("2018 – 2020", "2018-01", "2020-12", False),
        ("2018—2020", "2018-01", "2020-12", False),
        ("2010-2012", "2010-01", "2012-12", False),
        ("Sept 2021 – Mar 2022", "2021-09", "2022-03", False),
        ("Summer 2019 - Fall 2019", "2019-06", "2019-11", False),
        ("Jan '19 – Mar '21", "2019-01", "2021-03", False),
        ("2017 till date", "2017-01", "2024-06", True),
        ("May 2017 to Present", "2017-05", "2024-06", True),
        ("June 2020 - current", "2020-06", "2024-06", True),
        ("Oct 2015 — Currently", "2015-10", "2024-06", True),
        ("Jan — Mar 2020", "2020-01", "2020-03", False),
        ("Aug 2016 until Dec 2018", "2016-08", "2018-12", False),
        ("Account Executive | Acme | Apr 2020 – Jul 2022", "2020-04", "2022-07", False),
        ("1995-99: Legal Officer", "1995-01", "1999-12", False),
        ("1982 – 84", "1982-01", "1984-12", False),
        ("Feb. 2020 – Present", "2020-02", "2024-06", True),
        ("Jun '19 – Jan '24", "2019-06", "2024-01", False),
        ("Nov 2021 to present", "2021-11", "2024-06", True),
    ],
)
def test_date_ranges(text: str, start: str, end: str, current: bool) -> None:
    (found,) = find_ranges(text, TODAY)
    assert (found.start.iso(), found.end.iso(), found.current) == (start, end, current)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("Sept 2021", "2021-09", "2021-09"),
        ("Summer 2019", "2019-06", "2019-08"),
        ("'19", "2019-01", "2019-12"),
        ("2016", "2016-01", "2016-12"),
        ("Winter 2020", "2020-12", "2021-02"),
        ("12/2015", "2015-12", "2015-12"),
    ],
)
def test_single_dates(text: str, first: str, last: str) -> None:
    (found,) = find_single_dates(text, TODAY)
    assert (found.start.iso(), found.end.iso()) == (first, last)


@pytest.mark.parametrize(
    "text", ["call 555-2019", "$2019 in fees", "revenue up 2019%", "no dates here"]
)
def test_not_dates(text: str) -> None:
    assert find_ranges(text, TODAY) == []
    assert find_single_dates(text, TODAY) == []


def test_year_only_range_is_inclusive() -> None:
    (found,) = find_ranges("2018 – 2020", TODAY)
    assert found.months == 36


@pytest.mark.parametrize(
    ("spans", "months"),
    [
        ([("2019-01", "2019-12")], 12),
        ([("2019-01", "2019-12"), ("2019-07", "2020-06")], 18),  # overlap counted once
        ([("2019-01", "2019-06"), ("2019-07", "2019-12")], 12),  # adjacent
        ([("2015-01", "2015-12"), ("2018-01", "2018-12")], 24),  # a gap is not counted
        ([("2019-01", "2021-12"), ("2020-01", "2020-06")], 36),  # nested
        ([], 0),
    ],
)
def test_merged_months(spans: list[tuple[str, str]], months: int) -> None:
    intervals = [(YearMonth.parse_iso(a), YearMonth.parse_iso(b)) for a, b in spans]
    assert merged_months(intervals) == months


def test_months_between_is_inclusive() -> None:
    assert months_between(YearMonth(2019, 1), YearMonth(2019, 3)) == 3
    assert months_between(YearMonth(2019, 3), YearMonth(2019, 1)) == 0


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("3–5 years of B2B sales experience", 3, 5),
        ("3-5 years", 3, 5),
        ("3 to 5 yrs. closing", 3, 5),
        ("7+ years of quota-carrying experience", 7, None),
        ("minimum of 2 years in sales", 2, None),
        ("Minimum 4 years", 4, None),
        ("at least three years of closing", 3, None),
        ("At least two (2) years", 2, None),
        ("2-4+ years of SaaS", 2, None),
        ("five or more years", 5, None),
        ("10 years experience", 10, None),
        ("1+ year of SDR experience", 1, None),
    ],
)
def test_years_asked(text: str, low: float, high: float | None) -> None:
    assert years_asked(text) == (low, high)


@pytest.mark.parametrize(
    "text", ["founded 20 years ago", "must be 18 years old", "Salesforce experience"]
)
def test_no_years_asked(text: str) -> None:
    assert years_asked(text) is None
