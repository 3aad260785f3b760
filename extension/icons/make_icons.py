"""Draw the extension's icons (16, 48 and 128 px PNG) from the service's favicon geometry.

The favicon (api/static/favicon.svg) is a 32-unit rounded square in the accent blue with a white
gauge arc. This script rasterises the same shapes with 8x8 supersampling and writes RGBA PNGs with
the standard library only (zlib), so the images are reproducible byte for byte:

    python extension/icons/make_icons.py
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

SIZES = (16, 48, 128)
HERE = Path(__file__).resolve().parent
BLUE = (0x0B, 0x53, 0x94)
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 8  # per pixel side
# favicon.svg in its 32-unit box: corner radius 6; arc centre (16, 22), radius 10, stroke 4
UNITS = 32.0
CORNER = 6.0
ARC_CENTRE = (16.0, 22.0)
ARC_RADIUS = 10.0
ARC_HALF_WIDTH = 2.0


def _in_square(x: float, y: float) -> bool:
    """Inside the rounded square."""
    nearest_x = min(max(x, CORNER), UNITS - CORNER)
    nearest_y = min(max(y, CORNER), UNITS - CORNER)
    return (
        0 <= x <= UNITS and 0 <= y <= UNITS and math.dist((x, y), (nearest_x, nearest_y)) <= CORNER
    )


def _in_arc(x: float, y: float) -> bool:
    """On the upper half-circle stroke, with round caps at both ends."""
    cx, cy = ARC_CENTRE
    if y <= cy and abs(math.dist((x, y), ARC_CENTRE) - ARC_RADIUS) <= ARC_HALF_WIDTH:
        return True
    ends = ((cx - ARC_RADIUS, cy), (cx + ARC_RADIUS, cy))
    return any(math.dist((x, y), end) <= ARC_HALF_WIDTH for end in ends)


def _pixel(px: int, py: int, size: int) -> tuple[int, int, int, int]:
    """Average of the samples inside one pixel: colour over the covered part, alpha = coverage."""
    scale = UNITS / size
    covered = white = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            x = (px + (sx + 0.5) / SAMPLES) * scale
            y = (py + (sy + 0.5) / SAMPLES) * scale
            if _in_square(x, y):
                covered += 1
                white += _in_arc(x, y)
    if not covered:
        return (0, 0, 0, 0)
    share = white / covered
    red, green, blue = (round(b + (w - b) * share) for b, w in zip(BLUE, WHITE, strict=True))
    return (red, green, blue, round(255 * covered / SAMPLES**2))


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def render_icon(size: int) -> bytes:
    """The icon as PNG bytes (8-bit RGBA, no interlace)."""
    rows = bytearray()
    for py in range(size):
        rows.append(0)  # filter: none
        for px in range(size):
            rows.extend(_pixel(px, py, size))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _chunk(b"IEND", b"")
    )


def icon_path(size: int) -> Path:
    return HERE / f"icon-{size}.png"


def main() -> None:
    for size in SIZES:
        icon_path(size).write_bytes(render_icon(size))
        print(f"wrote {icon_path(size)}")


if __name__ == "__main__":
    main()
