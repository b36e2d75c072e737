"""从招标文件提取: upload → draft saved under tenders/ → opened in the tender form; refusals stay on the page."""

from __future__ import annotations

from pathlib import Path

TENDER = ("第三章 采购需求\n\n一、商务要求\n\n★质保期不少于3年，自验收合格之日起计算。\n\n"
          "接到报修后2小时内响应，市区范围内8小时内到达现场。\n").encode()


def test_page_is_linked_from_the_tender_list(page) -> None:
    assert "/tenders/extract" in page.get("/tenders").get_data(as_text=True)
    html = page.get("/tenders/extract").get_data(as_text=True)
    assert 'name="csrf_token"' in html and ".pdf" in html


def test_upload_saves_a_draft_and_opens_it_in_the_form(page, project: Path) -> None:
    before = set((project / "tenders").glob("*.yaml"))
    response = page.upload("/tenders/extract", "招标文件.txt", TENDER)
    assert response.status_code == 302
    [draft] = set((project / "tenders").glob("*.yaml")) - before
    assert draft.name.startswith("extract-")
    text = draft.read_text(encoding="utf-8")
    assert "招标文件.txt" in text and "3年" in text
    form = page.get(response.headers["Location"])
    assert form.status_code == 200
    html = form.get_data(as_text=True)
    assert "质保期不少于3年" in html  # the extracted requirement is in the form
    second = page.upload("/tenders/extract", "招标文件.txt", TENDER)
    assert second.status_code == 302 and len(set((project / "tenders").glob("*.yaml")) - before) == 2  # never over


def test_the_purchase_list_of_an_upload_is_in_the_form_as_on_the_command_line(page, project: Path) -> None:
    """The page writes the draft `tender extract` writes: the 采购清单 rows become the form's item rows."""
    document = TENDER + ("二、采购清单\n| 序号 | 设备名称 | 数量 | 单位 |\n| 1 | 吸顶式空调室内机 | 14 | 台 |\n"
                         "| 2 | 空调室外机 | 若干 | 台 |\n").encode()
    before = set((project / "tenders").glob("*.yaml"))
    response = page.upload("/tenders/extract", "招标文件.txt", document)
    [draft] = set((project / "tenders").glob("*.yaml")) - before
    text = draft.read_text(encoding="utf-8")
    assert "  - name: 吸顶式空调室内机\n    quantity: 14\n    unit: 台" in text and "quantity: 待填写" in text
    html = page.get(response.headers["Location"]).get_data(as_text=True)
    assert 'value="吸顶式空调室内机"' in html and 'value="14"' in html and 'value="待填写"' in html


def test_unreadable_documents_are_refused_on_the_page(page, project: Path) -> None:
    before = sorted((project / "tenders").iterdir())
    for name, content, reason in [("扫描.pdf", b"%PDF-1.4\n", "PDF"), ("旧版.doc", b"hello", "不是有效的 .doc"),
                                  ("空.txt", b"   \n", "没有可读取的文字"), ("表格.xlsx", b"x", "不支持的文件类型")]:
        response = page.upload("/tenders/extract", name, content)
        html = response.get_data(as_text=True)
        assert response.status_code == 422, html
        assert reason in html and "Traceback" not in html
    assert sorted((project / "tenders").iterdir()) == before


def test_cross_site_and_tokenless_uploads_are_refused(page, project: Path) -> None:
    before = sorted((project / "tenders").iterdir())
    assert page.post("/tenders/extract", {}, token="wrong").status_code == 403
    assert page.post("/tenders/extract", {}, origin="http://evil.example").status_code == 403
    assert sorted((project / "tenders").iterdir()) == before
