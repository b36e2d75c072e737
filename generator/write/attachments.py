"""A tender's attachments (授权委托书, certificates, 服务网点一览) appended after the proposal.

docxcompose copies each attachment's body, styles it lacks, numbering, pictures and footnotes into
the proposal. The proposal's definitions win for shared style names (an attachment written on the
standard reference looks like the proposal); headers, footers and page numbers are the proposal's
and run on through the attachments. Each attachment starts on a new page.
"""

from __future__ import annotations

import random
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.write.xmlorder import set_child

# docxcompose gives copied list definitions a random w:nsid; seeded here so output stays identical.
_SEED = 20240607


def _start_on_new_page(attachment) -> None:
    body = attachment.element.body
    first = next((child for child in body if child.tag in (qn("w:p"), qn("w:tbl"), qn("w:sdt"))), None)
    if first is None:
        return
    if first.tag != qn("w:p"):
        first = OxmlElement("w:p")
        body.insert(0, first)
    set_child(first.get_or_add_pPr(), "w:pageBreakBefore")


def append_attachments(document, paths: list[Path]) -> None:
    from docxcompose.composer import Composer

    state = random.getstate()
    random.seed(_SEED)
    try:
        composer = Composer(document)
        for path in paths:
            attachment = Document(str(path))
            _start_on_new_page(attachment)
            composer.append(attachment)
    finally:
        random.setstate(state)


def with_attachments(parts: dict[str, bytes], paths: list[Path], identity, date_iso: str) -> dict[str, bytes]:
    """A pass on the finished package, only for a tender with attachments: python-docx opens it,
    docxcompose appends them, and the identifiers are applied again to what they brought along."""
    import io

    from generator.write.identity import apply_identity
    from generator.write.package import package_entries, zip_entries

    document = Document(io.BytesIO(zip_entries(list(parts.items()), date_iso)))
    append_attachments(document, paths)
    apply_identity(document, identity)
    return dict(package_entries(document))
