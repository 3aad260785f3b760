"""Plain text and Markdown: decode the bytes, then strip light Markdown markup."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from extract.cleanup import clean_text
from extract.records import Document, DocumentFormat, DocWarning, Page
from jobfit.errors import EmptyDocument, UnsupportedFormat

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, form feed and carriage return mark binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[DocWarning] = field(default_factory=list)


def decode_text(data: bytes) -> DecodedText:
    """UTF-8 (BOM or not), UTF-16/32 with a BOM, else cp1252 / Latin-1 with a warning.

    Raises UnsupportedFormat when the bytes are binary rather than text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(DecodedText(data.decode(encoding), encoding))
            except UnicodeDecodeError as exc:
                raise UnsupportedFormat(
                    f"text with a {encoding} byte-order mark does not decode"
                ) from exc
    if (utf16 := _bomless_utf16(data)) is not None:
        try:
            return _checked(DecodedText(data.decode(utf16), utf16))
        except UnicodeDecodeError:
            pass
    try:
        return _checked(DecodedText(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    warning = DocWarning(
        code="non_utf8_text",
        message=f"the text is not UTF-8; it was read as {encoding}, some characters may be wrong",
    )
    return _checked(DecodedText(text, encoding, [warning]))


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a byte-order mark: ASCII text leaves every other byte zero."""
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _checked(decoded: DecodedText) -> DecodedText:
    sample = decoded.text[:20000]
    if sample and len(_CONTROL.findall(sample)) > _MAX_CONTROL_SHARE * len(sample):
        raise UnsupportedFormat("the file is binary data of an unsupported type, not text")
    return decoded


# Spans are bounded and cannot contain their own opener, so matching stays linear on any line.
_MD_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
_MD_IMAGE = re.compile(r"!\[([^\[\]\n]{0,300})\]\([^()\s]{0,500}\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\]\(([^()\s]{1,500})(?:\s+\"[^\"\n]{0,300}\")?\)")
_MD_EMPHASIS = re.compile(
    r"\*\*(?=[^\s*])([^*\n]{1,300}?)(?<=[^\s*])\*\*|__(?=[^\s_])([^_\n]{1,300}?)(?<=[^\s_])__"
)
_MD_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]{1,300}?)(?<=\S)\*(?![\w*])")
_MD_CODE = re.compile(r"`([^`\n]{1,300})`")
_MD_RULE = re.compile(r"^ {0,3}(?:([-*_])( *\1){2,}|=+) *$", re.M)  # rules, setext underlines
_MD_QUOTE = re.compile(r"^ {0,3}> ?", re.M)
_MD_FENCE = re.compile(r"^ {0,3}(```|~~~).*$", re.M)
_MD_HTML_TAG = re.compile(r"</?(?:br|p|div|span|b|i|strong|em)\b[^>]*>", re.I)
_MD_BULLET = re.compile(r"^(\s*)[*+](\s+)", re.M)


def looks_like_markdown(text: str) -> bool:
    sample = text[:20000]
    signals = (
        len(_MD_HEADING.findall(sample)),
        len(_MD_LINK.findall(sample)),
        len(_MD_EMPHASIS.findall(sample)),
    )
    return sum(signals) >= 2 or signals[0] >= 1


def strip_markdown(text: str) -> str:
    """Keep the words: headings become plain lines, links keep their text, emphasis is unwrapped."""
    text = _MD_FENCE.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_IMAGE.sub(r"\1", text)
    text = _MD_LINK.sub(_link_text, text)
    text = _MD_EMPHASIS.sub(lambda match: match.group(1) or match.group(2), text)
    text = _MD_ITALIC.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_HTML_TAG.sub("", text)
    return _MD_BULLET.sub(r"\1-\2", text)


def _link_text(match: re.Match[str]) -> str:
    label, url = match.group(1), match.group(2)
    # Keep the address when it is contact data the label hides ("[Email me](mailto:a@b.c)").
    if url.startswith("mailto:") and "@" not in label:
        return f"{label} ({url.removeprefix('mailto:')})"
    if url.startswith(("http://", "https://")) and "." not in label:
        return f"{label} ({url})"
    return label


def read_text(decoded: DecodedText, fmt: DocumentFormat) -> Document:
    raw = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if fmt == "markdown":
        raw = strip_markdown(raw)
    text = clean_text(raw)
    if not text:
        raise EmptyDocument("the document contains no text")
    return Document(
        format=fmt,
        text=text,
        pages=[Page(number=1, text=text)],
        warnings=list(decoded.warnings),
    )
