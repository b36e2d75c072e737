"""The .docx container: settings Word acts on at open, and identical bytes for identical inputs."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
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


def zip_entries(entries: list[tuple[str, bytes]], date_iso: str) -> bytes:
    """Same content → same bytes: entries in the given order, fixed timestamps and permissions."""
    date = dt.date.fromisoformat(date_iso)
    stamp = (max(date.year, 1980), date.month, date.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            fixed = zipfile.ZipInfo(name, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3  # the same on every platform
            target.writestr(fixed, data, compresslevel=6)
    return out.getvalue()


def normalise_zip(data: bytes, date_iso: str) -> bytes:
    """A zip rewritten with fixed timestamps and permissions, entries in the order written."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return zip_entries([(info.filename, source.read(info.filename)) for info in source.infolist()], date_iso)
