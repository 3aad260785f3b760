"""Hand-written resumes and postings used across the matcher tests."""

from __future__ import annotations

from extract.records import DocWarning, Job, Metric
from skills_taxonomy import Taxonomy
from tests.matcher.records_factory import Line, ResumeSpec, Role, attainment, make_job


def enterprise_ae_job(taxonomy: Taxonomy) -> Job:
    return make_job(
        "Enterprise Account Executive",
        [
            Line("3+ years of closing experience as an Account Executive in B2B SaaS", years_min=3),
            Line("Daily use of Salesforce to manage pipeline and forecast accurately"),
            Line(
                "Experience running deals with MEDDIC or MEDDPICC",
                alternatives=[["meddic", "meddpicc"]],
            ),
            Line("Track record of 110%+ quota attainment"),
            Line("Strong prospecting and cold calling skills to build your own pipeline"),
            Line(
                "Experience with Gong or another conversation intelligence tool",
                importance="preferred",
            ),
            Line("Familiarity with Outreach sequences", importance="preferred"),
        ],
        taxonomy,
        seniority="senior",
        years_min=3,
        degree_min="bachelor",
        or_equivalent=True,
        metrics=[
            Metric(
                kind="quota_attainment", value=110, unit="percent", text="110%+ quota attainment"
            )
        ],
    )


def real_ae() -> ResumeSpec:
    return ResumeSpec(
        summary=(
            "Account Executive with five years of closing mid-market and enterprise SaaS deals."
        ),
        roles=[
            Role(
                "Senior Account Executive",
                "Northwind Software",
                "2022-01",
                None,
                [
                    "Closed $1.4M in new ARR in 2024, 124% of quota, ranked #2 of 18 AEs.",
                    (
                        "Ran MEDDPICC on every opportunity over "
                        "$50K and kept SFDC forecasts within 5%."
                    ),
                    "Built my own pipeline through cold calling and LinkedIn prospecting.",
                    "Reviewed discovery calls in Gong with my manager each week.",
                ],
            ),
            Role(
                "Account Executive",
                "Contoso Cloud",
                "2020-01",
                "2021-12",
                [
                    "Closed 38 new logos in B2B SaaS with an average deal size of $32K.",
                    "Managed a pipeline of 60 opportunities in SFDC.",
                ],
            ),
        ],
        skills_list=["SFDC", "Gong", "MEDDPICC", "Outreach"],
        metrics=[attainment(124)],
    )


def keyword_stuffer() -> ResumeSpec:
    return ResumeSpec(
        summary="Salesforce MEDDIC MEDDPICC Gong Outreach cold calling prospecting quota SaaS.",
        roles=[
            Role(
                "Barista",
                "Corner Coffee",
                "2021-03",
                None,
                [
                    "Prepared espresso drinks and handled the cash register during busy shifts.",
                    "Trained two new baristas on the opening checklist.",
                ],
            ),
        ],
        skills_list=[
            "Salesforce",
            "MEDDIC",
            "MEDDPICC",
            "Gong",
            "Outreach",
            "cold calling",
            "prospecting",
            "pipeline management",
            "Salesforce",
            "Salesforce",
        ],
        education=[],
    )


def junior_sdr() -> ResumeSpec:
    return ResumeSpec(
        summary="Sales development representative moving into a closing role.",
        roles=[
            Role(
                "Account Executive",
                "Fabrikam",
                "2024-07",
                None,
                [
                    "Closed 12 SMB deals in my first two quarters using Salesforce.",
                ],
            ),
            Role(
                "Sales Development Representative",
                "Fabrikam",
                "2023-01",
                "2024-06",
                [
                    "Booked 25 meetings per month through cold calling and Outreach sequences.",
                ],
            ),
        ],
        skills_list=["Salesforce", "Outreach"],
    )


def icu_rn_job(taxonomy: Taxonomy) -> Job:
    return make_job(
        "ICU Registered Nurse",
        [
            Line("Active RN licence in the state", years_min=None),
            Line("2+ years of ICU experience caring for critically ill patients", years_min=2),
            Line("BLS and ACLS certification"),
        ],
        taxonomy,
        years_min=2,
        degree_min="bachelor",
        fields=["Nursing"],
    )


def icu_nurse(with_licence: bool) -> ResumeSpec:
    return ResumeSpec(
        summary="Critical care nurse focused on ventilated and post-surgical patients.",
        roles=[
            Role(
                "Registered Nurse, Intensive Care Unit",
                "Mercy Hospital",
                "2021-05",
                None,
                [
                    (
                        "Cared for two critically ill ICU "
                        "patients per shift, including ventilated patients."
                    ),
                    "Titrated vasoactive drips and monitored hemodynamics in a 24-bed ICU.",
                ],
            ),
            Role(
                "Registered Nurse, Medical-Surgical",
                "Valley Clinic",
                "2019-06",
                "2021-04",
                [
                    "Managed five to six patients on a medical-surgical floor.",
                ],
            ),
        ],
        education=[("bachelor", "Nursing")],
        certifications=(["registered-nurse-licence"] if with_licence else [])
        + ["bls-certification", "acls-certification"],
    )


def crm_job(taxonomy: Taxonomy) -> Job:
    return make_job(
        "Account Manager",
        [
            Line("Hands-on experience with a CRM"),
            Line("2+ years managing a book of existing customer accounts", years_min=2),
        ],
        taxonomy,
        years_min=2,
    )


def hubspot_account_manager() -> ResumeSpec:
    return ResumeSpec(
        summary=None,
        roles=[
            Role(
                "Account Manager",
                "Blue Yonder Media",
                "2021-01",
                None,
                [
                    (
                        "Managed 45 customer accounts in HubSpot "
                        "and grew net revenue retention to 112%."
                    ),
                ],
            ),
        ],
    )


def two_column_warning() -> list[DocWarning]:
    return [
        DocWarning(code="two_columns", message="two-column layout"),
        DocWarning(code="hidden_text_white", message="white text on white background"),
    ]
