"""The reference document, prepared once with python-docx and kept as plain data.

Everything the package takes from reference.docx (styles with ours added, settings, theme, fonts,
numbering, a letterhead's headers and footers and pictures, content types, relationships) depends
only on the reference and on this code. python-docx does that work where it earns its place — on
the reference — and the result is kept as the bytes of every part:

- `Reference`: what writing the body needs (style ids, text width, style sizes, TOC fitting figures);
- `Frame`: the finished package for one shape of proposal (`FrameKey`: draft mark, page numbering,
  cover, pictures, custom properties), made by the same python-docx steps a build used to take —
  headers and footers on the letterhead, core and custom properties, settings, identifiers — with
  sentinel text where a build puts its own: the body, the header line, title, author, date,
  identifiers, the TOC's line spacing. A build replaces the sentinels by strings (docx_writer).

Both are cached in memory (bounded) and on disk (core/disk_cache, `writer/`), named by the
reference's bytes, the source of the modules that prepare them and python-docx's version: a new
process whose reference and proposal shape are known never imports python-docx. A damaged or
foreign entry is a miss (prepared again); an edited reference is a different name.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import struct
import zlib
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import Any

from generator.core import disk_cache
from generator.core.bounded_memo import BoundedMemo

CACHE_SUBDIR = "writer"
FORMAT = 1  # of the cached entries; bump when their fields change
DOCUMENT = "word/document.xml"
STYLES = "word/styles.xml"

# Sentinels: text no reference or input carries, replaced by each build's own values.
TITLE = "aftersales-sentinel-title"
AUTHOR = "aftersales-sentinel-author"
DATE = "1901-02-03"  # written as the created/modified stamp below
STAMP = "1901-02-03T00:00:00Z"
DOC_ID = "aftersales-sentinel-w14-docid"
DOC_GUID = "aftersales-sentinel-w15-docid"
RSID = "aftersales-sentinel-rsid"
GUID = "aftersales-sentinel-guid-"  # + the part's index in Frame.guid_labels
HEADER = "aftersales-sentinel-header"
HEADER_RUN = f"<w:r><w:t>{HEADER}</w:t></w:r>"
TOC_LINE = "aftersales-sentinel-toc-line"
_COVER = "aftersales-sentinel-cover-end"
_BODY = "aftersales-sentinel-body"
SENTINELS = (TITLE, AUTHOR, STAMP, DOC_ID, DOC_GUID, RSID, GUID, HEADER)


@dataclass(frozen=True)
class Reference:
    """What writing the body needs from the reference document."""

    key: bytes  # the reference's bytes and the preparing code, hashed
    style_ids: dict[str, str]  # our style name → the document's style id
    sizes: dict[str, float]  # our paragraph style → its font size in points (a letterhead may set its own)
    text_width: int  # EMU between the margins
    toc_page_points: float  # height of the text area, for toc_fit
    toc_size: float  # the TOC style's font size and line spacing, for toc_fit
    toc_spacing: float
    images: dict[str, str]  # SHA-1 of a picture the reference holds → its part (python-docx reuses it)


@dataclass(frozen=True)
class FrameKey:
    """What of a proposal shapes the package around its body."""

    draft: bool
    start: int  # page numbering (PageNumbering)
    after_cover: bool
    cover: bool  # the body has a cover, whose last paragraph may end a section
    images: tuple[str, ...]  # per distinct body picture, in order: "" new, or the reference's identical picture
    max_drawing_id: int  # the highest wp:docPr id of the body (a letterhead's copied pictures go above it)
    custom: bool  # the proposal has custom properties

    def name(self) -> bytes:
        return repr(astuple(self)).encode()


@dataclass(frozen=True)
class Frame:
    parts: tuple[tuple[str, bytes], ...]  # every zip entry in order, with sentinels
    marked: frozenset[str]  # parts that hold a sentinel
    document_head: bytes  # word/document.xml up to the body, and from the section properties on
    document_tail: bytes
    cover_section: str  # w:sectPr ending the cover's section, or ""
    image_rids: tuple[str, ...]  # per distinct body picture: its relationship id and part
    image_parts: tuple[str, ...]
    guid_labels: tuple[str, ...]  # part names whose GUID (customXml itemID) the identity gives
    app_part: str  # docProps/app.xml, or ""
    custom_part: str  # docProps/custom.xml, or ""
    styles_fitted: bytes  # styles.xml with the TOC styles' line spacing as TOC_LINE ("" without them)
    streams: dict[str, tuple[int, bytes]]  # CRC and DEFLATE stream of every part a build takes unchanged


_MODULES = ("prepared.py", "styles.py", "page_frame.py", "identity.py", "package.py", "custom_properties.py",
            "toc_fit.py", "nobreak.py", "xmlorder.py", "ns.py")
_code: bytes | None = None


def code_fingerprint() -> bytes:
    """The preparing modules' source and python-docx's (its __init__.py holds the version; found without
    importing it, and without importlib.metadata, which costs a new process 15 ms): another version
    prepares again."""
    global _code
    if _code is None:
        from importlib.util import find_spec

        here = Path(__file__).parent
        spec = find_spec("docx")
        docx_init = spec.origin if spec is not None and spec.origin else ""
        _code = disk_cache.source_fingerprint(*(here / name for name in _MODULES), docx_init)
    return _code


MAX_REFERENCES, MAX_FRAMES = 8, 16  # a frame holds the package, ~0.4 MB for the standard reference
_references: BoundedMemo[Reference] = BoundedMemo(MAX_REFERENCES)
_frames: BoundedMemo[Frame] = BoundedMemo(MAX_FRAMES)


def reference_key(data: bytes) -> bytes:
    return hashlib.sha256(data + b"\0" + code_fingerprint()).digest()


def prepared_reference(data: bytes) -> Reference:
    key = reference_key(data)

    def from_disk_or_prepared() -> Reference:
        path = disk_cache.entry(CACHE_SUBDIR, [b"reference", key])
        found = _decode(Reference, disk_cache.load(path), key)
        if found is None:
            found = _prepare_reference(data, key)
            disk_cache.store(path, _encode(found))
        return found

    return _references.get(key, from_disk_or_prepared)


def prepared_frame(data: bytes, reference: Reference, frame_key: FrameKey) -> Frame:

    def from_disk_or_prepared() -> Frame:
        path = disk_cache.entry(CACHE_SUBDIR, [b"frame", reference.key, frame_key.name()])
        found = _decode(Frame, disk_cache.load(path), None)
        if found is None:
            found = _prepare_frame(data, reference, frame_key)
            disk_cache.store(path, _encode(found))
        return found

    return _frames.get((reference.key, frame_key), from_disk_or_prepared)


# -- cache entries: marshal of the fields (plain bytes, str, numbers, tuples, dicts) -------------------
def _encode(value: Reference | Frame) -> bytes:
    record = {f.name: getattr(value, f.name) for f in fields(value)}
    for name, item in record.items():
        if isinstance(item, frozenset):
            record[name] = tuple(sorted(item))
    return marshal.dumps((FORMAT, type(value).__name__, record))


_TYPES: dict[str, Any] = {"bytes": bytes, "str": str, "int": int, "float": float, "bool": bool}


def _decode(kind: type, payload: bytes | None, key: bytes | None) -> Any:
    """The cached value, or None for anything that is not an entry this code wrote (then prepared again)."""
    if payload is None:
        return None
    try:
        version, name, record = marshal.loads(payload)
        if version != FORMAT or name != kind.__name__ or not isinstance(record, dict):
            return None
        names = [f.name for f in fields(kind)]
        if sorted(record) != sorted(names) or (key is not None and record["key"] != key):
            return None
        if kind is Frame:
            record["marked"] = frozenset(record["marked"])
            record["parts"] = tuple((str(n), bytes(b)) for n, b in record["parts"])
            if not all(isinstance(record[n], bytes) for n in ("document_head", "document_tail", "styles_fitted")):
                return None
            if not all(isinstance(crc, int) and isinstance(packed, bytes) for crc, packed in record["streams"].values()):
                return None
        else:
            if not (isinstance(record["style_ids"], dict) and isinstance(record["text_width"], int)):
                return None
        return kind(**record)
    except Exception:  # any damage: prepared again, never a wrong package
        return None


# -- preparing with python-docx ----------------------------------------------------------------------
def _opened(data: bytes) -> tuple[Any, dict[str, str]]:
    """The reference with our styles and an empty body, as every build starts from it."""
    from docx import Document

    from generator.write.identity import strip_session_ids
    from generator.write.ns import qn
    from generator.write.styles import drop_styles_with_effects, ensure_styles

    document = Document(io.BytesIO(_declaring_namespaces(data)))
    style_ids = ensure_styles(document)
    drop_styles_with_effects(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    strip_session_ids(document.element)
    return document, style_ids


def _declaring_namespaces(data: bytes) -> bytes:
    """The reference with the prefixes the body text uses (w, r, wp) declared on document.xml's root.
    Word, WPS and LibreOffice declare them; a document that does not (one written with a default
    namespace) gets them added, since the body is put into document.xml as text."""
    import zipfile

    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        name = next((n for n in archive.namelist() if n.lstrip("/") == DOCUMENT), None)
        if name is None:
            return data  # python-docx finds the main part by its relationship, and reports what is wrong
        xml = archive.read(name)
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
        missing = [(prefix, uri) for prefix, uri in _BODY_NAMESPACES if root.nsmap.get(prefix) != uri]
        if not missing:
            return data
        if any(prefix in root.nsmap for prefix, _ in missing):
            raise ValueError(f"{DOCUMENT}: prefix {missing[0][0]} is bound to another namespace")
        declared = etree.Element(root.tag, dict(root.attrib), nsmap={**root.nsmap, **dict(missing)})
        declared.extend(list(root))
        declared.text = root.text
        rewritten = etree.tostring(declared, xml_declaration=True, encoding="UTF-8", standalone=True)
        entries = [(info.filename, rewritten if info.filename == name else archive.read(info))
                   for info in archive.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for filename, content in entries:
            target.writestr(filename, content)
    return out.getvalue()


DEFAULT_SIZE = 10.5  # points: Word's size for a style chain that sets none


def _prepare_reference(data: bytes, key: bytes) -> Reference:
    from generator.write.styles import SPECS
    from generator.write.toc_fit import toc_figures

    document, style_ids = _opened(data)
    section = document.sections[0]
    text_width = int(section.page_width - section.left_margin - section.right_margin)
    by_id = {s.style_id: s for s in document.styles}
    sizes = {}
    for spec in SPECS:
        style = by_id.get(style_ids[spec.name])
        while style is not None and style.font.size is None:
            style = style.base_style
        sizes[spec.name] = style.font.size.pt if style is not None else DEFAULT_SIZE
    page_points, size, spacing = toc_figures(document, style_ids["toc 1"])
    images = {part.sha1: str(part.partname).lstrip("/") for part in document.part.package.image_parts}
    return Reference(key, style_ids, sizes, text_width, page_points, size, spacing, images)


class _SentinelIdentity:
    """A PackageIdentity whose identifiers are sentinels (identity.apply_identity writes them)."""

    doc_id, doc_guid, rsid_root, company = DOC_ID, DOC_GUID, RSID, ""

    def __init__(self) -> None:
        self.labels: list[str] = []

    def guid(self, label: str) -> str:
        self.labels.append(str(label).lstrip("/"))
        return f"{GUID}{len(self.labels) - 1}"


def _placeholder_png(index: int) -> bytes:
    """A valid PNG of (index + 1) × 1 pixels: a stand-in for the build's picture, distinct per index."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    width = index + 1
    header = struct.pack(">IIBBBBB", width, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\0" + b"\x7f" * width)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _prepare_frame(data: bytes, reference: Reference, key: FrameKey) -> Frame:
    from docx.oxml.parser import parse_xml

    from generator.write.custom_properties import set_custom_properties
    from generator.write.identity import RT_EXTENDED, apply_identity
    from generator.write.nobreak import keep_numbers_with_units
    from generator.write.ns import qn
    from generator.write.package import deflate, package_entries, set_core_properties, set_update_fields
    from generator.write.page_frame import PageFrame, PageNumbering
    from generator.write.toc_fit import set_toc_spacing

    document, style_ids = _opened(data)
    package = document.part.package
    rids, image_parts = [], []
    for index, existing in enumerate(key.images):
        blob = next(p.blob for p in package.image_parts if p.sha1 == _sha1_of(reference, existing)) \
            if existing else _placeholder_png(index)
        rid, _ = document.part.get_or_add_image(io.BytesIO(blob))
        rids.append(rid)
        image_parts.append(str(document.part.related_parts[rid].partname).lstrip("/"))

    drawing = (f'<w:r><w:drawing><wp:inline><wp:docPr id="{key.max_drawing_id}" name=""/></wp:inline></w:drawing>'
               "</w:r>") if key.max_drawing_id else ""
    sentinels = (f"<w:p><w:r><w:t>{_COVER}</w:t></w:r></w:p>" if key.cover else "") \
        + f"<w:p><w:r><w:t>{_BODY}</w:t></w:r>{drawing}</w:p>"
    body = document.element.body
    section = body.find(qn("w:sectPr"))
    children = list(parse_xml(f"<w:body {NAMESPACES}>{sentinels}</w:body>"))
    for child in children:
        if section is not None:
            section.addprevious(child)
        else:
            body.append(child)

    def paragraph(style: str, text: str = "", parent: Any = None) -> Any:
        p = parent.add_p()
        p.style = style_ids[style]
        if text:
            p.add_r().text = text
        return p

    from generator.write.docx_writer import DRAFT_MARK

    frame = PageFrame(document, paragraph, PageNumbering(key.start, key.after_cover))
    frame.write(HEADER, DRAFT_MARK if key.draft else None)
    frame.number_pages(children[0] if key.cover else None)
    set_core_properties(document, TITLE, AUTHOR, DATE)
    set_update_fields(document)
    keep_numbers_with_units(document)
    set_custom_properties(document, {"aftersales": "aftersales"} if key.custom else {})
    identity = _SentinelIdentity()
    apply_identity(document, identity)  # type: ignore[arg-type]  # the same members, sentinel values

    app = next((rel.target_part for rel in package.rels.values()
                if rel.reltype == RT_EXTENDED and not rel.is_external), None)
    custom = next((rel.target_part for rel in package.rels.values()
                   if rel.reltype.endswith("/custom-properties") and not rel.is_external), None)
    entries = package_entries(document)
    styles_part = document.part._styles_part if _has_part(document, STYLES) else None
    fitted = b""
    if styles_part is not None and set_toc_spacing(styles_part.element, [style_ids["toc 1"], style_ids["toc 2"]],
                                                   TOC_LINE):
        fitted = styles_part.blob
    head, tail, cover_section = _split_document(dict(entries)[DOCUMENT].decode())
    marked = frozenset(name for name, blob in entries if any(s.encode() in blob for s in SENTINELS))
    app_part = str(app.partname).lstrip("/") if app else ""
    custom_part = str(custom.partname).lstrip("/") if custom else ""
    rewritten = marked | {DOCUMENT, app_part, custom_part, *image_parts}
    streams = {name: deflate(blob) for name, blob in entries if name not in rewritten}
    return Frame(tuple(entries), marked, head.encode(), tail.encode(), cover_section, tuple(rids),
                 tuple(image_parts), tuple(identity.labels), app_part, custom_part, fitted, streams)


def _sha1_of(reference: Reference, part: str) -> str:
    return next(sha1 for sha1, name in reference.images.items() if name == part)


def _has_part(document: Any, name: str) -> bool:
    return any(str(p.partname).lstrip("/") == name for p in document.part.package.iter_parts())


def _split_document(xml: str) -> tuple[str, str, str]:
    """document.xml around the sentinel paragraphs; the section break the cover's last paragraph got."""
    body_at = xml.index(_BODY)
    end = xml.index("</w:p>", body_at) + len("</w:p>")
    cover_section = ""
    if _COVER in xml:
        cover_at = xml.index(_COVER)
        start = xml.rindex("<w:p>", 0, cover_at)
        paragraph = xml[start:xml.index("</w:p>", cover_at)]
        if paragraph.startswith("<w:p><w:pPr>"):
            cover_section = paragraph[len("<w:p><w:pPr>"):paragraph.index("</w:pPr>")]
    else:
        start = xml.rindex("<w:p>", 0, body_at)
    return xml[:start], xml[end:], cover_section


_BODY_NAMESPACES = (("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
                    ("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
                    ("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"))
NAMESPACES = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in _BODY_NAMESPACES)
