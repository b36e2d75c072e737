"""The two charts of a proposal, as PNG bytes: the service flow and the service organisation."""

from __future__ import annotations

from dataclasses import dataclass

from generator.pictures import CHART_WIDTH_CM
from generator.pictures.draw import CM, MIN_POINTS, Box, Canvas, box_height, text_width, wrap

POINTS = 9.5
MARGIN = 0.15 * CM


class ChartTooWide(ValueError):
    """The boxes of a row do not fit the chart's width even at the smallest text size."""


@dataclass(frozen=True)
class FlowStep:
    title: str  # 报修受理
    phrases: tuple[str, ...]  # 7×24小时热线 / 登记生成工单: each starts a line


@dataclass(frozen=True)
class OrgChart:
    centre: str  # the bidder's service centre
    head: tuple[str, ...]  # lines of the head's box: role, name
    groups: tuple[tuple[str, ...], ...]  # lines of each box under the head
    outlets: tuple[str, ...]  # one text per outlet: 北京（12人）


def flowchart_png(steps: list[FlowStep], font_path: str) -> bytes:
    """The steps left to right, joined by arrows; each box holds its title and its wrapped detail."""
    gap = 0.6 * CM
    probe = Canvas(font_path, CHART_WIDTH_CM, 1, POINTS)
    inner = (probe.image.width - 2 * MARGIN - gap * (len(steps) - 1)) / len(steps)
    room = inner - 0.25 * CM
    detail = POINTS * 0.9  # smaller, down to MIN_POINTS, until every phrase fits on one line
    longest = max((phrase for s in steps for phrase in s.phrases), key=lambda t: text_width(probe.font(detail), t))
    while detail > MIN_POINTS and text_width(probe.font(detail), longest) > room:
        detail -= 0.25
    probe = Canvas(font_path, CHART_WIDTH_CM, 1, POINTS, detail)
    detail_font = probe.font(detail)
    boxes = [Box((s.title, *(line for phrase in s.phrases for line in wrap(phrase, detail_font, room))),
                 strong=True) for s in steps]
    height = max(box_height(probe, b) for b in boxes)
    canvas = Canvas(font_path, CHART_WIDTH_CM, round(height + 2 * MARGIN), POINTS, detail)
    for index, box in enumerate(boxes):
        left = MARGIN + index * (inner + gap)
        canvas.box(left, MARGIN, inner, height, box)
        if index:
            middle = MARGIN + height / 2
            canvas.arrow((left - gap + 2, middle), (left - 3, middle))
    return canvas.png()


def _fit_points(font_path: str, rows: list[list[Box]], width: float, gap: float) -> float:
    """The largest text size (down to MIN_POINTS) at which every row of boxes fits the width."""
    points = POINTS
    while points >= MIN_POINTS:
        canvas = Canvas(font_path, CHART_WIDTH_CM, 1, points)
        if all(sum(_box_width(canvas, b) for b in row) + gap * (len(row) - 1) <= width for row in rows):
            return points
        points -= 0.5
    raise ChartTooWide(f"{max(len(r) for r in rows)} boxes in a row")


def _box_width(canvas: Canvas, box: Box) -> float:
    title = text_width(canvas.font(canvas.points), box.lines[0])
    rest = [text_width(canvas.font(canvas.detail_points), line) for line in box.lines[1:]]
    return max([title, *rest]) + 0.5 * CM


def orgchart_png(chart: OrgChart, font_path: str) -> bytes:
    """服务中心 → 项目负责人 → the team's posts, and the service outlets in a band below, linked to
    the centre that dispatches them."""
    gap, row_gap = 0.35 * CM, 0.7 * CM
    centre, head = Box((chart.centre,), strong=True), Box(chart.head, strong=True)
    groups = [Box(lines) for lines in chart.groups]
    outlets = [Box((text,)) for text in chart.outlets]
    probe = Canvas(font_path, CHART_WIDTH_CM, 1, POINTS)
    usable = probe.image.width - 2 * MARGIN - 0.6 * CM  # room on the right for the line to the outlets
    points = _fit_points(font_path, [row for row in (groups, outlets) if row], usable, gap)
    probe = Canvas(font_path, CHART_WIDTH_CM, 1, points)
    heights = [box_height(probe, centre), box_height(probe, head),
               max((box_height(probe, b) for b in groups), default=-row_gap),  # no posts: no row
               box_height(probe, outlets[0]) if outlets else -row_gap]
    height = sum(heights) + row_gap * 3 + 2 * MARGIN
    canvas = Canvas(font_path, CHART_WIDTH_CM, round(height), points)
    middle = MARGIN + usable / 2
    top = MARGIN

    def centred(box: Box, y: float, h: float) -> tuple[float, float]:
        w = _box_width(canvas, box)
        canvas.box(middle - w / 2, y, w, h, box)
        return middle - w / 2, w

    centre_left, centre_w = centred(centre, top, heights[0])
    y_head = top + heights[0] + row_gap
    canvas.arrow((middle, top + heights[0]), (middle, y_head - 2))
    centred(head, y_head, heights[1])
    y_groups = y_head + heights[1] + row_gap
    if groups:
        _row(canvas, groups, y_groups, heights[2], middle, gap, parent_bottom=y_head + heights[1])
    if outlets:
        y_outlets = y_groups + heights[2] + row_gap
        _row(canvas, outlets, y_outlets, heights[3], middle, gap, parent_bottom=None)
        # the centre dispatches the outlets: a line from its right side down past the team to the band
        rail = canvas.image.width - MARGIN - 0.2 * CM
        bus = y_outlets - row_gap / 2
        canvas.line([(centre_left + centre_w, top + heights[0] / 2), (rail, top + heights[0] / 2), (rail, bus)])
        canvas.line([(rail, bus), (middle + _row_half(canvas, outlets, gap), bus)])
    return canvas.png()


def _row_half(canvas: Canvas, boxes: list[Box], gap: float) -> float:
    widths = [_box_width(canvas, b) for b in boxes]
    return (sum(widths) + gap * (len(widths) - 1)) / 2 - widths[-1] / 2


def _row(canvas: Canvas, boxes: list[Box], y: float, h: float, middle: float, gap: float,
         parent_bottom: float | None) -> None:
    """A centred row of boxes hanging from a bus line (from the parent above, if given)."""
    widths = [_box_width(canvas, b) for b in boxes]
    left = middle - (sum(widths) + gap * (len(widths) - 1)) / 2
    centres = []
    for box, w in zip(boxes, widths, strict=True):
        canvas.box(left, y, w, h, box)
        centres.append(left + w / 2)
        left += w + gap
    bus = y - (y - parent_bottom) / 2 if parent_bottom is not None else y - 0.35 * CM
    if parent_bottom is not None:
        canvas.line([(middle, parent_bottom), (middle, bus)])
    if len(centres) > 1:
        canvas.line([(centres[0], bus), (centres[-1], bus)])
    for x in centres:
        canvas.arrow((x, bus), (x, y - 2))
