"""Deterministic generator of varied, fictional resumes and job postings for benchmarks and tests.

``generate_resumes(n, seed)`` mixes occupations (sales-heavy), heading styles, date formats,
bullet styles and metric phrasings; each resume has its ``text`` and ``render_pdf(path)``
(reportlab, one or two columns). ``generate_job(kind)`` writes a matching posting. Imports only the
standard library and reportlab, so it runs without the rest of jobfit. People, companies, emails
(example.com) and phone numbers (555) are invented.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

REFERENCE = (2026, 11)  # "Present" = 2026-11, as in evals/labelled/README.md
Layout = Literal["one_column", "two_column"]
MONTHS = (
    "January February March April May June July August September October November December".split()
)
SIDEBAR_KINDS = ("skills", "education", "certifications")


# --- content (all invented), kept as text blocks so it stays readable -------------------------
# A profile block: "== key | industry | summary", then "titles:", "tools:", "methods:", "degrees:",
# "certs:" lines (items split by "; ", "written=Canonical" for aliases, "@name" for a shared pool)
# and "- " bullet templates with {tool} {tool2} {method} {crm} and number slots.

POOLS = {
    "crm": "Salesforce; SFDC=Salesforce; Sales force=Salesforce; HubSpot; Hubspot=HubSpot",
    "sales_tools": "Outreach.io=Outreach; Outreach; SalesLoft; Gong.io=Gong; Gong; ZoomInfo; "
    "Clari; Apollo; LinkedIn Sales Nav=LinkedIn Sales Navigator; LinkedIn Sales Navigator",
    "sales_methods": "MEDDICC; MEDDIC; MEDDPICC; BANT; SPIN Selling; Challenger Sale; Sandler; "
    "Command of the Message; cold calling=Cold Calling; prospecting=Prospecting; "
    "negotiation=Negotiation; discovery=Discovery",
    "sales_degrees": "B.A. Communication; B.S. Business Administration; B.A. Economics",
    "sales_certs": "CPSP; Salesforce Certified Administrator; HubSpot Inbound Sales Certification",
}

PROFILE_SPEC = """
== sdr | saas | Outbound SDR who books real first meetings for account executives.
titles: Sales Development Representative; Business Development Representative; Senior SDR
- Booked {m} meetings/month from outbound with {tool}
- Hit {pct}% of meeting quota in {year}
- Ranked #{rank} of {of} SDRs for sourced pipeline
- Sourced {money} in qualified pipeline in {year}
- Cold calling and email sequences in {tool}; every touch logged in {crm}
- Qualified inbound leads with {method} before the hand-off
== account_executive | saas | Closing account executive with a record of beating quota.
titles: Account Executive, SMB; Account Executive; Account Executive, Mid-Market; Enterprise AE
- Closed {money} in new ARR in {year}, {pct}% of quota
- Finished {year} at {pct}% of annual quota; ranked #{rank} of {of} reps
- President's Club {year}; top {top}% of the sales organization
- Average deal size ${k}K with a {wr}% win rate
- Ran discovery and demos; qualified every opportunity with {method}
- Kept pipeline and forecast current in {crm}; call reviews in {tool}
- Built {money} of pipeline with {tool} and {tool2}
- Led negotiation of multi-year contracts with procurement and legal
== account_manager | saas | Account manager who keeps customers and grows them.
titles: Account Manager; Senior Account Manager; Strategic Account Manager
tools: Gainsight; Salesforce; Tableau; Zendesk; Clari
methods: QBRs=Quarterly Business Reviews; upselling=Upselling; cross-selling=Cross-selling
methods: renewals=Renewals; negotiation=Negotiation; account planning=Account Planning
- Net revenue retention {nrr}% across a {money} book of business
- Closed {money} in expansion revenue, {pct}% of expansion quota
- Quarterly business reviews with {n} customers; renewals forecast in {crm}
- Upselling and cross-selling add-on modules; health scores in Gainsight
== customer_success | saas | Customer success manager focused on adoption and renewals.
titles: Onboarding Specialist; Customer Success Manager; Senior Customer Success Manager
tools: Gainsight; ChurnZero; Zendesk; HubSpot; Intercom; SQL
methods: onboarding=Customer Onboarding; renewals=Renewals; QBRs=Quarterly Business Reviews
certs: Certified Customer Success Manager (CCSM)
- Gross revenue retention of {grr}% on a {money} portfolio
- Onboarded {n} customers in {year}
- Adoption playbooks and churn alerts in Gainsight; records in {crm}
- Executive business reviews and renewal conversations with {n} accounts
== sales_rep | supply | B2B sales representative who opens and grows accounts.
titles: Inside Sales Representative; Sales Representative; Territory Sales Representative
- Grew territory {g}% YoY in {year}
- Achieved {pct}% of monthly target on average
- Ranked {rank} of {of} reps nationally; Closer of the Quarter
- Cold calling {n} accounts a week; quotes in {crm}
- Territory planning and annual pricing negotiation
== sales_manager | saas | Sales leader who builds teams that forecast honestly and hit the number.
titles: Account Executive; Senior Account Executive; Sales Manager; Regional Sales Manager
- Team of {n} AEs finished {year} at {pct}% of a {money} quota
- Grew the region {g}% YoY
- Raised team win rate to {wr}% by rolling out {method}
- Weekly forecast calls in {tool}; pipeline reviews in {crm}
- President's Club {year}
== sales_engineer | saas | Sales engineer who turns technical evaluations into wins.
titles: Support Engineer; Solutions Consultant; Sales Engineer; Senior Sales Engineer
tools: Python; SQL; Docker; Kubernetes; AWS; REST APIs; Salesforce; Postman
methods:
degrees: B.S. Computer Science; B.S. Information Systems
certs: AWS Certified Cloud Practitioner
- Supported {money} in closed-won ARR in {year}
- Technical win rate of {wr}%
- Technical discovery, demos and proof-of-concept plans using {tool} and {tool2}
- Answered {n} RFPs and security questionnaires
== software_engineer | tech | Backend engineer who ships and operates reliable services.
titles: Junior Developer; Software Engineer; Senior Software Engineer; Staff Engineer
tools: Python; Go; Java; TypeScript; PostgreSQL; Kafka; Kubernetes; Docker; AWS; Terraform; React
methods:
degrees: B.S. Computer Science; B.Eng. Software Engineering
certs: AWS Certified Solutions Architect – Associate
- Built and ran services in {tool} and {tool2}
- Moved {n} services to {tool}
- Led incident reviews and the on-call rotation
- Cut p95 latency by {g}% with caching in {tool}
== data_analyst | retail | Data analyst who turns questions into decisions.
titles: Reporting Assistant; Data Analyst; Senior Data Analyst
tools: SQL; Python; pandas; Tableau; Power BI; Excel; Snowflake; dbt; Looker
methods:
degrees: B.S. Statistics; B.A. Economics; B.S. Mathematics
certs:
- Weekly sales dashboards in {tool} from {tool2}
- Designed and analysed {n} A/B tests in {tool}
- Automated a manual report with {tool} and {tool2}
== registered_nurse | health | Critical care nurse.
titles: Registered Nurse, Med-Surg; Registered Nurse, Step-Down; Registered Nurse, ICU
tools: Epic; Cerner; CRRT; mechanical ventilation=Mechanical Ventilation
tools: hemodynamic monitoring=Hemodynamic Monitoring
methods:
degrees: Bachelor of Science in Nursing; Associate Degree in Nursing
certs: RN; BLS; ACLS; CCRN
- Care for 1-2 critically ill patients per shift; {tool} and {tool2}
- Charted in {tool}; precepted {n} new graduates
- Charge nurse two shifts a week
== accountant | manufacturing | Staff accountant who closes on time.
titles: Audit Associate; Staff Accountant; Senior Staff Accountant
tools: NetSuite; BlackLine; Excel; QuickBooks; GAAP; SOX
methods:
degrees: B.S. Accounting; Master of Accountancy
certs: CPA
- Month-end close for {n} entities in {tool}
- Account reconciliations in {tool}; journal entries and accruals
- Supported the annual audit and {tool} testing
"""

# A posting block: "== kind | title | about", then "do:", "need:", "nice:", "pay:" lines.
JOB_SPEC = """
== account_executive | Account Executive, Mid-Market | Sell our workforce platform to mid-market.
do: Prospect and build your own pipeline; Lead discovery, demos and business cases
do: Negotiate and close new logos; Forecast weekly in Salesforce
need: 3–5 years of full-cycle B2B SaaS closing experience
need: Consistent 110%+ attainment of annual quota
need: Experience with a CRM such as Salesforce or HubSpot; MEDDIC or MEDDPICC qualification
need: Bachelor's degree or equivalent experience
nice: Gong and Clari; President's Club recognition; HR tech experience
pay: $85,000–$100,000 base, $180K OTE. Up to 25% travel.
== sdr | Sales Development Representative | Book first meetings for our account executives.
do: Cold calling, email and LinkedIn outreach; Qualify inbound leads; Log every touch in Salesforce
need: 1+ year in a customer-facing role; Comfortable with cold calling
need: Bachelor's degree or equivalent experience
nice: Outreach or SalesLoft; ZoomInfo or LinkedIn Sales Navigator
pay: $55,000–$62,000 base, $80K OTE.
== account_manager | Senior Account Manager | Own renewals and expansion for mid-market customers.
do: Run quarterly business reviews; Upsell and cross-sell; Negotiate renewals
do: Forecast in Salesforce
need: 4+ years of account management in B2B SaaS; Net revenue retention above 110%
need: Experience with Salesforce
nice: Gainsight; Salesforce Certified Administrator
pay: $95,000–$110,000 base, $150K OTE. Up to 15% travel.
== customer_success | Customer Success Manager | Guide customers from launch to renewal.
do: Own a portfolio of 50-70 accounts; Onboarding plans and executive business reviews
do: Spot churn risk early
need: 2–4 years in customer success or account management; Gainsight, ChurnZero or Totango
need: Bachelor's degree or equivalent experience
nice: HubSpot or Salesforce; Basic SQL
pay: $75,000–$88,000 base.
== sales_rep | Territory Sales Representative | Grow a territory of 150 business accounts.
do: Visit 20-30 accounts a week; Cold calls and site visits; Negotiate annual pricing agreements
need: Minimum of 3 years of B2B field sales; Valid driver's license
need: Travel up to 60% within the territory
nice: Microsoft Dynamics 365 or Salesforce; Associate or bachelor's degree
pay: $65,000–$75,000 base plus commission.
== sales_manager | Regional Sales Manager | Lead a team of 8-10 account executives.
do: Hire and coach account executives; Run the weekly forecast call; Own a regional quota of $12M
need: 5+ years carrying a quota plus 2+ years managing a sales team; Salesforce and Clari
need: Bachelor's degree
nice: MEDDICC or MEDDIC; Gong; CPSP
pay: $150K–$165K base, $250K OTE.
== sales_engineer | Senior Sales Engineer | Be the technical partner to our account executives.
do: Technical discovery and product demos; Proofs of concept; RFPs and security questionnaires
need: 4+ years in pre-sales or solutions consulting; SQL and REST APIs; AWS or another major cloud
nice: Python; Docker and Kubernetes
pay: $150,000–$175,000 base. Up to 30% travel.
== software_engineer | Senior Backend Engineer | Build and run the services that move money.
do: Design and operate services; Own on-call for your services; Improve the event pipeline
need: 5+ years of software engineering; Go or Python; PostgreSQL; Kubernetes and AWS
nice: Kafka; Terraform
pay: $170K–$200K base plus equity.
== data_analyst | Data Analyst | Answer the questions merchants ask every week.
do: Dashboards for sales and promotions; SQL against Snowflake; A/B tests of pricing
need: 2–4 years as a data analyst; Strong SQL; Python or R; Tableau or Power BI
nice: dbt; Retail experience
pay: $78,000–$92,000 base.
== registered_nurse | Registered Nurse — ICU | Care for critically ill adults in a 28-bed ICU.
do: Care for 1-2 patients per shift; Mechanical ventilation and hemodynamic monitoring
do: Document in Epic
need: Current RN license (required); BLS and ACLS (required); At least 2 years of ICU experience
nice: BSN; CCRN certification; CRRT experience
pay: Night differential $6/hour.
== accountant | Staff Accountant | Close the books for three entities.
do: Month-end close, journal entries and reconciliations; GAAP financial statements
do: Support the audit
need: Bachelor's degree in accounting; 2–4 years of accounting experience; Advanced Excel
nice: CPA or progress toward the CPA; NetSuite; BlackLine
pay: $68,000–$80,000 base plus bonus.
"""

FIRST_NAMES = (
    "Avery Blake Casey Dana Elliot Frankie Gale Harper Indira Jules Kiran Lane Morgan".split()
)
LAST_NAMES = "Abernathy Brightwater Castellano Delacourt Eastman Fairbanks Galloway Ibarra".split()
TOWNS = ["Austin, TX", "Denver, CO", "Columbus, OH", "Raleigh, NC", "Portland, OR", "Tampa, FL"]
SCHOOLS = ["Northfield State University", "Lakemont College", "University of Eastbrook"]
PRESENT_WORDS = ["Present", "present", "now", "current", "Current", "till date"]
HEADINGS: dict[str, tuple[str | None, ...]] = {  # summary, experience, education, skills, certs
    "caps": ("Summary", "Professional Experience", "Education", "Skills", "Certifications"),
    "title": (
        "Profile",
        "Work History",
        "Education",
        "Skills & Tools",
        "Licenses & Certifications",
    ),
    "creative": ("About me", "Where I've made impact", "Where I learned", "Toolbox", "Credentials"),
    "underlined": ("Summary", "Experience", "Education", "Core Competencies", "Certifications"),
    "none": (None, None, None, None, None),
}
PREFIXES = "Brightlane Copperfield Tidewater Larkspur Quillstack Fernleaf Halberd Kestrel".split()
SUFFIXES = {
    "saas": ["Software", "Cloud", "Analytics", "Systems"],
    "supply": ["Supply", "Industrial", "Distribution"],
    "tech": ["Labs", "Payments", "Technologies"],
    "retail": ["Markets", "Grocers", "Retail Group"],
    "health": ["Medical Center", "Regional Hospital"],
    "manufacturing": ["Manufacturing", "Components"],
}


@dataclass(frozen=True)
class Profile:
    key: str
    industry: str
    summary: str
    titles: tuple[str, ...]  # most junior first
    tools: tuple[tuple[str, str], ...]  # (as written, canonical name)
    methods: tuple[tuple[str, str], ...]
    crms: tuple[tuple[str, str], ...]
    degrees: tuple[str, ...]
    certifications: tuple[str, ...]
    bullets: tuple[str, ...]


def _items(spec: str) -> list[str]:
    spec = POOLS.get(spec[1:], spec) if spec.startswith("@") else spec
    return [item for item in spec.split("; ") if item]


def _pairs(spec: str) -> tuple[tuple[str, str], ...]:
    """'SFDC=Salesforce; HubSpot' -> (('SFDC', 'Salesforce'), ('HubSpot', 'HubSpot'))."""
    return tuple((w, c or w) for w, _, c in (item.partition("=") for item in _items(spec)))


def _blocks(spec: str) -> list[tuple[list[str], dict[str, str], list[str]]]:
    """Split a spec into (header fields, "key: value" lines, "- " lines) per "==" block."""
    blocks: list[tuple[list[str], dict[str, str], list[str]]] = []
    for line in spec.strip().splitlines():
        if line.startswith("== "):
            blocks.append(([f.strip() for f in line[3:].split(" | ")], {}, []))
        elif line.startswith("- "):
            blocks[-1][2].append(line[2:])
        else:
            key, _, value = line.partition(":")  # a repeated key continues its list
            fields = blocks[-1][1]
            fields[key] = "; ".join(v for v in (fields.get(key), value.strip()) if v)
    return blocks


def _profiles() -> dict[str, Profile]:
    profiles = {}
    for (key, industry, summary), fields, bullets in _blocks(PROFILE_SPEC):
        profiles[key] = Profile(
            key=key,
            industry=industry,
            summary=summary,
            titles=tuple(_items(fields["titles"])),
            tools=_pairs(fields.get("tools", "@sales_tools")),
            methods=_pairs(fields.get("methods", "@sales_methods")),
            crms=_pairs("@crm"),
            degrees=tuple(_items(fields.get("degrees", "@sales_degrees"))),
            certifications=tuple(_items(fields.get("certs", "@sales_certs"))),
            bullets=tuple(bullets),
        )
    return profiles


def _postings() -> dict[str, str]:
    postings = {}
    for (kind, title, about), fields, _ in _blocks(JOB_SPEC):
        lists = {
            k: "\n".join(f"- {item}" for item in _items(fields[k])) for k in ("do", "need", "nice")
        }
        postings[kind] = (
            f"{title}\nBrightlane Software · Denver, CO (hybrid, two days in office)\n\n"
            f"About the role\n{about}\n\nWhat you'll do\n{lists['do']}\n\n"
            f"Requirements\n{lists['need']}\n\nNice to have\n{lists['nice']}\n\n{fields['pay']}\n"
        )
    return postings


PROFILES = _profiles()
JOB_POSTINGS = _postings()
# Sales occupations are drawn twice as often as the others.
OCCUPATION_DRAW = [k for k, p in PROFILES.items() for _ in range(2 if p.crms and p.methods else 1)]


@dataclass(frozen=True)
class Role:
    title: str
    employer: str
    start: str  # YYYY-MM as meant by the written dates
    end: str | None  # None for a current role
    dates: str  # as written in the resume
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    kind: str  # summary, experience, education, skills, certifications
    heading: str | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class GeneratedResume:
    name: str  # file stem
    text: str
    occupation: str
    layout: Layout
    header: tuple[str, ...]
    sections: tuple[Section, ...]
    skills: tuple[str, ...]  # canonical names of the skills the text names
    roles: tuple[Role, ...]

    @property
    def total_years(self) -> float:
        """Merged months of the roles / 12, with the labelled set's conventions."""
        covered: set[int] = set()
        present = _month_index(*REFERENCE)
        for role in self.roles:
            end = present if role.end is None else _month_index(*_parse(role.end))
            covered.update(range(_month_index(*_parse(role.start)), end + 1))
        return round(len(covered) / 12, 2)

    def render_pdf(self, path: str | Path) -> Path:
        """Write a Letter-size PDF; two-column resumes put skills and education on the left."""
        path = Path(path)
        _PdfLayout(self).write(path)
        return path


