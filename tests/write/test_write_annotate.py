"""check --annotate: every finding location becomes one Word comment anchored on its quote."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from lxml import etree

from generator.check import Expectations, check_documents
from generator.pipeline.build import BuildOptions, build
from generator.text.reader import read_bytes
from generator.write.annotate import AUTHOR, annotate_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
BIDDER = "北京华辰智联科技有限公司"


def anchored_texts(data: bytes) -> dict[str, str]:
    """Comment id → the text between its commentRangeStart and commentRangeEnd, read as the checker
    reads it (a non-breaking hyphen is a hyphen)."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    open_ranges: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for node in root.iter(f"{W}commentRangeStart", f"{W}commentRangeEnd", f"{W}t", f"{W}noBreakHyphen"):
        if node.tag == f"{W}commentRangeStart":
            open_ranges[node.get(f"{W}id")] = []
        elif node.tag == f"{W}commentRangeEnd":
            done[node.get(f"{W}id")] = "".join(open_ranges.pop(node.get(f"{W}id")))
        else:
            for parts in open_ranges.values():
                parts.append("-" if node.tag == f"{W}noBreakHyphen" else (node.text or ""))
    return done


def _named_build(project: Path) -> bytes:
    return build(project / "tenders" / "demo.yaml", BuildOptions(allow_draft=True, output_root=project / "out")).docx_bytes


def test_one_comment_per_location_anchored_on_the_quote(project: Path) -> None:
    data = _named_build(project)
    [result] = check_documents([read_bytes(data, "方案.docx")], Expectations(bidder_names=[BIDDER], anonymous=True))
    locations = [(f, loc) for f in result.findings for loc in f.locations]
    assert len(locations) > 10
    annotated, count = annotate_docx(data, result.findings)
    assert count == len(locations)
    comments = list(Document(io.BytesIO(annotated)).comments)
    assert len(comments) == len(locations) and {c.author for c in comments} == {AUTHOR}
    anchors = anchored_texts(annotated)
    assert len(anchors) == len(locations)
    body = [(f, loc) for f, loc in locations if loc.block and not loc.section.startswith(("页眉", "页脚"))]
    anchored = sorted(anchors.values())
    for finding, location in body:
        assert location.text in anchored, (finding.message, location.text)
    first_comment = comments[0].text
    assert first_comment.startswith("【错误·document-metadata】暗标文件的文档属性（作者、最后修改者、单位）应为空")
    # the annotated file still reads back with the same text
    again = read_bytes(annotated, "批注.docx")
    assert [b.text for b in again.blocks] == [b.text for b in read_bytes(data, "方案.docx").blocks]


def test_split_runs_keep_their_formatting() -> None:
    document = Document()
    paragraph = document.add_paragraph()
    paragraph.add_run("我公司承诺").bold = True
    paragraph.add_run("服务热线 400-810-6608 全天开通。")
    buffer = io.BytesIO()
    document.save(buffer)
    from generator.check.findings import Finding, Location

    finding = Finding("anonymity", "error", "暗标中出现电话号码", (Location("", 1, "400-810-6608"),))
    annotated, _ = annotate_docx(buffer.getvalue(), [finding])
    assert list(anchored_texts(annotated).values()) == ["400-810-6608"]
    runs = Document(io.BytesIO(annotated)).paragraphs[0].runs
    assert [r.text for r in runs if r.text] == ["我公司承诺", "服务热线 ", "400-810-6608", " 全天开通。"]
    assert runs[0].bold and not runs[2].bold and runs[2].text == "400-810-6608"


def test_cli_annotate_never_overwrites_without_force(cli, project: Path, tmp_path: Path) -> None:
    source = tmp_path / "方案.docx"
    source.write_bytes(_named_build(project))
    target = tmp_path / "方案-批注.docx"
    code, _, err = cli("check", source, "--anonymous", "--bidder", BIDDER, "--annotate", target)
    assert code == 1 and target.is_file() and "条批注" in err
    first = len(list(Document(str(target)).comments))
    target.write_bytes(b"keep")
    code, _, err = cli("check", source, "--annotate", target)
    assert code == 2 and "已存在" in err and target.read_bytes() == b"keep"
    code, _, err = cli("check", source, "--anonymous", "--bidder", BIDDER, "--annotate", target, "--force")
    assert code == 1 and len(list(Document(str(target)).comments)) == first
    code, _, err = cli("check", source, source, "--annotate", tmp_path / "其他.docx")
    assert code == 2 and "单个 .docx" in err and not (tmp_path / "其他.docx").exists()
    code, _, err = cli("check", source, "--annotate", source, "--force")
    assert code == 2 and "被检查的文件本身" in err
    assert not list(tmp_path.glob(".*.tmp"))
