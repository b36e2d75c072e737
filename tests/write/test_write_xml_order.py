"""Property elements the writer adds sit in schema order (Word is strict where LibreOffice is lenient)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from generator.pipeline.build import BuildOptions, build
from generator.write.xmlorder import SEQUENCES, out_of_order, set_child


def test_set_child_inserts_in_schema_position() -> None:
    tbl_pr = parse_xml(f'<w:tblPr {nsdecls("w")}><w:tblStyle w:val="a"/><w:tblW w:w="0" w:type="auto"/>'
                       '<w:tblLook w:val="04A0"/></w:tblPr>')
    set_child(tbl_pr, "w:tblLayout", type="fixed")
    set_child(tbl_pr, "w:jc", val="center")
    assert [c.tag.split("}")[1] for c in tbl_pr] == ["tblStyle", "tblW", "jc", "tblLayout", "tblLook"]
    appended = parse_xml(f'<w:tblPr {nsdecls("w")}><w:tblLook w:val="04A0"/></w:tblPr>')
    appended.append(OxmlElement("w:tblLayout"))
    assert out_of_order(appended) == ["tblLayout"]


def test_generated_package_has_no_element_out_of_schema_order(project: Path) -> None:
    text = (project / "tenders" / "demo.yaml").read_text(encoding="utf-8")
    (project / "tenders" / "demo.yaml").write_text(text + "attachments:\n  - attachments/授权委托书.docx\n",
                                                   encoding="utf-8")
    data = build(project / "tenders" / "demo.yaml",
                 BuildOptions(allow_draft=True, output_root=project / "output")).docx_bytes
    archive = zipfile.ZipFile(io.BytesIO(data))
    checked = 0
    tags = [qn(name) for name in SEQUENCES]
    for name in archive.namelist():
        if not (name.startswith("word/") and name.endswith(".xml")):
            continue
        root = etree.fromstring(archive.read(name))
        for element in root.iter(*tags):
            assert not out_of_order(element), f"{name}: {element.tag} 中元素顺序不符合规范：{out_of_order(element)}"
            checked += 1
    assert checked > 1000
