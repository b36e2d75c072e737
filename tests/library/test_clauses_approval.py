"""The approval gate of the build and `clauses approve`, which edits clause files in place."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

from conftest import APPROVER, clause_yaml, reset_to_draft

from generator.load.yamlio import load_model
from generator.models.clause import Clause

COMMENTED = """\
# 条款：测试用的服务原则（文件开头的注释）
id: principles   # 编号与文件名一致
title: 服务理念与原则
category: principles
version: 1  # 审定后改正文时由 approve 加 1
status: draft # 法务审定前保持 draft
# 下面的 uses 故意写成不规范的流式列表，approve 不得改动它
uses: [ ]
applies_to:
    product_types: all      # 缩进四格，approve 不得改动
body: |
  {{ bidder.legal_name }}（以下简称“我公司”）为所供{{ noun }}提供售后服务。

  # 服务理念

  我公司坚持预防为主、响应及时、记录完整。
# 文件末尾的注释
"""


def load(path: Path) -> Clause:
    loaded, problems = load_model(path, Clause)
    assert loaded is not None, problems
    return loaded.model


def only_approval_lines_changed(before: str, after: str) -> None:
    """Every line outside status / version / approval is byte-identical and in place."""
    old, new = before.splitlines(keepends=True), after.splitlines(keepends=True)
    allowed = ("status:", "version:", "approval:", "  by:", "  date:", "  sha256:", "  note:",
               "    by:", "    date:", "    sha256:", "    note:")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        assert all(line.startswith(allowed) for line in old[i1:i2]), old[i1:i2]
        assert all(line.startswith(allowed) for line in new[j1:j2]), new[j1:j2]
    comments_before = [line for line in old if "#" in line and not line.startswith(allowed)]
    comments_after = [line for line in new if "#" in line and not line.startswith(allowed)]
    assert comments_before == comments_after


def test_edit_after_approval_refuses_build_then_approve_restores_it(approved, cli):
    tender = approved / "tenders" / "demo.yaml"
    code, out, err = cli("build", tender)
    assert code == 0, err

    path = approved / "clauses" / "core" / "principles.yaml"
    original = path.read_text(encoding="utf-8")
    approval_date = load(path).approval.date.isoformat()
    version = load(path).version  # approve raises it by one
    edited = original.replace("body: |\n", "body: |\n  我公司新增的一句承诺性表述。\n\n", 1)
    assert edited != original
    path.write_text(edited, encoding="utf-8")
    code, out, err = cli("build", tender, "--force")
    assert code == 1
    assert "principles" in err and APPROVER in err and approval_date in err and "审定后被修改" in err
    assert "Traceback" not in err

    code, out, err = cli("clauses", "approve", "principles", "--by", "王律师", "--note", "新增表述已核对",
                         "--root", approved)
    assert code == 0, err
    assert f"第 {version + 1} 版" in out
    after = path.read_text(encoding="utf-8")
    only_approval_lines_changed(edited, after)
    clause = load(path)
    assert clause.is_approved and clause.version == version + 1
    assert clause.approval.by == "王律师" and clause.approval.note == "新增表述已核对"
    assert clause.approval.date == dt.date.today()
    code, out, err = cli("build", tender, "--force")
    assert code == 0, err


def test_approve_keeps_every_comment_and_all_other_bytes(project, cli):
    path = project / "clauses" / "core" / "principles.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    code, out, err = cli("clauses", "approve", "principles", "--by", APPROVER, "--root", project)
    assert code == 0, out + err
    after = path.read_text(encoding="utf-8")
    only_approval_lines_changed(COMMENTED, after)
    # the inline comment stays; the block takes the file's own four-space indentation (see applies_to)
    assert "status: approved # 法务审定前保持 draft\napproval:\n    by: 李敏\n" in after
    assert after.count("\n") == COMMENTED.count("\n") + 4  # approval block: key, by, date, sha256
    assert load(path).is_approved

    # a second approval after an edit replaces the block and bumps the version, nothing else moves
    edited = after.replace("记录完整。", "记录完整、持续改进。")
    path.write_text(edited, encoding="utf-8")
    code, out, err = cli("clauses", "approve", "principles", "--by", "王律师", "--note", "措辞: 已核对",
                         "--root", project)
    assert code == 0, out + err
    again = path.read_text(encoding="utf-8")
    only_approval_lines_changed(edited, again)
    assert "version: 2  # 审定后改正文时由 approve 加 1\n" in again
    clause = load(path)
    assert clause.is_approved and clause.approval.note == "措辞: 已核对"


def test_approve_crlf_file_keeps_line_endings(project, cli):
    path = project / "clauses" / "core" / "principles.yaml"
    path.write_bytes(COMMENTED.replace("\n", "\r\n").encode("utf-8"))
    code, out, err = cli("clauses", "approve", "principles", "--by", APPROVER, "--root", project)
    assert code == 0, out + err
    data = path.read_bytes()
    assert b"\n" not in data.replace(b"\r\n", b"")
    only_approval_lines_changed(COMMENTED, data.decode("utf-8").replace("\r\n", "\n"))


def test_approve_refuses_what_it_must(mini, cli):
    root = mini({
        "ok.yaml": clause_yaml("ok", "我公司对所供{{ noun }}提供服务。"),
        "literal.yaml": clause_yaml("literal", "我公司24小时内到达现场。"),
        "retired.yaml": clause_yaml("retired", "我公司提供服务。", status="retired"),
    })
    literal = root / "clauses" / "literal.yaml"
    before = literal.read_bytes()
    code, out, err = cli("clauses", "approve", "literal", "--by", APPROVER, "--root", root)
    assert code == 1 and "literal-number" in err and literal.read_bytes() == before
    code, out, err = cli("clauses", "approve", "retired", "--by", APPROVER, "--root", root)
    assert code == 2 and "已废止" in err
    code, out, err = cli("clauses", "approve", "nope", "--by", APPROVER, "--root", root)
    assert code == 2 and "nope" in err
    code, out, err = cli("clauses", "approve", "ok", "--root", root)
    assert code == 2 and "--by" in err
    code, out, err = cli("clauses", "approve", "--all", "--by", APPROVER, "--root", root)
    assert code == 1 and "✓ ok" in out and "literal" in err
    assert load(root / "clauses" / "ok.yaml").is_approved and not load(literal).is_approved
    code, out, err = cli("clauses", "approve", "--all", "--by", APPROVER, "--ignore-lint", "--root", root)
    assert code == 0 and "✓ literal" in out
    assert "1 个条款检查问题" in load(literal).approval.note


def test_gate_message_for_approved_status_without_record(project, cli):
    path = project / "clauses" / "core" / "principles.yaml"
    reset_to_draft(path)
    path.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: approved"), encoding="utf-8")
    code, out, err = cli("build", project / "tenders" / "demo.yaml")
    assert code == 1 and "principles" in err and "缺少审定记录" in err


def test_cli_approvals_are_appended_to_the_history_beside_the_clause(project, cli):
    """`clauses approve` records each approval (who, when, version, the approved body) in
    <id>.history.jsonl, the same record the web page writes; a re-approval appends."""
    from generator.library.history import approved_body, history_path, read_history

    path = project / "clauses" / "core" / "principles.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    before = len(read_history(path))  # the library's own approvals of this clause, if any
    assert cli("clauses", "approve", "principles", "--by", APPROVER, "--root", project)[0] == 0
    path.write_text(path.read_text(encoding="utf-8").replace("记录完整。", "记录完整、持续改进。"), encoding="utf-8")
    first = history_path(path).read_text(encoding="utf-8")
    assert approved_body(path, load(path)) is not None and "持续改进" not in approved_body(path, load(path))
    assert cli("clauses", "approve", "principles", "--by", "王律师", "--root", project)[0] == 0
    records = read_history(path)[before:]
    assert [(r.by, r.version) for r in records] == [(APPROVER, 1), ("王律师", 2)]
    assert "持续改进" in (records[1].body or "") and records[1].sha256 == load(path).body_sha256
    assert history_path(path).read_text(encoding="utf-8").startswith(first)  # earlier lines untouched
