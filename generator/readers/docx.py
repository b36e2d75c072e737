"""Read a .docx into Content: body paragraphs and tables in document order, then headers and
footers. Reads the package XML with lxml directly (no python-docx object tree: faster, and each
part's size is checked before it is decompressed — a zip bomb is refused, not expanded).

Also reported, as notices: macros (vbaProject.bin), OLE objects and controls, remote templates and
other external references; text in an altChunk (HTML, text or .docx embedded as is) is read.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import zipfile
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from generator.core.bounded_memo import BoundedMemo
from generator.readers.content import Content, Paragraph, Table
from generator.readers.errors import DocumentError

MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_PART_BYTES = 100 * 1024 * 1024  # one decompressed XML part
MAX_TOTAL_BYTES = 300 * 1024 * 1024  # all parts we read, decompressed
MAX_RATIO = 200  # decompressed / compressed size of one part

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_HTML_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div", "td", "th", "pre", "blockquote", "dd", "dt")


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class _Package:
    """The zip with its decompression budget."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path = path
        self.budget = 0
        if len(data) > MAX_DOCX_BYTES:
            raise DocumentError(path, f"文件过大（{len(data) // 1024 // 1024} MB），.docx 不应超过 50 MB")
        if not data.startswith(b"PK"):
            hint = "（这似乎是旧版 .doc 文件，请在 Word 中另存为 .docx）" if data.startswith(b"\xd0\xcf\x11\xe0") else ""
            raise DocumentError(path, f"不是有效的 .docx 文件（不是 zip 压缩包）{hint}")
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(data))
            self.names = self.archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise DocumentError(path, f".docx 文件已损坏，无法打开（{exc}）") from exc

    def read(self, name: str) -> bytes:
        try:
            info = self.archive.getinfo(name)
        except KeyError as exc:
            raise DocumentError(self.path, f".docx 缺少 {name}，文件不完整或不是 Word 文档") from exc
        if info.file_size > MAX_PART_BYTES or (info.compress_size and info.file_size / info.compress_size > MAX_RATIO
                                               and info.file_size > 10 * 1024 * 1024):
            raise DocumentError(self.path, f".docx 中的 {name} 解压后过大（疑似压缩炸弹），已拒绝读取")
        try:
            with self.archive.open(info) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError, ValueError) as exc:
            raise DocumentError(self.path, f".docx 中的 {name} 已损坏，无法解压（{exc}）") from exc
        self.budget += len(data)
        if len(data) > MAX_PART_BYTES or self.budget > MAX_TOTAL_BYTES:
            raise DocumentError(self.path, ".docx 解压后内容过大（疑似压缩炸弹），已拒绝读取")
        return data

    def xml(self, name: str) -> Any:
        return parse_xml(self.read(name), self.path, name)

    def relationships(self, part: str) -> dict[str, tuple[str, str, bool]]:
        """rId → (type suffix, target, external) of one part's relationships."""
        rels = posixpath.join(posixpath.dirname(part), "_rels", posixpath.basename(part) + ".rels")
        if rels not in self.names:
            return {}
        out = {}
        for rel in self.xml(rels).iter(f"{REL}Relationship"):
            out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Target", ""),
                                      rel.get("TargetMode") == "External")
        return out

    def target(self, part: str, target: str) -> str:
        if target.startswith("/"):
            return target.lstrip("/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(part), target))


def parse_xml(data: bytes, path: str, name: str) -> Any:
    """One part's bytes parsed as the reader parses every part (no entities, no network)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(path, f".docx 中的 {name} 不是有效的 XML（{exc.msg}）") from exc


# Style levels of a styles.xml, by the sha256 of its bytes: every build's styles.xml is the same
# reference's (350 KB: 5 ms to parse and walk), and the checker sees a bidder's files made from one
# template. Values are read-only mappings shared by every document with those bytes.
_STYLE_MEMO_SIZE = 32
_style_memo: BoundedMemo[Mapping[str, tuple[int | None, bool]]] = BoundedMemo(_STYLE_MEMO_SIZE)


def _styles_of(package: Any) -> Mapping[str, tuple[int | None, bool]]:
    """The package's style levels (none without word/styles.xml); its styles.xml is read once, and
    parsed only when those bytes were not seen before."""
    name = "word/styles.xml"
    if name not in package.names:
        return {}
    data = package.read(name)
    return _style_memo.get(hashlib.sha256(data).digest(),
                           lambda: MappingProxyType(_style_levels(parse_xml(data, package.path, name))))


def clear_memory() -> None:
    """Forget the style levels kept (benchmarks, tests)."""
    _style_memo.clear()


def _style_levels(root: Any) -> dict[str, tuple[int | None, bool]]:
    """styleId → (heading level or None, is a TOC style)."""
    raw: dict[str, tuple[str, str | None, int | None]] = {}
    for style in root.iter(f"{W}style"):
        style_id = style.get(f"{W}styleId") or ""
        name_el = style.find(f"{W}name")
        name = name_el.get(f"{W}val", "") if name_el is not None else ""
        based = style.find(f"{W}basedOn")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        level = _int(outline.get(f"{W}val"), 9) + 1 if outline is not None else None
        raw[style_id] = (name, based.get(f"{W}val") if based is not None else None, level)
    levels: dict[str, tuple[int | None, bool]] = {}
    for style_id, (name, based, level) in raw.items():
        match = _HEADING_NAME.match(name.strip())
        if match:
            level = int(match[1])
        depth = 0
        while level is None and based in raw and depth < 10:
            level = raw[based][2]
            based = raw[based][1]
            depth += 1
        if level is not None and level > 9:
            level = None
        levels[style_id] = (level, name.lower().startswith("toc") or name.startswith("目录"))
    return levels


WORD_JOINER = "\u2060"  # invisible "no break here"; the generator wrote it before it used w:noBreakHyphen


_T, _TAB, _NO_BREAK_HYPHEN = f"{W}t", f"{W}tab", f"{W}noBreakHyphen"
_TEXT_TAGS = (_T, _TAB, f"{W}br", f"{W}cr", _NO_BREAK_HYPHEN)


def text_of(p: Any) -> str:
    parts: list[str] = []
    for el in p.iter(_TEXT_TAGS):
        tag = el.tag
        if tag == _T:
            parts.append(el.text or "")
        elif tag == _NO_BREAK_HYPHEN:  # Word's Ctrl+Shift+- and the generator's identifiers: a hyphen
            parts.append("-")
        elif tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    text = "".join(parts)
    return text.replace(WORD_JOINER, "") if WORD_JOINER in text else text  # an invisible "no break here"


_BR, _RENDERED_BREAK = f"{W}br", f"{W}lastRenderedPageBreak"


def _page_breaks(element: Any) -> int:
    """Page breaks in the element: the explicit ones or those Word last rendered, whichever are more
    (one walk of the subtree for both)."""
    explicit = rendered = 0
    for el in element.iter(_BR, _RENDERED_BREAK):
        if el.tag == _BR:
            explicit += el.get(f"{W}type") == "page"
        else:
            rendered += 1
    return max(explicit, rendered)


_TBL, _TCPR, _VMERGE, _GRID_SPAN = f"{W}tbl", f"{W}tcPr", f"{W}vMerge", f"{W}gridSpan"
_PPR, _OUTLINE, _PSTYLE = f"{W}pPr", f"{W}outlineLvl", f"{W}pStyle"


def _paragraph_props(p: Any) -> tuple[Any | None, Any | None] | None:
    """The paragraph's w:pStyle and w:outlineLvl (as p.find("w:pPr/w:pStyle") finds them: in the first
    w:pPr, the first of each), or None without a w:pPr: one walk of w:pPr's children for both,
    without the path machinery (asked of every paragraph with text)."""
    for child in p:
        if child.tag == _PPR:
            style = outline = None
            for prop in child:
                tag = prop.tag
                if tag == _PSTYLE:
                    if style is None:
                        style = prop
                elif tag == _OUTLINE and outline is None:
                    outline = prop
            return style, outline
    return None


_P, _TR, _TC, _TYPE, _VAL = f"{W}p", f"{W}tr", f"{W}tc", f"{W}type", f"{W}val"
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{W}sdt", f"{W}sdtContent", f"{W}customXml"
_CHAR_OF = {_TAB: "\t", _NO_BREAK_HYPHEN: "-", _BR: "\n", f"{W}cr": "\n"}
_PARAGRAPH_TAGS = (_P, *_TEXT_TAGS, _RENDERED_BREAK)
_nested: list[Any] = []


def _has_nested_paragraph(body: Any) -> bool:
    if not _nested:
        from lxml import etree

        _nested.append(etree.XPath("boolean(.//w:p//w:p)", namespaces={"w": W[1:-1]}))
    return bool(_nested[0](body))


# What the walk asks of every w:p: its text (as text_of reads it) and its page breaks (as _page_breaks
# counts them). Its style is looked up only for the paragraphs that need one (paragraph_style).
# Texts are kept as plain strings and page breaks only where a paragraph has any: no tuple per
# paragraph that outlives the walk (fewer objects for the garbage collector to go through).
_Read = tuple[dict[Any, str], dict[Any, int], bool]


def _joined(pieces: list[str]) -> str:
    text = "".join(pieces)
    return text.replace(WORD_JOINER, "") if WORD_JOINER in text else text  # an invisible "no break here"


def _paragraphs(body: Any) -> _Read | None:
    """Every w:p of `body` → its text, and → its page breaks where it has any, from one walk of the
    whole part: lxml picks out the few tags that matter, where asking each paragraph on its own
    costs a Python iteration per paragraph (most of a read's time). None where a paragraph holds
    another (a text box): its pieces belong to both, and the caller reads each paragraph by itself.
    Also whether the part has a page break at all (explicit or rendered, in a paragraph or not)."""
    if _has_nested_paragraph(body):
        return None
    texts: dict[Any, str] = {}
    breaks: dict[Any, int] = {}
    pieces: list[str] = []
    current = None
    explicit = rendered = 0
    paged = False
    for el in body.iter(_PARAGRAPH_TAGS):
        tag = el.tag
        if tag == _P:
            if current is not None:
                text = "".join(pieces)  # as _joined, in line (once per paragraph)
                texts[current] = text.replace(WORD_JOINER, "") if WORD_JOINER in text else text
                if explicit or rendered:
                    breaks[current] = max(explicit, rendered)
                pieces.clear()
            current, explicit, rendered = el, 0, 0
            continue
        if tag == _RENDERED_BREAK or (tag == _BR and el.get(_TYPE) == "page"):
            paged = True
        if current is None:
            continue  # before the first paragraph: in none
        parent = el.getparent()
        if parent is not current and parent.getparent() is not current and \
                next(el.iterancestors(_P), None) is not current:
            continue  # in no paragraph (none is inside another here): after `current`, outside it
        if tag == _T:
            pieces.append(el.text or "")
        elif tag == _RENDERED_BREAK:
            rendered += 1
        else:
            pieces.append(_CHAR_OF[tag])
            if tag == _BR and el.get(_TYPE) == "page":
                explicit += 1
    if current is not None:
        texts[current] = _joined(pieces)
        if explicit or rendered:
            breaks[current] = max(explicit, rendered)
    return texts, breaks, paged


def _level(styles: Mapping[str, tuple[int | None, bool]], style: Any | None,
           outline: Any | None) -> tuple[int | None, bool]:
    """(heading level, TOC style) of a paragraph with this w:pStyle and w:outlineLvl (or None)."""
    level, toc = styles.get(style.get(_VAL, ""), (None, False)) if style is not None else (None, False)
    if outline is not None:
        value = _int(outline.get(_VAL), 9) + 1
        level = value if value <= 9 else None
    return level, toc


class _Body:
    """Walks one document part (the main one, or a .docx embedded as an altChunk)."""

    def __init__(self, package: _Package, part: str, styles: Mapping[str, tuple[int | None, bool]],
                 content: Content, depth: int = 0) -> None:
        self.package = package
        self.part = part
        self.styles = styles
        self.content = content
        self.depth = depth
        self.page: int | None = None
        self.rels: dict[str, tuple[str, str, bool]] | None = None
        self.found: dict[Any, str] | None = None  # the part's paragraph texts, where _paragraphs could read them
        self.breaks: dict[Any, int] = {}  # and their page breaks (paragraphs without any are not listed)
        self.paged = False

    def read_paragraphs(self, body: Any) -> None:
        read = _paragraphs(body)
        if read is not None:
            self.found, self.breaks, self.paged = read

    def paragraph_style(self, p: Any) -> tuple[int | None, bool]:
        props = _paragraph_props(p)
        if props is None:
            return None, False
        return _level(self.styles, *props)

    def text(self, p: Any) -> str:
        return self.found[p] if self.found is not None else text_of(p)

    def walk(self, body: Any) -> None:
        paged = self.paged if self.found is not None else \
            any(b.get(_TYPE) == "page" for b in body.iter(_BR)) or body.find(f".//{_RENDERED_BREAK}") is not None
        self.page = 1 if paged else None
        self.children(body)

    def children(self, container: Any) -> None:
        found, breaks, items = self.found, self.breaks, self.content.items
        for child in container:
            tag = child.tag
            if tag == _P:
                if found is None:
                    self.paragraph(child)
                    if self.page is not None:
                        self.page += _page_breaks(child)
                    continue
                text = found[child]
                if text.strip():
                    items.append(Paragraph(text, self.page, *self.paragraph_style(child)))
                if self.page is not None and breaks:
                    self.page += breaks.get(child, 0)
                continue
            if tag == _TBL:
                self.table(child)
            elif tag == f"{W}altChunk":
                self.alt_chunk(child)
            elif tag in (_SDT, _CUSTOM_XML, f"{W}ins", f"{W}smartTag"):
                content = child.find(_SDT_CONTENT) if tag == _SDT else child
                if content is not None:
                    self.children(content)
                continue
            else:
                continue
            if self.page is not None:
                self.page += _page_breaks(child)

    def paragraph(self, p: Any) -> None:
        text = text_of(p)
        if text.strip():
            level, toc = self.paragraph_style(p)
            self.content.items.append(Paragraph(text, self.page, level, toc))

    def cell_text(self, container: Any, nested: list[Any] | None = None,
                  properties: list[Any] | None = None) -> str:
        """Paragraph texts of a cell, one per line; tables nested in the cell itself go to `nested`
        (they are read separately), its w:tcPr to `properties` (when asked for): one walk."""
        lines: list[str] = []
        found = self.found
        for child in container:
            tag = child.tag
            if tag == _P:
                text = found[child] if found is not None else text_of(child)
                if text.strip():
                    lines.append(text)
            elif tag == _TCPR:
                if properties is not None:
                    properties.append(child)
            elif tag == _TBL:
                if nested is not None:
                    nested.append(child)
            elif tag in (_SDT, _CUSTOM_XML):
                content = child.find(_SDT_CONTENT) if tag == _SDT else child
                if content is not None:
                    inner = self.cell_text(content)
                    if inner:
                        lines.append(inner)
        return "\n".join(lines)

    def cell(self, tc: Any, nested: list[Any]) -> tuple[str, Any | None, Any | None]:
        """A w:tc's text (as cell_text reads it) with its w:vMerge and w:gridSpan (as
        tc.find("w:tcPr/w:vMerge") finds them: the first in document order); its nested tables go to `nested`."""
        properties: list[Any] = []
        text = self.cell_text(tc, nested, properties)
        merge = span = None
        for tcpr in properties:
            for prop in tcpr:
                if prop.tag == _VMERGE:
                    if merge is None:
                        merge = prop
                elif prop.tag == _GRID_SPAN and span is None:
                    span = prop
        return text, merge, span

    def table(self, tbl: Any) -> None:
        rows: list[tuple[str | None, ...]] = []
        nested: list[Any] = []
        for tr in tbl.iterchildren(_TR):
            row: list[str | None] = []
            cells = list(tr.iterchildren(_TC))
            for sdt in tr.iterchildren(_SDT):
                cells.extend(sdt.iter(_TC))
            for tc in cells:
                text, merge, span_el = self.cell(tc, nested)  # read also for a merged cell: its nested tables count
                row.append(None if merge is not None and merge.get(_VAL, "continue") == "continue" else text)
                if span_el is not None:
                    row.extend([""] * (min(_int(span_el.get(_VAL), 1), 50) - 1))
            rows.append(tuple(row))
        self.content.items.append(Table(tuple(rows), self.page))
        for inner in nested:
            self.table(inner)

    def alt_chunk(self, element: Any) -> None:
        """Content Word imports when it opens the file (HTML, text, RTF or a whole .docx)."""
        if self.rels is None:
            self.rels = self.package.relationships(self.part)
        kind, target, external = self.rels.get(element.get(f"{R}id", ""), ("", "", False))
        name = self.package.target(self.part, target) if target and not external else ""
        suffix = posixpath.splitext(name)[1].lower()
        before = len(self.content.items)
        if name in self.package.names and suffix in (".htm", ".html", ".xhtml", ".txt"):
            data = self.package.read(name)
            texts = _html_texts(data) if suffix != ".txt" else _decoded(data).splitlines()
            self.content.items.extend(Paragraph(t, self.page) for t in texts if t.strip())
        elif name in self.package.names and suffix in (".docx", ".docm") and self.depth == 0:
            inner = _Package(self.package.read(name), self.package.path)
            inner.budget = self.package.budget
            _read_main(inner, self.content, depth=1)
            self.package.budget = inner.budget
        if len(self.content.items) > before:
            self.content.notices.append(f"含嵌入的外部内容块（altChunk：{posixpath.basename(name)}），"
                                        "其中的文字已一并检查；建议在 Word 中打开后另存为普通 .docx")
        else:
            self.content.notices.append(f"含无法读取的嵌入内容块（altChunk：{posixpath.basename(target) or '未知'}），"
                                        "其中的文字未检查；请在 Word 中打开后另存为普通 .docx 再检查")


def _decoded(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", "replace")


def _html_texts(data: bytes) -> list[str]:
    from lxml import etree, html

    declared = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:2048])
    try:  # decoded here: lxml takes undeclared bytes for Latin-1
        text = data.decode(declared[1].decode()) if declared else _decoded(data)
    except (LookupError, UnicodeDecodeError):
        text = _decoded(data)
    try:
        root = html.fromstring(text, parser=html.HTMLParser(no_network=True, remove_comments=True))
    except (etree.ParserError, ValueError):
        return []
    texts = []
    for el in root.iter(*_HTML_BLOCKS):
        if not any(child.tag in _HTML_BLOCKS for child in el.iterdescendants()):
            texts.append(" ".join(el.text_content().split()))
    return texts


def _has_styled_heading(walker: _Body, body: Any) -> bool:
    """A paragraph with text whose style (or own outline level) makes it a heading, not a TOC entry."""
    for p in body.iter(_P):
        level, toc = walker.paragraph_style(p)
        if level is not None and not toc and walker.text(p).strip():
            return True
    return False


def _read_main(package: _Package, content: Content, depth: int = 0) -> Any:
    """Read word/document.xml into `content`; returns its parsed root."""
    part = "word/document.xml"
    document = package.xml(part)
    styles = _styles_of(package)
    body = document.find(f"{W}body")
    if body is None:
        raise DocumentError(package.path, ".docx 中没有正文（word/document.xml 缺少 body）")
    walker = _Body(package, part, styles, content, depth)
    walker.read_paragraphs(body)
    if depth == 0:
        content.heading_styles = _has_styled_heading(walker, body)
    walker.walk(body)
    objects = sum(1 for _ in body.iter(f"{W}object", f"{W}control"))
    if objects:
        content.notices.append(f"含 {objects} 个嵌入的 OLE 对象或控件，其中的内容未检查；请确认后再提交")
    return document


def _active_content(package: _Package, content: Content) -> None:
    if any(n.lower().endswith("vbaproject.bin") for n in package.names):
        content.notices.append("含宏代码（vbaProject.bin），打开时可能运行宏；提交前请删除宏并另存为 .docx")
    embedded = [n for n in package.names if n.startswith("word/embeddings/")]
    if embedded and not any("OLE 对象" in n for n in content.notices):
        content.notices.append(f"含 {len(embedded)} 个嵌入文件（word/embeddings），其中的内容未检查；请确认后再提交")
    for rels in sorted(n for n in package.names if n.endswith(".rels")):
        part = posixpath.join(posixpath.dirname(posixpath.dirname(rels)), posixpath.basename(rels)[:-5])
        for kind, target, external in package.relationships(part).values():
            if not external or kind == "hyperlink":
                continue
            what = "远程模板" if kind == "attachedTemplate" else f"外部资源（{kind}）"
            content.notices.append(f"引用{what}：{target[:120]}，打开文档时会访问该地址；请去除后再提交")


def read_docx(data: bytes, path: str) -> Content:
    return read_package(_Package(data, path))


def read_package(package: Any) -> Content:
    """Content of an opened package: a _Package over zip bytes, or any object with the same
    members (path, names, budget, read, xml, relationships, target) — the build reads the package
    it is about to save from memory this way (generator/write/parts.py)."""
    content = Content()
    document = _read_main(package, content)
    seen: set[tuple[str, str]] = set()
    for prefix, part in (("word/header", "header"), ("word/footer", "footer")):
        for name in sorted(n for n in package.names if n.startswith(prefix) and n.endswith(".xml")):
            for p in package.xml(name).iter(f"{W}p"):
                text = text_of(p)
                if text.strip() and (part, text) not in seen:
                    seen.add((part, text))
                    content.items.append(Paragraph(text, part=part))
    _active_content(package, content)
    content.metadata = _metadata(package, document)
    return content


def _metadata(package: _Package, document: Any) -> Any:
    from generator.readers.docx_metadata import read_metadata

    def part(name: str) -> Any | None:
        if name not in package.names:
            return None
        try:
            return package.xml(name)
        except DocumentError:
            return None  # a damaged property part: the text can still be checked

    return read_metadata(document, part, package.names)
