"""The proposal's charts: drawn from the data, inline PNG in the .docx, same bytes for the same
inputs, and a Word table with a notice (never tofu boxes) when no font draws Chinese.

The PNG tests need a CJK font; `make test` installs one (scripts/ensure-office.sh). Missing, they
fail with that message rather than skip."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from docx import Document

from generator.load.project import load_inputs
from generator.pictures import fonts
from generator.pictures.charts import FlowStep, OrgChart, flowchart_png, orgchart_png
from generator.pipeline.build import BuildOptions, build
from generator.render.blocks import Paragraph
from generator.render.figures import NO_FONT_NOTICE, TOO_WIDE_NOTICE, Figures
from generator.render.proposal import figure_targets, select_clauses
from generator.text.reader import read_document

ROOT = Path(__file__).resolve().parents[2]
NEEDS_FONT = "没有可显示中文的字体：请运行 make test（scripts/ensure-office.sh 安装 fonts-noto-cjk）"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def font() -> str:
    path = fonts.cjk_font()
    assert path is not None, NEEDS_FONT
    return path


def chunk_types(png: bytes) -> list[bytes]:
    assert png.startswith(PNG_SIGNATURE)
    types, at = [], len(PNG_SIGNATURE)
    while at < len(png):
        length = int.from_bytes(png[at:at + 4], "big")
        types.append(png[at + 4:at + 8])
        at += 12 + length
    return types


def test_font_coverage_is_checked_glyph_by_glyph(font):
    assert fonts.covers(font, "报修响应到场")
    dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    assert not fonts.covers(dejavu, "报修"), "DejaVu has no Chinese glyphs: it must not be taken for a CJK font"
    assert fonts.covers(dejavu, "7x24")


def test_charts_are_deterministic_png_without_metadata(font):
    steps = [FlowStep("报修受理", ("7×24小时", "受理登记")), FlowStep("响应", ("30分钟内",))]
    first, second = flowchart_png(steps, font), flowchart_png(steps, font)
    assert first == second
    assert set(chunk_types(first)) == {b"IHDR", b"pHYs", b"IDAT", b"IEND"}  # no tEXt, no tIME
    chart = OrgChart("某服务中心", ("项目经理", "张三"), (("工程师", "李四、王五"),), ("北京网点（3人）",))
    assert orgchart_png(chart, font) == orgchart_png(chart, font)
    assert b"tIME" not in chunk_types(orgchart_png(chart, font))


def test_demo_proposal_carries_both_charts_inline(project, font):
    result = build(project / "tenders" / "demo.yaml", BuildOptions(output_root=project / "out"))
    with zipfile.ZipFile(io.BytesIO(result.docx_bytes)) as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
        document_xml = package.read("word/document.xml").decode()
    assert len(media) == 2 and all(n.endswith(".png") for n in media)
    assert document_xml.count("<wp:inline") == 2 and "<wp:anchor" not in document_xml  # inline: same in Word, WPS, LO
    assert 'descr="售后服务组织机构图：华辰智联客户服务中心' in document_xml
    texts = [block.text for block in read_document(result.docx_path).blocks]
    assert "图1　售后服务组织机构图" in texts and "图2　售后服务流程图" in texts
    body_heading = max(i for i, text in enumerate(texts) if text == "二、人员配置")  # not the TOC's entry
    lead = next(i for i, text in enumerate(texts) if text.endswith("如图1所示。"))
    assert texts[lead].startswith("本项目的售后服务由") and "全面负责，下设" in texts[lead]  # says what the chart shows
    assert max(i for i, text in enumerate(texts) if text == "一、组织架构") < lead < body_heading
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["pictures"] == {"organisation": "png", "flow": "png", "notice": None}
    assert not any("图" in notice for notice in result.notices)  # the date notice may stand there


def test_without_a_cjk_font_the_charts_become_tables_and_the_build_says_so(project, cli, monkeypatch):
    monkeypatch.setattr(fonts, "cjk_font", lambda: None)
    code, out, _ = cli("build", project / "tenders" / "demo.yaml", "--output", project / "out")
    assert code == 0
    assert NO_FONT_NOTICE in out
    docx = project / "out" / "demo" / "售后服务方案.docx"
    with zipfile.ZipFile(docx) as package:
        assert not [n for n in package.namelist() if n.startswith("word/media/")]
    tables = Document(str(docx)).tables
    flow = next(t for t in tables if t.rows[0].cells[1].text == "环节")
    steps = [row.cells[1].text for row in flow.rows[1:]]
    assert steps == ["报修受理", "响应", "到场", "处理", "验收", "回访"]
    assert "市区2小时内" in flow.rows[3].cells[2].text  # the commitments' own values
    manifest = json.loads((project / "out" / "demo" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pictures"] == {"organisation": "table", "flow": "table", "notice": NO_FONT_NOTICE}


def test_consumables_flow_has_no_repair_or_site_visit(project, font):
    result = build(project / "tenders" / "examples" / "medical-consumables.yaml",
                   BuildOptions(output_root=project / "out"))
    with zipfile.ZipFile(io.BytesIO(result.docx_bytes)) as package:
        document_xml = package.read("word/document.xml").decode()
    assert 'descr="售后服务流程图：问题受理→响应→处理→验收→回访"' in document_xml
    # hazardous chemicals: a spill is attended when needed, never a routine visit (issue 15)
    result = build(project / "tenders" / "examples" / "disinfection-chemicals.yaml",
                   BuildOptions(output_root=project / "out"))
    with zipfile.ZipFile(io.BytesIO(result.docx_bytes)) as package:
        document_xml = package.read("word/document.xml").decode()
    assert 'descr="售后服务流程图：问题受理→响应→按需到场→处理→验收→回访"' in document_xml


@pytest.mark.parametrize("tender", sorted(p.stem for p in (ROOT / "tenders" / "examples").glob("*.yaml")))
def test_every_example_places_both_charts(tender):
    """Every product type's outline has a clause for each chart (the clause choice, without rendering)."""
    inputs = load_inputs(ROOT / "tenders" / "examples" / f"{tender}.yaml")
    product = inputs.product.model
    sections, _ = select_clauses(inputs.outline.model, inputs.clauses, product.id, list(product.capabilities))
    blocks = (Paragraph("图"),)
    placed = figure_targets(sections, Figures(blocks, blocks))
    names = {block.text for figure in placed.values() for block in figure
             if isinstance(block, Paragraph) and block.text != "图"}
    assert names == {"每一次服务的处理流程见下表。", "本项目的售后服务组织机构见下表。"}, placed.keys()


def test_a_team_too_wide_for_the_chart_is_a_table_never_a_clipped_picture(project, font):
    path = project / "profiles" / "bidders" / "huachen.yaml"
    extra = "".join(f"  - role: 区域技术支持工程师{i}\n    name: 测试{i}\n    qualification: 工程师\n    years: 3\n"
                    f"    duty: 负责区域技术支持\n" for i in range(1, 10))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("team:\n", "team:\n" + extra, 1), encoding="utf-8")
    result = build(project / "tenders" / "demo.yaml", BuildOptions(output_root=project / "out"))
    assert TOO_WIDE_NOTICE in result.notices
    manifest = json.loads(result.manifest_path.read_text(encoding="utf-8"))
    assert manifest["pictures"] == {"organisation": "table", "flow": "png", "notice": TOO_WIDE_NOTICE}
    texts = [block.text for block in read_document(result.docx_path).blocks]
    assert any(t.startswith("本项目的售后服务由") and t.endswith("组织机构见下表。") for t in texts) and "图1　售后服务流程图" in texts