def _month_index(year: int, month: int) -> int:
    return year * 12 + month - 1


def _parse(yyyy_mm: str) -> tuple[int, int]:
    year, month = yyyy_mm.split("-")
    return int(year), int(month)


def _ym(index: int) -> tuple[int, int]:
    return index // 12, index % 12 + 1


# --- dates as people write them ---------------------------------------------------------------


def _month_word(rng: random.Random, month: int, style: str) -> str:
    full = MONTHS[month - 1]
    if style == "full":
        return full
    short = "Sept" if month == 9 and rng.random() < 0.5 else full[:3]
    return short + ("." if style == "dot" and len(full) > 4 else "")


def _written_dates(rng: random.Random, start: int, end: int | None) -> tuple[str, int, int | None]:
    """Pick a date style; return the text and the (possibly year-snapped) start and end months."""
    style = rng.choice(["mon", "full", "dot", "slash", "iso", "year", "apos", "year_now"])
    present = rng.choice(PRESENT_WORDS)
    dash = rng.choice([" – ", " - ", " — ", " to "])
    (sy, sm), (ey, em) = _ym(start), _ym(end if end is not None else _month_index(*REFERENCE))
    if style in ("year", "year_now"):
        start = _month_index(sy, 1)
        end = None if end is None else min(_month_index(ey, 12), _month_index(*REFERENCE))
        right = present if end is None else str(ey)
        joiner = "-" if style == "year_now" and end is None else dash
        return f"{sy}{joiner}{right}", start, end

    def one(y: int, m: int) -> str:
        if style == "slash":
            return f"{m:02d}/{y}"
        if style == "iso":
            return f"{y}-{m:02d}"
        if style == "apos":
            return f"{_month_word(rng, m, 'mon')} '{y % 100:02d}"
        return f"{_month_word(rng, m, style)} {y}"

    right = present if end is None else one(ey, em)
    return f"{one(sy, sm)}{dash}{right}", start, end


