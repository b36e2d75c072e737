"""document-metadata and anonymity: what a .docx carries besides its visible text, and 暗标 leaks."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from helpers import doc, findings

from generator.check import Expectations, check_documents
from generator.text.reader import read_bytes
from generator.write.package import core_namespace

BIDDER = "北京华辰智联科技有限公司"


def _tracked(paragraph, kind: str, text: str) -> None:
    """A w:ins or w:del revision holding one run."""
    change = OxmlElement(f"w:{kind}")
    change.set(qn("w:id"), str(len(kind) + len(text)))
    change.set(qn("w:author"), "审稿人")
    run = OxmlElement("w:r")
    node = OxmlElement("w:delText" if kind == "del" else "w:t")
    node.text = text
    run.append(node)
    change.append(run)
    paragraph._p.append(change)


def messy_docx(author: str = "上海新瑞贸易有限公司", doc_id: str | None = None) -> bytes:
    document = Document()
    with core_namespace():
        document.core_properties.author = author
        document.core_properties.last_modified_by = "张工"
    document.add_paragraph("第一节 服务承诺")
    first = document.add_paragraph("我公司接到报修后30分钟内响应。")
    _tracked(first, "ins", "节假日照常受理。")
    second = document.add_paragraph("质保期为3年，自验收合格之日起计算。")
    _tracked(second, "del", "质保期为2年。")
    third = document.add_paragraph("备品备件供应8年。")
    document.add_comment(third.runs, text="年限请再核对", author="李工")
    fourth = document.add_paragraph("巡检每季度一次。")
    fourth.add_run("内部底价：不低于九折。").font.hidden = True
    if doc_id:  # python-docx's default template has one, shared by every file made from it
        [node] = document.settings.element.findall(qn("w14:docId"))
        node.set(qn("w14:val"), doc_id)
    buffer = io.BytesIO()
    with core_namespace():
        document.save(buffer)
    return buffer.getvalue()


def _by_message(found, rule: str = "document-metadata") -> dict[str, object]:
    return {f.message: f for f in found if f.rule == rule}


def test_properties_revisions_comments_and_hidden_text_are_findings() -> None:
    document = read_bytes(messy_docx(), "甲.docx")
    [result] = check_documents([document], Expectations(bidder_names=[BIDDER]))
    found = _by_message(result.findings)
    assert "文档属性（作者）为“上海新瑞贸易有限公司”，不是投标人“北京华辰智联科技有限公司”，疑为沿用其他单位的文件" in found
    assert not any("张工" in m for m in found)  # a person's name is not judged outside 暗标
    inserted = next(f for m, f in found.items() if m.startswith("文档中留有 1 处未接受的修订（插入）"))
    assert [loc.text for loc in inserted.locations] == ["节假日照常受理。"]
    deleted = next(f for m, f in found.items() if "修订（删除）" in m)
    assert deleted.locations[0].text.startswith("质保期为3年")
    comment = next(f for m, f in found.items() if m.startswith("文档中留有 1 条批注"))
    assert comment.locations[0].text == "备品备件供应8年。" and comment.severity == "error"
    hidden = next(f for m, f in found.items() if "隐藏文字" in m)
    assert hidden.locations[0].text == "内部底价：不低于九折。"


def test_clean_generated_file_has_no_metadata_finding(project: Path) -> None:
    from generator.pipeline.build import BuildOptions, build

    data = build(project / "tenders" / "demo.yaml", BuildOptions(allow_draft=True, output_root=project / "out")).docx_bytes
    for expectations in (Expectations(bidder_names=[BIDDER]), Expectations()):  # given, or inferred from the text
        [result] = check_documents([read_bytes(data, "方案.docx")], expectations)
        assert [f for f in result.findings if f.rule in ("document-metadata", "anonymity")] == []
    [result] = check_documents([read_bytes(data, "方案.docx")], Expectations(bidder_names=["上海新瑞贸易有限公司"]))
    [finding] = [f for f in result.findings if f.rule == "document-metadata"]
    assert finding.message.startswith("文档属性（作者、最后修改者、单位）为“北京华辰智联科技有限公司”，不是投标人“上海新瑞贸易有限公司”")
    assert len(finding.locations) == 3


def test_identifier_shared_by_two_files_is_a_finding_on_both() -> None:
    first = read_bytes(messy_docx(BIDDER, doc_id="1A2B3C4D"), "甲.docx")
    second = read_bytes(messy_docx(BIDDER, doc_id="1A2B3C4D"), "乙.docx")
    third = read_bytes(messy_docx(BIDDER, doc_id="0F0F0F0F"), "丙.docx")
    results = {r.path: r for r in check_documents([first, second, third], Expectations(bidder_names=[BIDDER]))}
    shared = {path: [f.message for f in r.findings if "w14:docId" in f.message] for path, r in results.items()}
    assert shared["甲.docx"] == ["文档标识（w14:docId）“1A2B3C4D”与 乙.docx 相同：两份投标文件标识相同会被视为串标迹象，"
                                "请各自新建文档或用本工具重新生成"]
    assert len(shared["乙.docx"]) == 1 and "甲.docx" in shared["乙.docx"][0]
    assert shared["丙.docx"] == []


def test_anonymous_reports_profile_strings_patterns_and_properties() -> None:
    document = read_bytes(messy_docx("华辰智联"), "暗标.docx")
    text = ("第一节 服务承诺\n\n北京华辰智联科技有限公司承诺：服务热线 400-810-6608，项目经理陈思远。\n\n"
            "技术支持请拨打 13912345678 或发邮件至 help@example.cn。\n\n我公司接到报修后30分钟内响应。\n")
    expectations = dict(anonymous=True, bidder_names=[BIDDER, "华辰智联"], identifying=["400-810-6608", "陈思远"])
    found = findings(text, **expectations)
    messages = [f.message for f in found if f.rule == "anonymity"]
    assert "暗标中出现可识别投标人的信息“北京华辰智联科技有限公司”，应删除或改为“我公司”“投标人”等中性称谓" in messages
    assert any("“400-810-6608”" in m for m in messages) and any("“陈思远”" in m for m in messages)
    assert "暗标中出现电话号码 1 处，可据此识别投标人，应删除" in messages  # the mobile, not the hotline again
    assert "暗标中出现电子邮箱 1 处，可据此识别投标人，应删除" in messages
    assert not any("30分钟" in loc.text for f in found if f.rule == "anonymity" for loc in f.locations)
    [result] = check_documents([document], Expectations(**expectations))
    properties = _by_message(result.findings)
    assert "暗标文件的文档属性（作者）应为空，现为“华辰智联”" in properties
    assert "暗标文件的文档属性（最后修改者）应为空，现为“张工”" in properties
    assert [f for f in findings(text, bidder_names=[BIDDER]) if f.rule == "anonymity"] == []  # only with --anonymous


def test_text_files_have_no_metadata() -> None:
    assert doc("我公司接到报修后30分钟内响应。\n").metadata is None


def test_cli_checks_files_together_and_anonymous(cli, tmp_path: Path) -> None:
    for name in ("甲.docx", "乙.docx"):
        (tmp_path / name).write_bytes(messy_docx(BIDDER, doc_id="1A2B3C4D"))
    code, out, _ = cli("check", tmp_path / "甲.docx", tmp_path / "乙.docx", "--bidder", BIDDER, "--format", "json")
    assert code == 1
    documents = json.loads(out)["documents"]
    for entry in documents:
        assert any(f["rule"] == "document-metadata" and "w14:docId" in f["message"] for f in entry["findings"])
    code, out, _ = cli("check", tmp_path / "甲.docx", "--anonymous", "--bidder", BIDDER)
    assert code == 1 and "暗标文件的文档属性（作者）应为空" in out


def test_generated_docx_keeps_zip_names_for_reader(project: Path) -> None:
    """The reader finds the identifiers the writer recorded in manifest.json."""
    from generator.pipeline.build import BuildOptions, build

    result = build(project / "tenders" / "demo.yaml", BuildOptions(allow_draft=True, output_root=project / "out"))
    package = json.loads(result.manifest_path.read_text(encoding="utf-8"))["package"]
    metadata = read_bytes(result.docx_bytes, "方案.docx").metadata
    assert metadata.identifiers["w14:docId"] == package["w14_docId"]
    assert metadata.identifiers["w:rsidRoot"] == package["rsidRoot"]
    assert metadata.application == package["application"]
    assert "docProps/thumbnail.jpeg" not in zipfile.ZipFile(io.BytesIO(result.docx_bytes)).namelist()
