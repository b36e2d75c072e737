"""Screenshots of every page of `aftersales serve` at 1366×900, for a person to look at.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]      (default /tmp/aftersales-screens)

Runs the server on a free loopback port against a temporary copy of the project, walks through a
clerk's round trip in headless Debian Chromium (Playwright, /usr/bin/chromium), and writes PNGs:
the tender list, the form (with errors), the preview, the generated result, a check of a defective
document, the clause library and one clause.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN"]
DEFECTIVE = """售后服务方案

一、服务承诺
我公司承诺质保期为3年，接到报修后2小时内响应，24小时内到达现场。
服务热线：XXXX-XXXXXXX，7×24小时有人值守。

二、质保期
本项目质保期为 年，自验收合格之日起计算。质保期为5年。

三、培训
（供应商根据项目情况自行编制培训计划）
"""


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    from generator.web.server import Server

    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="aftersales-screens-"))
    project = work / "project"
    for name in ("clauses", "profiles", "templates", "tenders"):
        shutil.copytree(ROOT / name, project / name)
    (work / "缺陷方案.txt").write_text(DEFECTIVE, encoding="utf-8")
    server = Server(project, host="127.0.0.1", port=0)
    server.start_thread()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 900}, accept_downloads=True, locale="zh-CN")

            def shot(name: str, full: bool = True) -> None:
                page.screenshot(path=str(out / f"{name}.png"), full_page=full)
                print(out / f"{name}.png")

            page.goto(server.url + "tenders")
            shot("1-tenders")
            page.goto(server.url + "tenders/form?file=demo.yaml")
            shot("2-form-demo", full=False)
            page.goto(server.url + "tenders/form")
            page.fill("input[name=project_name]", "某市第一人民医院信息化设备采购项目")
            page.fill("input[name='requirements.0.text']", "★质保期不少于5年")
            page.fill("input[name='requirements.0.value']", "五年左右")
            page.wait_for_timeout(1200)  # the live check
            shot("3-form-errors")
            page.fill("input[name=project_number]", "SYY-2026-018")
            page.fill("input[name='purchaser.name']", "某市第一人民医院")
            page.fill("input[name=delivery_place]", "采购人指定地点")
            page.fill("input[name=products]", "台式计算机、打印机")
            page.select_option("select[name=bidder]", "huachen")
            page.select_option("select[name=product_type]", "it-equipment")
            page.fill("input[name='requirements.0.value']", "5年")
            page.click("#save")
            page.wait_for_url("**/tenders/preview**")
            shot("4-preview-negative")
            page.click("#build")
            page.wait_for_load_state()
            shot("5-refused")
            page.check("input[name=allow_deviation]")
            if page.locator("input[name=pdf]").count():
                page.check("input[name=pdf]")
            page.click("#build")
            page.wait_for_url("**/outputs/**", timeout=120_000)
            shot("6-output")
            page.goto(server.url + "check")
            page.set_input_files("#document", str(work / "缺陷方案.txt"))
            page.click("#run-check")
            page.wait_for_selector("#results")
            shot("7-check")
            page.goto(server.url + "clauses")
            shot("8-clauses", full=False)
            page.goto(server.url + "clauses/warranty-scope")
            shot("9-clause")
            browser.close()
    finally:
        server.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/aftersales-screens"))
