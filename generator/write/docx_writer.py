"""Proposal blocks → .docx bytes on a reference document that carries the styles."""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import math
import re
import threading
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.core import disk_cache
from generator.core.bounded_memo import BoundedMemo
from generator.render.blocks import (
    Cover,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    Picture,
    Proposal,
    Signature,
    Table,
    Toc,
)
from generator.write import prepared
from generator.write.body_xml import (
    PAGE_BREAK,
    TABLE_STYLE,
    Para,
    field_char,
    inline_picture,
    instruction,
    plain_run,
    png_size,
    run,
    styled_paragraph,
)
from generator.write.body_xml import table as body_table
from generator.write.cover_title import layout as cover_layout
from generator.write.custom_properties import custom_xml
from generator.write.identity import PackageIdentity, app_properties, bid_seed
from generator.write.nobreak import escape
from generator.write.package import BUILD_COMPRESS_LEVEL, Deflated, deflate, deflated_stream, zip_entries
from generator.write.page_frame import PageNumbering
from generator.write.parts import PartsPackage
from generator.write.toc_fit import fitted_line

HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4", 5: "Heading 5"}
PARAGRAPH_STYLES = {"body": "Normal", "right": "Right Aligned", "flush": "Body Flush", "center": "Cover Field",
                    "note": "Normal"}
DRAFT_MARK = "草稿（含未审定条款）"
HEADER_FILL = "D9D9D9"  # light grey behind a table's header row
AFTER_TABLE = 120  # twips (6 pt) before a body paragraph that follows a table
LIST_INDENT = 480  # twips: where a list mark sits (the body's two-character first-line indent)
LIST_MARK, LIST_MARK_WIDE = 360, 480  # twips from the mark to the item's text (1.5 / 2 characters)
SIGNATURE_MAX_INDENT = 0.45  # of the text width: the signature block sits in the right half
SIGNATURE_LEAD = 2  # body paragraphs before a signature kept on its page (特此承诺 and the one before it)


@dataclass(frozen=True)
class WriteOptions:
    identity: PackageIdentity | None = None  # None: identifiers derived from the title and date
    numbering: PageNumbering = PageNumbering()


