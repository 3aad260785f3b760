"""Verb and noun forms generated from skill names, and where the tagger accepts them."""

from __future__ import annotations

import pytest

from skills_taxonomy import Taxonomy
from skills_taxonomy.inflection import Strength, generated_forms, inflections


@pytest.mark.parametrize(
    ("form", "variant", "strength"),
    [
        ("Prospecting", "prospected", Strength.SURE),
        ("Prospecting", "prospect", Strength.VERB),
        ("Prospecting", "prospects", Strength.VERB),
        ("Negotiation", "negotiate", Strength.VERB),
        ("Negotiation", "negotiated", Strength.SURE),
        ("Negotiation", "negotiating", Strength.SURE),
        ("Negotiation", "negotiations", Strength.SURE),
        ("Qualification", "qualify", Strength.VERB),
        ("Qualification", "qualified", Strength.CONTEXT),  # "qualified candidates"
        ("Forecasting", "forecast", Strength.VERB),
        ("Forecasting", "forecasted", Strength.SURE),
        ("coaching", "coached", Strength.SURE),
        ("coaching", "coach", Strength.CONTEXT),  # a coach, a bus
        ("Closing", "close", Strength.CONTEXT),
        ("Closing", "closed", Strength.CONTEXT),
        ("Onboarding", "onboarded", Strength.SURE),
        ("Planning", "plan", Strength.CONTEXT),
        ("Planning", "planned", Strength.CONTEXT),
        ("optimization", "optimize", Strength.VERB),
        ("Certification", "certify", Strength.VERB),
        ("Renewals", "renewal", Strength.SURE),
        ("Lead Qualification", "qualify leads", Strength.SURE),
        ("Customer Onboarding", "onboarded customers", Strength.SURE),
        ("Account management", "managed accounts", Strength.SURE),
        ("Closing deals", "closed deals", Strength.SURE),
        ("Negotiating contracts", "negotiated contracts", Strength.SURE),
    ],
)
def test_inflections(form: str, variant: str, strength: Strength) -> None:
    assert inflections(form).get(variant) is strength


@pytest.mark.parametrize(
    "form", ["SQL", "Go", "Sales", "Excel", "Python 3", "Salesforce Sales Cloud Einstein", "C++"]
)
def test_no_inflections_for_other_forms(form: str) -> None:
    assert inflections(form) == {}


def test_an_ambiguous_forms_plural_stays_in_context() -> None:
    # "Qualifications:" heads every posting's requirements
    assert inflections("Qualification", ambiguous=True)["qualifications"] is Strength.CONTEXT
    assert inflections("Qualification", ambiguous=True)["qualify"] is Strength.VERB


def test_generated_forms_shadow_only_ambiguous_curated_forms_and_serve_one_entry(
    shipped: Taxonomy,
) -> None:
    entries = list(shipped.entries)
    forms = generated_forms(entries)
    assert forms["negotiated"][0] == "negotiation"
    assert forms["prospected"][0] == "prospecting"
    # "Close" names the CRM only as an ambiguous form: "close" is also Closing, in context
    assert forms["close"] == ("closing", Strength.CONTEXT)
    plain = {f.lower() for e in entries for f in (e.name, *e.aliases) if f not in set(e.ambiguous)}
    assert not plain & set(forms)
    curated = {f.lower() for e in entries for f in (e.name, *e.aliases)}
    assert all(forms[form][1] is not Strength.SURE for form in curated & set(forms))


INFLECTED_IN_CONTEXT = [
    ("* Prospected with LinkedIn Sales Navigator into healthcare", "prospecting"),
    ("- Prospect into mid-market retailers by phone", "prospecting"),
    ("* Forecast in Clari; Salesforce hygiene", "sales-forecasting"),
    ("- Forecast accurately every week", "sales-forecasting"),
    ("- Qualify inbound leads and book meetings", "lead-qualification"),
    ("Sold route-planning software; negotiated multi-year contracts", "negotiation"),
    ("- Negotiate annual pricing agreements", "negotiation"),
    ("- Onboarded 140 customers; cut time-to-launch", "onboarding"),
    ("Coached 8 SDRs to promotion", "sales-coaching"),  # the SDRs make it sales coaching
    ("Mentored two junior nurses", "coaching-and-mentoring"),
    ("Managed accounts across the region", "account-management"),
    ("Lead renewal conversations with deans", "renewals"),
    ("Design and run proofs of concept with engineers", "proof-of-concept-management"),
    ("Skills: negotiation, forecast, qualified leads", "sales-forecasting"),
]


@pytest.mark.parametrize(("text", "expected"), INFLECTED_IN_CONTEXT)
def test_inflected_forms_in_context(shipped: Taxonomy, text: str, expected: str) -> None:
    assert expected in [s.entry_id for s in shipped.tag(text)]


INFLECTED_OUT_OF_CONTEXT = [
    ("We interviewed qualified candidates", "lead-qualification"),
    ("The weather forecast was wrong", "sales-forecasting"),
    ("Our prospects for growth are good", "prospecting"),
    ("Closed $1.1M in new business", "closing"),
    ("Took the coach to the airport", "coaching-and-mentoring"),
    ("Account executives own the deal", "accounting"),
    ("Received and stored deliveries", "receiving"),
    ("Monitored the servers overnight", "observability"),
    ("Planned the offsite", "planning-skills"),
]


@pytest.mark.parametrize(("text", "absent"), INFLECTED_OUT_OF_CONTEXT)
def test_inflected_forms_out_of_context(shipped: Taxonomy, text: str, absent: str) -> None:
    assert absent not in [s.entry_id for s in shipped.tag(text)]


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("- Ran discovery and negotiation using Command of the Message", True),
        ("Lead technical discovery and product demos", True),
        ("the discovery of new species", False),
    ],
)
def test_lower_case_ambiguous_skill_beside_a_tagged_skill(
    shipped: Taxonomy, text: str, tagged: bool
) -> None:
    assert ("discovery-calls" in [s.entry_id for s in shipped.tag(text)]) is tagged
