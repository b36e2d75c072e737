"""A letterhead or attachment that is missing or not a .docx is an input error naming the YAML line."""

from __future__ import annotations

from pathlib import Path


def _bidder_with_letterhead(project: Path, value: str) -> None:
    path = project / "profiles" / "bidders" / "huachen.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f"letterhead: {value}\n", encoding="utf-8")


def test_missing_letterhead_names_profile_line(project: Path, cli) -> None:
    _bidder_with_letterhead(project, "letterheads/none.docx")
    code, _, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft")
    assert code == 2
    assert "huachen.yaml:" in err and "letterhead" in err and "找不到信笺模板" in err


def test_letterhead_that_is_not_a_docx(project: Path, cli) -> None:
    (project / "profiles" / "bidders" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 not a zip")
    (project / "profiles" / "bidders" / "fake.docx").write_text("plain text", encoding="utf-8")
    for name, message in (("old.doc", "旧版 Word 格式"), ("fake.docx", "不是有效的 .docx")):
        path = project / "profiles" / "bidders" / "huachen.yaml"
        original = path.read_text(encoding="utf-8")
        _bidder_with_letterhead(project, name)
        code, _, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft")
        path.write_text(original, encoding="utf-8")
        assert code == 2 and message in err, err
        assert "Traceback" not in err


def test_attachment_problems_name_the_tender_line(project: Path, cli) -> None:
    tender = project / "tenders" / "demo.yaml"
    lines = len(tender.read_text(encoding="utf-8").splitlines())
    tender.write_text(tender.read_text(encoding="utf-8") + "attachments:\n  - attachments/无此文件.docx\n",
                      encoding="utf-8")
    code, _, err = cli("build", tender, "--allow-draft")
    assert code == 2
    assert f"demo.yaml:{lines + 2}" in err and "找不到附件" in err and "attachments.0" in err


def test_pdf_without_libreoffice_is_exit_2_with_a_chinese_message(project: Path, cli, monkeypatch) -> None:
    from generator.office.libreoffice import find_office

    monkeypatch.setenv("AFTERSALES_SOFFICE", str(project / "no-soffice"))
    find_office.cache_clear()
    try:
        code, out, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft", "--pdf")
    finally:
        find_office.cache_clear()
    assert code == 2
    assert "未找到 LibreOffice" in err and "apt-get install" in err
    assert not (project / "output" / "demo").exists(), "没有 LibreOffice 时不应写出任何文件"
