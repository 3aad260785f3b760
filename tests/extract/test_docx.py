"""DOCX reading: document order with tables, headers kept out of the body, hidden runs."""

from __future__ import annotations

import functools
import re
from collections import Counter
from pathlib import Path

import pytest

from extract.document import read_document
from extract.records import Document
from tests.extract import factories


def test_paragraphs_and_table_cells_in_document_order() -> None:
    table = [["Experience", "Skills"], ["Account Executive, Acme", "Salesforce, Gong"]]
    document = read_document(factories.docx(paragraphs=["Jordan Avery"], table=table))
    lines = document.text.splitlines()
    expected = [
        "Jordan Avery",
        "Experience",
        "Skills",
        "Account Executive, Acme",
        "Salesforce, Gong",
        "Closing line after the table",
    ]
    assert [line for line in lines if line] == expected
    assert document.format == "docx"


def test_list_paragraphs_keep_a_bullet() -> None:
    import io

    from docx import Document

    doc = Document()
    doc.add_paragraph("Account Executive, Acme")
    doc.add_paragraph("Closed 2.4M ARR", style="List Bullet")
    doc.add_paragraph("Ranked #1 of 12", style="List Number")
    out = io.BytesIO()
    doc.save(out)
    lines = read_document(out.getvalue()).text.splitlines()
    assert lines == ["Account Executive, Acme", "- Closed 2.4M ARR", "- Ranked #1 of 12"]


def test_merged_cells_are_read_once() -> None:
    import io

    from docx import Document

    doc = Document()
    grid = doc.add_table(rows=2, cols=2)
    merged = grid.cell(0, 0).merge(grid.cell(0, 1))
    merged.text = "Sales Development Representative"
    grid.cell(1, 0).text = "Left"
    grid.cell(1, 1).text = "Right"
    out = io.BytesIO()
    doc.save(out)
    text = read_document(out.getvalue()).text
    assert text.count("Sales Development Representative") == 1
    assert "Left\nRight" in text


def test_header_contact_is_reported_and_kept_out_of_the_body() -> None:
    header = "jordan.avery@example.com | +1 415 555 0100"
    document = read_document(factories.docx(header=header))
    assert "contact_in_header" in [warning.code for warning in document.warnings]
    assert document.text.startswith(header)  # once, above everything, not inside a section
    assert document.text.count("jordan.avery@example.com") == 1


def test_header_without_contact_stays_out() -> None:
    document = read_document(factories.docx(header="Resume of Jordan Avery - page"))
    assert "Resume of Jordan Avery" not in document.text
    assert document.warnings == []


def test_contact_in_body_and_header_gives_no_warning() -> None:
    paragraphs = ["jordan.avery@example.com", *factories.RESUME_LINES[2:]]
    document = read_document(
        factories.docx(paragraphs=paragraphs, header="jordan.avery@example.com")
    )
    assert document.warnings == []


@pytest.mark.parametrize("kind", ["vanish", "white", "tiny"])
def test_hidden_runs_are_removed_and_warned(kind: str) -> None:
    words = "Kubernetes Terraform Snowflake"
    document = read_document(factories.docx(hidden_runs={kind: words}))
    assert "Kubernetes" not in document.text
    assert "Visible lead" in document.text
    assert document.hidden_text == [words]
    assert [warning.code for warning in document.warnings] == [f"hidden_text_{kind}"]


def test_text_boxes_are_read() -> None:
    import io
    import zipfile

    box = (
        '<w:p><w:r><w:drawing><wp:anchor xmlns:wp="http://schemas.openxmlformats.org/'
        'drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/'
        'drawingml/2006/main"><a:graphicData><wps:wsp xmlns:wps="http://schemas.microsoft.com/office/'
        'word/2010/wordprocessingShape"><wps:txbx><w:txbxContent><w:p><w:r><w:t>Quota 131%</w:t>'
        "</w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></w:r></w:p>"
    )
    source = factories.docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:sectPr", box.encode() + b"<w:sectPr", 1)
            new.writestr(item, data)
    assert "Quota 131%" in read_document(out.getvalue()).text


_INLINE_PICTURE = (
    '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:r><w:drawing>'
    '<wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing">'
    '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData>'
    "<a:blipFill/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
)


