"""The extension's icons: the manifest names 16, 48 and 128 px PNGs, and each committed file is what
``extension/icons/make_icons.py`` draws (compared pixel for pixel, not byte for byte, so another
zlib build compressing differently does not matter). Chromium loading them is in
test_extension.py."""

from __future__ import annotations

import importlib.util
import json
import struct
import zlib
from types import ModuleType
from typing import Any

import pytest

from tests.web.conftest import EXTENSION

MANIFEST = json.loads((EXTENSION / "manifest.json").read_text())
SIZES = (16, 48, 128)


def load_script() -> ModuleType:
    path = EXTENSION / "icons" / "make_icons.py"
    spec = importlib.util.spec_from_file_location("make_icons", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def decode(png: bytes) -> tuple[int, int, int, int, bytes]:
    """(width, height, bit depth, colour type, raw scanlines) of a non-interlaced PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks: dict[bytes, bytes] = {}
    at = 8
    while at < len(png):
        (length,) = struct.unpack(">I", png[at : at + 4])
        kind, data = png[at + 4 : at + 8], png[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", png[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + data) == crc, kind
        chunks[kind] = chunks.get(kind, b"") + data
        at += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert b"IEND" in chunks
    return width, height, depth, colour, zlib.decompress(chunks[b"IDAT"])


@pytest.mark.parametrize("size", SIZES)
def test_the_manifest_names_each_icon_and_the_file_is_the_scripts_drawing(size: int) -> None:
    name = f"icons/icon-{size}.png"
    assert MANIFEST["icons"][str(size)] == name
    assert MANIFEST["action"]["default_icon"][str(size)] == name
    committed = decode((EXTENSION / name).read_bytes())
    assert committed[:4] == (size, size, 8, 6)  # 8-bit RGBA
    assert committed == decode(load_script().render_icon(size))


def test_the_icon_is_the_favicons_blue_square_with_a_white_arc() -> None:
    *_, rows = decode(load_script().render_icon(32))
    stride = 1 + 32 * 4

    def pixel(x: int, y: int) -> tuple[Any, ...]:
        start = y * stride + 1 + x * 4
        return tuple(rows[start : start + 4])

    assert pixel(0, 0)[3] < 128  # the rounded corner is (mostly) transparent
    assert pixel(16, 28) == (0x0B, 0x53, 0x94, 255)  # below the arc: the accent blue
    assert pixel(16, 12) == (255, 255, 255, 255)  # the top of the arc: white
