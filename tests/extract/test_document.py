"""read_document: formats recognised by content, one Document shape for all, limits and time."""

from __future__ import annotations

import codecs
import threading
import time
from collections.abc import Callable

import pytest

from extract.document import read_document
from extract.limits import Limits, run_with_deadline
from extract.records import Document
from jobfit.config import Config
from jobfit.errors import EncryptedDocument, JobfitError, ParseTimeout
from tests.extract import factories

TEXT = "Jordan Avery\nAccount Executive\nReached 128% of quota selling Salesforce add-ons"

FORMATS: list[tuple[str, Callable[[], bytes], str | None, str, list[str]]] = [
    ("pdf", factories.resume_pdf, "resume.pdf", "pdf", ["Senior Account Executive", "128%"]),
    ("pdf named .txt", factories.resume_pdf, "resume.txt", "pdf", ["MEDDICC"]),
    ("pdf without a name", factories.resume_pdf, None, "pdf", ["HubSpot"]),
    (
        "pdf with an owner password only",
        lambda: factories.encrypted_pdf(""),
        None,
        "pdf",
        ["Bolt Software"],
    ),
    ("docx", factories.docx, "resume.docx", "docx", ["Acme Cloud", "President's Club"]),
    ("docx named .pdf", factories.docx, "resume.pdf", "docx", ["Bolt Software"]),
    ("html", factories.resume_html, "cv.html", "html", ["Jordan Avery", "$1.2M ARR"]),
    (
        "xhtml",
        lambda: b'<?xml version="1.0"?>\n<html><body><p>Quota 131%</p></body></html>',
        None,
        "html",
        ["Quota 131%"],
    ),
    ("html named .txt", factories.resume_html, "cv.txt", "html", ["128% of quota"]),
    ("text utf-8", lambda: TEXT.encode(), "cv.txt", "text", ["Account Executive"]),
    ("text utf-8 BOM", lambda: codecs.BOM_UTF8 + TEXT.encode(), "cv.txt", "text", ["Jordan"]),
    ("text utf-16 BOM", lambda: TEXT.encode("utf-16"), None, "text", ["128% of quota"]),
    (
        "text utf-16-be BOM",
        lambda: codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        None,
        "text",
        ["Salesforce"],
    ),
    ("text utf-16 without BOM", lambda: TEXT.encode("utf-16-le"), None, "text", ["Avery"]),
    ("text cp1252", lambda: "Café – résumé".encode("cp1252"), "cv.txt", "text", ["Café – résumé"]),
    ("text CRLF", lambda: TEXT.replace("\n", "\r\n").encode(), None, "text", ["Avery\nAccount"]),
    (
        "markdown",
        lambda: b"# Jordan Avery\n\n## Experience\n\n- **Closed** $1.2M\n",
        "cv.md",
        "markdown",
        ["Jordan Avery\n", "- Closed $1.2M"],
    ),
    (
        "markdown by content",
        lambda: b"# Jordan\n\n[Portfolio](https://x.dev)\n",
        None,
        "markdown",
        ["Portfolio"],
    ),
]


@pytest.mark.parametrize(
    ("make", "filename", "fmt", "expected"),
    [case[1:] for case in FORMATS],
    ids=[case[0] for case in FORMATS],
)
def test_format_recognised_by_content(
    make: Callable[[], bytes], filename: str | None, fmt: str, expected: list[str]
) -> None:
    document = read_document(make(), filename)
    assert isinstance(document, Document)
    assert document.format == fmt
    for fragment in expected:
        assert fragment in document.text
    assert document.pages and document.pages[0].number == 1
    assert "\r" not in document.text and "\t" not in document.text


def test_non_utf8_text_is_decoded_with_a_warning() -> None:
    document = read_document("Gérant – 120 % du quota".encode("cp1252"), "cv.txt")
    assert document.text == "Gérant – 120 % du quota"
    assert [w.code for w in document.warnings] == ["non_utf8_text"]


def test_utf8_text_has_no_warnings() -> None:
    assert read_document(TEXT.encode()).warnings == []


def test_markdown_markup_is_stripped_but_words_kept() -> None:
    markdown = (
        b"# Jordan Avery\n\n**Account Executive** at __Acme__\n\n"
        b"* Used `Salesforce` daily\n\n[LinkedIn](https://linkedin.com/in/jordan)\n\n---\n"
        b"Skills\n======\nGong\n"
    )
    text = read_document(markdown, "cv.md").text
    assert text.splitlines()[0] == "Jordan Avery"
    assert "Account Executive at Acme" in text
    assert "- Used Salesforce daily" in text
    assert "LinkedIn (https://linkedin.com/in/jordan)" in text
    assert "**" not in text and "#" not in text and "---" not in text and "==" not in text
    assert {"Skills", "Gong"} <= set(text.splitlines())


def test_limits_from_config() -> None:
    config = Config(max_file_bytes=1234, max_pages=3, parse_timeout_s=1.5)
    assert Limits.from_config(config) == Limits(max_bytes=1234, max_pages=3, timeout_s=1.5)
    assert Limits() == Limits.from_config(Config())


def test_parse_over_the_time_limit_raises_parse_timeout() -> None:
    with pytest.raises(ParseTimeout):
        read_document(factories.dense_pdf(), "big.pdf", Limits(timeout_s=0.01))


def test_deadline_holds_when_the_parser_swallows_the_alarm() -> None:
    """A parser that catches everything (or an alarm landing in a finaliser) still times out."""

    def stubborn() -> str:
        end = time.monotonic() + 0.3
        while time.monotonic() < end:
            try:
                time.sleep(0.002)
            except BaseException:  # swallowing the alarm is the point of the test
                pass
        return "finished"

    with pytest.raises(ParseTimeout):
        run_with_deadline(stubborn, timeout_s=0.01)


def test_timer_is_disarmed_after_a_parse() -> None:
    import signal

    read_document(factories.resume_pdf(), limits=Limits(timeout_s=5))
    delay, _ = signal.getitimer(signal.ITIMER_REAL)
    assert delay == 0 or delay > 5  # nothing of ours left armed (pytest-timeout's may be)


def _in_thread(fn: Callable[[], object]) -> object:
    """Run ``fn`` off the main thread (as a threaded web server would); return result or error."""
    outcome: list[object] = []

    def target() -> None:
        try:
            outcome.append(fn())
        except JobfitError as exc:
            outcome.append(exc)

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(120)
    assert outcome, "the parse did not return"
    return outcome[0]


def test_off_the_main_thread_the_parse_runs_in_a_child_process() -> None:
    result = _in_thread(lambda: read_document(factories.resume_pdf(), "cv.pdf"))
    assert isinstance(result, Document)
    assert "Senior Account Executive" in result.text


def test_off_the_main_thread_errors_keep_their_class() -> None:
    result = _in_thread(lambda: read_document(factories.encrypted_pdf(), "cv.pdf"))
    assert isinstance(result, EncryptedDocument)


def test_off_the_main_thread_a_runaway_parse_is_killed() -> None:
    result = _in_thread(lambda: run_with_deadline(_spin, timeout_s=0.5))
    assert isinstance(result, ParseTimeout)


def _spin() -> None:
    while True:
        pass


def test_on_the_main_thread_a_runaway_parse_is_interrupted() -> None:
    with pytest.raises(ParseTimeout):
        run_with_deadline(_spin, timeout_s=0.2)