# --- building a resume ------------------------------------------------------------------------


def _fill(rng: random.Random, template: str, profile: Profile, years: tuple[int, int]) -> str:
    """Fill the {tool} {tool2} {method} {crm} and number slots of a bullet template."""
    tools = rng.sample(profile.tools, k=2)
    words = {
        "tool": tools[0][0],
        "tool2": tools[1][0],
        "method": rng.choice(profile.methods or tools)[0],
        "crm": rng.choice(profile.crms)[0],
    }
    numbers = {
        "pct": rng.randint(101, 148),
        "rank": rng.randint(1, 5),
        "of": rng.randint(8, 40),
        "money": f"${rng.randint(4, 39) / 10:.1f}M",
        "k": rng.randint(9, 180),
        "m": rng.randint(12, 35),
        "g": rng.randint(12, 60),
        "wr": rng.randint(18, 41),
        "nrr": rng.randint(104, 128),
        "grr": rng.randint(86, 98),
        "top": rng.choice([1, 3, 5, 10]),
        "year": rng.randint(*years),
        "n": rng.randint(3, 60),
    }
    return template.format(**words, **{k: str(v) for k, v in numbers.items()})


def _skills_named(text: str, profile: Profile) -> tuple[str, ...]:
    """Canonical names of the profile's vocabulary that the text names (whole words, any case)."""
    vocabulary = profile.tools + profile.methods + profile.crms
    return tuple(
        sorted({c for w, c in vocabulary if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.I)})
    )


