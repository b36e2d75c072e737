"""Browser tests for issue 18 (the web page, round two), one or more per numbered item, in real
headless Chromium against the real server on a private copy of the project."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

SCREENSHOTS = Path(os.environ.get("AFTERSALES_SCREENSHOTS", "/tmp/aftersales-screens"))
JARGON = ("tenders/", ".yaml", "manifest", "sha256", "（warranty）", "（it-equipment）", "it-equipment", "warranty", "standard", "tender-requirement",
          "conflicting-commitment", "profiles/")


def _build(page, url: str, rel: str, pdf: bool) -> None:
    page.goto(url + f"tenders/preview?file={rel}")
    if page.locator("input[name=allow_draft]").count():
        page.check("input[name=allow_draft]")
    if page.locator("input[name=allow_deviation]").count():
        page.check("input[name=allow_deviation]")
    if pdf:
        page.check("input[name=pdf]")
    page.click("#build")
    page.wait_for_url("**/outputs/**", timeout=180_000)


def test_1_no_stale_pdf_beside_a_new_docx_and_9_regenerating_is_no_mistake(live, browser_page, project: Path) -> None:
    page, url = browser_page, live.url
    page.goto(url + "tenders/preview?file=demo.yaml")
    page.check("input[name=pdf]")
    if page.locator("input[name=allow_draft]").count():
        page.check("input[name=allow_draft]")
    page.evaluate("""document.querySelector('form[data-busy]').addEventListener('submit', () =>
        sessionStorage.setItem('progress', document.getElementById('progress').textContent))""")
    page.click("#build")
    page.wait_for_url("**/outputs/demo", timeout=180_000)
    # 12: while the PDF was being made the page said so (recorded as the form was sent)
    assert "正在生成 Word 文档并转换为 PDF" in page.evaluate("sessionStorage.getItem('progress')")
    expect(page.locator("#download-pdf")).to_be_visible()

    tender = project / "tenders" / "demo.yaml"
    tender.write_text(tender.read_text(encoding="utf-8").replace("project_name: ", "project_name: 改名后", 1),
                      encoding="utf-8")
    page.reload()
    expect(page.locator("#stale")).to_contain_text("方案已过期")  # the inputs changed after the build

    page.goto(url + "tenders/preview?file=demo.yaml")
    expect(page.locator("input[name=force]")).to_be_checked()  # regenerating replaces by default
    _build(page, url, "demo.yaml", pdf=False)
    expect(page.locator("#refusal")).to_have_count(0)  # no red “输出文件已存在” on a plain rebuild
    expect(page.locator("#download-pdf")).to_have_count(0)  # the old PDF is not offered beside the new .docx
    expect(page.locator("#no-pdf")).to_contain_text("没有 PDF")
    expect(page.locator("#stale")).to_have_count(0)
    assert not (project / "output" / "demo" / "售后服务方案.pdf").exists()
    assert page.request.get(url + "outputs/demo/download/pdf").status == 404


def test_2_legal_sees_changes_word_by_word_and_the_history_survives(live, browser_page, project: Path) -> None:
    page, url = browser_page, live.url
    path = project / "clauses" / "equipment" / "warranty-scope.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  本条款适用于全部设备。\n", 1),
                    encoding="utf-8")
    page.goto(url + "clauses/warranty-scope")
    assert page.locator("#by").evaluate("el => el.tagName") == "SELECT"  # names from the project's list
    page.select_option("#by", "王敏")
    page.fill("#note", "首次")
    page.click("#approve-button")
    expect(page.locator(".flash")).to_contain_text("已审定“质保期与质保范围（需维修的产品）”")
    assert page.evaluate("location.hash") == "#approve"  # not sent back to the top

    path.write_text(path.read_text(encoding="utf-8").replace("适用于全部设备", "适用于本项目全部设备", 1),
                    encoding="utf-8")
    page.goto(url + "clauses/warranty-scope")
    expect(page.locator("#changes pre ins")).to_have_text("本项目")
    path.write_text(path.read_text(encoding="utf-8").replace("本项目全部设备", "本项目设备", 1), encoding="utf-8")
    page.reload()
    expect(page.locator("#changes pre del")).to_have_text("全部")
    page.select_option("#by", "李静")
    page.click("#approve-button")
    rows = page.locator("#history tbody tr")  # newest first; the library may already hold earlier approvals
    expect(rows.nth(1)).to_contain_text("首次")
    expect(rows.nth(0)).to_contain_text("李静")
    expect(rows.nth(1)).to_contain_text("王敏")
    expect(rows.nth(1)).to_contain_text("首次")


def test_3_and_12_check_results_exact_findable_and_most_serious_first(live, browser_page, defective_txt: Path,
                                                                      tmp_path: Path) -> None:
    page, url = browser_page, live.url
    draft = tmp_path / "违反星号条款.txt"
    draft.write_text("售后服务方案\n一、质保\n本项目质保期为1年，服务热线：XXXX。\n", encoding="utf-8")
    page.goto(url + "check")
    page.set_input_files("#document", str(draft))
    page.click("summary")
    page.select_option("#tender", "demo.yaml")
    page.click("#run-check")
    first = page.locator("section.rule").first
    expect(first).to_have_attribute("data-rule", "tender-requirement")  # ★ before the placeholder groups
    expect(first.locator(".badge.star").first).to_be_visible()
    expect(page.locator("#check-summary")).to_contain_text("★ 实质性问题")
    expect(page.locator("#check-verdict")).to_contain_text("★ 实质性条款问题")
    with page.expect_download() as info:
        page.click("#download-report")
    report = tmp_path / "report.txt"
    info.value.save_as(report)
    text = report.read_text(encoding="utf-8")
    assert text.startswith("检查报告：违反星号条款.txt") and "★ 错误" in text and "在文档中查找“XXXX”" in text

    page.goto(url + "check")
    page.set_input_files("#document", str(defective_txt))
    page.click("#run-check")
    placeholder = page.locator('section.rule[data-rule="placeholder"]')
    marks = placeholder.locator("mark").all_inner_texts()
    assert "XXXX" in marks and "XXXXXXX" in marks  # just the placeholder, not the words around it
    expect(placeholder.locator(".find").first).to_have_text("XXXX-XXXXXXX")
    conflict = page.locator('section.rule[data-rule="conflicting-commitment"]')
    assert conflict.locator("mark").all_inner_texts() == ["质保期为3年", "质保期为5年"]
    paragraphs = conflict.locator(".para").all_inner_texts()
    assert len(paragraphs) == len(set(paragraphs))  # no paragraph twice
    expect(page.locator("#results")).not_to_contain_text("第 4 段")


def test_4_requirement_row_follows_its_pasted_text(live, browser_page, project: Path) -> None:
    page = browser_page
    page.goto(live.url + "tenders/form?file=demo.yaml")
    rows = page.locator("#requirements .req-row")
    last = rows.count() - 1
    prefix = f"requirements.{last}."
    expect(page.locator(f"select[name='{prefix}kind']")).to_have_value("")  # no 质保期 default
    page.fill(f"input[name='{prefix}text']", "接到报修后2小时内到达现场")
    expect(page.locator(f"select[name='{prefix}kind']")).to_have_value("onsite_arrival", timeout=10_000)
    expect(page.locator(f"select[name='{prefix}bound']")).to_have_value("at_most")
    expect(page.locator(f"input[name='{prefix}value']")).to_have_value("2小时")
    page.select_option(f"select[name='{prefix}kind']", "response")  # set by hand: now it disagrees
    reading = page.locator(f".reading[data-reading='{last}']")
    expect(reading).to_contain_text("原文读作“到达现场时间 不超过 2小时”", timeout=10_000)
    expect(reading).to_have_class("reading mismatch")
    page.click("#save")
    expect(page.locator("#mismatch-confirm")).to_contain_text("与原文的读法不一致")  # asked before saving
    assert "接到报修后2小时内到达现场" not in (project / "tenders" / "demo.yaml").read_text(encoding="utf-8")
    page.select_option(f"select[name='{prefix}kind']", "onsite_arrival")
    page.click("#save")
    page.wait_for_url("**/tenders/preview?file=demo.yaml")
    assert "接到报修后2小时内到达现场" in (project / "tenders" / "demo.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["tenders", "tenders/form?file=demo.yaml", "tenders/preview?file=demo.yaml",
                                  "check", "clauses", "clauses/warranty-scope", "profiles"])
def test_5_every_page_fits_390_px(live, chromium, path: str) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", device_scale_factor=1)
    page = context.new_page()
    try:
        page.goto(live.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path}: 页面宽 {width}px，超出 390px"
        for nav in page.locator("header.top nav a").all():  # the menu is not clipped
            box = nav.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
        narrow = page.evaluate("""Array.from(document.querySelectorAll('.card .v, td, .field label'))
            .filter(e => e.offsetParent && e.textContent.trim().length > 3 && e.getBoundingClientRect().width < 40).length""")
        assert narrow == 0, f"{path}: {narrow} 个文字框窄到一行一字"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = path.split("?")[0].replace("/", "-")
        page.screenshot(path=str(SCREENSHOTS / f"390-{name}-full.png"), full_page=True)
        page.screenshot(path=str(SCREENSHOTS / f"390-{name}.png"))  # the first screen, as a phone shows it
    finally:
        context.close()


def test_6_work_is_not_lost_prompt_drafts_enter(live, browser_page, project: Path) -> None:
    page, url = browser_page, live.url
    page.goto(url + "tenders/form")
    page.fill("input[name=project_name]", "半途的项目")
    page.press("input[name=project_name]", "Enter")  # moves on, does not submit
    assert page.evaluate("document.activeElement.name") == "project_number"
    assert "/tenders/form" in page.url

    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.click("nav >> text=检查文档")
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"] and "/tenders/form" in page.url  # the clerk was asked and stayed

    page.click("#save-draft")  # half-filled, with required fields empty: saved anyway
    expect(page.locator(".flash")).to_contain_text("草稿已保存")
    expect(page.locator("input[name=project_name]")).to_have_value("半途的项目")
    drafts = list((project / "tenders" / ".drafts").glob("*.yaml"))
    assert len(drafts) == 1
    page.goto(url + "tenders")
    expect(page.locator("#drafts")).to_contain_text("半途的项目")
    page.click("#drafts >> text=继续填写")
    expect(page.locator("input[name=project_name]")).to_have_value("半途的项目")


def test_7_and_8_ids_are_made_and_the_error_summary_leads_to_the_errors(live, browser_page) -> None:
    page = browser_page
    page.goto(live.url + "tenders/form")
    expect(page.locator("text=文件编号")).to_have_count(0)  # nothing to invent
    page.click("#save")
    summary = page.locator("#general-errors")
    expect(summary).to_be_focused()
    link = summary.locator("a[href='#f-project_name']")
    expect(link).to_contain_text("项目名称：不能为空")
    link.click()
    expect(page.locator("#f-project_name")).to_be_focused()
    described = page.locator("#f-project_name").get_attribute("aria-describedby")
    expect(page.locator(f"[id='{described}']")).to_have_text("不能为空")
    assert page.locator("#f-project_name").get_attribute("aria-invalid") == "true"


def test_9_saving_a_draft_returns_to_the_same_place(live, browser_page) -> None:
    page = browser_page
    page.goto(live.url + "tenders/form?file=demo.yaml")
    page.click("input[name='requirements.1.value']")
    page.click("#save-draft")
    expect(page.locator(".flash")).to_contain_text("草稿已保存")
    assert page.evaluate("location.hash") == "#f-requirements.1.value"
    assert page.evaluate("window.scrollY") > 200


@pytest.mark.parametrize("path", ["tenders", "tenders/form?file=demo.yaml", "tenders/preview?file=demo.yaml",
                                  "check", "clauses/warranty-scope"])
def test_10_no_developer_jargon_in_the_clerks_view(live, browser_page, path: str) -> None:
    page = browser_page
    page.goto(live.url + path)
    page.evaluate("document.querySelectorAll('details.source-detail').forEach(d => d.remove())")
    text = page.locator("main").inner_text()
    found = [word for word in JARGON if word in text]
    assert not found, f"{path}: {found}"


def test_11_profiles_are_added_in_the_browser(live, browser_page) -> None:
    page, url = browser_page, live.url
    page.goto(url + "profiles")
    page.click("#new-bidder")
    values = {"legal_name": "某省新创服务有限公司", "short_name": "新创服务", "credit_code": "91110108MA01N3K2TC",
              "legal_representative": "张三", "address": "某市某路1号", "hotline": "400-000-0000", "email": "a@b.cn",
              "service_center": "新创客户服务中心", "outlets.0.city": "某市", "outlets.0.address": "某市某路1号",
              "outlets.0.phone": "0000-1234567", "outlets.0.staff": "5", "team.0.role": "售后经理",
              "team.0.name": "李四", "team.0.qualification": "工程师", "team.0.years": "8", "team.0.duty": "统筹售后服务"}
    for name, value in values.items():
        page.fill(f"[name='{name}']", value)
    page.click("#save-profile")
    expect(page.locator("#general-errors")).to_contain_text("校验位不正确")  # as for the YAML file
    page.fill("[name=credit_code]", "91110108MA01N3K2TB")
    page.click("#save-profile")
    expect(page.locator(".flash")).to_contain_text("已保存投标人资料“新创服务”")
    page.goto(url + "tenders/form")
    expect(page.locator("select[name=bidder] option", has_text="新创服务")).to_have_count(1)
    page.goto(url + "check")
    expect(page.locator("#bidder option", has_text="新创服务")).to_have_count(1)  # chosen, never typed


def test_5_check_results_fit_390_px(live, chromium, defective_txt: Path) -> None:
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(live.url + "check")
        page.set_input_files("#document", str(defective_txt))
        page.click("#run-check")
        expect(page.locator("#results")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        cards = page.locator("#check-summary .card").all()
        assert cards and all((c.bounding_box() or {}).get("width", 0) > 150 for c in cards)  # two a line, not slivers
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.locator("#results").scroll_into_view_if_needed()
        page.screenshot(path=str(SCREENSHOTS / "390-check-results.png"))
    finally:
        context.close()
