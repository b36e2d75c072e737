"""A Picture block becomes an inline PNG in its own centred paragraph, its caption below it: the
image part is in the package, the drawing keeps the PNG's proportions at the width asked (never
wider than the text), the alt text is the picture's description, and the package stays valid,
schema-ordered and byte-identical on a rewrite."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree
from openxml_audit import OpenXmlValidator

from generator.readers.docx import read_docx
from generator.render.blocks import Heading, Paragraph, Picture, Proposal
from generator.write.docx_writer import write_docx
from generator.write.xmlorder import SEQUENCES, out_of_order

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "templates" / "standard" / "reference.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def png(width: int, height: int) -> bytes:
    """A solid-colour RGB PNG, written by hand (no imaging library needed)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x20\x60\xa0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def proposal(*pictures: Picture) -> Proposal:
    blocks = (Heading(1, "第一节", "服务流程"), Paragraph("服务流程如下图所示。"), *pictures,
              Paragraph("图后的正文。"))
    return Proposal(blocks, "某项目", "售后服务方案", "某公司", "2026-11-20")


def document_xml(data: bytes):
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def test_picture_is_embedded_inline_with_its_proportions_alt_text_and_caption() -> None:
    image = png(400, 200)
    data = write_docx(proposal(Picture(image, 12.0, "服务流程图：报修、响应、到场、修复、回访", "图1 售后服务流程")),
                      REFERENCE)
    archive = zipfile.ZipFile(io.BytesIO(data))
    media = [name for name in archive.namelist() if name.startswith("word/media/")]
    assert len(media) == 1 and archive.read(media[0]) == image
    root = document_xml(data)
    inline = root.find(f".//{WP}inline")
    extent = inline.find(f"{WP}extent")
    cx, cy = int(extent.get("cx")), int(extent.get("cy"))
    assert cx == 12 * 360000 and cy == cx // 2
    assert inline.find(f"{WP}docPr").get("descr") == "服务流程图：报修、响应、到场、修复、回访"
    rel_id = inline.find(f".//{A}blip").get(f"{R}embed")
    rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
    target = next(rel.get("Target") for rel in rels if rel.get("Id") == rel_id)
    assert "word/" + target == media[0]
    picture_p = inline.getparent().getparent().getparent()
    caption_p = picture_p.getnext()
    assert picture_p.find(f"{W}pPr/{W}keepNext") is not None  # the picture stays with its caption
    assert "".join(caption_p.itertext()) == "图1 售后服务流程"
    texts = [item.text for item in read_docx(data, "图.docx").items]
    assert "图1 售后服务流程" in texts and "图后的正文。" in texts


def test_picture_is_never_wider_than_the_text_and_caption_is_optional() -> None:
    data = write_docx(proposal(Picture(png(100, 300), 40.0, "组织机构图")), REFERENCE)
    extent = document_xml(data).find(f".//{WP}extent")
    cx, cy = int(extent.get("cx")), int(extent.get("cy"))
    assert cx < 16 * 360000  # A4 less the margins
    assert cy == cx * 3
    assert "组织机构图" not in [item.text for item in read_docx(data, "图.docx").items]  # alt text is not body text


def test_package_with_pictures_is_valid_ordered_and_deterministic(tmp_path: Path) -> None:
    pictures = (Picture(png(300, 150), 14.0, "流程图", "图1 售后服务流程"),
                Picture(png(200, 200), 8.0, "组织图", "图2 服务组织机构"))
    data = write_docx(proposal(*pictures), REFERENCE)
    assert data == write_docx(proposal(*pictures), REFERENCE)
    root = document_xml(data)
    ids = [node.get("id") for node in root.iter(f"{WP}docPr")]
    assert len(ids) == 2 and len(set(ids)) == 2
    for element in root.iter(*[f"{W}{name.split(':')[1]}" for name in SEQUENCES]):
        assert not out_of_order(element)
    path = tmp_path / "pictures.docx"
    path.write_bytes(data)
    result = OpenXmlValidator(max_errors=0).validate(str(path))
    assert result.is_valid, [str(e) for e in result.errors]
