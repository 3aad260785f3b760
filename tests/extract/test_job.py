"""Job postings: title, seniority, requirements with importance, alternatives, years, education,
compensation, travel, work mode."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import Document, Job, parse_job
from extract.job_terms import compensation, seniority_of, travel_percent, work_mode

FIXTURES = Path(__file__).parent / "fixtures"


def _job(taxonomy, text: str) -> Job:  # type: ignore[no-untyped-def]
    return parse_job(Document(format="text", text=text), taxonomy)


@pytest.fixture(scope="module")
def ae_job(taxonomy) -> Job:  # type: ignore[no-untyped-def]
    return _job(taxonomy, (FIXTURES / "ae_job.txt").read_text(encoding="utf-8"))


def test_title_seniority_location(ae_job: Job) -> None:
    assert ae_job.title == "Sr. Enterprise Account Executive"
    assert ae_job.seniority == "senior"
    assert ae_job.location and ae_job.location.startswith("Austin, TX")
    assert (ae_job.work_mode, ae_job.remote) == ("hybrid", False)
    assert ae_job.travel_percent == 25


def test_requirements_importance(ae_job: Job) -> None:
    importance = {r.text[:20]: r.importance for r in ae_job.requirements}
    assert importance["5–7 years of B2B Saa"] == "required"
    assert importance["Gong or Chorus call "] == "preferred"
    assert importance["2+ years of SDR expe"] == "preferred"


def test_years_main_ask(ae_job: Job) -> None:
    assert (ae_job.years_min, ae_job.years_max) == (5, 7)


def test_alternatives(ae_job: Job) -> None:
    by_text = {r.text.split()[0] + r.text.split()[-1]: r for r in ae_job.requirements}
    assert by_text["ExperienceMEDDPICC"].alternatives == [["meddic", "meddpicc"]]
    assert by_text["AHubSpot"].alternatives == [["crm-software", "salesforce", "hubspot"]]


def test_job_skills(ae_job: Job) -> None:
    skills = {s.id: s for s in ae_job.skills}
    assert skills["meddic"].importance == "required"
    assert skills["crm-software"].importance == "required"
    assert skills["gong"].importance == "preferred"
    # an example after "such as" is preferred, and so is a skill the duties name
    assert skills["hubspot"].importance == "preferred"
    assert skills["salesforce"].importance == "preferred" and skills["salesforce"].count == 2


def test_about_section_is_not_an_ask(ae_job: Job) -> None:
    assert {s.id: s.count for s in ae_job.skills}["hubspot"] == 1  # "we use HubSpot" in About us


def test_education_ask(ae_job: Job) -> None:
    education = ae_job.education
    assert (education.degree_min, education.or_equivalent) == ("bachelor", True)
    assert education.fields == ["Business", "Marketing"]


def test_metrics_and_compensation(ae_job: Job) -> None:
    assert [(m.kind, m.value) for m in ae_job.metrics] == [
        ("quota_attainment", None),
        ("quota_attainment", 110),
    ]
    comp = ae_job.compensation
    assert comp is not None
    assert (comp.base_min, comp.base_max, comp.ote_min, comp.ote_max, comp.currency) == (
        120_000,
        140_000,
        240_000,
        280_000,
        "USD",
    )


@pytest.mark.parametrize(
    ("heading", "line", "importance"),
    [
        ("Requirements", "Salesforce experience", "required"),
        ("Must have:", "Salesforce experience", "required"),
        ("What we're looking for", "Salesforce experience", "required"),
        ("Qualifications", "Salesforce experience", "required"),
        ("You have:", "Salesforce experience", "required"),
        ("Nice to have", "Salesforce experience", "preferred"),
        ("Bonus points", "Salesforce experience", "preferred"),
        ("Preferred Qualifications", "Salesforce experience", "preferred"),
        ("Requirements", "Salesforce experience is a plus", "preferred"),
        ("Requirements", "Ideally, Salesforce experience", "preferred"),
        ("Requirements", "Salesforce experience preferred", "preferred"),
        ("Nice to have", "Salesforce experience (required)", "required"),
    ],
)
def test_importance(taxonomy, heading: str, line: str, importance: str) -> None:  # type: ignore[no-untyped-def]
    job = _job(taxonomy, f"Account Executive\n\n{heading}\n- {line}\n")
    (requirement,) = job.requirements
    assert requirement.importance == importance
    assert requirement.skills == ["salesforce"]
    assert [s.importance for s in job.skills if s.id == "salesforce"] == [importance]


@pytest.mark.parametrize(
    ("lines", "low", "high"),
    [
        (["3–5 years of closing experience"], 3, 5),
        (["7+ years of quota-carrying sales experience"], 7, None),
        (["A minimum of 2 years in B2B sales"], 2, None),
        (["At least three years of sales experience"], 3, None),
        (["2-4+ years of SaaS sales experience"], 2, None),
        (["1+ year using Salesforce", "5+ years of B2B sales experience"], 5, None),
        (["5+ years of sales experience", "3+ years of SDR experience is a plus"], 5, None),
    ],
)
def test_job_years(taxonomy, lines: list[str], low: float, high: float | None) -> None:  # type: ignore[no-untyped-def]
    body = "\n".join(f"- {line}" for line in lines)
    job = _job(taxonomy, f"Account Executive\n\nRequirements\n{body}\n")
    assert (job.years_min, job.years_max) == (low, high)


def test_a_skill_required_and_preferred_is_required(taxonomy) -> None:  # type: ignore[no-untyped-def]
    job = _job(
        taxonomy,
        "AE\n\nRequirements\n- Salesforce\n\nNice to have\n- Salesforce experience in a startup\n",
    )
    (skill,) = [s for s in job.skills if s.id == "salesforce"]
    assert (skill.importance, skill.count) == ("required", 2)


def test_posting_without_headings(taxonomy) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Title: Account Executive\n"
        "We need 3+ years of sales experience and Salesforce. HubSpot is a plus.\n"
    )
    job = _job(taxonomy, text)
    assert job.title == "Account Executive"
    assert job.years_min == 3
    assert job.requirements and {s.id for s in job.skills} >= {"salesforce", "hubspot"}
    assert [w.code for w in job.warnings] == ["no_requirements_section"]


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Sr. Account Executive", "senior"),
        ("Senior Account Executive", "senior"),
        ("Enterprise Account Executive", "senior"),
        ("Account Executive", "mid"),
        ("Account Manager", "mid"),
        ("Sales Development Representative", "junior"),
        ("Senior SDR", "senior"),
        ("Staff Accountant", "mid"),
        ("Staff Software Engineer", "principal"),
        ("Junior SDR", "junior"),
        ("Associate Account Executive", "junior"),
        ("Sales Intern", "intern"),
        ("Lead Sales Engineer", "lead"),
        ("Principal Solutions Consultant", "principal"),
        ("Sales Manager", "manager"),
        ("Director of Sales", "director"),
        ("VP of Sales", "vp"),
        ("Chief Revenue Officer", "executive"),
        (None, None),
    ],
)
def test_seniority(title: str | None, level: str | None) -> None:
    assert seniority_of(title) == level


@pytest.mark.parametrize(
    ("text", "base", "ote", "currency"),
    [
        ("$80,000–$100,000 base, $160K–$200K OTE", (80_000, 100_000), (160_000, 200_000), "USD"),
        (
            "Base salary: $80,000 - $100,000; OTE $160K-$200K",
            (80_000, 100_000),
            (160_000, 200_000),
            "USD",
        ),
        ("OTE: $150K (50/50 split)", (None, None), (150_000, 150_000), "USD"),
        (
            "Pay: $45,000-$52,000 base plus commission (typical total $70K-$80K).",
            (45_000, 52_000),
            (70_000, 80_000),
            "USD",
        ),
        ("$80-100K base", (80_000, 100_000), (None, None), "USD"),
        ("The pay range is $95,000 to $120,000 per year", (95_000, 120_000), (None, None), "USD"),
        ("€60k–€70k base salary", (60_000, 70_000), (None, None), "EUR"),
    ],
)
def test_compensation(text: str, base: tuple, ote: tuple, currency: str) -> None:  # type: ignore[type-arg]
    comp = compensation(text)
    assert comp is not None
    assert ((comp.base_min, comp.base_max), (comp.ote_min, comp.ote_max), comp.currency) == (
        base,
        ote,
        currency,
    )


@pytest.mark.parametrize(
    "text", ["Quota: $1M", "We raised $50M in Series B funding", "No pay info"]
)
def test_no_compensation(text: str) -> None:
    assert compensation(text) is None


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("up to 25% travel", 25),
        ("Travel: up to 50%", 50),
        ("Travel required (approximately 30%)", 30),
        ("No travel", None),
    ],
)
def test_travel(text: str, percent: float | None) -> None:
    assert travel_percent(text) == percent


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("This role is fully remote (US)", "remote"),
        ("Hybrid: 3 days in office", "hybrid"),
        ("On-site in Austin", "on-site"),
        ("Austin", None),
    ],
)
def test_work_mode(text: str, mode: str | None) -> None:
    assert work_mode(text) == mode


@pytest.mark.parametrize(
    ("line", "degree_min", "importance", "preferred"),
    [
        ("Bachelor's degree required; MBA a plus", "bachelor", "required", "master"),
        (
            "High school diploma required; bachelor's degree preferred",
            "high_school",
            "required",
            "bachelor",
        ),
        ("Graduate of an accredited nursing program (ADN or BSN)", "associate", "required", None),
        ("Associate or bachelor's degree is a plus", "associate", "preferred", None),
        ("Bachelor's degree not required", None, "required", None),
    ],
)
def test_education_ask_phrasing(
    taxonomy, line: str, degree_min: str | None, importance: str, preferred: str | None
) -> None:  # type: ignore[no-untyped-def]
    education = _job(taxonomy, f"Account Executive\n\nRequirements\n- {line}\n").education
    assert (education.degree_min, education.importance, education.degree_preferred) == (
        degree_min,
        importance,
        preferred,
    )


def test_or_alternative_in_parentheses(taxonomy) -> None:  # type: ignore[no-untyped-def]
    job = _job(taxonomy, "AE\n\nRequirements\n- MEDDPICC (or MEDDIC) qualification experience\n")
    assert job.requirements[0].alternatives == [["meddpicc", "meddic"]]


def test_paragraph_after_a_list_leaves_the_list(taxonomy) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Engineer\n\nNice to have\n- Terraform\n\n"
        "A bachelor's degree in computer science or equivalent experience.\n"
    )
    job = _job(taxonomy, text)
    assert (job.education.degree_min, job.education.importance) == ("bachelor", "required")
    assert [r.importance for r in job.requirements] == ["preferred", "required"]


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Outside Sales Representative\nVisit 20 accounts a week", "on-site"),
        ("ICU nurse, night shift", "on-site"),
    ],
)
def test_work_mode_from_the_work(text: str, mode: str) -> None:
    assert work_mode(text) == mode


def test_what_youll_own_is_duties(taxonomy) -> None:  # type: ignore[no-untyped-def]
    job = _job(taxonomy, "AE\n\nWhat you'll own\n- Forecasting in Salesforce\n")
    assert [s.kind for s in job.sections] == ["intro", "responsibilities"]
    # duties describe the work, not a hard ask
    assert [s.importance for s in job.skills if s.id == "salesforce"] == ["preferred"]


def test_credentials_with_importance(taxonomy) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Registered Nurse\n\nRequirements\n- Current Texas RN license (required)\n- BLS and ACLS\n"
        "\nPreferred\n- CCRN certification\n- CPA is a plus\n"
    )
    job = _job(taxonomy, text)
    importance = {c.id: c.importance for c in job.certifications}
    assert importance["registered-nurse-licence"] == "required"
    assert importance["bls-certification"] == importance["acls-certification"] == "required"
    assert importance["cpa-licence"] == "preferred"
    assert not {c.id for c in job.certifications} & {s.id for s in job.skills}


def _requirement_texts(taxonomy, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.text for r in _job(taxonomy, text).requirements]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # an indented continuation line joins its bullet
            "- 3–5 years of B2B SaaS closing experience, including two years selling to\n"
            "  mid-market companies\n- Experience with Salesforce\n",
            [
                "3–5 years of B2B SaaS closing experience, including two years selling to "
                "mid-market companies",
                "Experience with Salesforce",
            ],
        ),
        (  # so does a line that starts in lower case
            "- Experience with a CRM such as Salesforce\nor HubSpot\n- Bachelor's degree\n",
            ["Experience with a CRM such as Salesforce or HubSpot", "Bachelor's degree"],
        ),
        (  # a capitalised plain line after a bullet is its own item
            "- Experience with Salesforce\nValid driver's license\n",
            ["Experience with Salesforce", "Valid driver's license"],
        ),
        (  # pay and its wrapped tail are facts, not requirements
            "- Experience with Salesforce\n\nCompensation: $55,000–$62,000 base, $80K OTE. "
            "Promotion path to Account Executive\nwithin 12-18 months.\n",
            ["Experience with Salesforce"],
        ),
        ("- Experience with Salesforce\n\n$75,000–$88,000 base plus 10% variable.\n", None),
        (  # a pay sentence goes, the ask before it stays
            "- Experience with Salesforce. $170K–$200K base plus equity.\n",
            ["Experience with Salesforce."],
        ),
        ("- Experience with Salesforce\n- Travel: up to 25% travel for events\n", None),
        (  # two sentences in one item are two requirements; "e.g." does not end one
            "- Bachelor's degree (e.g. Business) or equivalent experience. 2+ years of sales "
            "experience.\n",
            [
                "Bachelor's degree (e.g. Business) or equivalent experience.",
                "2+ years of sales experience.",
            ],
        ),
    ],
)
def test_requirement_lines(taxonomy, body: str, expected: list[str] | None) -> None:  # type: ignore[no-untyped-def]
    texts = _requirement_texts(taxonomy, f"Account Executive\n\nRequirements\n{body}")
    assert texts == (expected or ["Experience with Salesforce"])


def test_labelled_midmarket_requirements(taxonomy) -> None:  # type: ignore[no-untyped-def]
    path = Path(__file__).parents[2] / "evals" / "labelled" / "jobs" / "ae_midmarket.txt"
    job = _job(taxonomy, path.read_text(encoding="utf-8"))
    assert job.requirements[0].text.endswith("selling to mid-market companies")
    assert not any(r.text.startswith(("mid-market", "Compensation")) for r in job.requirements)
    assert not any(
        s.category == "hard_skill" and s.id == "compensation-management" for s in job.skills
    )


@pytest.mark.parametrize(
    ("text", "skill", "importance"),
    [
        # duties only: preferred
        (
            "AE\n\nWhat you'll do\n- Forecast in Clari\n\nRequirements\n- 3+ years",
            "clari",
            "preferred",
        ),
        # duties and a nice-to-have list: still preferred, never upgraded
        (
            "AE\n\nWhat you'll do\n- Forecast in Clari\n\nRequirements\n- 3+ years of sales\n"
            "\nNice to have\n- Clari experience\n",
            "clari",
            "preferred",
        ),
        # duties and requirements: required
        (
            "AE\n\nWhat you'll do\n- Forecast in Clari\n\nRequirements\n- Clari experience\n",
            "clari",
            "required",
        ),
        # role-intro prose that names a skill without asking for it: not a skill of the job
        (
            "AE\n\nThe role\nYou'll run evaluations with HR, finance and IT.\n\n"
            "Requirements\n- 3+ years of sales\n",
            "human-resources",
            None,
        ),
        # ... unless it clearly asks
        (
            "AE\n\nThe role\nYou must have experience with Clari.\n\n"
            "Requirements\n- 3+ years of sales\n",
            "clari",
            "required",
        ),
    ],
)
def test_skill_importance_by_place(taxonomy, text: str, skill: str, importance: str | None) -> None:  # type: ignore[no-untyped-def]
    found = {s.id: s.importance for s in _job(taxonomy, text).skills}
    assert found.get(skill) == importance


@pytest.mark.parametrize(
    ("line", "skill"),
    [
        ("Prospect into mid-market retailers by phone", "prospecting"),
        ("Negotiate and close new business", "negotiation"),
        ("Negotiate and close new business", "closing"),
        ("Forecast accurately every week", "sales-forecasting"),
        ("Qualify inbound leads and book meetings", "lead-qualification"),
        ("Lead discovery, demos and business cases", "discovery-calls"),
        ("Lead renewal conversations with the account team", "renewals"),
        ("Design and run proofs of concept", "proof-of-concept-management"),
        ("Hire, coach and develop account executives", "sales-coaching"),
    ],
)
def test_sales_work_written_as_verbs(taxonomy, line: str, skill: str) -> None:  # type: ignore[no-untyped-def]
    job = _job(taxonomy, f"Account Executive\n\nWhat you'll do\n- {line}\n")
    assert skill in {s.id for s in job.skills}


def test_one_line_posting_is_split_into_sentences(taxonomy) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Software Developer\n\n"
        "We build trading software for banks and have grown every year since we started. "
        "You will design, build and test services in a small team with short release cycles. "
        "Minimum Required Skills: Java, SQL, Python Basic Qualifications: Bachelor's degree in "
        "Computer Science or related field. Minimum of 2 years' experience developing software "
        "applications in Java. Preferred Qualifications: Experience with Docker and Kubernetes. "
        "Experience with Oracle WebLogic. What's In It for You - Vacation - Medical - Dental"
    )
    job = _job(taxonomy, text)
    assert len(job.requirements) >= 4
    assert job.years_min == 2
    importance = {s.id: s.importance for s in job.skills}
    assert importance["java"] == "required" and importance["kubernetes"] == "preferred"


@pytest.mark.parametrize(
    ("line", "groups", "kinds"),
    [
        (
            "1+ year in a customer-facing role (sales, customer service, hospitality, teaching "
            "all count)",
            [["sales", "customer-service-skill", "hospitality-industry", "teaching"]],
            ["any_of"],
        ),
        (
            "Experience with a CRM such as Salesforce or HubSpot",
            [["crm-software", "salesforce", "hubspot"]],
            ["such_as"],
        ),
        (
            "Experience with a CRM (e.g. Salesforce, HubSpot)",
            [["crm-software", "salesforce", "hubspot"]],
            ["such_as"],
        ),
        (
            "Experience with CRM platforms like Salesforce, HubSpot, and Pipedrive",
            [["crm-software", "salesforce", "hubspot", "pipedrive"]],
            ["such_as"],
        ),
        ("Sales methodology (MEDDIC)", [["sales-methodology", "meddic"]], ["such_as"]),
        ("Call recording tools including Gong and Chorus", [["gong", "chorus-ai"]], ["any_of"]),
        ("MEDDIC or MEDDPICC experience", [["meddic", "meddpicc"]], ["any_of"]),
        ("Salesforce and Excel skills", [], []),
        ("Customer Relationship Management (CRM) experience", [], []),
    ],
)
def test_alternatives_groups_and_kinds(
    taxonomy, line: str, groups: list[list[str]], kinds: list[str]
) -> None:  # type: ignore[no-untyped-def]
    (requirement,) = _job(taxonomy, f"AE\n\nRequirements\n- {line}\n").requirements
    assert (requirement.alternatives, requirement.alternative_kinds) == (groups, kinds)


def test_examples_without_a_generic_keep_the_line_importance(taxonomy) -> None:  # type: ignore[no-untyped-def]
    job = _job(
        taxonomy,
        "SDR\n\nRequirements\n- 1+ year in a customer-facing role (sales, customer service, "
        "hospitality, teaching all count)\n",
    )
    assert {s.importance for s in job.skills} == {"required"}


@pytest.mark.parametrize(
    ("section", "line", "industry"),
    [
        ("What you'll do", "Prospect into mid-market retailers by phone", None),
        ("What you'll do", "Sell to hospitals and healthcare systems", None),
        ("About us", "We build forecasting software for retail finance teams", None),
        ("Requirements", "Experience in retail", "retail-industry"),
        ("Requirements", "Background in life sciences sales", "life-sciences-industry"),
    ],
)
def test_industries_are_skills_only_when_asked_for(
    taxonomy, section: str, line: str, industry: str | None
) -> None:  # type: ignore[no-untyped-def]
    text = f"Account Executive\n\n{section}\n- {line}\n\nNice to have\n- Salesforce\n"
    found = [s.id for s in _job(taxonomy, text).skills if s.category == "industry"]
    assert found == ([industry] if industry else [])


@pytest.mark.parametrize("heading", ["What you'll do", "Requirements"])
@pytest.mark.parametrize(
    ("line", "closing"),
    [
        ("Negotiate and close new business", True),
        ("Drive deals to close each quarter", True),
        ("Close 10 new deals a month", True),
        ("Close rate above 25%", False),
        ("Close the books at month end", False),
    ],
)
def test_closing_deals_is_never_the_close_crm(
    taxonomy, heading: str, line: str, closing: bool
) -> None:  # type: ignore[no-untyped-def]
    ids = {s.id for s in _job(taxonomy, f"Account Executive\n\n{heading}\n- {line}\n").skills}
    assert "close-crm" not in ids
    assert ("closing" in ids) is closing


def test_the_close_crm_named_as_a_tool_stays(taxonomy) -> None:  # type: ignore[no-untyped-def]
    job = _job(taxonomy, "Account Executive\n\nRequirements\n- Experience with Close or HubSpot\n")
    assert "close-crm" in {s.id for s in job.skills}
