"""HTML to Document with BeautifulSoup: block elements become lines, hidden ones are reported."""

from __future__ import annotations

import re

from bs4 import (
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    PageElement,
    ProcessingInstruction,
    Tag,
)

from extract.cleanup import clean_text
from extract.doc_warnings import hidden_warnings
from extract.records import Document, DocWarning, Page
from jobfit.errors import EmptyDocument

_DROPPED = ("script", "style", "noscript", "template", "head", "svg", "canvas", "iframe", "object")
_BLOCKS = frozenset(
    """address article aside blockquote body dd details div dl dt fieldset figcaption figure footer
    form h1 h2 h3 h4 h5 h6 header hr html legend li main nav ol p pre section summary table tbody
    thead tfoot tr ul caption""".split()
)
_CELLS = frozenset({"td", "th"})
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0*)?(?:px|pt|em|rem|%)?\s*(?:;|$)",
    re.I,
)


def read_html(markup: str, warnings: list[DocWarning] | None = None) -> Document:
    soup = BeautifulSoup(markup, "html.parser")
    hiding = _hiding_selectors(" ".join(style.get_text() for style in soup.find_all("style")))
    for element in soup.find_all(_DROPPED):
        element.decompose()
    for comment in soup.find_all(string=lambda node: isinstance(node, Comment)):
        comment.extract()
    hidden: list[str] = []
    for element in soup.find_all(lambda tag: _is_hidden(tag, hiding)):
        if element.parent is None:  # already removed with a hidden ancestor
            continue
        words = clean_text(element.get_text(" "))
        if words:
            hidden.append(words)
        element.decompose()
    links = [
        str(anchor["href"]).strip()
        for anchor in soup.find_all("a", href=True)
        if str(anchor["href"])
        .strip()
        .lower()
        .startswith(("http://", "https://", "mailto:", "tel:"))
    ]
    pieces: list[str] = []
    _render(soup, pieces)
    # A list item whose text sits in a paragraph of its own: keep the bullet on the text's line.
    text = clean_text(_BULLET_ALONE.sub("- ", "".join(pieces)))
    if not text:
        raise EmptyDocument("the HTML page contains no visible text")
    all_warnings = list(warnings or []) + hidden_warnings("css" for _ in hidden)
    return Document(
        format="html",
        text=text,
        pages=[Page(number=1, text=text)],
        warnings=all_warnings,
        hidden_text=hidden,
        links=list(dict.fromkeys(links)),
    )


_CSS_RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"[.#][\w-]+")
_BULLET_ALONE = re.compile(r"(?m)^[ \t]*- [ \t]*\n\s*")


def _hiding_selectors(css: str) -> set[str]:
    """Simple ``.class`` and ``#id`` selectors of style rules that hide their elements."""
    selectors: set[str] = set()
    for match in _CSS_RULE.finditer(css):
        if _HIDDEN_STYLE.search(match.group(2)):
            for selector in match.group(1).split(","):
                if _SIMPLE_SELECTOR.fullmatch(selector.strip()):
                    selectors.add(selector.strip())
    return selectors


def _is_hidden(tag: Tag, hiding: set[str]) -> bool:
    if tag.has_attr("hidden"):
        return True
    if hiding:
        classes: list[str] = list(tag.get("class") or [])
        names = {f".{name}" for name in classes} | {f"#{tag.get('id')}"}
        if names & hiding:
            return True
    if tag.name == "input" and str(tag.get("type", "")).lower() == "hidden":
        return True
    style = tag.get("style")
    return isinstance(style, str) and _HIDDEN_STYLE.search(style) is not None


def _render(root: Tag, out: list[str]) -> None:
    """Text with line breaks around blocks; iterative, so deep nesting cannot exhaust the stack."""
    stack: list[PageElement | str] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            out.append(node)  # a closing line break queued below
        elif isinstance(node, Doctype | Declaration | ProcessingInstruction):
            continue
        elif isinstance(node, NavigableString):
            in_pre = node.parent is not None and node.parent.name == "pre"
            out.append(str(node) if in_pre else re.sub(r"\s+", " ", str(node)))
        elif isinstance(node, Tag):
            if node.name == "br":
                out.append("\n")
                continue
            block = node.name in _BLOCKS
            if block:
                out.append("\n")
            if node.name == "li":
                out.append("- ")
            if block or node.name in _CELLS:
                stack.append("\n")
            stack.extend(reversed(list(node.children)))
