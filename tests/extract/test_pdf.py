"""PDF reading: hidden text, columns, headers and footers, and the real resumes in shared data."""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import pytest

from extract.document import read_document
from extract.records import Document
from tests.extract import factories

HIDDEN_KINDS = ["white", "tiny", "offpage"]


@pytest.mark.parametrize("kind", HIDDEN_KINDS)
def test_hidden_text_is_removed_collected_and_warned(kind: str) -> None:
    document = read_document(factories.hidden_text_pdf(kind), "resume.pdf")
    words = factories.HIDDEN_WORDS[kind]
    for word in words.split():
        assert word not in document.text
    assert document.hidden_text == [words]
    codes = [warning.code for warning in document.warnings]
    assert codes == [f"hidden_text_{kind}"]
    assert "Senior Account Executive" in document.text  # the visible resume is intact


def test_white_text_on_a_dark_fill_is_visible() -> None:
    document = read_document(factories.hidden_text_pdf("white"), "resume.pdf")
    assert "Visible banner text" in document.text


def test_spot_colour_ink_is_visible_and_a_faint_tint_is_not() -> None:
    document = read_document(factories.spot_colour_pdf(), "resume.pdf")
    assert "Senior Account Executive" in document.text
    assert document.hidden_text == [factories.HIDDEN_WORDS["white"]]


def test_visible_resume_has_no_warnings() -> None:
    document = read_document(factories.resume_pdf(), "resume.pdf")
    assert document.warnings == [] and document.hidden_text == []
    assert document.pages[0].columns == 1


@pytest.mark.parametrize("right_leading", [15, 19, 11.5], ids=["rows aligned", "looser", "tighter"])
def test_two_columns_are_kept_apart(right_leading: float) -> None:
    document = read_document(factories.two_column_pdf(right_leading), "resume.pdf")
    assert document.pages[0].columns == 2
    assert "two_columns" in [warning.code for warning in document.warnings]
    lines = document.text.splitlines()
    assert set(factories.LEFT_COLUMN) <= set(lines)  # no line mixes the two columns
    assert set(factories.RIGHT_COLUMN) <= set(lines)
    left = [lines.index(line) for line in factories.LEFT_COLUMN]
    right = [lines.index(line) for line in factories.RIGHT_COLUMN]
    assert left == sorted(left) and right == sorted(right)
    assert max(left) < min(right)
    assert lines[0] == "Casey Morgan"


def test_text_inside_form_xobjects_is_read() -> None:
    document = read_document(factories.form_xobject_pdf(), "resume.pdf")
    assert document.text.splitlines() == [
        "Jordan Avery, Enterprise Account Executive",
        "Closed 2.4M ARR at 131% of quota | Boston, MA",
    ]


def test_link_annotations_are_collected() -> None:
    document = read_document(factories.linked_pdf(), "resume.pdf")
    assert document.links == ["https://www.linkedin.com/in/jordan", "mailto:jordan@example.com"]


def test_running_header_kept_once_on_top_and_page_numbers_dropped() -> None:
    document = read_document(factories.two_page_resume_pdf(), "resume.pdf")
    text = document.text
    assert "Page 1 of 2" not in text and "Page 2 of 2" not in text
    header = "Jordan Avery - jordan.avery@example.com"
    assert text.count(header) == 1 and text.startswith(header)
    for page in document.pages:
        assert header not in page.text and "Page" not in page.text
    assert "contact_in_header" in [warning.code for warning in document.warnings]


def test_page_header_with_a_page_number_is_dropped() -> None:
    document = read_document(factories.two_page_resume_pdf("Jordan Avery, page 2"))
    assert "page 2" not in document.text


def test_running_header_with_page_numbers_keeps_the_name_once() -> None:
    data = factories.two_page_resume_pdf(header="Jordan Avery | Page {number} of 2")
    document = read_document(data)
    assert document.text.splitlines()[0] == "Jordan Avery"
    assert document.text.count("Jordan Avery") == 1 and "Page" not in document.text


