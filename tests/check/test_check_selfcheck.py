"""The build runs the checker on its own output: example proposals check clean, defects are refused."""

from pathlib import Path

import pytest

from generator.check import check_path
from generator.check.load import from_options
from generator.core.errors import BuildRefused
from generator.pipeline.build import DOCX_NAME, BuildOptions, build

ROOT = Path(__file__).resolve().parents[2]
TENDERS = sorted((ROOT / "tenders").glob("*.yaml")) + sorted((ROOT / "tenders" / "examples").glob("*.yaml"))


@pytest.mark.parametrize("tender", TENDERS, ids=[str(t.relative_to(ROOT / "tenders")) for t in TENDERS])
def test_every_example_proposal_builds_and_checks_clean(project, tender):
    copy = project / tender.relative_to(ROOT)
    result = build(copy, BuildOptions(force=True, allow_draft=True))
    findings = check_path(result.docx_path, from_options(copy, None, None, None)).findings
    # not even a warning: a warning on our own output is a misreading of it, or a real inconsistency
    assert [(f.severity, f.message) for f in findings] == []


def test_build_refuses_a_clause_with_a_placeholder(project):
    clause = project / "clauses" / "core" / "principles.yaml"
    text = clause.read_text(encoding="utf-8")
    clause.write_text(text.replace("body: |\n", "body: |\n  服务负责人：某某，联系电话：XX。\n\n", 1), encoding="utf-8")
    with pytest.raises(BuildRefused) as refused:
        build(project / "tenders" / "demo.yaml", BuildOptions(force=True, allow_draft=True))
    problems = refused.value.problems
    assert [p.field for p in problems] == ["placeholder"] and "某某" in problems[0].message
    assert not (project / "output" / "demo" / DOCX_NAME).exists()


def test_build_refuses_another_company_and_a_conflicting_promise(project):
    clause = project / "clauses" / "core" / "principles.yaml"
    text = clause.read_text(encoding="utf-8")
    leftover = "  本方案由上海远拓信息技术有限公司编制，我公司接到报修后2小时内响应。\n\n"
    clause.write_text(text.replace("body: |\n", "body: |\n" + leftover, 1), encoding="utf-8")
    with pytest.raises(BuildRefused) as refused:
        build(project / "tenders" / "demo.yaml", BuildOptions(force=True, allow_draft=True))
    fields = {p.field for p in refused.value.problems}
    assert {"foreign-entity", "conflicting-commitment", "profile-mismatch"} <= fields


def test_resolved_sources_read_as_the_sources_print(tmp_path, monkeypatch):
    """apply_commitments shows each source file once (display_path) and gives what str(source) gives,
    inside the working directory (relative paths) and outside it (absolute ones)."""
    from generator.check.expectations import Expectations
    from generator.check.load import apply_commitments
    from generator.load.project import load_inputs
    from generator.pipeline.build import resolve

    commitments = resolve(load_inputs(ROOT / "tenders" / "demo.yaml"))
    for cwd, relative in ((ROOT, True), (tmp_path, False)):
        monkeypatch.chdir(cwd)
        expectations = Expectations()
        apply_commitments(commitments, expectations)
        assert expectations.resolved_sources == {kind: str(r.source) for kind, r in commitments.kinds.items()}
        shown = list(expectations.resolved_sources.values())
        assert shown and all(text.startswith("/") != relative for text in shown)
