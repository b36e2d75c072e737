"""Boxes, arrows and wrapped Chinese text on a white page, written as a deterministic PNG.

Sizes are in points of the printed picture (a 16 cm wide chart is drawn 16 cm wide), so text in
the chart is as large as the document's 五号 table text and survives printing.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

DPI = 200
CM = DPI / 2.54  # pixels per centimetre
PT = DPI / 72  # pixels per point
INK = (38, 38, 38)
LINE = (64, 64, 64)
FILL = (234, 241, 250)
HEAD_FILL = (214, 227, 244)
MIN_POINTS = 7.5


@dataclass(frozen=True)
class Box:
    lines: tuple[str, ...]  # first line is the box's title, the rest its detail
    strong: bool = False


class Canvas:
    def __init__(self, font_path: str, width_cm: float, height_px: int, points: float,
                 detail_points: float | None = None) -> None:
        self.image = Image.new("RGB", (round(width_cm * CM), height_px), "white")
        self.draw = ImageDraw.Draw(self.image)
        self.font_path = font_path
        self.points = points
        self.detail_points = detail_points or points * 0.9  # the lines under a box's title

    def font(self, points: float) -> ImageFont.FreeTypeFont:
        return load_font(self.font_path, round(points * PT))

    def box(self, left: float, top: float, width: float, height: float, box: Box) -> None:
        fill = HEAD_FILL if box.strong else FILL
        self.draw.rounded_rectangle((left, top, left + width, top + height), radius=round(0.12 * CM),
                                    fill=fill, outline=LINE, width=max(2, round(0.8 * PT)))
        lines = [(box.lines[0], self.font(self.points), 1 if box.strong else 0)]
        lines += [(text, self.font(self.detail_points), 0) for text in box.lines[1:]]
        heights = [line_height(font) for _, font, _ in lines]
        y = top + (height - sum(heights)) / 2
        for (text, font, stroke), h in zip(lines, heights, strict=True):
            self.draw.text((left + width / 2, y + h / 2), text, font=font, fill=INK, anchor="mm",
                           stroke_width=stroke, stroke_fill=INK)
            y += h

    def line(self, points: list[tuple[float, float]]) -> None:
        self.draw.line(points, fill=LINE, width=max(2, round(0.9 * PT)))

    def arrow(self, start: tuple[float, float], end: tuple[float, float]) -> None:
        """A straight arrow, horizontal or vertical, with a filled head at `end`."""
        self.line([start, end])
        size = 0.16 * CM
        (x0, y0), (x1, y1) = start, end
        if abs(x1 - x0) >= abs(y1 - y0):
            sign = 1 if x1 > x0 else -1
            head = [(x1, y1), (x1 - sign * size * 1.6, y1 - size), (x1 - sign * size * 1.6, y1 + size)]
        else:
            sign = 1 if y1 > y0 else -1
            head = [(x1, y1), (x1 - size, y1 - sign * size * 1.6), (x1 + size, y1 - sign * size * 1.6)]
        self.draw.polygon(head, fill=LINE)

    def png(self) -> bytes:
        buffer = io.BytesIO()
        # no text chunks, no tIME: Pillow writes only IHDR, pHYs, IDAT and IEND here
        self.image.save(buffer, format="PNG", optimize=False, compress_level=3, dpi=(DPI, DPI))
        return buffer.getvalue()


@lru_cache(maxsize=64)
def load_font(path: str, pixels: int) -> ImageFont.FreeTypeFont:
    """Fonts are loaded once per size: opening a 20 MB .ttc costs milliseconds each time."""
    return ImageFont.truetype(path, pixels)


def line_height(font: ImageFont.FreeTypeFont) -> float:
    return font.size * 1.35


def text_width(font: ImageFont.FreeTypeFont, text: str) -> float:
    return font.getlength(text)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: float) -> list[str]:
    """Chinese text broken into lines no wider than `width`, preferring breaks after 、，；and
    never inside a run of digits and Latin letters (2小时, 7×24)."""
    lines: list[str] = []
    current = ""
    for token in _tokens(text):
        if current and text_width(font, current + token) > width:
            lines.append(current)
            current = token.lstrip()
        else:
            current += token
    if current:
        lines.append(current)
    return lines


def _tokens(text: str) -> list[str]:
    tokens: list[str] = []
    for char in text:
        joined = tokens and (_glued(tokens[-1][-1]) and _glued(char) or char in "、，；：）》”。内")
        if joined:
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def _glued(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".%×*-~") or char in "×～"


def box_height(canvas: Canvas, box: Box) -> float:
    title = line_height(canvas.font(canvas.points))
    return title + line_height(canvas.font(canvas.detail_points)) * (len(box.lines) - 1) + 0.3 * CM