# --- the real resumes in shared data --------------------------------------------------------------

VARIED = "resume_pdfs_varied_layouts"


@functools.cache
def read_file(path: Path) -> Document:
    """Each real file is read once per test session."""
    return read_document(path.read_bytes(), path.name)


def _pdfs(shared_data: Path) -> list[Path]:
    return sorted((shared_data / VARIED).rglob("*.pdf"))


def test_every_real_pdf_reads_cleanly(shared_data: Path) -> None:
    paths = _pdfs(shared_data)
    assert len(paths) == 19
    for path in paths:
        document = read_file(path)
        assert document.format == "pdf"
        assert len(document.text) > 1000, path.name
        assert "(cid:" not in document.text, path.name
        assert not re.search(r"[\ufb00-\ufb06\xad\t\r\xa0]", document.text), path.name
        assert document.hidden_text == [], path.name


# The resume-matcher templates: one content in several layouts. Each pair differs only in the
# layout (and the heading words the two-column design adds or drops), measured 0.98 here.
SAME_CONTENT = [
    ("template_single-column.pdf", "template_two-column.pdf"),
    ("template_single-column.pdf", "template_modern-two-column.pdf"),
    ("template_single-column.pdf", "template_modern-single-column.pdf"),
    ("template_modern-single-column.pdf", "template_modern-two-column.pdf"),
    ("template_v1_single_column.pdf", "template_v1_two_column.pdf"),
]


def _words(path: Path) -> Counter[str]:
    return Counter(re.findall(r"\w+", read_file(path).text.lower()))


@pytest.mark.parametrize(("one", "two"), SAME_CONTENT)
def test_same_content_in_other_layouts_gives_the_same_words(
    shared_data: Path, one: str, two: str
) -> None:
    folder = shared_data / VARIED / "resume-matcher"
    first, second = _words(folder / one), _words(folder / two)
    overlap = sum((first & second).values()) / max(sum(first.values()), sum(second.values()))
    assert overlap >= 0.95


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("resume-matcher/template_two-column.pdf", [2]),
        ("resume-matcher/template_single-column.pdf", [1]),
        ("resume-matcher/template_modern-single-column.pdf", [1]),
        ("deedy-resume/deedy_resume-openfont.pdf", [2]),
        ("altacv/sample.pdf", [2, 2]),
        ("awesome-cv/resume.pdf", [1, 1, 1]),  # right-aligned dates are not a column
        ("awesome-cv/cv.pdf", [1, 1, 1, 1, 1]),
    ],
)
def test_columns_detected_on_real_layouts(shared_data: Path, name: str, columns: list[int]) -> None:
    document = read_file(shared_data / VARIED / name)
    assert [page.columns for page in document.pages] == columns


def test_two_column_sidebar_does_not_interleave_with_experience(shared_data: Path) -> None:
    path = shared_data / VARIED / "resume-matcher" / "template_two-column.pdf"
    text = read_file(path).text
    # The sidebar's skill tags come after the experience bullets, not between them.
    sidebar = text.index("Feature Flags")
    assert sidebar > text.index("Led migration of legacy payment reconciliation")
    assert sidebar > text.index("Optimized canvas rendering performance")
    assert "Database Optimization" not in text[: text.index("EDUCATION")]


def test_multi_page_footers_are_removed(shared_data: Path) -> None:
    path = shared_data / VARIED / "awesome-cv" / "cv.pdf"
    document = read_file(path)
    assert "Curriculum Vitae" not in document.text.split("\n\n", 1)[1]
    assert not any(line.strip().isdigit() for line in document.pages[2].text.splitlines()[-3:])


def test_quartz_whitespace_is_normalised(shared_data: Path) -> None:
    path = shared_data / VARIED / "open-resume" / "laverne-resume.pdf"
    text = read_file(path).text
    assert "  " not in text and "\xa0" not in text
    assert "on-campus position" in text and "(909) 555-5555" in text
