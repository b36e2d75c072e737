"""Draft marking, provenance in manifest.json and custom properties, and `clauses impact`."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from docx import Document
from lxml import etree

from generator.load.yamlio import load_model
from generator.models.clause import Clause
from generator.pipeline.build import DOCX_NAME
from generator.write.custom_properties import read_custom_properties
from generator.write.docx_writer import DRAFT_MARK

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS = {"w": W, "r": R}


def header_texts(docx: Path) -> dict[str, list[str]]:
    """For every section: header type → its text, following the relationships of document.xml."""
    with zipfile.ZipFile(docx) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
        rels = etree.fromstring(archive.read("word/_rels/document.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        settings = etree.fromstring(archive.read("word/settings.xml"))
        even_odd = settings.find(f"{{{W}}}evenAndOddHeaders") is not None
        sections = document.findall(".//w:sectPr", NS)
        assert sections, "no section properties"
        out: dict[str, list[str]] = {}
        for index, sect in enumerate(sections):
            refs = {ref.get(f"{{{W}}}type"): ref.get(f"{{{R}}}id") for ref in sect.findall("w:headerReference", NS)}
            needed = {"default"}
            if sect.find("w:titlePg", NS) is not None:
                needed.add("first")
            if even_odd:
                needed.add("even")
            assert needed <= set(refs), f"section {index} lacks a header for {needed - set(refs)}"
            for kind in sorted(needed):
                part = etree.fromstring(archive.read("word/" + targets[refs[kind]]))
                out.setdefault(kind, []).append("".join(part.itertext()))
    return out


def load(path: Path) -> Clause:
    loaded, problems = load_model(path, Clause)
    assert loaded is not None, problems
    return loaded.model


def test_allow_draft_marks_every_header_and_records_unapproved(drafts, cli):
    project = drafts
    code, out, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft")
    assert code == 0, err
    headers = header_texts(project / "output" / "demo" / DOCX_NAME)
    assert set(headers) >= {"default", "first"}
    assert all(DRAFT_MARK in text for texts in headers.values() for text in texts), headers
    manifest = json.loads((project / "output" / "demo" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["draft"] is True
    assert manifest["unapproved_clauses"] == [c["id"] for c in manifest["clauses"]]


def test_letterhead_with_even_page_headers_marks_them_too(drafts, cli):
    project = drafts
    reference = project / "templates" / "standard" / "reference.docx"
    document = Document(str(reference))
    document.settings.odd_and_even_pages_header_footer = True
    document.save(str(reference))
    code, out, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft")
    assert code == 0, err
    headers = header_texts(project / "output" / "demo" / DOCX_NAME)
    assert set(headers) == {"default", "first", "even"}
    assert all(DRAFT_MARK in text for texts in headers.values() for text in texts), headers


def test_approved_build_has_no_draft_mark_and_full_provenance(approved, cli):
    code, out, err = cli("build", approved / "tenders" / "demo.yaml", "--provenance")
    assert code == 0, err
    docx = approved / "output" / "demo" / DOCX_NAME
    headers = header_texts(docx)
    assert not any(DRAFT_MARK in text for texts in headers.values() for text in texts)
    manifest = json.loads((approved / "output" / "demo" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["draft"] is False and manifest["unapproved_clauses"] == []
    properties = read_custom_properties(Document(str(docx)))
    assert all(len(value) <= 255 for value in properties.values())
    listed = ";".join(properties[name] for name in sorted(
        (n for n in properties if n.startswith("aftersales.clauses")), key=lambda n: (len(n), n)))
    assert listed.split(";") == [f"{c['id']}@v{c['version']}" for c in manifest["clauses"]]
    assert properties["aftersales.unapproved"] == "无"
    assert properties["aftersales.clause_count"] == str(len(manifest["clauses"]))
    assert properties["aftersales.fingerprint"] == manifest["package"]["fingerprint"]
    for entry in manifest["clauses"]:
        clause = load(approved / entry["file"])
        assert entry["sha256"] == clause.body_sha256 and entry["version"] == clause.version
        assert entry["approved"] is True and entry["approved_by"] == "李敏"
        value = properties[f"clause.{entry['id']}"]
        assert value.startswith(f"v{clause.version} sha256:{clause.body_sha256} 已审定 李敏 ")


def test_impact_lists_proposals_and_which_text_they_carry(approved, cli, tmp_path):
    code, _, err = cli("build", approved / "tenders" / "demo.yaml")
    assert code == 0, err
    path = approved / "clauses" / "core" / "principles.yaml"
    old_sha, old_version = load(path).body_sha256, load(path).version
    path.write_text(path.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  我公司补充的一段说明。\n\n", 1),
                    encoding="utf-8")
    code, out, err = cli("clauses", "approve", "principles", "--by", "王律师", "--root", approved)
    assert code == 0, err
    new_sha = load(path).body_sha256
    code, _, err = cli("build", approved / "tenders" / "city-hospital.yaml")
    assert code == 0, err

    code, out, err = cli("clauses", "impact", "principles", "--root", approved, "--format", "json")
    assert code == 0, err
    result = json.loads(out)
    uses = {u["tender"]: u for u in result["uses"]}
    assert set(uses) == {"demo", "city-hospital"} and result["scanned"] == 2
    assert (uses["demo"]["version"], uses["demo"]["sha256"], uses["demo"]["verdict"]) == (old_version, old_sha, "outdated")
    assert (uses["city-hospital"]["version"], uses["city-hospital"]["sha256"], uses["city-hospital"]["verdict"]) == (
        old_version + 1, new_sha, "current")
    code, out, err = cli("clauses", "impact", "principles", "--root", approved)
    assert code == 0 and "旧文本" in out and "现行审定文本" in out and "其中 1 份不是现行审定文本" in out

    # --outputs: only the proposals under that directory
    elsewhere = tmp_path / "sent"
    elsewhere.mkdir()
    (elsewhere / "demo").mkdir()
    for name in ("manifest.json", DOCX_NAME):
        (elsewhere / "demo" / name).write_bytes((approved / "output" / "demo" / name).read_bytes())
    (elsewhere / "broken").mkdir()
    (elsewhere / "broken" / "manifest.json").write_text("{not json", encoding="utf-8")
    code, out, err = cli("clauses", "impact", "principles", "--root", approved, "--outputs", elsewhere,
                         "--format", "json")
    result = json.loads(out)
    assert [u["tender"] for u in result["uses"]] == ["demo"] and len(result["unreadable"]) == 1

    # a clause in no proposal, and one that does not exist
    code, out, err = cli("clauses", "impact", "warranty-software", "--root", approved)
    assert code == 0 and "没有方案包含该条款" in out
    code, out, err = cli("clauses", "impact", "no-such-clause", "--root", approved)
    assert code == 2 and "no-such-clause" in err