def _build(rng: random.Random, index: int, seed: int, long: bool) -> GeneratedResume:
    occupation = rng.choice(OCCUPATION_DRAW)
    profile = PROFILES[occupation]
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    first, last = person.lower().split()
    contact = " | ".join(
        [
            rng.choice(TOWNS),
            f"{first}.{last}{rng.randint(1, 99)}@example.com",
            f"({rng.randint(201, 989)}) 555-01{rng.randint(0, 99):02d}",
        ]
    )
    layout: Layout = rng.choice(["one_column", "two_column"])
    style = rng.choice(list(HEADINGS))

    # Roles from the most recent backwards; a small overlap or gap between some of them.
    roles: list[Role] = []
    cursor = _month_index(*REFERENCE) - (0 if rng.random() < 0.8 else rng.randint(2, 8))
    current = cursor == _month_index(*REFERENCE)
    n_roles = rng.randint(6, 8) if long else rng.randint(2, 5)
    for position in range(n_roles):
        months = rng.randint(12, 50)
        start = cursor - months + 1
        end = None if (position == 0 and current) else cursor
        dates, start, end = _written_dates(rng, start, end)
        title = profile.titles[max(0, len(profile.titles) - 1 - position) % len(profile.titles)]
        bullets = tuple(
            _fill(rng, t, profile, (_ym(start)[0], _ym(end)[0] if end else REFERENCE[0]))
            for t in rng.sample(
                profile.bullets,
                k=min(len(profile.bullets), rng.randint(*((4, 6) if long else (2, 5)))),
            )
        )
        s_ym, e_ym = _ym(start), None if end is None else _ym(end)
        roles.append(
            Role(
                title=title,
                employer=f"{rng.choice(PREFIXES)} {rng.choice(SUFFIXES[profile.industry])}",
                start=f"{s_ym[0]}-{s_ym[1]:02d}",
                end=None if e_ym is None else f"{e_ym[0]}-{e_ym[1]:02d}",
                dates=dates,
                bullets=bullets,
            )
        )
        cursor = start - 1 + rng.choice([0, 0, 0, -1, 2])  # -1 = one-month gap, 2 = overlap

    listed = rng.sample(
        profile.tools + profile.methods, k=min(6, len(profile.tools + profile.methods))
    )
    grad_year = int(roles[-1].start[:4]) - rng.randint(0, 1)
    headings = [h.upper() if h and style == "caps" else h for h in HEADINGS[style]]
    bullet = rng.choice(["- ", "• ", "* "])
    role_form = rng.randrange(3)

    def role_lines(role: Role) -> list[str]:
        if role_form == 0:
            head = [f"{role.title} | {role.employer}", role.dates]
        elif role_form == 1:
            head = [f"{role.title}, {role.employer}    {role.dates}"]
        else:
            head = [f"{role.employer} — {role.title}", role.dates]
        return head + [bullet + b for b in role.bullets] + [""]

    experience = [line for role in roles for line in role_lines(role)][:-1]
    sections = [
        Section("summary", headings[0], (profile.summary,)),
        Section("experience", headings[1], tuple(experience)),
        Section(
            "education",
            headings[2],
            (f"{rng.choice(profile.degrees)}, {rng.choice(SCHOOLS)}, {grad_year}",),
        ),
        Section(
            "skills", headings[3], (rng.choice([", ", " · ", " | "]).join(w for w, _ in listed),)
        ),
    ]
    if profile.certifications:
        certs = rng.sample(profile.certifications, k=rng.randint(1, len(profile.certifications)))
        sections.append(Section("certifications", headings[4], tuple(certs)))
    if rng.random() < 0.3:  # summary last or missing now and then
        sections = sections[1:] if rng.random() < 0.5 else sections[1:] + sections[:1]

    header = (person.upper() if rng.random() < 0.5 else person, contact)
    parts = ["\n".join(header)]
    for section in sections:
        heading_lines = [section.heading] if section.heading else []
        if heading_lines and style == "underlined":
            heading_lines.append("-" * len(heading_lines[0]))
        parts.append("\n".join(heading_lines + list(section.lines)))
    text = "\n\n".join(parts) + "\n"
    return GeneratedResume(
        name=f"gen_s{seed}_{index:04d}_{occupation}",
        text=text,
        occupation=occupation,
        layout=layout,
        header=header,
        sections=tuple(sections),
        skills=_skills_named(text, profile),
        roles=tuple(roles),
    )


