"""The extension's capture function (extension/capture.js) run in a real page, one small page per
job-board shape and JSON-LD variant: which source wins and what text it keeps."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.conftest import EXTENSION

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DUTIES = (
    "<ul>"
    + "".join(
        f"<li>{line}</li>"
        for line in (
            "Prospect new accounts and build pipeline every week",
            "Run discovery calls and product demos for operations leaders",
            "Keep every opportunity current in Salesforce",
            "Negotiate and close annual contracts",
        )
    )
    + "</ul>"
)
NOISE = "<nav><a href='#'>Jobs</a> <a href='#'>Sign in</a></nav><footer>Cookie settings</footer>"

# name, page body, expected source, expected title in the text
CASES = [
    (
        "linkedin",
        f"{NOISE}<h1 class='top-card-layout__title'>Account Executive</h1>"
        f"<div class='show-more-less-html__markup'>{DUTIES}</div>",
        "linkedin",
        "Account Executive",
    ),
    (
        "indeed",
        f"{NOISE}<h1 class='jobsearch-JobInfoHeader-title'>Sales Representative</h1>"
        f"<div id='jobDescriptionText'>{DUTIES}</div>",
        "indeed",
        "Sales Representative",
    ),
    (
        "greenhouse-new",
        f"{NOISE}<div class='job__title'><h1>SDR</h1></div>"
        f"<div class='job__description'>{DUTIES}</div>",
        "greenhouse",
        "SDR",
    ),
    (
        "lever",
        f"{NOISE}<div class='posting-headline'><h2>Account Manager</h2></div>"
        f"<div data-qa='job-description'>{DUTIES}</div>",
        "lever",
        "Account Manager",
    ),
    (
        "workday",
        f"{NOISE}<h2 data-automation-id='jobPostingHeader'>Inside Sales Rep</h2>"
        f"<div data-automation-id='jobPostingDescription'>{DUTIES}</div>",
        "workday",
        "Inside Sales Rep",
    ),
    (
        "json-ld type list after a broken block",
        "<script type='application/ld+json'>{not json</script>"
        "<script type='application/ld+json'>"
        + '[{"@type": ["JobPosting"], "title": "Field Sales Rep", '
        + f'"description": "<p>Sell.</p>{DUTIES}"'
        + "}]</script>"
        + f"<div id='jobDescriptionText'>Short</div>{NOISE}",
        "json-ld",
        "Field Sales Rep",
    ),
    (
        "plain page",
        f"{NOISE}<aside><ul><li>Other job</li><li>Another job</li></ul></aside>"
        f"<article><h1>Sales Engineer</h1><p>Join us.</p>{DUTIES}</article>",
        "largest-block",
        "Sales Engineer",
    ),
]


@pytest.fixture(scope="module")
def capture_page(browser: Any) -> Iterator[Any]:
    """A blank page with ``captureJobPosting`` defined (the module's exports made plain)."""
    source = (EXTENSION / "capture.js").read_text()
    context = browser.new_context()
    page = context.new_page()
    page.goto("about:blank")
    page.add_script_tag(content=re.sub(r"^export ", "", source, flags=re.MULTILINE))
    yield page
    context.close()


@pytest.mark.parametrize(("name", "body", "source", "title"), CASES, ids=[c[0] for c in CASES])
def test_capture_picks_the_right_source(
    capture_page: Any, name: str, body: str, source: str, title: str
) -> None:
    capture_page.evaluate("html => { document.body.innerHTML = html; }", body)
    found = capture_page.evaluate("captureJobPosting()")
    assert found["source"] == source
    text = found["text"]
    assert text.startswith(title)
    assert "- Negotiate and close annual contracts" in text or (
        "Negotiate and close annual contracts" in text
    )
    assert "Cookie settings" not in text and "Sign in" not in text
