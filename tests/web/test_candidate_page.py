"""The candidate page at ``/`` in headless Chromium against the live server."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import pytest
import requests
from bs4 import BeautifulSoup

from bench.resume_factory import GeneratedResume, generate_job, generate_resumes
from tests.web.conftest import Server, save_screenshot, shown

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = 60_000


def sales_resume(seed: int = 7) -> GeneratedResume:
    """A generated account executive's resume (the page's main audience is sales)."""
    for resume in generate_resumes(30, seed=seed):
        if resume.occupation == "account_executive":
            return resume
    raise AssertionError("the generator made no account executive")


def expect() -> Any:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect


def missing_required(report: dict[str, Any]) -> list[str]:
    return sorted(m["name"] for m in report["missing"] if m["importance"] == "required")


def chip_texts(page: Any, heading: str, column: str) -> list[str]:
    """The chip texts of one group ("Shown"/"Missing") of the Required or Preferred column."""
    column_box = page.locator(".skills-grid > div").filter(
        has=page.get_by_role("heading", name=column, exact=True)
    )
    group = column_box.locator(".chip-group").filter(
        has=page.get_by_role("heading", name=heading, exact=True)
    )
    return sorted(t for t in group.locator(".chip:not(.none)").all_inner_texts())


def test_pdf_resume_end_to_end(page: Any, live_server: Server, tmp_path: Path) -> None:
    resume = sales_resume()
    pdf = resume.render_pdf(tmp_path / "resume.pdf")
    job = generate_job("account_executive")
    with pdf.open("rb") as handle:
        direct = requests.post(
            f"{live_server.base}/v1/match",
            files={"resume": ("resume.pdf", handle)},
            data={"job_text": job},
            headers=live_server.headers(),
            timeout=60,
        ).json()

    page.goto(f"{live_server.base}/")
    expect()(page.locator("#privacy-note")).to_contain_text("Nothing is stored")
    page.set_input_files("#resume-file", str(pdf))
    expect()(page.locator("#file-chosen")).to_contain_text("resume.pdf")
    page.fill("#job-text", job)
    save_screenshot(page, "candidate-page.png", scroll_to="body")
    page.click("#submit")

    expect()(page.locator("#score")).to_have_text(shown(direct["score"]), timeout=TIMEOUT_MS)
    expect()(page.locator("#band")).to_have_text(direct["band"])
    assert chip_texts(page, "Missing", "Required") == missing_required(direct)
    assert missing_required(direct), "the generated resume should miss something this job asks"
    rows = page.locator("table.requirements tbody tr")
    expect()(rows).to_have_count(len(direct["requirements"]))
    expect()(page.locator(".components > li")).to_have_count(len(direct["components"]))
    expect()(page.locator(".years-required")).not_to_have_text("")
    suggestions = page.locator("section[aria-labelledby=sec-suggestions] ol > li")
    first = min(direct["suggestions"], key=lambda s: s["priority"])["message"]
    expect()(suggestions.first).to_have_text(first)
    for warning in direct["warnings"]:
        expect()(page.locator(f".warning-{warning['code']}")).to_contain_text(warning["message"])
    save_screenshot(page, "candidate-results.png", scroll_to="#results")


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("resume.pdf", os.urandom(4096), "binary data of an unsupported type"),
        ("resume.pdf", b"", "the file is empty"),
        ("resume.pdf", b"%PDF-1.4\n1 0 obj\n<<", "damaged"),
        ("resume.exe", b"MZ\x90\x00", "choose a PDF, DOCX or TXT file"),  # refused by the page
    ],
)
def test_invalid_file_shows_the_message(
    page: Any, live_server: Server, filename: str, content: bytes, message: str
) -> None:
    page.goto(f"{live_server.base}/")
    page.set_input_files(
        "#resume-file", files=[{"name": filename, "mimeType": "application/pdf", "buffer": content}]
    )
    page.fill("#job-text", generate_job("account_executive"))
    page.click("#submit")
    error = page.locator("#error")
    expect()(error).to_be_visible(timeout=TIMEOUT_MS)
    expect()(error).to_contain_text(message)
    expect()(page.locator("#results")).to_be_hidden()
    if filename == "resume.pdf" and content:
        save_screenshot(page, "candidate-error.png", scroll_to="#submit")


def test_dropped_text_resume_blind_on_a_phone(browser: Any, live_server: Server) -> None:
    """Drag-and-drop, the blind option and a 390 px wide screen without sideways scrolling."""
    resume = sales_resume(seed=11)
    job = generate_job("account_executive")
    direct = live_server.match(resume_text=resume.text, job_text=job, options={"blind": True})
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    context.add_init_script(f"sessionStorage.setItem('jobfit.apiKey', {live_server.key!r})")
    page = context.new_page()
    try:
        page.goto(f"{live_server.base}/")
        dropped = page.evaluate_handle(
            """text => { const data = new DataTransfer();
                data.items.add(new File([text], "dropped.txt", {type: "text/plain"}));
                return data; }""",
            resume.text,
        )
        page.dispatch_event("#dropzone", "drop", {"dataTransfer": dropped})
        expect()(page.locator("#file-chosen")).to_contain_text("dropped.txt")
        page.fill("#job-text", job)
        page.check("#blind")
        page.click("#submit")
        expect()(page.locator("#score")).to_have_text(shown(direct["score"]), timeout=TIMEOUT_MS)
        expect()(page.locator("#results")).to_contain_text("Blind: personal details were left out")
        assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
        save_screenshot(page, "candidate-phone.png", scroll_to="#results")
    finally:
        context.close()


def test_asks_for_the_key_and_keeps_it_in_the_session_only(
    browser: Any, live_server: Server
) -> None:
    context = browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{live_server.base}/")
        expect()(page.locator("#key-panel")).to_be_hidden()
        page.fill("#resume-text", sales_resume().text)
        page.fill("#job-text", generate_job("account_executive"))
        page.click("#submit")
        expect()(page.locator("#error")).to_contain_text(
            "needs a valid API key", timeout=TIMEOUT_MS
        )
        expect()(page.locator("#key-panel")).to_be_visible()
        expect()(page.locator("#api-key")).to_be_focused()
        page.fill("#api-key", live_server.key)
        page.press("#api-key", "Enter")
        page.click("#submit")
        expect()(page.locator("#score")).to_have_text(re.compile(r"^\d+$"), timeout=TIMEOUT_MS)
        storage = page.evaluate(
            "({session: sessionStorage.getItem('jobfit.apiKey'), local: localStorage.length,"
            " cookies: document.cookie})"
        )
        assert storage == {"session": live_server.key, "local": 0, "cookies": ""}
    finally:
        context.close()


def test_keyboard_only_and_labels(page: Any, live_server: Server) -> None:
    page.goto(f"{live_server.base}/")
    unlabelled = page.evaluate(
        """[...document.querySelectorAll('input, textarea, select')]
             .filter(el => !el.labels.length && !el.getAttribute('aria-label'))
             .map(el => el.id || el.name)"""
    )
    assert unlabelled == []
    focused = []
    for _ in range(20):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("document.activeElement.id"))
    # The file picker, both text boxes, the blind box and the button are reached in order.
    wanted = ["resume-file", "resume-text", "job-text", "blind", "submit"]
    assert [name for name in dict.fromkeys(focused) if name in wanted] == wanted


def test_pages_serve_every_asset_from_the_app(live_server: Server) -> None:
    """No CDN, no inline script or style (the CSP forbids them), every asset answered."""
    for path in ("/", "/screen"):
        response = requests.get(f"{live_server.base}{path}", timeout=10)
        assert response.status_code == 200
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
        soup = BeautifulSoup(response.text, "html.parser")
        assert not soup.find_all("style") and not soup.select("[style]")
        assets = [str(tag["src"]) for tag in soup.find_all("script")]
        assets += [str(tag["href"]) for tag in soup.find_all("link")]
        assert assets and all(asset.startswith("/static/") for asset in assets)
        for asset in assets:
            assert requests.get(f"{live_server.base}{asset}", timeout=10).status_code == 200