def generate_resumes(n: int, seed: int = 0, *, long: bool = False) -> list[GeneratedResume]:
    """``n`` varied resumes; the same arguments always give the same resumes.

    ``long=True`` gives 6-8 roles with more bullets (about two pages), for extraction benchmarks.
    """
    rng = random.Random(seed)
    return [_build(rng, i, seed, long) for i in range(n)]


def generate_job(kind: str = "account_executive") -> str:
    """A realistic job posting for one of the generator's occupations."""
    if kind not in JOB_POSTINGS:
        raise ValueError(f"unknown job kind {kind!r}; choose from {sorted(JOB_POSTINGS)}")
    return JOB_POSTINGS[kind]


# --- PDF --------------------------------------------------------------------------------------

PAGE_W, PAGE_H = LETTER
MARGIN = 50.0


class _PdfLayout:
    """Lays text into columns as draw operations per page, then writes them in page order."""

    def __init__(self, resume: GeneratedResume) -> None:
        self.resume = resume
        self.ops: list[
            tuple[int, str, float, float, float, str]
        ] = []  # page, font, size, x, y, text
        self.bullets: list[tuple[int, float, float]] = []

    def write(self, path: Path) -> None:
        top = self._header()
        if self.resume.layout == "two_column":
            side = [s for s in self.resume.sections if s.kind in SIDEBAR_KINDS]
            main = [s for s in self.resume.sections if s.kind not in SIDEBAR_KINDS]
            self._column(side, MARGIN, 150.0, top)
            self._column(main, MARGIN + 175.0, PAGE_W - 2 * MARGIN - 175.0, top)
        else:
            self._column(list(self.resume.sections), MARGIN, PAGE_W - 2 * MARGIN, top)
        canvas = Canvas(str(path), pagesize=LETTER, pageCompression=0)
        canvas.setTitle(self.resume.name)
        pages = max(op[0] for op in self.ops) + 1
        for page in range(pages):
            for _, font, size, x, y, text in (op for op in self.ops if op[0] == page):
                canvas.setFont(font, size)
                canvas.drawString(x, y, text)
            for _, x, y in (b for b in self.bullets if b[0] == page):
                canvas.circle(x, y + 3, 1.6, stroke=0, fill=1)
            canvas.showPage()
        canvas.save()

    def _header(self) -> float:
        name, contact = self.resume.header
        self.ops.append((0, "Helvetica-Bold", 18, MARGIN, PAGE_H - MARGIN - 8, name))
        self.ops.append((0, "Helvetica", 9.5, MARGIN, PAGE_H - MARGIN - 24, contact))
        return PAGE_H - MARGIN - 48

    def _column(self, sections: list[Section], x: float, width: float, top: float) -> None:
        page, y = 0, top
        for section in sections:
            lines = [("Helvetica-Bold", 11.5, 0.0, h, False) for h in [section.heading] if h]
            for line in section.lines:
                is_bullet = line[:2] in ("- ", "• ", "* ")
                text = line[2:] if is_bullet else line
                font = (
                    "Helvetica-Bold"
                    if section.kind == "experience" and not is_bullet
                    else "Helvetica"
                )
                for k, part in enumerate(_wrap(text, font, 9.5, width - (10 if is_bullet else 0))):
                    lines.append(
                        (font, 9.5, 10.0 if is_bullet else 0.0, part, is_bullet and k == 0)
                    )
            for font, size, indent, text, dot in lines:
                if y < MARGIN:
                    page, y = page + 1, PAGE_H - MARGIN
                if text:
                    self.ops.append((page, font, size, x + indent, y, text))
                if dot:
                    self.bullets.append((page, x + 3, y))
                y -= size + 3.5
            y -= 8


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    words, lines, current = text.split(" "), [], ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return lines + [current]
