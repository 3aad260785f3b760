"""DOCX to Document with python-docx, after checking the archive and its XML are safe to open.

Body paragraphs and tables come out in document order (tables often hold two-column resumes),
text boxes included; page headers and footers stay out of the body. Runs a reader cannot see
(``w:vanish``, white, under 2 pt) are removed and reported.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException
from docx import Document as open_docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

from extract.archive import zip_bomb_refusal
from extract.cleanup import clean_text
from extract.doc_warnings import LIGHT, contact_in_header_warning, has_contact, hidden_warnings
from extract.limits import Limits
from extract.records import Document, DocWarning, Page
from jobfit.errors import CorruptDocument, EmptyDocument, UnsafeDocument

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_MAX_ENTRIES = 2000


@dataclass
class _Body:
    white_is_visible: bool = False  # the document draws filled shapes that white text may sit on
    lines: list[str] = field(default_factory=list)
    hidden: list[tuple[str, str]] = field(default_factory=list)


def read_docx(data: bytes, limits: Limits) -> Document:
    check_archive(data, limits)
    try:
        docx = open_docx(io.BytesIO(data))
    except (
        PackageNotFoundError,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        zlib.error,
    ) as exc:
        raise CorruptDocument("the DOCX file is damaged and cannot be read") from exc
    except etree.XMLSyntaxError as exc:
        raise CorruptDocument("the DOCX file contains malformed XML") from exc
    body = _Body(white_is_visible=_has_backdrops(docx.element))
    _read_container(docx.element.body, body)
    header = _Body(white_is_visible=body.white_is_visible)
    for section in docx.sections:
        for part in (
            section.header,
            section.footer,
            section.first_page_header,
            section.first_page_footer,
            section.even_page_header,
            section.even_page_footer,
        ):
            if not part.is_linked_to_previous:
                _read_container(part._element, header)
    text = clean_text("\n".join(body.lines))
    warnings: list[DocWarning] = []
    header_text = clean_text("\n".join(dict.fromkeys(header.lines)))
    if has_contact(header_text) and not has_contact(text):
        warnings.append(contact_in_header_warning())
        # Kept once at the top so contact details are not lost, never inside a section.
        text = f"{header_text}\n\n{text}".strip()
    hidden = [(reason, clean_text(words)) for reason, words in body.hidden + header.hidden]
    hidden = [(reason, words) for reason, words in hidden if words]
    warnings.extend(hidden_warnings(reason for reason, _ in hidden))
    if not text:
        raise EmptyDocument("the DOCX document contains no visible text")
    return Document(
        format="docx",
        text=text,
        pages=[Page(number=1, text=text)],
        warnings=warnings,
        hidden_text=[words for _, words in hidden],
        links=list(
            dict.fromkeys(
                rel.target_ref
                for rel in docx.part.rels.values()
                if rel.reltype == RT.HYPERLINK and rel.is_external
            )
        ),
    )


def check_archive(data: bytes, limits: Limits) -> None:
    """Refuse zip bombs and XML attacks before python-docx inflates anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            refusal = zip_bomb_refusal(
                entries,
                what="the DOCX archive",
                max_entries=_MAX_ENTRIES,
                max_bytes=limits.max_unzipped_bytes,
                max_ratio=limits.max_zip_ratio,
            )
            if refusal is not None:
                raise refusal
            for entry in entries:
                if entry.filename.endswith((".xml", ".rels")):
                    _check_xml(archive.read(entry), entry.filename, limits.max_xml_depth)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        zlib.error,
    ) as exc:
        raise CorruptDocument("the DOCX archive is damaged") from exc
    except NotImplementedError as exc:  # unsupported compression or encryption of entries
        raise CorruptDocument("the DOCX archive uses an unsupported compression method") from exc


def _check_xml(xml: bytes, name: str, max_depth: int) -> None:
    """No DTD, no entities, no external references, nesting no deeper than ``max_depth``."""
    depth = 0
    try:
        for event, _ in safe_et.iterparse(
            io.BytesIO(xml), events=("start", "end"), forbid_dtd=True
        ):
            depth += 1 if event == "start" else -1
            if depth > max_depth:
                raise UnsafeDocument(f"{name} nests XML deeper than {max_depth} levels")
    except DefusedXmlException as exc:
        raise UnsafeDocument(f"{name} declares a DTD or entities, which are refused") from exc
    except safe_et.ParseError as exc:
        raise CorruptDocument(f"{name} in the DOCX archive is not well-formed XML") from exc


# Elements whose text is not shown: properties, deleted revisions, VML copies of drawings.
_SKIPPED = frozenset(
    f"{W}{name}"
    for name in "pPr rPr tblPr trPr tcPr sectPr sdtPr sdtEndPr tblGrid del moveFrom".split()
) | {f"{MC}Fallback"}
_RUN_BARRIERS = _SKIPPED | {f"{W}txbxContent"}


def _read_container(element: etree._Element, out: _Body) -> None:
    """Paragraphs in document order, through tables, content controls and custom XML.

    Walking the XML (rather than python-docx's ``iter_inner_content``) keeps the paragraphs of
    content controls, which Word's resume templates are full of, and reads each table cell once.
    """
    for child in element.iterchildren():
        if child.tag == f"{W}p":
            _read_paragraph(Paragraph(child, None), out)  # type: ignore[arg-type]
        elif child.tag not in _SKIPPED:
            _read_container(child, out)


