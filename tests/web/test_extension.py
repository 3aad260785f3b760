"""The Manifest V3 extension, loaded unpacked in headless Chromium: options (service, key,
resume through /v1/extract), capture on three fixture job pages, match against the live server."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bench.resume_factory import generate_resumes
from tests.web.conftest import EXTENSION, Server, extension_id, save_screenshot, shown

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TIMEOUT_MS = 60_000
MANIFEST = json.loads((EXTENSION / "manifest.json").read_text())

# fixture page, capture source, text it must capture, text it must leave out
PAGES = [
    ("jsonld.html", "json-ld", "MEDDICC or MEDDPICC qualification", "This visible summary"),
    (
        "greenhouse.html",
        "greenhouse",
        "Experience with Salesforce and Outreach",
        "Apply for this job",
    ),
    ("plain.html", "largest-block", "Experience with Gainsight", "Cookie settings"),
]


def expect() -> Any:
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect


def test_manifest_asks_for_the_minimum() -> None:
    assert MANIFEST["manifest_version"] == 3
    assert sorted(MANIFEST["permissions"]) == ["activeTab", "scripting", "storage"]
    assert "host_permissions" not in MANIFEST and "content_scripts" not in MANIFEST
    assert MANIFEST["content_security_policy"]["extension_pages"].startswith("script-src 'self'")
    for path in EXTENSION.glob("*.js"):
        lines = path.read_text().splitlines()
        code = "\n".join(line for line in lines if not line.strip().startswith("//"))
        assert not re.search(r"https?://[\w.-]+", code), f"{path.name} names a remote URL"
        assert "eval(" not in code and "new Function" not in code, path.name
    for path in EXTENSION.glob("*.html"):
        for src in re.findall(r"<script[^>]*src=\"([^\"]+)\"", path.read_text()):
            assert not src.startswith(("http:", "https:", "//")), f"{path.name} loads {src}"


@pytest.fixture(scope="module")
def configured(
    extension_context: tuple[Any, str],
    live_server: Server,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Any, str, Any]:
    """The options saved (service URL, key) and a generated PDF resume uploaded once."""
    context, ext_id = extension_context
    resume = next(r for r in generate_resumes(30, seed=5) if r.occupation == "account_executive")
    pdf = resume.render_pdf(tmp_path_factory.mktemp("ext") / "my-resume.pdf")
    options = context.new_page()
    options.goto(f"chrome-extension://{ext_id}/options.html")
    options.fill("#service-url", f"{live_server.base}/")
    options.fill("#api-key", live_server.key)
    options.click("#service-form button[type=submit]")
    expect()(options.locator("#service-status")).to_contain_text(
        f"Requests go to {live_server.base}"
    )
    options.set_input_files("#resume-file", str(pdf))
    expect()(options.locator("#resume-status")).to_have_text(
        re.compile(r"^Saved: my-resume\.pdf \(\d+ characters"), timeout=TIMEOUT_MS
    )
    save_screenshot(options, "extension-options.png")
    return context, ext_id, options


def stored(options: Any) -> dict[str, Any]:
    found: dict[str, Any] = options.evaluate("chrome.storage.local.get(null)")
    return found


def open_popup(context: Any, ext_id: str, options: Any, url: str) -> Any:
    """Open the job page in a tab, then the popup page aimed at that tab (``?tab=ID``)."""
    before = set(options.evaluate("(async () => (await chrome.tabs.query({})).map(t => t.id))()"))
    job = context.new_page()
    job.goto(url)
    after = set(options.evaluate("(async () => (await chrome.tabs.query({})).map(t => t.id))()"))
    (tab_id,) = after - before
    popup = context.new_page()
    popup.set_viewport_size({"width": 420, "height": 720})
    popup.goto(f"chrome-extension://{ext_id}/popup.html?tab={tab_id}")
    return popup


def test_the_service_worker_runs_under_the_fixed_id(configured: tuple[Any, str, Any]) -> None:
    context, ext_id, options = configured
    # The options page's calls went through the service worker, so it is running (or was).
    workers = context.service_workers or [context.wait_for_event("serviceworker")]
    assert workers[0].url == f"chrome-extension://{ext_id}/service-worker.js"
    assert ext_id == extension_id(MANIFEST["key"])
    settings = stored(options)
    assert settings["apiKey"] and settings["serviceUrl"].startswith("http://127.0.0.1:")
    assert (
        settings["resume"]["filename"] == "my-resume.pdf" and len(settings["resume"]["text"]) > 200
    )


@pytest.mark.parametrize(("name", "source", "wanted", "unwanted"), PAGES)
def test_capture_and_match(
    configured: tuple[Any, str, Any],
    live_server: Server,
    job_pages: str,
    name: str,
    source: str,
    wanted: str,
    unwanted: str,
) -> None:
    context, ext_id, options = configured
    popup = open_popup(context, ext_id, options, f"{job_pages}/{name}")
    box = popup.locator("#job-text")
    expect()(popup.locator("#capture-source")).to_have_attribute("data-source", source)
    expect()(box).to_have_value(re.compile(re.escape(wanted)))
    assert unwanted not in box.input_value()

    if source == "largest-block":  # the user edits the capture before scoring
        box.fill(box.input_value() + "\n- Experience with HubSpot")
    job_text = box.input_value()
    direct = live_server.match(resume_text=stored(options)["resume"]["text"], job_text=job_text)

    popup.click("#score-button")
    expect()(popup.locator("#result")).to_be_visible(timeout=TIMEOUT_MS)
    expect()(popup.locator("#score")).to_have_text(shown(direct["score"]))
    expect()(popup.locator("#band")).to_have_text(direct["band"])
    missing = sorted(m["name"] for m in direct["missing"] if m["importance"] == "required")
    chips = sorted(popup.locator("#missing-required .chip.missing").all_inner_texts())
    assert chips == missing
    top = sorted(direct["suggestions"], key=lambda s: s["priority"])[:3]
    assert popup.locator("#suggestions li").all_inner_texts() == [s["message"] for s in top]
    if source == "largest-block":
        assert "HubSpot" in json.dumps(direct["missing"] + direct["matched"])
    save_screenshot(popup, f"extension-popup-{source}.png")
    popup.close()


def test_full_report_link_opens_the_web_page(
    configured: tuple[Any, str, Any], live_server: Server, job_pages: str
) -> None:
    context, ext_id, options = configured
    popup = open_popup(context, ext_id, options, f"{job_pages}/jsonld.html")
    expect()(popup.locator("#capture-source")).to_have_attribute("data-source", "json-ld")
    popup.click("#score-button")
    expect()(popup.locator("#result")).to_be_visible(timeout=TIMEOUT_MS)
    score = popup.locator("#score").inner_text()
    link = popup.locator("#report-link").get_attribute("href")
    assert link is not None and link.startswith(f"{live_server.base}/#report=")
    report_page = context.new_page()
    report_page.goto(link)
    expect()(report_page.locator("#results #score")).to_have_text(score)
    expect()(report_page.locator("#results")).to_contain_text(
        "came from the jobfit browser extension"
    )
    save_screenshot(report_page, "extension-full-report.png", scroll_to="#results")


def test_errors_read_well_and_the_resume_can_be_cleared(
    configured: tuple[Any, str, Any], job_pages: str
) -> None:
    context, ext_id, options = configured
    # A page the extension may not read: the popup says so and leaves the box for pasting.
    blocked = open_popup(context, ext_id, options, "about:blank")
    expect()(blocked.locator("#error")).to_contain_text("Paste the job description")
    blocked.close()
    # A wrong key: the service's 401 becomes a message that says what to do.
    saved_key = stored(options)["apiKey"]
    options.evaluate("chrome.storage.local.set({apiKey: 'wrong-key'})")
    popup = open_popup(context, ext_id, options, f"{job_pages}/greenhouse.html")
    expect()(popup.locator("#job-text")).to_have_value(re.compile("Sales Development"))
    popup.click("#score-button")
    expect()(popup.locator("#error")).to_contain_text("needs an API key", timeout=TIMEOUT_MS)
    options.evaluate(f"chrome.storage.local.set({{apiKey: {json.dumps(saved_key)}}})")
    # Clearing the resume removes it from storage; the popup then asks for one.
    options.click("#clear-resume")
    expect()(options.locator("#resume-status")).to_have_text("No resume saved.")
    assert "resume" not in stored(options)
    popup.reload()
    expect()(popup.locator("#setup")).to_contain_text("your resume")


def test_chromium_decodes_the_icons(configured: tuple[Any, str, Any]) -> None:
    _, ext_id, options = configured
    decode = """async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode();
        return [image.naturalWidth, image.naturalHeight];
    }"""
    for size, path in MANIFEST["icons"].items():
        found = options.evaluate(decode, f"chrome-extension://{ext_id}/{path}")
        assert found == [int(size), int(size)]


def test_privacy_note_exists() -> None:
    note = (Path(__file__).resolve().parents[2] / "docs" / "PRIVACY-EXTENSION.md").read_text()
    for topic in ("/v1/extract", "/v1/match", "chrome.storage.local", "remote code"):
        assert topic in note