def _white_run_docx(
    shade_cell: bool = False, filled_shape: bool = False, headshot: bool = False
) -> bytes:
    import io

    from docx import Document
    from docx.oxml import parse_xml
    from docx.shared import RGBColor

    doc = Document()
    doc.add_paragraph("Account Executive at Acme")
    cell = doc.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run("Negotiation Forecasting").font.color.rgb = RGBColor(255, 255, 255)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    if shade_cell:
        cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {w} w:val="clear" w:fill="1F3864"/>'))
    if filled_shape:
        doc.element.insert(0, parse_xml(f'<w:background {w} w:color="1F3864"/>'))
    if headshot:  # an inline picture is no background for the white text
        doc.element.body.insert(0, parse_xml(_INLINE_PICTURE))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("shade_cell", "filled_shape", "headshot", "hidden"),
    [
        (False, False, False, True),
        (True, False, False, False),
        (False, True, False, False),
        (False, False, True, True),
    ],
    ids=[
        "white on white",
        "white in a dark cell",
        "white on a dark page background",
        "white beside an inline photo",
    ],
)
def test_white_text_is_hidden_only_on_white(
    shade_cell: bool, filled_shape: bool, headshot: bool, hidden: bool
) -> None:
    document = read_document(_white_run_docx(shade_cell, filled_shape, headshot))
    assert ("Negotiation Forecasting" not in document.text) is hidden
    assert (document.hidden_text == ["Negotiation Forecasting"]) is hidden


def test_every_real_docx_reads(shared_data: Path) -> None:
    paths = sorted(shared_data.rglob("*.docx"))
    assert len(paths) >= 70
    links = []
    for path in paths:
        document = read_file(path)
        assert document.format == "docx"
        assert len(document.text) > 200, path.name
        assert document.hidden_text == [], path.name  # sidebars of white text on shapes stay
        links.extend(document.links)
    assert any(link.startswith("mailto:") for link in links)
    assert any("linkedin.com/in/" in link for link in links)


def _docx_with_body_xml(xml: str) -> bytes:
    """A DOCX whose body starts with ``xml`` (WordprocessingML, ``w:`` prefix)."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(factories.docx())) as old, zipfile.ZipFile(out, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:body>", b"<w:body>" + xml.encode(), 1)
            new.writestr(item, data)
    return out.getvalue()


def _p(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


WORD_XML = [
    (
        "block content control",
        f"<w:sdt><w:sdtPr/><w:sdtContent>{_p('Quota 131%')}</w:sdtContent></w:sdt>",
        ["Quota 131%"],
        [],
    ),
    (
        "inline content control",
        "<w:p><w:r><w:t>Closed </w:t></w:r><w:sdt><w:sdtContent><w:r><w:t>2.4M ARR</w:t></w:r>"
        "</w:sdtContent></w:sdt></w:p>",
        ["Closed 2.4M ARR"],
        [],
    ),
    (
        "tracked changes",
        "<w:p><w:ins><w:r><w:t>President's Club</w:t></w:r></w:ins><w:del><w:r>"
        "<w:delText>Rookie of the Year</w:delText></w:r></w:del></w:p>",
        ["President's Club"],
        ["Rookie"],
    ),
    (
        "VML text box",
        '<w:p><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        f"<w:txbxContent>{_p('Enterprise AE')}</w:txbxContent></v:textbox></v:shape></w:pict>"
        "</w:r></w:p>",
        ["Enterprise AE"],
        [],
    ),
    (
        "field and smart tag",
        '<w:p><w:fldSimple w:instr="AUTHOR"><w:r><w:t>Jordan</w:t></w:r></w:fldSimple>'
        "<w:smartTag><w:r><w:t> Avery</w:t></w:r></w:smartTag></w:p>",
        ["Jordan Avery"],
        [],
    ),
]


@pytest.mark.parametrize(
    ("xml", "present", "absent"),
    [case[1:] for case in WORD_XML],
    ids=[case[0] for case in WORD_XML],
)
def test_word_structures(xml: str, present: list[str], absent: list[str]) -> None:
    text = read_document(_docx_with_body_xml(xml)).text
    for fragment in present:
        assert fragment in text.splitlines()
    for fragment in absent:
        assert fragment not in text


def test_real_cvs_match_their_text_exports(shared_data: Path) -> None:
    """The Vanetik CVs ship with plain-text exports: the DOCX reading must give the same words."""
    folder = shared_data / "vacancy_resume_ranking_vanetik"
    pairs = [
        (path, folder / "CV_txt" / f"{path.stem}.txt") for path in (folder / "CV").glob("*.docx")
    ]
    assert len(pairs) == 65
    for docx_path, text_path in pairs:
        from_docx = _word_counts(read_file(docx_path).text)
        from_text = _word_counts(read_document(text_path.read_bytes()).text)
        assert from_docx == from_text, docx_path.name


@functools.cache
def read_file(path: Path) -> Document:
    """Each real file is read once per test session."""
    return read_document(path.read_bytes(), path.name)


def _word_counts(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))