class DocxWriter:
    """The body as WordprocessingML text (body_xml), put into the package prepared from the reference
    document (prepared.py): per build only strings are written, python-docx is not needed."""

    def __init__(self, reference: Path, options: WriteOptions = WriteOptions()) -> None:
        self.options = options
        self.reference_bytes = Path(reference).read_bytes()
        self.reference = prepared.prepared_reference(self.reference_bytes)
        self.style_ids = self.reference.style_ids
        self.text_width = self.reference.text_width
        self.items: list[Para | str] = []  # body paragraphs, or finished XML (tables, breaks)
        self._break_pending = False
        self._after_table = False
        self._last: Para | None = None  # the last body paragraph written
        self._cover_end: Para | None = None  # the cover's last paragraph (a section break may follow it)
        self._pictures = 0
        self._images: dict[str, tuple[int, bytes]] = {}  # SHA-1 → (index, PNG), in order of first use
        self._toc_line: str | None = None  # the TOC styles' fitted line spacing, if any
        self._frame: prepared.Frame | None = None
        self._image_names: dict[str, str] = {}  # image part → SHA-1 of its PNG
        self._frame_parts: dict[str, bytes] = {}
        self._deflated: dict[str, tuple[bytes, Deflated]] = {}  # part → (its bytes, their stream), made ahead

    # -- paragraphs -------------------------------------------------------------------------
    def _p(self, style: str, text: str = "") -> Para:
        """A body paragraph record."""
        p = Para(self.style_ids[style], self._runs(text))  # _runs gives a new list: the paragraph's own
        if self._break_pending:
            p.set("pageBreakBefore")
            self._break_pending = False
        if self._after_table and style == "Normal":
            p.set("spacing", before=str(AFTER_TABLE))  # air below the table
        self._after_table = False
        self._last = p
        self.items.append(p)
        return p

    def _runs(self, text: str) -> list[str]:
        """The runs of a body paragraph's or table cell's text (the catalog writer shades data), as a
        new list."""
        return [run(text)] if text else []

    def header_runs(self, text: str) -> str:
        """The runs of the header line, as python-docx writes a run's text (no non-breaking hyphens)."""
        return plain_run(text) if text else ""

    def _flush_break(self) -> None:
        """A table cannot carry pageBreakBefore: an explicit break paragraph goes before it."""
        if self._break_pending:
            self.items.append(PAGE_BREAK)
            self._break_pending = False

    # -- blocks -----------------------------------------------------------------------------
    def page_break(self, _block: PageBreak | None = None) -> None:
        """The next paragraph starts a page (w:pageBreakBefore): no empty line at the top of it."""
        if self.options.numbering.after_cover and self._cover_end is not None and self._last is self._cover_end:
            return  # the section break after the cover starts the next page
        self._break_pending = True

    def cover(self, cover: Cover) -> None:
        for _ in range(3):
            self._p("Cover Title")
        size = self.reference.sizes["Cover Title"]
        title = cover_layout(cover.title, self.text_width / EMU_PER_PT, size)
        self._p("Cover Title").runs.append(run("\n".join(title.lines), size=title.size if title.size != size else None))
        self._p("Cover Subtitle", cover.subtitle)
        for label, value in cover.fields:
            self._cover_end = self._p("Cover Field", f"{label}{value}")

    def toc(self, toc: Toc) -> None:
        """A TOC field whose cached text lists the headings until Word or LibreOffice updates it."""
        self._p("TOC Title", toc.title)
        first = self._p("toc 1")
        first.runs += [field_char("begin", dirty=True), instruction('TOC \\o "1-2" \\h \\z \\u'),
                       field_char("separate")]
        target = first
        for index, entry in enumerate(toc.entries):
            if index > 0:
                target = self._p(f"toc {min(entry.level, 2)}")
            elif entry.level == 2:
                target.style = self.style_ids["toc 2"]
            target.runs.append(run(entry.text))
        target.runs.append(field_char("end"))
        ref = self.reference
        self._toc_line = fitted_line(len(toc.entries), ref.toc_page_points, ref.toc_size, ref.toc_spacing)

    def heading(self, heading: Heading) -> None:
        self._p(HEADING_STYLES[heading.level], heading.text)

    def paragraph(self, paragraph: Paragraph) -> None:
        self._p(PARAGRAPH_STYLES[paragraph.style], paragraph.text)

    def list_block(self, block: ListBlock) -> None:
        """Hanging indent: the mark sits at the body's first-line indent, a tab takes the text to the
        indent where its wrapped lines start too."""
        mark_width = LIST_MARK_WIDE if block.ordered and len(block.items) >= 10 else LIST_MARK
        for index, item in enumerate(block.items, start=1):
            p = self._p("Normal")
            p.runs += [run((f"{index}." if block.ordered else "•") + "\t"), run(item)]  # the item's run holds text only
            p.set("ind", left=str(LIST_INDENT + mark_width), hanging=str(mark_width))

    def table(self, table: Table) -> None:
        if self._last is not None and not self._break_pending:
            self._last.set("keepNext")  # the lead-in stays with the first row
        self._flush_break()
        widths = _column_widths(table, self.text_width)
        rows = []
        for row_index, cells in enumerate((table.header, *table.rows)):
            style = self.style_ids["Table Header" if row_index == 0 else "Table Text"]
            lines = [_header_cell(text, width) if row_index == 0 else text.split("\n")
                     for text, width in zip(cells, widths, strict=True)]
            rows.append(["".join([styled_paragraph(style, self._runs(line)) for line in cell]) for cell in lines])
        self.items.append(body_table(self.style_ids[TABLE_STYLE], [_twips(w) for w in widths],
                                     [_twips_round(w) for w in widths], rows, HEADER_FILL))
        self._last = None
        self._after_table = True

    def picture(self, picture: Picture) -> None:
        """An inline PNG as wide as asked (at most the text width), centred in a paragraph of its own
        (inline pictures keep their place in Word, WPS and LibreOffice alike), kept on one page with
        its lead-in sentence and its caption. The same PNG twice is one image part (as python-docx
        stores it); its relationship id is known once the package around the body is (write)."""
        if self._last is not None and not self._break_pending:
            self._last.set("keepNext")
        width_px, height_px = png_size(picture.png)
        cx = int(min(picture.width_cm * EMU_PER_CM, self.text_width))
        cy = int(cx * height_px / width_px)
        sha1 = hashlib.sha1(picture.png).hexdigest()
        index = self._images.setdefault(sha1, (len(self._images), picture.png))[0]
        self._pictures += 1
        p = self._p("Figure")
        p.runs.append(inline_picture(_image_slot(index), PICTURE_ID_BASE + self._pictures, cx, cy,
                                     f"图片{self._pictures}.png", picture.alt))
        if picture.caption:
            p.set("keepNext")
            self._p("Figure Caption", picture.caption)

    def signature(self, signature: Signature) -> None:
        """Kept on one page with the paragraphs before it (never alone on the last page: 特此承诺 and
        the last lines of the paragraph before it come along); the lines share a left edge placed as
        far right as the longest line allows."""
        for lead in self._lead_paragraphs(SIGNATURE_LEAD):
            lead.set("keepNext")
        spacer = self._p("Normal")
        spacer.set("keepNext")
        longest = max(_display_width(f"{label}{value}") for label, value in signature.lines) * _pt(12)
        indent = int(max(0, min(self.text_width * SIGNATURE_MAX_INDENT, self.text_width - longest - _pt(12))))
        for index, (label, value) in enumerate(signature.lines):
            p = self._p("Signature Line", f"{label}{value}")
            p.set("keepLines")
            if index < len(signature.lines) - 1:
                p.set("keepNext")
            p.set("ind", left=str(_twips(indent)), firstLine="0")

    def _lead_paragraphs(self, count: int) -> list[Para]:
        """Up to `count` body paragraphs that end the body so far, back to a table or a page break."""
        found: list[Para] = []
        for item in reversed(self.items):
            if not isinstance(item, Para) or len(found) == count:
                break
            found.append(item)
            if item.props is not None and "pageBreakBefore" in item.props:
                break
        return found

    # -- the package ------------------------------------------------------------------------
    def body_xml(self) -> str:
        return "".join(item.xml() if isinstance(item, Para) else item for item in self.items)

    def identity(self, proposal: Proposal) -> PackageIdentity:
        return self.options.identity or PackageIdentity(
            bid_seed(proposal.title, proposal.author, proposal.date_iso), proposal.author)

    def frame_key(self, proposal: Proposal) -> prepared.FrameKey:
        known = self.reference.images  # a picture the reference already holds is reused, as python-docx does
        return prepared.FrameKey(
            draft=proposal.draft, start=self.options.numbering.start, after_cover=self.options.numbering.after_cover,
            cover=self._cover_end is not None, images=tuple(known.get(sha1, "") for sha1 in self._images),
            max_drawing_id=PICTURE_ID_BASE + self._pictures if self._pictures else 0, custom=bool(proposal.properties))

    def parts(self, proposal: Proposal) -> dict[str, bytes]:
        """Every part of the package in zip order: the prepared frame with this build's strings."""
        for block in proposal.blocks:
            getattr(self, _HANDLERS[type(block)])(block)
        frame = self._frame = prepared.prepared_frame(self.reference_bytes, self.reference, self.frame_key(proposal))
        self._frame_parts = dict(frame.parts)
        if self._cover_end is not None and frame.cover_section:
            self._cover_end.section = frame.cover_section
        body = self.body_xml()
        for index, rid in enumerate(frame.image_rids):
            body = body.replace(_image_slot(index), rid)
        identity = self.identity(proposal)
        replace = _replacements(proposal, identity, frame, self.header_runs(proposal.header_text))
        pngs = dict(zip(frame.image_parts, (png for _, png in self._images.values()), strict=True))
        self._image_names = dict(zip(frame.image_parts, self._images, strict=True))
        parts: dict[str, bytes] = {}
        for name, data in frame.parts:
            if name == prepared.DOCUMENT:
                data = frame.document_head + body.encode() + frame.document_tail
            elif name in pngs:
                data = pngs[name]
            elif name == prepared.STYLES and self._toc_line is not None and frame.styles_fitted:
                data = frame.styles_fitted.replace(prepared.TOC_LINE.encode(), self._toc_line.encode())
            elif name == frame.app_part:
                data = app_properties(identity.company)
            elif name == frame.custom_part:
                data = custom_xml(proposal.properties)
            elif name in frame.marked:
                for sentinel, value in replace:
                    data = data.replace(sentinel, value)
            parts[name] = data
        return parts

    def package(self, proposal: Proposal, attachments: list[Path] | None = None) -> dict[str, bytes]:
        parts = self.parts(proposal)
        if attachments:
            from generator.write.attachments import with_attachments

            parts = with_attachments(parts, attachments, self.identity(proposal), proposal.date_iso)
        return parts

    def write(self, proposal: Proposal, attachments: list[Path] | None = None) -> bytes:
        return self.zipped(self.package(proposal, attachments), proposal.date_iso)

    def unchanged(self, parts: dict[str, bytes]) -> frozenset[str]:
        """The parts taken from the prepared frame as they are (the same bytes object every build)."""
        return frozenset(name for name, data in parts.items() if self._frame_parts.get(name) is data)

    def zipped(self, parts: dict[str, bytes], date_iso: str) -> bytes:
        return zip_entries(list(parts.items()), date_iso, self._compressed)

    def _compressed(self, name: str, data: bytes) -> Deflated:
        """A part's DEFLATE stream: prepared with the frame for the parts a build takes from it unchanged
        (styles, theme, fonts …), once per picture, and afresh for what the build wrote (at
        package.BUILD_COMPRESS_LEVEL)."""
        frame = self._frame
        if frame is not None and name in frame.streams and self._frame_parts.get(name) is data:
            return frame.streams[name]
        ahead = self._deflated.get(name)
        if ahead is not None and ahead[0] is data:
            return ahead[1]
        sha1 = self._image_names.get(name)
        if sha1 is None:
            return deflate(data, BUILD_COMPRESS_LEVEL)
        return _deflated_pictures.get(sha1, lambda: deflate(data))


