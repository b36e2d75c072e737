"""One document in four formats gives the same findings and the same requirements.

A .docx written here (headings, paragraphs long enough to wrap, a ruled table that runs over a page
end, commitments that conflict, a blank left to fill) is converted by LibreOffice to PDF and to a
legacy .doc; `check` and `tender extract` must see the same thing in each, and in the .txt of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import convert

from generator.check import check_path
from generator.check.expectations import Expectations
from generator.tender_extract import extract

PARAGRAPHS = [
    ("heading", "第一章 采购需求"),
    ("heading", "一、商务要求"),
    ("text", "★质保期：自货物验收合格之日起，整机免费质保不少于3年，质保期内由中标人负责全部零配件的更换和人工费用，"
             "并按采购人的要求提供上门服务，所需交通费用由中标人自行承担。"),
    ("text", "接到采购人报修通知后，中标人应在1小时内作出响应，市区范围内4小时内到达现场，"
             "24小时内排除故障；不能按时排除故障的，应在48小时内提供同档次的备用设备供采购人使用。"),
    ("heading", "二、培训与巡检"),
    ("text", "中标人应在安装调试完成后为采购人免费培训操作人员，培训时间不少于2天，培训内容包括设备的日常操作、"
             "简单故障的判断与处理以及日常保养方法。"),
    ("text", "质保期内中标人每季度至少进行一次上门巡检，并出具书面巡检报告，报告须经采购人签字确认。"),
    ("text", "本项目的服务联系人为XX，联系电话为________。"),
    ("heading", "三、服务时限汇总"),
]
ROWS = [("序号", "服务项目", "要求")] + [
    (str(i), f"第{i}项服务内容", text) for i, text in enumerate(
        ["接到报修后1小时内响应", "市区4小时内到达现场", "质保期不少于5年", "每年至少回访两次", "培训不少于2天",
         "备用设备在48小时内提供", "投诉在24小时内书面答复", "技术资料随货提供"] * 5, start=1)]


def _write_docx(path: Path) -> None:
    from docx import Document

    document = Document()
    for kind, text in PARAGRAPHS:
        if kind == "heading":
            document.add_heading(text, level=1 if text.startswith("第") else 2)
        else:
            document.add_paragraph(text)
    table = document.add_table(rows=len(ROWS), cols=3)
    table.style = "Table Grid"  # ruled: the PDF reader finds tables by their lines
    for r, row in enumerate(ROWS):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph("以上各项时限均自接到采购人通知之时起计算，服务期内质保期按2年执行。")
    document.save(str(path))


def _write_txt(path: Path) -> None:
    lines = []
    for _, text in PARAGRAPHS:
        lines += [text, ""]
    lines += ["\t".join(row) for row in ROWS]
    lines += ["", "以上各项时限均自接到采购人通知之时起计算，服务期内质保期按2年执行。"]
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def formats(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("same-content")
    docx = folder / "招标文件.docx"
    _write_docx(docx)
    txt = folder / "招标文件.txt"
    _write_txt(txt)
    return {"docx": docx, "pdf": convert(docx, "pdf", folder), "doc": convert(docx, "doc", folder), "txt": txt}


def _findings(path: Path) -> list[tuple]:
    result = check_path(path, Expectations())
    return sorted((f.rule, f.severity, f.kind or "", f.message) for f in result.findings)


def _requirements(path: Path) -> list[tuple]:
    _, extraction = extract(path)
    return [(r.kind, str(r.value), r.mark, r.section, r.text) for r in extraction.requirements]


def test_the_pdf_really_spans_pages(formats):
    import pdfplumber

    with pdfplumber.open(formats["pdf"]) as pdf:
        assert len(pdf.pages) >= 2  # the table runs over a page end: the reader must join it


@pytest.mark.parametrize("other", ["pdf", "doc", "txt"])
def test_check_finds_the_same_in_every_format(formats, other):
    expected = _findings(formats["docx"])
    assert {rule for rule, *_ in expected} >= {"placeholder", "conflicting-commitment"}  # a test that can fail
    assert _findings(formats[other]) == expected


@pytest.mark.parametrize("other", ["pdf", "doc", "txt"])
def test_extract_finds_the_same_requirements_in_every_format(formats, other):
    expected = _requirements(formats["docx"])
    assert len(expected) >= 5 and any(mark == "★" for _, _, mark, _, _ in expected)
    assert _requirements(formats[other]) == expected


def test_pdf_requirements_and_findings_carry_their_page(formats):
    _, extraction = extract(formats["pdf"])
    pages = {r.page for r in extraction.requirements}
    assert 1 in pages and len(pages) >= 2
    result = check_path(formats["pdf"], Expectations())
    assert all(loc.page for f in result.findings if f.rule == "placeholder" for loc in f.locations)
