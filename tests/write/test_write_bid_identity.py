"""Every identifier of the package belongs to one bid: two bidders share none, a rebuild keeps
them, nothing of the reference document (thumbnail, template, custom properties) survives, and
the submission copy names no approver."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

from docx import Document
from lxml import etree

from generator import __version__
from generator.pipeline.build import BuildOptions, build
from generator.write.custom_properties import set_custom_properties
from generator.write.package import core_namespace

W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DS = "{http://schemas.openxmlformats.org/officeDocument/2006/customXml}"


def _rival(project: Path) -> Path:
    """A second bidder in the same tender: a copy of the demo bidder under another name."""
    bidders = project / "profiles" / "bidders"
    text = (bidders / "huachen.yaml").read_text(encoding="utf-8")
    text = text.replace("id: huachen", "id: rival", 1).replace("北京华辰智联科技有限公司", "北京远拓信息技术有限公司")
    (bidders / "rival.yaml").write_text(text.replace("华辰智联", "远拓信息"), encoding="utf-8")
    tender = (project / "tenders" / "demo.yaml").read_text(encoding="utf-8")
    target = project / "tenders" / "demo-rival.yaml"
    target.write_text(tender.replace("id: demo", "id: demo-rival", 1).replace("bidder: huachen", "bidder: rival"),
                      encoding="utf-8")
    return target


def _build(tender: Path, output: Path, **options: object) -> bytes:
    return build(tender, BuildOptions(allow_draft=True, output_root=output, **options)).docx_path.read_bytes()


def identifiers(data: bytes) -> set[str]:
    """docId, every rsid, customXml item ids and the fingerprint of one package."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    settings = etree.fromstring(archive.read("word/settings.xml"))
    found = {node.get(f"{W14}val") for node in settings.iter(f"{W14}docId")}
    found |= {node.get(f"{W}val") for node in settings.iter(f"{W}rsidRoot", f"{W}rsid")}
    for name in archive.namelist():
        if name.startswith("customXml/itemProps"):
            found.add(etree.fromstring(archive.read(name)).get(f"{DS}itemID"))
        if name.endswith(".xml") and name.startswith("word/"):
            text = archive.read(name).decode("utf-8")
            found |= set(re.findall(r'w:rsid\w*="([0-9A-F]{8})"', text))
    found.add(re.search(r"<vt:lpwstr>(\w+)</vt:lpwstr>", archive.read("docProps/custom.xml").decode())[1])
    return found


def test_two_bidders_share_no_identifier_and_a_rebuild_keeps_them(project: Path) -> None:
    ours = _build(project / "tenders" / "demo.yaml", project / "output" / "a")
    theirs = _build(_rival(project), project / "output" / "b")
    ours_ids, theirs_ids = identifiers(ours), identifiers(theirs)
    assert len(ours_ids) >= 4 and None not in ours_ids, ours_ids
    assert ours_ids.isdisjoint(theirs_ids), ours_ids & theirs_ids
    assert "24062061" not in ours_ids and "00B47730" not in ours_ids  # the reference document's own
    assert _build(project / "tenders" / "demo.yaml", project / "output" / "c") == ours


def test_anonymous_copy_of_a_bid_shares_no_identifier_with_the_named_one(project: Path) -> None:
    named = _build(project / "tenders" / "demo.yaml", project / "output" / "a")
    anonymous = _build(project / "tenders" / "demo.yaml", project / "output" / "b", anonymous=True)
    assert identifiers(named).isdisjoint(identifiers(anonymous))


def test_manifest_explains_the_identifiers_it_wrote(project: Path) -> None:
    result = build(project / "tenders" / "demo.yaml", BuildOptions(allow_draft=True, output_root=project / "output"))
    package = json.loads(result.manifest_path.read_text(encoding="utf-8"))["package"]
    assert {package["w14_docId"], package["rsidRoot"], package["fingerprint"]} <= identifiers(result.docx_bytes)
    assert package["provenance_in_docx"] is False and package["fingerprint_property"] == "aftersales.fingerprint"


def test_no_thumbnail_template_or_foreign_properties_of_the_reference(project: Path) -> None:
    reference = project / "templates" / "standard" / "reference.docx"
    with zipfile.ZipFile(reference) as archive:
        assert "docProps/thumbnail.jpeg" in archive.namelist()  # the test means something
    letterhead = Document(str(reference))
    with core_namespace():
        letterhead.core_properties.author = "张某某"
        letterhead.core_properties.keywords = "另一份投标文件"
        set_custom_properties(letterhead, {"客户编号": "KH-778"})
        letterhead.save(str(reference))

    data = _build(project / "tenders" / "demo.yaml", project / "output")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert not [n for n in archive.namelist() if "thumbnail" in n]
    assert "thumbnail" not in archive.read("_rels/.rels").decode()
    assert "thumbnail" not in archive.read("[Content_Types].xml").decode()
    everything = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xml", ".rels")))
    for foreign in ("张某某", "另一份投标文件", "KH-778", "Microsoft Macintosh Word", "Normal.dotm", "python-docx"):
        assert foreign not in everything, foreign
    app = archive.read("docProps/app.xml").decode()
    assert f"<Application>aftersales {__version__}</Application>" in app
    assert "<Company>北京华辰智联科技有限公司</Company>" in app
    core = archive.read("docProps/core.xml").decode()
    assert "<dc:creator>北京华辰智联科技有限公司</dc:creator>" in core
    assert "<cp:lastModifiedBy>北京华辰智联科技有限公司</cp:lastModifiedBy>" in core


def test_submission_copy_names_no_approver_and_no_clause(project: Path) -> None:
    result = build(project / "tenders" / "demo.yaml", BuildOptions(allow_draft=True, output_root=project / "output"))
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    approvers = {c["approved_by"] for c in manifest["clauses"] if c["approved_by"]}
    assert "开发组（示例审定）" in approvers
    archive = zipfile.ZipFile(io.BytesIO(result.docx_bytes))
    everything = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith((".xml", ".rels")))
    for approver in approvers:
        assert approver not in everything, approver
    for clause in manifest["clauses"]:
        assert clause["sha256"] not in everything and f"clause.{clause['id']}" not in everything
    custom = archive.read("docProps/custom.xml").decode()
    assert custom.count("<property ") == 1 and manifest["package"]["fingerprint"] in custom


def test_provenance_flag_puts_the_full_record_into_the_file(project: Path) -> None:
    data = _build(project / "tenders" / "demo.yaml", project / "output", provenance=True)
    custom = zipfile.ZipFile(io.BytesIO(data)).read("docProps/custom.xml").decode()
    assert "开发组（示例审定）" in custom and "aftersales.clause_count" in custom and "aftersales.fingerprint" in custom