def _read_paragraph(paragraph: Paragraph, out: _Body) -> None:
    visible: list[str] = []
    hidden: list[str] = []
    hidden_reason = ""
    for run, reason in _runs(paragraph, out.white_is_visible):
        if reason and (reason == hidden_reason or not hidden):
            hidden.append(run.text)
            hidden_reason = reason
            continue
        _flush_hidden(out, hidden_reason, hidden)
        hidden, hidden_reason = ([run.text], reason) if reason else ([], "")
        if not reason:
            visible.append(run.text)
    _flush_hidden(out, hidden_reason, hidden)
    line = "".join(visible)
    out.lines.append(f"- {line}" if line.strip() and _is_list_item(paragraph._p) else line)
    p = paragraph._p
    for box in p.iter(f"{W}txbxContent"):
        ancestors = [ancestor.tag for ancestor in _ancestors_below(box, p)]
        if f"{MC}Fallback" not in ancestors and f"{W}txbxContent" not in ancestors:
            _read_container(box, out)  # a text box anchored in this paragraph


def _is_list_item(p: etree._Element) -> bool:
    """A bulleted or numbered paragraph (Word draws its marker; the text does not hold it)."""
    properties = p.find(f"{W}pPr")
    if properties is None:
        return False
    if properties.find(f"{W}numPr") is not None:
        return True
    style = properties.find(f"{W}pStyle")
    return style is not None and (style.get(f"{W}val") or "").lower().startswith("list")


def _flush_hidden(out: _Body, reason: str, pieces: list[str]) -> None:
    """One passage per run of hidden text; spacing artefacts (a lone comma) are not reported."""
    text = "".join(pieces).strip()
    if any(char.isalnum() for char in text):
        out.hidden.append((reason, text))


def _runs(paragraph: Paragraph, white_is_visible: bool) -> Iterator[tuple[Run, str]]:
    """The paragraph's own runs, inside hyperlinks, fields, insertions and inline controls too."""
    p = paragraph._p
    for r in p.iter(f"{W}r"):
        if any(ancestor.tag in _RUN_BARRIERS for ancestor in _ancestors_below(r, p)):
            continue
        run = Run(r, paragraph)
        yield run, _hidden_reason(run, white_is_visible)


def _ancestors_below(element: etree._Element, top: etree._Element) -> Iterator[etree._Element]:
    for ancestor in element.iterancestors():
        if ancestor is top:
            return
        yield ancestor


def _hidden_reason(run: Run, white_is_visible: bool) -> str:
    font = run.font
    if font.hidden:
        return "vanish"
    if font.size is not None and font.size < Pt(2):
        return "tiny"
    if white_is_visible:
        return ""
    rgb = font.color.rgb if font.color is not None and font.color.type is not None else None
    if rgb is not None and min(rgb[0], rgb[1], rgb[2]) >= LIGHT * 255 and not _shaded(run):
        return "white"
    return ""


_PROPERTIES = (f"{W}rPr", f"{W}pPr", f"{W}tcPr")
_WHITE_FILLS = {"auto", "ffffff", "none", "white", "clear"}


def _shaded(run: Run) -> bool:
    """The run, its paragraph or its table cell has a dark fill: white text there is readable."""
    for element in (run._r, *run._r.iterancestors()):
        for properties in element.iterchildren(*_PROPERTIES):
            for node in properties.iterchildren(f"{W}shd", f"{W}highlight"):
                fill = node.get(f"{W}fill") or node.get(f"{W}val")
                if fill and fill.lower() not in _WHITE_FILLS:
                    return True
    return False


# Shapes and pictures placed behind the text, and page colours: white text may sit on them. An
# inline picture (a headshot) or a shape in front of the text is no background.
VML = "{urn:schemas-microsoft-com:vml}"
DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_FILLS = (
    f"{VML}fill",
    f"{VML}imagedata",
    "{http://schemas.openxmlformats.org/drawingml/2006/main}solidFill",
    "{http://schemas.openxmlformats.org/drawingml/2006/main}gradFill",
    "{http://schemas.openxmlformats.org/drawingml/2006/main}blipFill",
)
_BEHIND_TEXT = re.compile(r"z-index\s*:\s*-")


def _has_backdrops(root: etree._Element) -> bool:
    background = root.find(f"{W}background")
    if background is not None and (background.get(f"{W}color") or "ffffff").lower() != "ffffff":
        return True
    for anchor in root.iter(f"{DRAWING}anchor"):
        if anchor.get("behindDoc") in ("1", "true") and _filled(anchor):
            return True
    for shape in root.iter(f"{VML}*"):
        style = shape.get("style") or ""
        if _BEHIND_TEXT.search(style) and _filled(shape):
            return True
    return False


def _filled(shape: etree._Element) -> bool:
    if shape.get("fillcolor") or shape.get("filled") in ("t", "true"):
        return True
    return any(True for _ in shape.iter(*_FILLS))
