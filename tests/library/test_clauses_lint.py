"""`clauses lint`: each kind of problem is caught and located (small inline trees)."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

from conftest import clause_yaml

from generator.library.lint import lint
from generator.library.repository import load_library

CLEAN = clause_yaml("clean", """\
    {{ bidder.legal_name }}对所供{{ noun }}提供{{ c.hotline }}热线服务，接到报修后{{ c.response }}内响应。
    """, uses="[hotline, response]")


def findings(root):
    return lint(load_library(root)).findings


def rules_at(root):
    return {(f.rule, f.path.name if hasattr(f.path, "name") else str(f.path), f.line) for f in findings(root)}


def test_clean_library_has_no_findings_and_exits_zero(mini, cli):
    root = mini({"clean.yaml": CLEAN})
    assert findings(root) == []
    code, out, _ = cli("clauses", "lint", "--root", root)
    assert code == 0 and "未发现问题" in out


def test_metadata_problems(mini):
    root = mini({
        "clean.yaml": CLEAN,
        "no-record.yaml": clause_yaml("no-record", "我公司提供服务。", status="approved"),
        "wrong-name.yaml": clause_yaml("other-name", "我公司提供服务。"),
        "no-uses.yaml": clause_yaml("no-uses", "我公司提供服务。").replace("uses: []\n", ""),
        "scoped.yaml": clause_yaml("scoped", "我公司提供服务。", extra="applies_to:\n  product_types: [alpha, gamma]\n"),
    })
    found = [f for f in findings(root) if f.rule == "metadata"]
    messages = {f.path.name: f.message for f in found}
    assert "approval" in messages["no-record.yaml"]
    assert "other-name.yaml" in messages["wrong-name.yaml"]
    assert "uses" in messages["no-uses.yaml"]
    gamma = next(f for f in found if f.path.name == "scoped.yaml")
    assert "gamma" in gamma.message and gamma.line == 7  # the line of the product_types list


def test_duplicate_ids_name_both_files(mini):
    root = mini({"a/dup.yaml": clause_yaml("dup", "我公司提供服务。"), "b/dup.yaml": clause_yaml("dup", "我公司提供服务。")})
    dup = [f for f in findings(root) if f.rule == "duplicate-id"]
    assert len(dup) == 1 and dup[0].path.parent.name == "b" and "a/dup.yaml" in dup[0].message.replace("\\", "/")
    assert dup[0].line == 1


def test_render_failure_names_line_products_and_bidder(mini):
    body = """\
        第一行正常。

        第三行引用了不存在的字段{{ bidder.no_such_field }}。
        """
    root = mini({"broken.yaml": clause_yaml("broken", body)})
    [finding] = [f for f in findings(root) if f.rule == "render"]
    assert finding.line == 8 + 2  # body line 1 is file line 8; the bad line is the third
    assert "no_such_field" in finding.message
    assert "alpha" in finding.message and "beta" in finding.message and "testco" in finding.message


def test_markup_error_and_leftover_template_are_render_findings(mini):
    table = clause_yaml("table", "| 列1 | 列2 |\n|---|---|\n| 只有一列 |\n")
    leftover = clause_yaml("leftover", "我公司承诺{{ '{{' }}待补充。")
    root = mini({"table.yaml": table, "leftover.yaml": leftover})
    found = {f.path.name: f.message for f in findings(root) if f.rule == "render"}
    assert "表格" in found["table.yaml"]
    assert "残留模板符号" in found["leftover.yaml"]


def test_literal_numbers_are_found_with_their_line(mini):
    body = """\
        我公司接到报修后{{ c.response }}内响应。
        设备故障在24小时内排除。
        提供7×24小时服务，每季度巡检一次。
        {{ "质保期两年" }}
        第一年免费，2026年起执行，同一天内完成。
        """
    root = mini({"literal.yaml": clause_yaml("literal", body, uses="[response]")})
    found = [(f.line, f.message) for f in findings(root) if f.rule == "literal-number"]
    lines = {line for line, _ in found}
    assert lines == {9, 10, 11}  # body lines 2–4 are file lines 9–11; line 5 has no commitment number
    texts = " ".join(message for _, message in found)
    assert "“24小时”" in texts and "“7×24小时”" in texts and "“每季度巡检一次”" in texts and "“两年”" in texts
    assert "表达式中的字符串" in texts


def test_uses_must_match_the_kinds_the_body_reads(mini):
    undeclared = clause_yaml("undeclared", "接到报修后{{ c.response }}内响应，{{ c['warranty'] }}。", uses="[]")
    unused = clause_yaml("unused", "接到报修后{{ c.response }}内响应。", uses="[response, warranty]")
    optional = clause_yaml("optional", "{{ c.response }}{% if 'resolution' in c %}，{{ c.resolution }}{% endif %}",
                           uses="[response]")
    dynamic = clause_yaml("dynamic", "{% for label, text in summary %}{{ label }}{{ text }}\n{% endfor %}",
                          uses="[response]")
    root = mini({"undeclared.yaml": undeclared, "unused.yaml": unused, "optional.yaml": optional,
                 "dynamic.yaml": dynamic})
    found = sorted((f.path.name, f.line, f.message) for f in findings(root) if f.rule == "uses-mismatch")
    assert [(name, line) for name, line, _ in found] == [
        ("undeclared.yaml", 8), ("undeclared.yaml", 8), ("unused.yaml", 6)]
    undeclared_messages = " ".join(message for name, _, message in found if name == "undeclared.yaml")
    assert "c.response" in undeclared_messages and "c.warranty" in undeclared_messages
    assert "uses 声明了 warranty" in found[2][2]


def test_product_words_only_where_every_product_type_has_them(mini):
    general = clause_yaml("general", "我公司定期检查服务器运行状态。")
    scoped = clause_yaml("scoped", "我公司定期检查服务器运行状态。", extra="applies_to:\n  product_types: [alpha]\n")
    branch = clause_yaml("branch", "我公司定期检查{% if has.onsite_repair %}服务器{% else %}{{ noun }}{% endif %}。")
    root = mini({"general.yaml": general, "scoped.yaml": scoped, "branch.yaml": branch})
    found = [f for f in findings(root) if f.rule == "product-word"]
    assert [(f.path.name, f.line) for f in found] == [("general.yaml", 8)]
    assert "服务器" in found[0].message and "beta" in found[0].message


def test_missing_commitment_in_an_applicable_product_type(mini):
    clause = clause_yaml("needs", "故障在{{ c.resolution }}内排除。", uses="[resolution]")
    root = mini({"needs.yaml": clause})
    found = [f for f in findings(root) if f.rule == "missing-commitment"]
    assert len(found) == 1 and "beta" in found[0].message and found[0].line == 6
    assert any(f.rule == "render" and "beta" in f.message for f in findings(root))


def test_unreadable_files_are_findings_not_tracebacks(mini, cli):
    root = mini({"clean.yaml": CLEAN, "bad.yaml": "id: bad\ntitle: [unclosed\n", "typo.yaml":
                 clause_yaml("typo", "我公司提供服务。").replace("version: 1", "versoin: 1")})
    found = {f.path.name: f for f in findings(root) if f.rule == "invalid-file"}
    assert set(found) == {"bad.yaml", "typo.yaml"}
    assert found["typo.yaml"].line == 4
    code, out, err = cli("clauses", "lint", "--root", root)
    assert code == 1 and "Traceback" not in out + err
    assert "typo.yaml:4" in out


def test_cli_exit_code_and_machine_formats(mini, cli, tmp_path):
    root = mini({"clean.yaml": CLEAN, "literal.yaml": clause_yaml("literal", "24小时内到达。")})
    code, out, _ = cli("clauses", "lint", "--root", root)
    assert code == 1 and "literal.yaml:8：[literal-number]" in out.replace("\\", "/")
    code, out, _ = cli("clauses", "lint", "--root", root, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["findings"][0]["path"] == "clauses/literal.yaml" and data["findings"][0]["line"] == 8
    report = tmp_path / "lint.xml"
    code, out, _ = cli("clauses", "lint", "--root", root, "--format", "junit", "-o", report)
    suite = ET.parse(report).getroot().find("testsuite")
    assert code == 1 and suite.get("tests") == "2" and suite.get("failures") == "1"
    failure = suite.find("testcase[@name='clauses/literal.yaml']/failure")
    assert failure is not None and failure.get("type") == "literal-number"
    code, out, _ = cli("clauses", "lint", "--root", root, "--format", "sarif")
    sarif = json.loads(out)
    [result] = sarif["runs"][0]["results"]
    assert sarif["version"] == "2.1.0" and result["ruleId"] == "literal-number"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 8
    code, _, err = cli("clauses", "lint", "--root", root, "--format", "xml")
    assert code == 2 and "xml" in err
