"""Browser tests: the real server (``jobfit serve --dev``) on a free loopback port, Debian's
Chromium driven by PyPI playwright, and the job pages of ``fixtures/`` on a small HTTP server.

The server has one API key, so the pages and the extension are tested the way a keyed service
is used; its CORS allowlist admits the extension's fixed ID.
"""

from __future__ import annotations

import base64
import hashlib
import http.server
import json
import math
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pytest
import requests

from bench.live_server import JOBFIT, jobfit_serve

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
EXTENSION = REPO / "extension"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
ONNX_MODEL = REPO / "var" / "models" / "minilm-l6-int8.onnx"
ARTIFACTS = REPO / "test-artifacts"
SCREENSHOTS = REPO / "docs" / "screenshots"
UPDATE_SCREENSHOTS = "JOBFIT_UPDATE_SCREENSHOTS"  # =1: refresh the copies in docs/screenshots
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
KEY_STORAGE = "jobfit.apiKey"  # api/static/js/client.js


def extension_id(manifest_key: str) -> str:
    """Chrome's ID for an extension with this ``key``: sha256 of the key, hex digits as a-p."""
    digest = hashlib.sha256(base64.b64decode(manifest_key)).hexdigest()[:32]
    return "".join(chr(ord("a") + int(digit, 16)) for digit in digest)


def shown(score: float) -> str:
    """A score as the pages show it (JavaScript's Math.round: halves go up)."""
    return str(math.floor(score + 0.5))


def save_screenshot(page: Any, name: str, *, scroll_to: str | None = None) -> Path:
    """The whole page as a test artifact (``test-artifacts/NAME``), and the visible part (scrolled
    to ``scroll_to``) as the smaller copy the docs show (``test-artifacts/docs/NAME``). That copy
    replaces ``docs/screenshots/NAME`` only when JOBFIT_UPDATE_SCREENSHOTS=1 (``make
    screenshots``), so a test run leaves the git tree clean."""
    (ARTIFACTS / "docs").mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    if scroll_to:
        page.evaluate(f"document.querySelector({scroll_to!r}).scrollIntoView()")
    docs_copy = ARTIFACTS / "docs" / name
    page.screenshot(path=str(docs_copy))
    if os.environ.get(UPDATE_SCREENSHOTS) == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(docs_copy, SCREENSHOTS / name)
    return path


@dataclass(frozen=True)
class Server:
    base: str
    key: str
    log: Path

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    def match(self, **body: Any) -> dict[str, Any]:
        response = requests.post(
            f"{self.base}/v1/match", json=body, headers=self.headers(), timeout=60
        )
        assert response.status_code == 200, response.text
        result: dict[str, Any] = response.json()
        return result


def _server_env(data_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "JOBFIT_DATABASE_URL", "JOBFIT_REDIS_URL"):
        env.pop(name, None)
    manifest = json.loads((EXTENSION / "manifest.json").read_text())
    env.update(
        JOBFIT_DATA_DIR=str(data_dir),
        JOBFIT_RATE_LIMIT="100000/minute",
        JOBFIT_CORS_ORIGINS=f"chrome-extension://{extension_id(manifest['key'])}",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        OMP_NUM_THREADS="1",
    )
    if ONNX_MODEL.is_file():
        env["JOBFIT_ONNX_MODEL"] = str(ONNX_MODEL)
    else:
        env["JOBFIT_ENCODER"] = "torch"
    return env


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``jobfit serve --dev --with-worker`` with one API key, until the session ends."""
    root = tmp_path_factory.mktemp("web-server")
    env = _server_env(root / "var")
    created = subprocess.run(
        [*JOBFIT, "keys", "create", "--name", "web-tests"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    key = created.stdout.strip().splitlines()[0].strip()
    options = ["--dev", "--with-worker"]
    with jobfit_serve(options, env, root / "server.log") as server:
        yield Server(base=server.base, key=key, log=server.log)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        return


@pytest.fixture(scope="session")
def job_pages() -> Iterator[str]:
    """The fixture job pages at ``http://localhost:PORT/`` (a different origin from the API)."""
    handler = partial(_QuietHandler, directory=str(FIXTURES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://localhost:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Any) -> Iterator[Any]:
    launched = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=BROWSER_ARGS
    )
    yield launched
    launched.close()


@pytest.fixture
def page(browser: Any, live_server: Server) -> Iterator[Any]:
    """A fresh context (own storage) whose session already holds the API key."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, accept_downloads=True)
    context.add_init_script(f"sessionStorage.setItem({KEY_STORAGE!r}, {live_server.key!r})")
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture(scope="module")
def extension_context(playwright: Any) -> Iterator[tuple[Any, str]]:
    """Chromium with the extension loaded unpacked (new headless mode): (context, extension id).

    The loaded copy also holds host access to the fixture pages' origin, standing in for the
    ``activeTab`` grant that a click on the toolbar button gives (headless has no toolbar).
    """
    root = Path(tempfile.mkdtemp(prefix="jobfit-ext-"))
    unpacked = root / "extension"
    shutil.copytree(EXTENSION, unpacked)
    manifest = json.loads((unpacked / "manifest.json").read_text())
    manifest["host_permissions"] = ["http://localhost/*"]
    (unpacked / "manifest.json").write_text(json.dumps(manifest, indent=2))
    context = playwright.chromium.launch_persistent_context(
        str(root / "profile"),
        executable_path=str(CHROMIUM),
        headless=True,
        viewport={"width": 1000, "height": 800},
        args=[
            *BROWSER_ARGS,
            f"--disable-extensions-except={unpacked}",
            f"--load-extension={unpacked}",
        ],
    )
    try:
        yield context, extension_id(manifest["key"])
    finally:
        context.close()
        shutil.rmtree(root, ignore_errors=True)