_HANDLERS = {Heading: "heading", Paragraph: "paragraph", ListBlock: "list_block", Table: "table",
             Signature: "signature", Toc: "toc", Cover: "cover", PageBreak: "page_break", Picture: "picture"}


def _image_slot(index: int) -> str:
    """Where a picture's relationship id goes until it is known (no escaped text holds "<")."""
    return f"<image {index}>"




def _replacements(proposal: Proposal, identity: PackageIdentity, frame: prepared.Frame,
                  header: str) -> list[tuple[bytes, bytes]]:
    """Sentinel → this build's value, as python-docx and identity.py would have written it."""
    for value in (proposal.title, proposal.author):
        if len(value) > 255:  # python-docx's limit for a core property
            raise ValueError(f"exceeded 255 char limit for property, got:\n\n'{value}'")
    stamp = dt.datetime.fromisoformat(proposal.date_iso).replace(tzinfo=dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    pairs = [(prepared.HEADER_RUN, header), (prepared.TITLE, escape(proposal.title)),
             (prepared.AUTHOR, escape(proposal.author)), (prepared.STAMP, stamp),
             (prepared.DOC_ID, identity.doc_id), (prepared.DOC_GUID, identity.doc_guid),
             (prepared.RSID, identity.rsid_root)]
    # highest index first: GUID-1 must not be taken for the start of GUID-10
    pairs += [(f"{prepared.GUID}{i}", identity.guid("/" + label))
              for i, label in reversed(list(enumerate(frame.guid_labels)))]
    return [(sentinel.encode(), value.encode()) for sentinel, value in pairs]


MAX_DEFLATED_PICTURES = 32
_deflated_pictures: BoundedMemo[Deflated] = BoundedMemo(MAX_DEFLATED_PICTURES)  # by the PNG's SHA-1
EMU_PER_CM = 360000
EMU_PER_PT = 12700
PICTURE_ID_BASE = 1000  # drawing ids of body pictures; a letterhead's are renumbered above the highest


def _pt(points: float) -> int:
    return int(points * EMU_PER_PT)  # as python-docx's Pt


def _twips(width: int) -> int:
    return int(width) // 635  # EMU → twentieths of a point


def _twips_round(width: int) -> int:
    return int(round(int(width) / 635))  # as python-docx writes a cell width


def _display_width(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


TABLE_CHAR = _pt(10.5)  # 五号, the table styles' size
CELL_PADDING = _pt(2 * 5.4 + 2)  # Table Grid's left and right cell margins, plus slack
SHORT_CELL = 8  # cells up to this many characters should not wrap (序号, 正偏离, 30分钟)
SHORT_HEADER = 4  # headers up to this many characters stay on one line


def header_lines(header: str) -> list[str]:
    """A header that may wrap: a unit in brackets goes on a line of its own (课时 / （小时）)."""
    head, bracket, unit = header.partition("（")
    if bracket and head and "\n" not in header and _display_width(header) > SHORT_HEADER:
        return [head, bracket + unit]
    return header.split("\n")


def _header_minimum(header: str) -> float:
    """A header of more than four characters may wrap onto two lines rather than take width from a
    column of long text: at its bracket, else in the middle."""
    lines = header_lines(header)
    width = max((_display_width(line) for line in lines), default=0)
    if width <= SHORT_HEADER or len(lines) > 1:
        return width
    half = math.ceil(width / 2) + 1
    return half if width - half > 1 else math.ceil(width / 2)  # 网点所 / 在地, not 网点所在 / 地


def _header_cell(header: str, width: int) -> list[str]:
    """The header's lines: broken at its bracket only when the column is too narrow for one line."""
    if _display_width(header) * TABLE_CHAR + CELL_PADDING <= width:
        return header.split("\n")
    return header_lines(header)


def _column_widths(table: Table, total: int) -> list[int]:
    """Column widths from content (ColumnFit): the table as short as the width allows, every column
    given width where it saves the most lines; what is left over goes to the columns in proportion
    to their longest line."""
    if table.widths:
        scale = sum(table.widths)
        return [int(total * w / scale) for w in table.widths]
    return list(_fitted_widths(table, total))


@lru_cache(maxsize=2048)
def _fitted_widths(table: Table, total: int) -> tuple[int, ...]:
    """ColumnFit's widths in EMU, once per table content and text width: the same tables (deviation
    table, service standards, contacts) recur in every build of a batch or a server, and of a tender
    rebuilt in a new process (disk cache `columns/`, named by the content, the width and this module's
    source; fitting a demo's tables costs a new process ~10 ms)."""
    path = disk_cache.entry("columns", [_fit_code(), marshal.dumps((table.header, table.rows, total))])
    widths = disk_cache.load_marshalled(path)
    if isinstance(widths, tuple) and len(widths) == len(table.header) and all(type(w) is int for w in widths):
        return widths
    chars = ColumnFit(table).fit((total - len(table.header) * CELL_PADDING) / TABLE_CHAR)
    fitted = tuple(int(c * TABLE_CHAR + CELL_PADDING) for c in chars)
    disk_cache.store(path, marshal.dumps(fitted))
    return fitted


@lru_cache(maxsize=1)
def _fit_code() -> bytes:
    return disk_cache.source_fingerprint(__file__)


HARD_CELL = 4  # cells up to this many characters never wrap (序号, 合计, 正偏离, 30分钟)
# a certificate, phone or project number (AUTH-XY-2025-031, 0731-8816-5230) is not broken inside: its
# column is at least as wide as the longest one, up to this many characters (a long URL still wraps)
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-_/.:@]*[A-Za-z0-9]")
LONGEST_IDENTIFIER = 12.0


IDENTIFIER_CHAR = 0.62  # a Latin letter or digit of the fallback fonts, with a margin: 0.55 broke AUTH-XY-2025-031


def _identifier_width(line: str) -> float:
    longest = max((len(m[0]) for m in _IDENTIFIER.finditer(line)), default=0)
    return min(longest * IDENTIFIER_CHAR, LONGEST_IDENTIFIER)
# A number and its unit (每小时200元，) are laid out as one piece that does not end a line and takes its
# comma along: a wrapped line holding one ends early, by half a character on average (measured against
# LibreOffice's layout of the 违约金标准 and 偏离表 columns).
_NUMBER_AND_UNIT = re.compile(r"\d[\u4e00-\u9fff%]")


def _line_loss(line: str) -> float:
    return 0.5 if _NUMBER_AND_UNIT.search(line) else 0.0


def _wrapped_lines(width: float, fit: int, loss: float = 0.0) -> int:
    """Lines a text `width` characters wide takes in a column of `fit` characters, each wrapped line
    holding `loss` characters less."""
    if width <= fit + 1e-9:
        return 1
    return max(2, math.ceil(width / max(1.0, fit - loss) - 1e-9))


def _width_for_lines(width: float, lines: int, loss: float = 0.0) -> float:
    """The narrowest column in which a text `width` characters wide takes at most `lines` lines."""
    if lines <= 1:
        return float(math.ceil(width - 1e-9))
    return float(math.ceil(width / lines + loss - 1e-9))


ROW_WEIGHT, LINE_WEIGHT, SHORT_WEIGHT = 12, 1, 4  # a table row's line, any cell's line, a short cell's extra line
ORPHAN_WEIGHT = 4  # a short cell or header whose last line holds a single character (网点所在 / 地)


def _orphan(width: float, fit: int, loss: float = 0.0) -> bool:
    """Whether a text `width` characters wide, wrapped at `fit`, leaves one character on its last line."""
    lines = _wrapped_lines(width, fit, loss)
    return lines > 1 and width - (lines - 1) * max(1.0, fit - loss) <= 1.0 + 1e-9


class ColumnFit:
    """Chooses how many characters each column holds. The cost of a choice is the table's height in
    lines (each row as tall as its tallest cell), then the lines of all cells (fewer wraps), with a
    wrapped short cell (up to SHORT_CELL characters: 供货期：90天, 采购人指定地点) counted extra. Starting
    from each column's minimum, width goes one step at a time to the column that lowers the cost most
    per character added, looking ahead to the next width at which one of its cells loses a line: so
    the column of the longest text gets the width it needs, not what the short columns leave over.
    The start is the cheapest choice that caps every cell at the same number of lines (a step-by-step
    search alone spends the width on cheap one-line savings and leaves the long column three lines)."""

    def __init__(self, table: Table) -> None:
        self.columns = len(table.header)
        self.headers = [(_display_width(h), [_display_width(line) for line in header_lines(h)]) for h in table.header]
        self.cells = [[[_display_width(line) for line in row[c].split("\n")] for row in table.rows]
                      for c in range(self.columns)]
        self.losses = [[[_line_loss(line) for line in row[c].split("\n")] for row in table.rows]
                       for c in range(self.columns)]
        identifiers = [[_identifier_width(line) for row in table.rows for line in row[c].split("\n")]
                       for c in range(self.columns)]
        self.minimum = [max([_header_minimum(table.header[c]), 1.0, *identifiers[c]]
                            + [w for cell in self.cells[c] for w in cell if w <= HARD_CELL])
                        for c in range(self.columns)]
        self.natural = [max(self.headers[c][1] + [w for cell in self.cells[c] for w in cell])
                        for c in range(self.columns)]

    @staticmethod
    def _lines(widths: list[float], per_line: float, losses: list[float] | None = None) -> int:
        fit = max(1, math.floor(per_line + 1e-6))
        return sum(_wrapped_lines(w, fit, loss) for w, loss in zip(widths, losses or [0.0] * len(widths), strict=True))

    def _column_lines(self, c: int, per_line: float) -> list[int]:
        """Lines of column c's header and of each of its cells when it holds `per_line` characters."""
        full, parts = self.headers[c]
        header = 1 if full <= per_line + 1e-6 else self._lines(parts, per_line)
        return [header, *(self._lines(cell, per_line, losses) for cell, losses in zip(self.cells[c], self.losses[c], strict=True))]

    def _orphans(self, c: int, per_line: float) -> int:
        """Short cells and the header of column c that leave a single character on their last line."""
        fit = max(1, math.floor(per_line + 1e-6))
        full, parts = self.headers[c]
        header = 0 if full <= per_line + 1e-6 else sum(_orphan(w, fit) for w in parts)
        return header + sum(_orphan(w, fit, loss) for cell, losses in zip(self.cells[c], self.losses[c], strict=True)
                            if sum(cell) <= SHORT_CELL for w, loss in zip(cell, losses, strict=True))

    def _cost(self, lines: list[list[int]], chars: list[float]) -> int:
        rows = sum(max(column[r] for column in lines) for r in range(len(lines[0])))
        total = sum(sum(column) for column in lines)
        short = sum(n - 1 for c, column in enumerate(lines) for r, n in enumerate(column[1:])
                    if sum(self.cells[c][r]) <= SHORT_CELL)
        orphans = sum(self._orphans(c, chars[c]) for c in range(self.columns))
        return ROW_WEIGHT * rows + LINE_WEIGHT * total + SHORT_WEIGHT * short + ORPHAN_WEIGHT * orphans

    def _next_steps(self, c: int, per_line: float) -> set[float]:
        """The widths above `per_line` at which some line of column c stops wrapping once more."""
        steps = set()
        fit = math.floor(per_line + 1e-6)
        header = [(self.headers[c][1], [0.0] * len(self.headers[c][1])), ([self.headers[c][0]], [0.0])]
        for widths, losses in [*header, *zip(self.cells[c], self.losses[c], strict=True)]:
            for w, loss in zip(widths, losses, strict=True):
                lines = _wrapped_lines(w, max(1, fit), loss)
                if lines > 1:
                    steps.add(_width_for_lines(w, lines - 1, loss))
        return {s for s in steps if s > per_line}

    def _capped(self, cap: int, short_whole: bool) -> list[float]:
        """Widths at which no cell takes more than `cap` lines (short cells one line if `short_whole`)."""
        out = []
        for c in range(self.columns):
            need = [float(math.ceil(self.minimum[c] - 1e-9))]
            for cell, losses in zip(self.cells[c], self.losses[c], strict=True):
                whole = short_whole and sum(cell) <= SHORT_CELL
                need += [_width_for_lines(w, 1 if whole else cap, loss) for w, loss in zip(cell, losses, strict=True)]
            out.append(max(need))
        return out

    def _start(self, available: float) -> list[float] | None:
        """The cheapest of the widths that cap every cell at 1, 2, 3 … lines and fit `available`."""
        best: tuple[int, list[float]] | None = None
        # beyond this cap every column is at its minimum: larger caps give the same widths
        last = max(math.ceil(self.natural[c] / math.ceil(self.minimum[c] - 1e-9) - 1e-9) for c in range(self.columns))
        tried: set[tuple[float, ...]] = set()
        for cap in range(1, max(last, 1) + 1):
            for short_whole in (True, False):
                chars = self._capped(cap, short_whole)
                if tuple(chars) in tried:
                    continue  # the same widths cost the same
                tried.add(tuple(chars))
                if sum(chars) <= available + 1e-9:
                    cost = self._cost([self._column_lines(c, chars[c]) for c in range(self.columns)], chars)
                    if best is None or cost < best[0]:
                        best = (cost, chars)
        return best[1] if best else None

    def fit(self, available: float) -> list[float]:
        chars = self._start(available)
        if chars is None:  # not even the minimum fits: in proportion to it
            return [available * m / sum(self.minimum) for m in self.minimum]
        lines = [self._column_lines(c, chars[c]) for c in range(self.columns)]
        while True:
            cost, spare, best = self._cost(lines, chars), available - sum(chars), None
            for c in range(self.columns):
                for step in sorted(self._next_steps(c, chars[c])):
                    if step - chars[c] > spare + 1e-9:
                        break
                    trial = [*lines[:c], self._column_lines(c, step), *lines[c + 1:]]
                    gain = (cost - self._cost(trial, [*chars[:c], step, *chars[c + 1:]])) / (step - chars[c])
                    if gain > 0 and (best is None or gain > best[0]):
                        best = (gain, c, step, trial)
            if best is None:
                break
            _, c, step, lines = best
            chars[c] = step
        spare = available - sum(chars)
        weight = sum(self.natural) or 1
        return [w + spare * n / weight for w, n in zip(chars, self.natural, strict=True)]


def write_docx(proposal: Proposal, reference: Path, attachments: list[Path] | None = None,
               options: WriteOptions = WriteOptions()) -> bytes:
    return DocxWriter(reference, options).write(proposal, attachments)


@dataclass(frozen=True)
class Written:
    data: bytes  # the .docx
    content: object  # readers.content.Content of the same package, read from its parts before zipping


def write_docx_read_back(proposal: Proposal, reference: Path, attachments: list[Path] | None = None,
                         options: WriteOptions = WriteOptions(), name: str = "document.docx") -> Written:
    """The .docx and what the checker's .docx reader finds in it, read from the parts in memory."""
    from generator.readers.docx import read_package

    writer = DocxWriter(reference, options)
    parts = writer.package(proposal, attachments)
    body = parts.get(prepared.DOCUMENT)
    deflating = None
    if body is not None and len(body) >= BACKGROUND_DEFLATE_BYTES and _spare_core["yes"]:
        deflating = _Deflating(body)
    content = read_package(PartsPackage(parts, name, writer.unchanged(parts)))
    if deflating is not None:
        writer._deflated[prepared.DOCUMENT] = (deflating.data, deflating.result())
    return Written(writer.zipped(parts, proposal.date_iso), content)


# The body's DEFLATE stream is most of zipping's time (~1.7 ms for a demo's 190 KB). zlib releases the
# GIL while it compresses, so it is made on another thread while this one reads the parts back (Python,
# holding the GIL): on a machine with a second core the two overlap. The thread makes it in one zlib call
# (package.deflated_stream): each time it took the GIL back between calls it would wait for this thread
# to give it up (up to the 5 ms switch interval). A smaller body is compressed in line (starting a thread
# costs ~0.1 ms). The stream is the one zipped() would make: the same bytes.
BACKGROUND_DEFLATE_BYTES = 32 * 1024
# A batch worker beside as many others as there are cores has no idle core to overlap with: there the
# thread only takes turns with the other builds (each build's writer was ~2 ms slower with it, measured
# in benchmarks/RESULTS.md 2026-12-04), so the batch turns it off (no_spare_core).
_spare_core = {"yes": True}


def no_spare_core() -> None:
    """Every core of this machine is busy with other builds: compress the body in line."""
    _spare_core["yes"] = False


class _Deflating:
    """deflate(data) on a thread of its own; result() waits for it."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self._stream: bytes | None = None
        self._thread = threading.Thread(target=self._run, name="deflate-body", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        self._stream = deflated_stream(self.data, BUILD_COMPRESS_LEVEL)

    def result(self) -> Deflated:
        self._thread.join()
        if self._stream is None:  # the thread failed (out of memory): compressed here
            return deflate(self.data, BUILD_COMPRESS_LEVEL)
        return zlib.crc32(self.data), self._stream
