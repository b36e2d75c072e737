"""End-to-end: tender → .docx + manifest, and the ways a build refuses."""

import json
from pathlib import Path

import pytest
from docx import Document

from generator.pipeline.build import DOCX_NAME, BuildOptions, build

ALLOW: tuple[str, ...] = ()  # every clause in the library is approved


def texts(path: Path) -> list[str]:
    document = Document(str(path))
    out = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            out.append(" | ".join(cell.text for cell in row.cells))
    return out


def test_demo_builds_with_manifest(project, cli):
    code, out, err = cli("build", project / "tenders" / "demo.yaml", *ALLOW)
    assert code == 0, err
    docx = project / "output" / "demo" / DOCX_NAME
    manifest = json.loads((project / "output" / "demo" / "manifest.json").read_text(encoding="utf-8"))
    assert docx.is_file() and str(docx) in out
    assert manifest["tender"] == "demo"
    assert {i["path"] for i in manifest["inputs"]} >= {"tenders/demo.yaml", "profiles/bidders/huachen.yaml"}
    assert all(len(i["sha256"]) == 64 for i in manifest["inputs"])
    clause_ids = [c["id"] for c in manifest["clauses"]]
    assert "commitment-letter" in clause_ids and all(c["version"] >= 1 for c in manifest["clauses"])
    response = next(c for c in manifest["commitments"] if c["kind"] == "response")
    assert response["source"].startswith("profiles/bidders/huachen.yaml:")
    assert manifest["output"]["sha256"] and manifest["output"]["bytes"] == docx.stat().st_size


def test_demo_text_has_cover_numbered_headings_and_one_value_everywhere(project, cli):
    cli("build", project / "tenders" / "demo.yaml", *ALLOW)
    lines = texts(project / "output" / "demo" / DOCX_NAME)
    joined = "\n".join(lines)
    # the title is wider than the cover's line: it breaks between words (write/cover_title)
    assert lines[3] == "海淀区卫生健康委员会\n2026年办公信息化设备采购项目"
    assert any(line.startswith("第一节 ") for line in lines)
    assert any(line.startswith("一、") for line in lines)
    assert "接到报修后30分钟内响应" in joined  # the bidder value, not the product default
    for bad in ("None", "{{", "}}", "XX"):
        assert bad not in joined


def test_existing_output_is_not_overwritten_without_force(project, cli):
    tender = project / "tenders" / "demo.yaml"
    assert cli("build", tender, *ALLOW)[0] == 0
    docx = project / "output" / "demo" / DOCX_NAME
    docx.write_bytes(b"previous")
    code, _, err = cli("build", tender, *ALLOW)
    assert code == 2 and "已存在" in err and "--force" in err
    assert docx.read_bytes() == b"previous"
    assert cli("build", tender, *ALLOW, "--force")[0] == 0
    assert docx.read_bytes() != b"previous"


def test_broken_requirement_exits_1_naming_requirement_value_and_both_files(project, cli):
    tender = project / "tenders" / "demo.yaml"
    text = tender.read_text(encoding="utf-8").replace("overrides:\n  warranty: 3年", "overrides:\n  warranty: 2年")
    tender.write_text(text, encoding="utf-8")
    code, _, err = cli("build", tender, *ALLOW)
    assert code == 1
    assert "质保期不少于3年" in err and "2年" in err
    assert "tenders/demo.yaml" in err and "不满足" in err
    assert not (project / "output" / "demo" / DOCX_NAME).exists()


def test_bidder_default_breaking_requirement_names_the_bidder_file(project, cli):
    bidder = project / "profiles" / "bidders" / "huachen.yaml"
    bidder.write_text(bidder.read_text(encoding="utf-8").replace("response: 30分钟", "response: 2小时"),
                      encoding="utf-8")
    code, _, err = cli("build", project / "tenders" / "demo.yaml", *ALLOW)
    assert code == 1
    assert "接到报修后1小时内响应" in err and "2小时" in err and "profiles/bidders/huachen.yaml" in err


def test_bad_input_exits_2_with_file_and_line_and_no_traceback(project, cli):
    tender = project / "tenders" / "demo.yaml"
    tender.write_text(tender.read_text(encoding="utf-8").replace("bidder: huachen", "bidder: huachen\nwarrenty: 3年"),
                      encoding="utf-8")
    code, _, err = cli("build", tender)
    assert code == 2
    line = tender.read_text(encoding="utf-8").splitlines().index("warrenty: 3年") + 1
    assert f"demo.yaml:{line}" in err and "warrenty" in err
    assert "Traceback" not in err
    assert not (project / "output" / "demo").exists()


def test_undefined_variable_in_clause_names_clause_file_and_line(project, cli):
    clause = project / "clauses" / "core" / "principles.yaml"
    lines = clause.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith("# 服务理念"))
    lines.insert(index + 1, "  费用由{{ bidder.discount_rate }}决定。")
    clause.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # the edit also un-approves the clause; --allow-draft gets past the approval gate to rendering
    code, _, err = cli("build", project / "tenders" / "demo.yaml", "--allow-draft")
    assert code == 2
    assert f"principles.yaml:{index + 2}" in err and "discount_rate" in err


def test_same_inputs_give_identical_bytes(project):
    tender = project / "tenders" / "demo.yaml"
    first = build(tender, BuildOptions(output_root=project / "a")).docx_bytes
    second = build(tender, BuildOptions(output_root=project / "b")).docx_bytes
    assert first == second


@pytest.mark.parametrize("tender", sorted(p.relative_to(Path(__file__).resolve().parent.parent).as_posix()
                                          for p in (Path(__file__).resolve().parent.parent / "tenders").rglob("*.yaml")
                                          if "samples" not in p.parts))
def test_every_tender_builds(project, tender):
    result = build(project / tender, BuildOptions(output_root=project / "out"))
    assert result.docx_path.stat().st_size > 10_000


def test_a_signing_date_before_today_is_pointed_out_not_refused():
    import datetime as dt

    from generator.pipeline.build import stale_date_notice

    today = dt.date(2026, 12, 3)
    notice = stale_date_notice(dt.date(2026, 2, 12), today)
    assert notice is not None and "2026年2月12日" in notice and "2026年12月3日" in notice and "date" in notice
    assert stale_date_notice(today, today) is None and stale_date_notice(dt.date(2026, 12, 20), today) is None
