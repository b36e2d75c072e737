"""The .docx container: settings Word acts on at open, and identical bytes for identical inputs."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from generator.write.ns import qn
from generator.write.xmlorder import set_child

CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


@contextmanager
def core_namespace() -> Iterator[None]:
    """Importing docxcompose rebinds python-docx's global prefix "cp" to the custom-properties
    namespace (docxcompose/utils.py: nsmap.update(NS)); from then on python-docx writes
    cp:lastModifiedBy, cp:revision … of docProps/core.xml in the wrong namespace. Bind it back
    while core properties are read or written."""
    from docx.oxml.ns import nsmap

    saved = nsmap.get("cp")
    nsmap["cp"] = CORE_NS
    try:
        yield
    finally:
        if saved is not None:
            nsmap["cp"] = saved


# Core properties that describe the reference's own history, not this proposal.
_FOREIGN_CORE = ("dc:subject", "cp:keywords", "dc:description", "cp:category", "dc:identifier", "cp:contentStatus",
                 "dc:language", "cp:version", "cp:lastPrinted")


def set_core_properties(document, title: str, author: str, date_iso: str) -> None:
    """Title, author and both dates from the inputs: nothing from the clock or the reference's history
    (its subject, keywords, description or last printing would describe another document)."""
    stamp = dt.datetime.fromisoformat(date_iso).replace(tzinfo=dt.UTC)
    with core_namespace():
        core = document.core_properties
        core.title = title
        core.author = author
        core.last_modified_by = author
        core.created = stamp
        core.modified = stamp
        core.revision = 1
        for tag in _FOREIGN_CORE:
            for node in core._element.findall(qn(tag)):
                core._element.remove(node)


def set_update_fields(document) -> None:
    """Word and WPS offer to update fields (the TOC) when the file is opened; in schema position."""
    set_child(document.settings.element, "w:updateFields", val="true")


def package_entries(document) -> list[tuple[str, bytes]]:
    """The parts of a python-docx package as it would save them, in its order (content types, package
    relationships, then each part followed by its relationships)."""
    from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI
    from docx.opc.pkgwriter import _ContentTypesItem

    package = document.part.package
    parts = list(package.iter_parts())
    entries = [(CONTENT_TYPES_URI, _ContentTypesItem.from_parts(parts).blob), (PACKAGE_URI.rels_uri, package.rels.xml)]
    for part in parts:
        entries.append((part.partname, part.blob))
        if len(part.rels):
            entries.append((part.partname.rels_uri, part.rels.xml))
    return [(name.lstrip("/"), data) for name, data in entries]


Deflated = tuple[int, bytes]  # CRC-32 and raw DEFLATE stream of a part


def deflate(data: bytes, level: int | None = None) -> Deflated:
    """A part compressed as zipfile compresses it (raw DEFLATE; level 6 unless told)."""
    compressor = zlib.compressobj(COMPRESS_LEVEL if level is None else level, zlib.DEFLATED, -15)
    return zlib.crc32(data), compressor.compress(data) + compressor.flush()


def deflated_stream(data: bytes, level: int | None = None) -> bytes:
    """deflate(data, level)'s stream from one zlib call: the input is all there, so zlib makes the same
    blocks (tests/write/test_write_deflate_ahead.py), and the GIL is released once for the whole part, not
    three times (crc32, compress, flush) — what a thread compressing beside Python code needs."""
    return zlib.compress(data, COMPRESS_LEVEL if level is None else level, wbits=-15)


COMPRESS_LEVEL = 6  # zipfile's; for what is compressed once and kept (the reference's styles, theme and fonts, pictures)
# For the parts every build writes anew, the body above all (190 KB for the demo): zlib's level 3 takes half
# the time of level 6 (1.8 against 3.7 ms of CPU for the demo's body) for a .docx 2 % larger (148 against
# 145 KB). Four builds in five of a batch or the web server spend that time on nothing else.
BUILD_COMPRESS_LEVEL = 3
_VERSION = 20  # "version made by / needed to extract" zipfile writes for a deflated entry
_UNIX = 3  # the same creating system on every platform
_MODE = 0o644 << 16  # rw-r--r--


def zip_entries(entries: list[tuple[str, bytes]], date_iso: str,
                compressed: Callable[[str, bytes], Deflated] | None = None) -> bytes:
    """Same content → same bytes: entries in the given order, fixed timestamps and permissions; the bytes
    zipfile writes for the same entries (tests/write/test_write_zip.py). `compressed(name, data)` may give a
    part's DEFLATE stream without compressing it again (parts a prepared reference holds unchanged)."""
    date = dt.date.fromisoformat(date_iso)
    dosdate = (max(date.year, 1980) - 1980) << 9 | date.month << 5 | date.day
    local, central = [], []
    offset = 0
    for name, data in entries:
        crc, packed = (compressed or _fresh)(name, data)
        if len(data) >= _LIMIT or len(packed) >= _LIMIT:
            raise ValueError(f"{name}: too large for a .docx part")
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800
        fields = (flags, zipfile.ZIP_DEFLATED, 0, dosdate, crc, len(packed), len(data), len(encoded))
        header = struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", _VERSION, 0, *fields, 0)
        local += [header, encoded, packed]
        central.append(struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", _VERSION, _UNIX, _VERSION, 0, *fields,
                                   0, 0, 0, 0, _MODE, offset) + encoded)
        offset += len(header) + len(encoded) + len(packed)
    directory = b"".join(central)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(central), len(central), len(directory), offset, 0)
    return b"".join(local) + directory + end


_LIMIT = 0x7FFFFFFF // 2  # far below what would need ZIP64 records (a .docx is read up to 50 MB)


def _fresh(_name: str, data: bytes) -> Deflated:
    return deflate(data)


def normalise_zip(data: bytes, date_iso: str) -> bytes:
    """A zip rewritten with fixed timestamps and permissions, entries in the order written."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return zip_entries([(info.filename, source.read(info.filename)) for info in source.infolist()], date_iso)
