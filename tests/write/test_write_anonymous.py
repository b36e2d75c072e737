"""暗标 (--anonymous): no part of the package names, locates or reaches the bidder or its people;
the commitments stay."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

from docx import Document

from generator.load.project import load_inputs
from generator.load.yamlio import load_model
from generator.models.parties import Bidder
from generator.pipeline.build import BuildOptions, build
from generator.render.context import identifying_strings


def _bidder(project: Path) -> Bidder:
    loaded, problems = load_model(project / "profiles" / "bidders" / "huachen.yaml", Bidder)
    assert loaded is not None, problems
    return loaded.model


def _parts(data: bytes) -> dict[str, str]:
    """Every XML part and relationship file of the package, decoded; a non-breaking hyphen between two
    text elements (400-810-6608 is written so that it does not break) reads as the plain hyphen it is."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: _JOINED.sub("-", archive.read(name).decode("utf-8")) for name in archive.namelist()
            if name.endswith((".xml", ".rels"))}


_JOINED = re.compile(r'</w:t><w:noBreakHyphen/><w:t(?: xml:space="preserve")?>')


def test_anonymous_package_contains_no_identifying_string(project: Path) -> None:
    tender = project / "tenders" / "demo.yaml"
    tender.write_text(tender.read_text(encoding="utf-8") + "attachments:\n  - attachments/授权委托书.docx\n",
                      encoding="utf-8")
    bidder = _bidder(project)
    secrets = identifying_strings(bidder)
    assert {bidder.legal_name, bidder.short_name, bidder.hotline, bidder.team[0].name} <= set(secrets)

    named = build(tender, BuildOptions(allow_draft=True, output_root=project / "output" / "named")).docx_bytes
    named_text = "".join(_parts(named).values())
    assert all(s in named_text for s in (bidder.legal_name, bidder.hotline, bidder.team[0].name))  # the scan works

    result = build(tender, BuildOptions(allow_draft=True, anonymous=True, output_root=project / "output" / "anon"))
    parts = _parts(result.docx_bytes)
    assert "word/document.xml" in parts and "docProps/core.xml" in parts and "docProps/app.xml" in parts
    for name, text in parts.items():
        for secret in secrets:
            assert secret not in text, f"{name} 含有投标人信息“{secret}”"
    assert "<Company/>" in parts["docProps/app.xml"]

    document = Document(io.BytesIO(result.docx_bytes))
    body = "\n".join(p.text for p in document.paragraphs)
    body += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "投标人（盖章）" not in body and "法定代表人或授权代表（签字）" not in body
    assert "30分钟内响应" in body and "特此承诺" in body  # the commitments and the letter stay
    assert "授权委托书" not in body  # attachments are signed by the bidder: left out
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["package"]["anonymous"] is True and manifest["package"]["company"] == ""


def test_anonymous_build_ignores_the_bidders_letterhead(project: Path) -> None:
    bidders = project / "profiles" / "bidders"
    reference = project / "templates" / "standard" / "reference.docx"
    letterhead = Document(str(reference))
    letterhead.sections[0].header.paragraphs[0].text = "北京华辰智联科技有限公司　信笺"
    letterhead.save(str(bidders / "letterhead.docx"))
    profile = bidders / "huachen.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "letterhead: letterhead.docx\n", encoding="utf-8")
    tender = project / "tenders" / "demo.yaml"
    named = build(tender, BuildOptions(allow_draft=True, output_root=project / "output" / "named")).docx_bytes
    assert any("信笺" in text for text in _parts(named).values())
    anonymous = build(tender, BuildOptions(allow_draft=True, anonymous=True,
                                           output_root=project / "output" / "anon")).docx_bytes
    assert not any("信笺" in text or "华辰" in text for text in _parts(anonymous).values())


EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "tenders" / "examples").glob("*.yaml"))


def test_every_example_builds_as_a_blind_bid_with_nothing_that_names_the_bidder(project: Path) -> None:
    """Each bidder's stock, authorisations, outlets and people pass the 暗标 self-check: a warehouse
    named after the bidder becomes 我公司…仓库 at its city (山东省寿光市), not its street address."""
    for example in EXAMPLES:
        tender = project / "tenders" / "examples" / example.name
        result = build(tender, BuildOptions(allow_draft=True, anonymous=True, output_root=project / "output" / "anon"))
        text = "".join(_parts(result.docx_bytes).values())
        bidder = load_inputs(tender, project).bidder.model
        leaked = [s for s in identifying_strings(bidder) if s in text]
        assert not leaked, (example.stem, leaked)
        for warehouse in bidder.warehouses:
            assert warehouse.name not in text or bidder.short_name not in warehouse.name, example.stem
