"""Every metric kind in several phrasings, with value, unit and period."""

from __future__ import annotations

import pytest

from extract.metrics import find_metrics, parse_money

CASES = [
    # quota attainment: value in percent
    ("Achieved 128% of quota", "quota_attainment", 128, "percent"),
    ("achieved 112% to plan", "quota_attainment", 112, "percent"),
    ("Exceeded quota by 20%", "quota_attainment", 120, "percent"),
    ("exceeded annual quota by 35%", "quota_attainment", 135, "percent"),
    ("143% quota attainment", "quota_attainment", 143, "percent"),
    ("Quota attainment: 131%", "quota_attainment", 131, "percent"),
    ("finished the year at 118% of target", "quota_attainment", 118, "percent"),
    ("110%+ attainment", "quota_attainment", 110, "percent"),
    ("closed 103\n% of quota", "quota_attainment", 103, "percent"),
    # quota
    ("Carried a $1.2M quota", "quota", 1_200_000, "USD"),
    ("annual quota of $850K", "quota", 850_000, "USD"),
    ("$900k annual quota", "quota", 900_000, "USD"),
    # revenue
    ("Closed $2.3M in new ARR", "revenue", 2_300_000, "USD"),
    ("$1.1M in bookings", "revenue", 1_100_000, "USD"),
    ("Generated €500k ACV", "revenue", 500_000, "EUR"),
    ("closed-won revenue of $4M", "revenue", 4_000_000, "USD"),
    ("sold over $750,000 of software", "revenue", 750_000, "USD"),
    # deal size
    ("average deal size $45K", "deal_size", 45_000, "USD"),
    ("Avg. deal size of $120k", "deal_size", 120_000, "USD"),
    ("deals averaging $60K", "deal_size", 60_000, "USD"),
    # pipeline
    ("Generated $3M in pipeline", "pipeline", 3_000_000, "USD"),
    ("built $1.5M of qualified pipeline", "pipeline", 1_500_000, "USD"),
    ("sourced pipeline of $2M", "pipeline", 2_000_000, "USD"),
    # meetings
    ("booked 25 meetings/month", "meetings", 25, "count"),
    ("Set 15+ qualified meetings per week", "meetings", 15, "count"),
    ("booked 40 demos a month", "meetings", 40, "count"),
    # ranking
    ("Ranked #2 of 18 reps", "ranking", 2, "rank"),
    ("top 3 of 12 AEs", "ranking", 3, "rank"),
    ("ranked 1st out of 40 reps", "ranking", 1, "rank"),
    ("Top 5% of the sales org", "ranking", 5, "percent"),
    ("#1 rep in the region", "ranking", 1, "rank"),
    # retention
    ("NRR 115%", "retention", 115, "percent"),
    ("115% net revenue retention", "retention", 115, "percent"),
    ("kept churn below 3%", "retention", 3, "percent"),
    ("98% renewal rate", "retention", 98, "percent"),
    # win rate
    ("win rate of 32%", "win_rate", 32, "percent"),
    ("28% close rate", "win_rate", 28, "percent"),
    # growth
    ("grew territory 40% YoY", "growth", 40, "percent"),
    ("Increased revenue by 35%", "growth", 35, "percent"),
    ("60% year-over-year growth", "growth", 60, "percent"),
    # more phrasings from the labelled set
    ("130% of expansion quota", "quota_attainment", 130, "percent"),
    ("105% of SQO quota for 2025", "quota_attainment", 105, "percent"),
    ("112% of monthly sales target", "quota_attainment", 112, "percent"),
    ("Net revenue retention (NRR) 118% in FY2025", "retention", 118, "percent"),
    ("net revenue retention above 110%", "retention", 110, "percent"),
    ("Raised team win rate from 19% to 27%", "win_rate", 27, "percent"),
    ("Ran a $4.2M store with 28 associates", "revenue", 4_200_000, "USD"),
    ("Own a $3.6M book of business", "revenue", 3_600_000, "USD"),
    ("raised $62K in gifts", "revenue", 62_000, "USD"),
    ("Grew marketing-sourced pipeline 65% YoY in 2024, to $12M", "pipeline", 12_000_000, "USD"),
    ("regional quota of roughly $12M", "quota", 12_000_000, "USD"),
]


@pytest.mark.parametrize(("text", "kind", "value", "unit"), CASES)
def test_metric_kinds(text: str, kind: str, value: float, unit: str) -> None:
    found = [m for m in find_metrics(text) if m.kind == kind]
    assert len(found) == 1, find_metrics(text)
    assert (found[0].value, found[0].unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("President's Club 2022", None),
        ("2x Presidents Club", 2),
        ("Rookie of the Year", None),
        ("Closer of the Quarter", None),
        ("Top Performer, Q4", None),
        ("Circle of Excellence winner", None),
    ],
)
def test_awards(text: str, count: float | None) -> None:
    (award,) = [m for m in find_metrics(text) if m.kind == "award"]
    assert award.value == count


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Achieved 128% of quota in FY2023", "FY2023"),
        ("Closer of the Quarter, Q3 2022", "Q3 2022"),
        ("Closed $1.4M in new ARR in 2024", "2024"),
        ("booked 25 meetings/month", "month"),
        ("Achieved 128% of quota", None),
    ],
)
def test_periods(text: str, period: str | None) -> None:
    assert find_metrics(text)[0].period == period


def test_each_figure_counted_once() -> None:
    found = find_metrics("Hit 128% of a $1.2M annual quota")
    assert [(m.kind, m.value) for m in found] == [("quota_attainment", 128), ("quota", 1_200_000)]


def test_ranking_keeps_the_field_size() -> None:
    (ranking,) = find_metrics("Ranked #2 of 18")
    assert (ranking.value, ranking.of) == (2, 18)


def test_unvalued_attainment_for_job_postings() -> None:
    found = find_metrics("Consistent quota over-attainment", unvalued=True)
    assert [(m.kind, m.value) for m in found] == [("quota_attainment", None)]
    assert find_metrics("Consistent quota over-attainment") == []
    valued = find_metrics("110%+ quota attainment", unvalued=True)
    assert [(m.kind, m.value) for m in valued] == [("quota_attainment", 110)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("$1.2M", 1.2e6, "USD"),
        ("€45k", 45e3, "EUR"),
        ("£2,500,000", 2.5e6, "GBP"),
        ("$3 billion", 3e9, "USD"),
    ],
)
def test_parse_money(text: str, value: float, unit: str) -> None:
    assert parse_money(text) == (value, unit)


def test_no_metrics_in_plain_text() -> None:
    assert find_metrics("Managed a territory in the Midwest and trained new hires.") == []


def test_a_second_attainment_in_the_same_sentence() -> None:
    found = find_metrics("Closed 128% of quota in FY2024 and 114% in FY2025")
    assert [(m.kind, m.value, m.period) for m in found] == [
        ("quota_attainment", 128, "FY2024"),
        ("quota_attainment", 114, "FY2025"),
    ]


@pytest.mark.parametrize(
    "text", ["spent 50% of my time on target accounts", "made 80 outbound calls a day"]
)
def test_not_metrics(text: str) -> None:
    assert find_metrics(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("consistent over-achievement of quota (110%+)", "quota_attainment", 110),
        ("Consistent attainment of meeting or pipeline quota", "quota_attainment", None),
        ("Track record on gross or net revenue retention", "retention", None),
        ("Record of growing a territory", "growth", None),
    ],
)
def test_job_asks(text: str, kind: str, value: float | None) -> None:
    assert [(m.kind, m.value) for m in find_metrics(text, unvalued=True)] == [(kind, value)]
