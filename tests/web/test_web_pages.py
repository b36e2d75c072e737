"""The pages through Flask's test client: each a thin layer over build, check and the clause library."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from conftest import DEFECTIVE_TEXT

from generator.library.repository import load_library
from generator.web.preview import make_preview

NEGATIVE = ("  - text: ★质保期不少于5年\n    kind: warranty\n    bound: at_least\n    value: 5年\n    mark: ★\n")


def _make_negative(project: Path) -> Path:
    """demo with a ★ requirement its commitments (3年) break."""
    path = project / "tenders" / "demo.yaml"
    text = path.read_text(encoding="utf-8").replace("requirements:\n", "requirements:\n" + NEGATIVE, 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_pages_answer_in_chinese(page) -> None:
    for url, heading in (("/tenders", "招标项目"), ("/tenders/form", "新建招标项目"),
                         ("/tenders/form?file=demo.yaml", "修改招标项目"), ("/tenders/preview?file=demo.yaml", "预览与生成"),
                         ("/check", "检查文档"), ("/clauses", "条款库"), ("/clauses/warranty-scope", "质保期与质保范围")):
        response = page.get(url)
        assert response.status_code == 200, url
        assert f"<h1>{heading}" in response.get_data(as_text=True), url
    missing = page.get("/nowhere")
    assert missing.status_code == 404 and "找不到页面或文件" in missing.get_data(as_text=True)


def test_preview_shows_sources_and_highlights_negative_deviation(page, project: Path) -> None:
    _make_negative(project)
    preview = make_preview(project / "tenders" / "demo.yaml", project)
    assert [d.status for d in preview.deviations][0] == "负偏离"
    warranty = next(c for c in preview.commitments if c.kind == "warranty")
    assert warranty.layer == "本项目调整" and warranty.source.startswith("tenders/demo.yaml:")
    html = page.get("/tenders/preview?file=demo.yaml").get_data(as_text=True)
    row = re.search(r'<tr class="negative">(.*?)</tr>', html, re.S)
    assert row and "★质保期不少于5年" in row.group(1) and "★ 实质性条款" in row.group(1)
    assert html.count('<tr class="negative">') == 1
    assert "profiles/bidders/huachen.yaml:" in html  # where the response time comes from
    assert 'name="allow_deviation"' in html


def test_preview_shows_the_commitments_the_build_makes(project: Path) -> None:
    """Tiers that can never apply (a site in an outlet's city) are dropped in the preview as in the document."""
    from generator.load.project import load_inputs
    from generator.pipeline.build import resolve

    tender = project / "tenders" / "examples" / "elevators.yaml"
    built = resolve(load_inputs(tender, project))
    preview = make_preview(tender, project)
    shown = {row.kind: row.value for row in preview.commitments}
    assert shown == {kind: resolved.describe() for kind, resolved in built.kinds.items()}
    assert "省内" not in shown["onsite_arrival"] and "市区" in shown["onsite_arrival"]


def test_preview_names_promises_the_bidder_cannot_back(page, project: Path) -> None:
    profile = project / "profiles" / "bidders" / "xianglian.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text[:text.index("  - city: 湘源")] + text[text.index("team:"):], encoding="utf-8")
    html = page.get("/tenders/preview?file=examples/vehicles.yaml").get_data(as_text=True)
    panel = re.search(r"<h3>承诺超出投标人的服务能力，不能生成</h3>(.*?)</div>", html, re.S)
    assert panel and "到达现场承诺“市区1小时”" in panel.group(1)


def test_generate_refused_then_allowed_then_downloaded(page, project: Path) -> None:
    _make_negative(project)
    refused = page.post("/tenders/build", {"file": "demo.yaml"})
    assert refused.status_code == 422
    html = refused.get_data(as_text=True)
    assert "未生成" in html and "★质保期不少于5年" in html and "勾选“接受负偏离”" in html
    assert "--allow-deviation" not in html and str(project) not in html
    assert not (project / "output" / "demo" / "售后服务方案.docx").exists()

    done = page.post("/tenders/build", {"file": "demo.yaml", "allow_deviation": "yes"})
    assert done.status_code == 302 and done.headers["Location"].endswith("/outputs/demo")
    result = page.get("/outputs/demo").get_data(as_text=True)
    assert "自检通过" in result and "生成时已接受的负偏离" in result
    download = page.get("/outputs/demo/download/docx")
    path = project / "output" / "demo" / "售后服务方案.docx"
    assert download.data == path.read_bytes()

    again = page.post("/tenders/build", {"file": "demo.yaml", "allow_deviation": "yes"})
    assert again.status_code == 422 and "覆盖上次生成的方案" in again.get_data(as_text=True)
    forced = page.post("/tenders/build", {"file": "demo.yaml", "allow_deviation": "yes", "force": "yes"})
    assert forced.status_code == 302


def test_save_asks_before_overwriting(page, project: Path) -> None:
    form = page.get("/tenders/form?file=demo.yaml").get_data(as_text=True)
    """Editing a file saves to that file without a question (it is the file being edited); saving as a
    new project never overwrites: it gets an id of its own (changed in issue 18: ids are generated)."""
    from test_web_hostile import form_inputs

    fields = form_inputs(form.split("<template", 1)[0])
    fields["project_name"] = "改过的名称"
    saved = page.post("/tenders/save", {**fields, "action": "save"})
    assert saved.status_code == 302 and "preview?file=demo.yaml" in saved.headers["Location"]
    assert "project_name: 改过的名称" in (project / "tenders" / "demo.yaml").read_text(encoding="utf-8")
    before = (project / "tenders" / "demo.yaml").read_bytes()
    copy = page.post("/tenders/save", {**fields, "project_name": "另存的项目", "action": "save_as_new"})
    assert copy.status_code == 302
    assert (project / "tenders" / "demo.yaml").read_bytes() == before
    new = [p for p in (project / "tenders").glob("*.yaml") if "另存的项目" in p.read_text(encoding="utf-8")]
    assert len(new) == 1 and new[0].stem.startswith("hdwj-2026-gk-031")  # from the project number


def test_save_with_errors_shows_them_next_to_fields(page, project: Path) -> None:
    response = page.post("/tenders/save", {"requirements.0.text": "质保期不少于两年",
                                           "requirements.0.kind": "warranty", "requirements.0.bound": "at_least",
                                           "requirements.0.value": "两年多"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert re.search(r'data-for="project_name" aria-live="polite"><div>不能为空</div>', html)
    assert re.search(r'data-for="bidder" aria-live="polite"><div>请从列表中选择</div>', html)
    assert "“两年多”不是可识别的时长" in html
    # the summary lists every problem with a link to its field; each field names its error box
    assert '<a href="#f-project_name" data-focus="f-project_name">项目名称：不能为空</a>' in html
    assert 'id="f-requirements.0.value" aria-describedby="err-requirements.0.value"' in html
    assert list((project / "tenders").glob("tender-*.yaml")) == []


def test_live_check_answers_json(page) -> None:
    response = page.post("/tenders/check", {"date": "bad", "requirements.0.text": "接到报修后2小时内到达现场",
                                            "requirements.0.kind": "warranty", "requirements.0.bound": "at_least",
                                            "requirements.0.value": "2小时"})
    result = response.get_json()
    assert result["errors"]["date"] == ["应为日期，例如 2026-11-20"]
    assert "id" not in result["errors"]  # made from the project, never typed
    reading = result["readings"]["0"]
    assert (reading["kind"], reading["bound"], reading["value"]) == ("onsite_arrival", "at_most", "2小时")
    assert "原文读作“到达现场时间 不超过 2小时”" in reading["mismatch"]


def test_check_groups_findings_and_highlights_quotes(page) -> None:
    response = page.upload("/check", "草稿.txt", DEFECTIVE_TEXT.encode())
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "检查结果：草稿.txt" in html
    assert 'data-rule="placeholder"' in html and 'data-rule="conflicting-commitment"' in html
    assert html.index('data-rule="placeholder"') < html.index('data-rule="conflicting-commitment"')
    # a place a person can find in Word: the section and a phrase to search for, not a paragraph number
    assert "二、质保期 · 在 Word 中查找：" in html and "第 4 段" not in html
    assert '<span class="find">XXXX-XXXXXXX</span>' in html  # the phrase does not cut 7×24 in two
    assert "<mark>（供应商根据项目情况自行编制培训计划）</mark>" in html
    # exactly the words found are marked: the placeholders, not the sentence around them
    assert "服务热线：<mark>XXXX</mark>-<mark>XXXXXXX</mark>，7×24小时有人值守。" in html
    assert "本项目<mark>质保期为5年</mark>。" in html and "我公司承诺<mark>质保期为3年</mark>" in html
    paragraphs = re.findall(r'<div class="para">(.*?)</div>', html, re.S)
    assert len(paragraphs) == len(set(paragraphs))  # one finding never shows the same paragraph twice


def test_check_against_a_tender(page) -> None:
    text = "售后服务方案\n一、质保\n本项目质保期为1年。\n"
    html = page.upload("/check", "a.txt", text.encode(), {"tender": "demo.yaml"}).get_data(as_text=True)
    assert 'data-rule="tender-requirement"' in html


def test_unreadable_upload_is_explained(page) -> None:
    response = page.upload("/check", "坏文件.docx", b"PK\x03\x04 not really a zip")
    assert response.status_code == 422
    assert "无法读取 坏文件.docx" in response.get_data(as_text=True)


def test_clause_page_renders_sample_values_and_approves(page, project: Path) -> None:
    """Reviewers come from profiles/reviewers.yaml: a blank or unlisted name is refused (changed from
    a free text box, issue 18); the confirmation names the clause by its title."""
    path = project / "clauses" / "equipment" / "warranty-scope.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("body: |\n", "body: |\n  本条款经修订。\n", 1), encoding="utf-8")
    html = page.get("/clauses/warranty-scope").get_data(as_text=True)
    assert "审定后已修改" in html and '<span class="data">' in html and '<option value="王敏">' in html
    empty = page.post("/clauses/warranty-scope/approve", {"by": "  "})
    assert empty.status_code == 302
    assert "请从列表中选择审定人" in page.get("/clauses/warranty-scope").get_data(as_text=True)
    page.post("/clauses/warranty-scope/approve", {"by": "王律师"})
    assert "“王律师”不在审定人名单中" in page.get("/clauses/warranty-scope").get_data(as_text=True)
    assert not load_library(project).find("warranty-scope").model.is_approved
    done = page.post("/clauses/warranty-scope/approve", {"by": "王敏", "note": "网页审定"})
    assert done.status_code == 302
    shown = page.get("/clauses/warranty-scope").get_data(as_text=True)
    assert "已审定“质保期与质保范围（需维修的产品）”" in shown and "王敏" in shown
    clause = load_library(project).find("warranty-scope").model
    assert clause.is_approved and clause.approval.by == "王敏" and clause.approval.note == "网页审定"
    assert page.post("/clauses/no-such/approve", {"by": "王敏"}).status_code == 404


def test_changes_since_approval_are_marked_word_by_word_and_history_is_kept(page, project: Path) -> None:
    from generator.library.history import history_path, read_history

    path = project / "clauses" / "equipment" / "warranty-scope.yaml"
    earlier = len(read_history(path))  # approvals the library already holds
    path.write_text(path.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  本条款经修订。\n", 1),
                    encoding="utf-8")
    page.post("/clauses/warranty-scope/approve", {"by": "王敏", "note": "第一次"})
    text = path.read_text(encoding="utf-8")
    assert "本条款经修订。" in text
    path.write_text(text.replace("本条款经修订。", "本条款经再次修订。", 1), encoding="utf-8")
    html = page.get("/clauses/warranty-scope").get_data(as_text=True)
    assert "<ins>再次</ins>" in html and "审定后的改动" in html
    path.write_text(path.read_text(encoding="utf-8").replace("本条款经再次修订。", "本条款修订。", 1), encoding="utf-8")
    html = page.get("/clauses/warranty-scope").get_data(as_text=True)
    assert "<del>经</del>" in html
    page.post("/clauses/warranty-scope/approve", {"by": "李静", "note": "第二次"})
    records = read_history(path)[earlier:]
    assert [(r.by, r.note) for r in records] == [("王敏", "第一次"), ("李静", "第二次")]
    assert records[1].version == records[0].version + 1 and "本条款修订。" in (records[1].body or "")
    first_line = history_path(path).read_text(encoding="utf-8").splitlines()[earlier]
    assert "第一次" in first_line  # appended, never rewritten
    html = page.get("/clauses/warranty-scope").get_data(as_text=True)
    assert html.index("李静") < html.index("第一次")  # newest first


def test_clause_list_filters_by_state(page, project: Path) -> None:
    path = project / "clauses" / "core" / "principles.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("body: |\n", "body: |\n  新增一句。\n", 1), encoding="utf-8")
    html = page.get("/clauses?status=changed").get_data(as_text=True)
    assert "clauses/principles" in html and "clauses/warranty-scope" not in html


def test_generated_docx_opens(page, project: Path) -> None:
    assert page.post("/tenders/build", {"file": "demo.yaml"}).status_code == 302
    document = docx.Document(project / "output" / "demo" / "售后服务方案.docx")
    assert any("海淀区卫生健康委员会" in p.text for p in document.paragraphs)


def test_serve_is_listed_in_help(cli) -> None:
    code, out, _ = cli("--help")
    assert code == 0 and "serve" in out
    code, out, _ = cli("serve", "--help")
    assert code == 0 and "127.0.0.1" in out and "--no-browser" in out


def test_check_of_a_docx_offers_the_document_with_word_comments(page, tmp_path: Path) -> None:
    source = docx.Document()
    for line in DEFECTIVE_TEXT.splitlines():
        source.add_paragraph(line)
    path = tmp_path / "草稿.docx"
    source.save(path)
    html = page.upload("/check", "草稿.docx", path.read_bytes()).get_data(as_text=True)
    link = re.search(r'id="download-annotated" href="([^"]+)"', html)
    assert link, "a .docx with findings offers its annotated copy"
    response = page.get(link.group(1))
    assert response.status_code == 200
    assert "%E6%89%B9%E6%B3%A8.docx" in response.headers["Content-Disposition"]
    annotated = tmp_path / "批注.docx"
    annotated.write_bytes(response.get_data())
    comments = docx.Document(annotated).comments
    assert len(comments) >= 2 and any("XXXX" in c.text or "占位" in c.text for c in comments)


def test_check_of_a_text_file_offers_no_annotated_copy(page) -> None:
    html = page.upload("/check", "草稿.txt", DEFECTIVE_TEXT.encode()).get_data(as_text=True)
    assert 'id="download-report"' in html and 'id="download-annotated"' not in html
    assert page.get("/check/annotated/no-such-token").status_code == 404
