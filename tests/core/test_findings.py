"""The rule registries are discovered from the rule modules; each rule documents itself."""

from __future__ import annotations

import pkgutil

import pytest

from generator.check import rules as check_rules
from generator.core.findings import Finding, Location, Rule, discover
from generator.library import rules as lint_rules


@pytest.mark.parametrize("package", [check_rules, lint_rules])
def test_every_rule_module_is_in_the_registry_with_its_documentation(package):
    registry = package.registry()
    modules = [info.name for info in pkgutil.iter_modules(package.__path__)]
    assert len(registry) == len(modules)
    assert len({rule.id for rule in registry}) == len(registry)
    for rule in registry:
        assert rule.doc.startswith(rule.id), rule.id  # the module docstring opens with the rule id
        assert rule.title and rule.check is not None
        assert rule.severity in ("error", "warning")


def test_the_check_registry_keeps_the_report_order_of_design_md():
    assert [rule.id for rule in check_rules.registry()] == [
        "placeholder", "conflicting-commitment", "foreign-entity", "tender-requirement", "profile-mismatch",
        "missing-section", "duplicate-text", "active-content", "document-metadata", "anonymity"]


def test_a_rule_id_declared_twice_is_refused(tmp_path, monkeypatch):
    package = tmp_path / "twice"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in ("a", "b"):
        (package / f"{name}.py").write_text(
            "from generator.core.findings import Rule\nRULE = Rule('same', '同名', 'error', order=1)\n"
            "def check(context):\n    return []\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(AssertionError, match="same"):
        discover("twice")


def test_one_finding_type_serves_documents_and_files():
    in_document = Finding("placeholder", "error", "未填写", (Location("第一节", 3, "XX小时"),))
    in_file = Finding.in_file("metadata", "clauses/a.yaml", 4, "缺少 uses", "a", "补上 uses")
    assert in_document.path == "" and in_document.line is None
    assert str(in_file) == "clauses/a.yaml:4：[metadata] 缺少 uses（提示：补上 uses）"
    assert Rule("x", "标题", "warning", order=1).finding("消息").severity == "warning"


def _help_rules(doc: str) -> list[str]:
    """Rule ids in the 规则： list of a command's --help text."""
    block = doc.split("规则：", 1)[1].split("\n\n", 1)[0]
    return [line.split()[0] for line in block.strip().splitlines()]


def test_the_help_of_check_and_clauses_lint_lists_every_registered_rule():
    from generator.commands.check import check_command
    from generator.commands.clauses import lint_command

    assert sorted(_help_rules(check_command.__doc__ or "")) == sorted(r.id for r in check_rules.registry())
    assert sorted(_help_rules(lint_command.__doc__ or "")) == sorted(r.id for r in lint_rules.registry())


def test_one_finding_class_in_the_code() -> None:
    import re
    from pathlib import Path

    generator = Path(__file__).resolve().parents[2] / "generator"
    defined = [str(p.relative_to(generator)) for p in generator.rglob("*.py")
               if re.search(r"^class Finding\b", p.read_text(encoding="utf-8"), re.M)]
    assert defined == ["core/findings.py"]
