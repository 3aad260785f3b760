"""Score arithmetic, bands, determinism and fairness (twins score identically)."""

from __future__ import annotations

import pytest

from matcher import Models, match
from matcher.records import Component
from matcher.scoring import band_of, normalise, score_of
from skills_taxonomy import Taxonomy
from tests.matcher import cases
from tests.matcher.records_factory import Person, make_resume


@pytest.mark.parametrize(
    ("score", "hard_flag", "band"),
    [
        (100.0, False, "strong"),
        (75.0, False, "strong"),
        (74.9, False, "good"),
        (60.0, False, "good"),
        (59.9, False, "partial"),
        (40.0, False, "partial"),
        (39.9, False, "weak"),
        (0.0, False, "weak"),
        (92.0, True, "partial"),
        (30.0, True, "weak"),
    ],
)
def test_bands(score: float, hard_flag: bool, band: str) -> None:
    assert band_of(score, hard_flag) == band


def test_weights_renormalise_over_applying_components() -> None:
    components = normalise(
        [
            Component(name="a", value=1.0, weight=0.3, reason=""),
            Component(name="b", value=0.5, weight=0.1, reason=""),
            Component(name="c", value=0.0, weight=0.0, reason="not asked", applies=False),
        ]
    )
    assert [c.weight for c in components] == [0.75, 0.25, 0.0]
    assert score_of(components) == 87.5


TWINS = [
    Person(),
    Person(
        name="Mohammed Al-Farsi",
        email="m.alfarsi@mail.example",
        phone="020 7946 0958",
        location="12 Baker Street, London",
        link="https://github.com/malfarsi",
        grad_year=1989,
    ),
    Person(
        name="Wei Zhang",
        email="wz@example.org",
        phone="+86 10 5555 1234",
        location="Chaoyang, Beijing",
        link="https://example.org/wz",
        grad_year=2021,
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("spec", [cases.real_ae, cases.junior_sdr, cases.keyword_stuffer])
def test_twins_differing_only_in_name_contact_grad_year_score_identically(
    spec,
    taxonomy: Taxonomy,
    models: Models,  # type: ignore[no-untyped-def]
) -> None:
    job = cases.enterprise_ae_job(taxonomy)
    reports = [match(make_resume(spec(), taxonomy, person), job, models) for person in TWINS]
    assert len({r.score for r in reports}) == 1
    dumps = {tuple((c.name, c.value, c.weight, c.reason) for c in r.components) for r in reports}
    assert len(dumps) == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("spec", "job"),
    [
        (cases.real_ae, cases.enterprise_ae_job),
        (cases.keyword_stuffer, cases.enterprise_ae_job),
        (lambda: cases.icu_nurse(False), cases.icu_rn_job),
        (cases.hubspot_account_manager, cases.crm_job),
    ],
)
def test_score_is_the_weighted_sum_of_its_components(
    spec,
    job,
    taxonomy: Taxonomy,
    models: Models,  # type: ignore[no-untyped-def]
) -> None:
    report = match(make_resume(spec(), taxonomy), job(taxonomy), models)
    applying = [c for c in report.components if c.applies]
    assert sum(c.weight for c in applying) == pytest.approx(1.0, abs=1e-3)
    recomputed = 100 * sum(c.weight * c.value for c in applying) / sum(c.weight for c in applying)
    assert report.score == round(recomputed, 1)
    assert all(0.0 <= c.value <= 1.0 for c in report.components)
    for component in report.components:
        if not component.applies:
            assert component.weight == 0.0 and "not scored" in component.reason
    assert {c.name for c in report.components} == {
        "required_skills",
        "preferred_skills",
        "experience_years",
        "requirement_evidence",
        "education",
        "certifications",
        "achievements",
        "title_fit",
    }


@pytest.mark.slow
def test_same_inputs_give_the_same_report_with_a_cold_or_warm_cache(
    taxonomy: Taxonomy,
    models: Models,
    onnx_encoder,  # type: ignore[no-untyped-def]
) -> None:
    from matcher import CachedEncoder

    resume, job = make_resume(cases.real_ae(), taxonomy), cases.enterprise_ae_job(taxonomy)
    warm = match(resume, job, models)
    again = match(resume, job, models)
    cold = match(resume, job, Models(taxonomy, CachedEncoder(onnx_encoder)))
    assert warm.model_dump() == again.model_dump() == cold.model_dump()
    assert warm.scorer == "jobfit-0.1.0+minilm-onnx-int8"


@pytest.mark.slow
def test_twin_resume_files_score_identically_through_the_extractor(
    taxonomy: Taxonomy, models: Models
) -> None:
    from extract import Document, parse_job, parse_resume
    from tests.matcher.conftest import FIXTURES

    base = (FIXTURES / "ae_resume.txt").read_text(encoding="utf-8")
    twin = base
    for old, new in [
        ("Dana Whitfield", "Mohammed Al-Farsi"),
        ("dana.whitfield@example.com", "m.alfarsi@mail.example"),
        ("(415) 555-0199", "+44 20 7946 0958"),
        ("San Francisco, CA\nlinkedin", "12 Baker Street, London\nlinkedin"),
        ("linkedin.com/in/danawhitfield", "github.com/malfarsi"),
        ("2016", "1991"),
    ]:
        assert old in twin
        twin = twin.replace(old, new)
    job = parse_job(
        Document(format="text", text=(FIXTURES / "ae_job.txt").read_text(encoding="utf-8")),
        taxonomy,
    )
    first, second = (
        match(parse_resume(Document(format="text", text=text), taxonomy), job, models)
        for text in (base, twin)
    )
    assert first.score == second.score
    assert first.components == second.components
