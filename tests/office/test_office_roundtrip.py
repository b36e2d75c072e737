"""Word compatibility: the package validates against the OOXML schemas (openxml-audit, a port of the
Open XML SDK validator) and survives a LibreOffice round trip (docx → docx) with no text lost."""

from __future__ import annotations

import re

import pytest
from docx import Document
from docx.oxml.ns import qn
from openxml_audit import OpenXmlValidator


def _paragraphs(element) -> list[str]:
    """Text of every paragraph below `element` in document order, inside tables and content controls too."""
    texts = ("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p")))
    return [re.sub(r"\s+", "", text) for text in texts if text.strip()]


def _texts(path) -> list[str]:
    document = Document(str(path))
    section = document.sections[0]
    texts = _paragraphs(document.element.body)
    for story in (section.header, section.footer, section.first_page_header):
        texts += _paragraphs(story._element)
    # PAGE / NUMPAGES results: ours are placeholders until a layout exists, LibreOffice stores real ones.
    return [re.sub(r"第\d+页共\d+页", "第N页共N页", text) for text in texts]


@pytest.mark.parametrize("name", ["demo", "attachments", "letterhead-lo", "letterhead-wps", "long-table",
                                  "signature"])
def test_package_validates_against_the_ooxml_schemas(rendered, name: str) -> None:
    result = OpenXmlValidator(max_errors=0).validate(str(rendered[name].require().docx))
    assert result.is_valid, [str(e) for e in result.errors]


def test_libreoffice_round_trip_keeps_every_text(rendered) -> None:
    demo = rendered["demo"].require().docx
    roundtrip = demo.with_name("roundtrip.docx")
    ours, theirs = _texts(demo), _texts(roundtrip)
    assert len(ours) > 100
    assert ours == theirs
