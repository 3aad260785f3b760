"""HTML reading: block elements become lines, scripts and hidden elements never reach the text."""

from __future__ import annotations

import pytest

from extract.document import read_document
from tests.extract import factories


def test_blocks_become_lines_and_scripts_are_dropped() -> None:
    document = read_document(factories.resume_html(hidden=False), "cv.html")
    lines = [line for line in document.text.splitlines() if line]
    assert lines[:3] == ["Jordan Avery", "jordan.avery@example.com", "Experience"]
    assert "- Closed $1.2M ARR" in lines and "- 128% of quota" in lines
    assert "Line one" in lines and "Line two" in lines
    assert "in a script" not in document.text and "color: red" not in document.text
    assert "CV" not in lines  # the <title> is metadata, not resume text
    assert document.warnings == []


def test_hidden_elements_are_removed_and_warned() -> None:
    document = read_document(factories.resume_html(), "cv.html")
    for word in ("Kubernetes", "Terraform", "Haskell", "Erlang", "Cobol"):
        assert word not in document.text
    assert document.hidden_text == ["Kubernetes Terraform", "Haskell Erlang", "Cobol"]
    assert [warning.code for warning in document.warnings] == ["hidden_text_css"]


@pytest.mark.parametrize(
    "markup",
    [
        "<div>Visible</div><div style='display: none'>Secret</div><p>Also visible</p>",
        "<p>Visible</p><p style='VISIBILITY:hidden'>Secret</p><p>Also visible</p>",
        "<p>Visible</p><span style='font-size:0px'>Secret</span><p>Also visible</p>",
        "<p>Visible</p><section hidden><p>Secret</p></section><p>Also visible</p>",
        "<style>.ats, #k {display:none}</style><p>Visible</p><p class='x ats'>Secret</p>"
        "<p>Also visible</p>",
        "<style>p {color: red} #k { visibility : hidden }</style><p>Visible</p>"
        "<div id='k'>Secret</div><p>Also visible</p>",
    ],
)
def test_each_way_of_hiding(markup: str) -> None:
    document = read_document(f"<html><body>{markup}</body></html>".encode(), "a.html")
    assert "Secret" not in document.text
    assert "Visible" in document.text and "Also visible" in document.text
    assert document.hidden_text == ["Secret"]


def test_entities_and_table_cells() -> None:
    markup = b"<html><body><table><tr><td>AT&amp;T</td><td>2019&nbsp;&ndash;&nbsp;2021</td></tr>"
    markup += b"</table></body></html>"
    lines = read_document(markup).text.splitlines()
    assert lines == ["AT&T", "2019 \u2013 2021"]


def test_links_and_list_items() -> None:
    markup = (
        b"<html><body><ul><li><p>Closed <a href='https://crm.example/deal'>deal</a></p></li></ul>"
        b"<a href='mailto:jo@example.com'>Email</a> <a href='#top'>top</a>"
        b"<a href='javascript:void(0)'>x</a></body></html>"
    )
    document = read_document(markup)
    assert document.text.splitlines()[0] == "- Closed deal"
    assert document.links == ["https://crm.example/deal", "mailto:jo@example.com"]


def test_deep_nesting_is_read_without_exhausting_the_stack() -> None:
    depth = 20_000
    markup = (
        b"<html><body>" + b"<div>" * depth + b"Quota 131%" + b"</div>" * depth + b"</body></html>"
    )
    assert read_document(markup).text == "Quota 131%"
