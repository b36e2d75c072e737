"""Real browser tests: headless Debian Chromium (Playwright, /usr/bin/chromium) against the real server
(waitress, free loopback port) on a private copy of the project. A clerk fills the tender form, sees
the 负偏离, fixes it, generates with PDF, downloads and opens the .docx, checks it and a defective
draft; legal approves a clause."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from playwright.sync_api import expect

from generator.library.repository import load_library


def _fill_new_tender(page, url: str) -> None:
    page.goto(url + "tenders/form")
    assert page.locator("input[name=id]").get_attribute("type") == "hidden"  # made from the project, not typed
    # the live check explains the mistake next to the field while the clerk is typing
    page.fill("input[name=project_name]", "某市第一人民医院信息化设备采购项目")
    expect(page.locator('.field-error[data-for="project_number"]')).to_be_empty()  # untouched: no nagging
    page.fill("input[name=project_number]", "SYY-2026-018")
    page.fill("input[name='purchaser.name']", "某市第一人民医院")
    page.fill("input[name=delivery_place]", "采购人指定地点")
    page.fill("input[name=products]", "台式计算机、激光打印机")
    page.fill("input[name=date]", "2026-12-01")
    page.select_option("select[name=bidder]", "huachen")
    page.select_option("select[name=product_type]", "it-equipment")
    page.fill("input[name='requirements.0.text']", "★质保期不少于5年，自验收合格之日起计算")
    expect(page.locator("select[name='requirements.0.mark']")).to_have_value("★")
    # the row is filled from the pasted sentence
    expect(page.locator("select[name='requirements.0.kind']")).to_have_value("warranty", timeout=10_000)
    expect(page.locator("select[name='requirements.0.bound']")).to_have_value("at_least")
    expect(page.locator("input[name='requirements.0.value']")).to_have_value("5年")
    page.fill("input[name='requirements.0.value']", "五年多")
    expect(page.locator('.field-error[data-for="requirements.0.value"]')).to_contain_text("不是可识别的时长",
                                                                                          timeout=10_000)
    page.fill("input[name='requirements.0.value']", "5年")
    page.click("button.add-row[data-target=requirements]")
    page.fill("input[name='requirements.1.text']", "接到报修后2小时内响应")
    expect(page.locator("select[name='requirements.1.kind']")).to_have_value("response", timeout=10_000)
    expect(page.locator("input[name='requirements.1.value']")).to_have_value("2小时")


def test_clerk_fills_the_form_fixes_a_deviation_generates_and_downloads(live, browser_page, project: Path,
                                                                          tmp_path: Path) -> None:
    page, url = browser_page, live.url
    _fill_new_tender(page, url)
    page.click("#save")
    page.wait_for_url("**/tenders/preview?file=syy-2026-018.yaml")  # the id comes from the project number
    expect(page.locator(".flash")).to_contain_text("已保存“某市第一人民医院信息化设备采购项目”")
    negative = page.locator("table.deviations tr.negative")
    expect(negative).to_have_count(1)
    expect(negative).to_contain_text("★质保期不少于5年")
    expect(negative).to_contain_text("负偏离")

    page.click("#build")  # refused: the ★ requirement is broken
    expect(page.locator("#refusal")).to_contain_text("未生成")
    expect(page.locator("#refusal")).to_contain_text("接受负偏离")
    assert not (project / "output" / "syy-2026-018" / "售后服务方案.docx").exists()

    page.click("text=修改此项目")
    page.select_option("select[name='overrides.0.kind']", "warranty")
    page.fill("input[name='overrides.0.value']", "5年")
    page.click("#save")  # the file being edited is saved without a question
    page.wait_for_url("**/tenders/preview?file=syy-2026-018.yaml")
    expect(page.locator("table.deviations tr.negative")).to_have_count(0)
    expect(page.locator("table.commitments")).to_contain_text("本项目调整")

    assert page.locator("input[name=pdf]").count() == 1, "LibreOffice 未安装：make test 应通过 scripts/ensure-office.sh 安装"
    page.check("input[name=pdf]")
    page.click("#build")
    page.wait_for_url("**/outputs/syy-2026-018", timeout=180_000)
    expect(page.locator("#selfcheck")).to_contain_text("自检通过")
    expect(page.locator("h1")).to_have_text("生成结果：某市第一人民医院信息化设备采购项目")

    with page.expect_download() as info:
        page.click("#download-docx")
    download = info.value
    assert download.suggested_filename == "售后服务方案-某市第一人民医院信息化设备采购项目.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes() == (project / "output" / "syy-2026-018" / "售后服务方案.docx").read_bytes()
    document = docx.Document(saved)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "某市第一人民医院信息化设备采购项目" in text
    rows = [[c.text for c in row.cells] for table in document.tables for row in table.rows]
    starred = next(r for r in rows if any("★质保期不少于5年" in c for c in r))
    assert starred[2:4] == ["质保期：5年", "无偏离"]
    with page.expect_download() as info:
        page.click("#download-pdf")
    pdf = tmp_path / "out.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")

    # round trip: the downloaded proposal checked against its own tender finds no error
    page.goto(url + "check")
    page.set_input_files("#document", str(saved))
    page.click("summary")
    page.select_option("#tender", "syy-2026-018.yaml")
    page.click("#run-check")
    expect(page.locator("#results")).to_contain_text("检查结果：售后服务方案-某市第一人民医院信息化设备采购项目.docx")
    expect(page.locator("#results")).to_contain_text("错误 0 个")


def test_clerk_checks_a_defective_draft(live, browser_page, defective_txt: Path) -> None:
    page = browser_page
    page.goto(live.url + "check")
    page.set_input_files("#document", str(defective_txt))
    page.click("#run-check")
    results = page.locator("#results")
    expect(results).to_contain_text("检查结果：同事的草稿.txt")
    placeholder = page.locator('section.rule[data-rule="placeholder"]')
    expect(placeholder).to_contain_text("未填写的占位符")
    expect(placeholder.locator("mark").first).to_be_visible()
    marks = placeholder.locator("mark").all_inner_texts()
    assert any("XXXX" in m for m in marks)
    assert "（供应商根据项目情况自行编制培训计划）" in marks
    expect(placeholder).to_contain_text("三、培训 · 在 Word 中查找")
    conflict = page.locator('section.rule[data-rule="conflicting-commitment"]')
    expect(conflict).to_contain_text("质保期")
    expect(conflict.locator(".quote .where")).to_have_count(2)
    summary = page.locator("#check-verdict").inner_text()
    assert re.search(r"错误 [1-9]\d* 个", summary)


def test_legal_approves_a_clause(live, browser_page, project: Path) -> None:
    path = project / "clauses" / "equipment" / "warranty-scope.yaml"
    before = load_library(project).find("warranty-scope").model.version
    path.write_text(path.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  本条款经修订。\n", 1),
                    encoding="utf-8")
    page = browser_page
    page.goto(live.url + "clauses")
    page.click("nav.filters >> text=审定后已修改（1）")
    page.click("text=质保期与质保范围（需维修的产品）")
    expect(page.locator("h1 .state")).to_have_text("审定后已修改")
    expect(page.locator(".clause-body .data").first).to_be_visible()  # sample values shaded
    page.select_option("#by", "王敏")  # reviewers come from the project's list
    page.fill("#note", "已与合同模板核对")
    page.click("#approve-button")
    expect(page.locator(".flash")).to_contain_text("已审定“质保期与质保范围（需维修的产品）”")
    expect(page.locator("h1 .state")).to_have_text("已审定")
    clause = load_library(project).find("warranty-scope").model
    assert clause.is_approved and clause.approval.by == "王敏" and clause.version == before + 1
