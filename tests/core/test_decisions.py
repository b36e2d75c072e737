"""Decisions made once: the project layout and its root, the requirement judgement, the precedence."""

from __future__ import annotations

from generator.core.judge import judge, verdict
from generator.core.layout import Layout, project_root
from generator.core.quantities import Duration


def test_the_root_is_the_nearest_directory_with_clauses_and_profiles(tmp_path, monkeypatch):
    (tmp_path / "clauses").mkdir()
    (tmp_path / "profiles" / "products").mkdir(parents=True)
    deep = tmp_path / "tenders" / "2026"
    deep.mkdir(parents=True)
    found = Layout.find(deep)
    assert found is not None and found.root == tmp_path.resolve()
    assert found.product("lighting") == tmp_path.resolve() / "profiles" / "products" / "lighting.yaml"
    assert found.outline("standard") == tmp_path.resolve() / "templates" / "standard" / "outline.yaml"
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "profiles").mkdir(parents=True)  # profiles/ alone is not a project
    assert Layout.find(elsewhere) == found
    monkeypatch.chdir(elsewhere)
    assert project_root(tmp_path.parent) == elsewhere


def test_one_verdict_for_the_deviation_table_and_the_checker():
    assert judge("at_most", Duration(1, "小时"), Duration(2, "小时")) == "better"
    assert judge("at_most", Duration(120, "分钟"), Duration(2, "小时")) == "meets"
    assert judge("at_most", Duration(3, "小时"), Duration(2, "小时")) == "fails"
    assert judge("at_least", Duration(3, "年"), Duration(2, "年")) == "better"
    assert judge("equals", Duration(3, "年"), Duration(3, "年")) == "meets"
    assert judge("at_most", Duration(2, "小时"), Duration(2, "年")) is None  # hours and years: a person judges
    assert verdict("at_least", [1, 0]) == "meets"  # 3年或10万公里: better only when every limit is
    assert verdict("at_least", [1, -1]) == "fails"


def test_a_bare_figure_is_judged_in_its_kinds_better_direction_except_for_an_exact_kind():
    # 质保期为2年 (read as equals): 3 years is better, 1 year fails; without a kind, any difference fails
    assert judge("equals", Duration(3, "年"), Duration(2, "年"), "warranty") == "better"
    assert judge("equals", Duration(1, "年"), Duration(2, "年"), "warranty") == "fails"
    assert judge("equals", Duration(1, "小时"), Duration(2, "小时"), "onsite_arrival") == "better"
    assert judge("equals", Duration(3, "年"), Duration(2, "年")) == "fails"
    # 服务期一年 is the contract's term: a longer one is not better, it is a different contract
    assert judge("equals", Duration(2, "年"), Duration(1, "年"), "service_period") == "fails"
    assert judge("equals", Duration(1, "年"), Duration(1, "年"), "service_period") == "meets"


def test_the_precedence_is_product_then_bidder_then_tender():
    from generator.resolve.commitments import proposal_layers

    product, bidder, tender = object(), object(), object()
    layers = proposal_layers(product, bidder, tender)  # type: ignore[arg-type]
    assert [(layer.loaded, layer.key) for layer in layers] == [
        (product, "commitments"), (bidder, "commitments"), (tender, "overrides")]
    assert [layer.loaded for layer in proposal_layers(product, None, tender)] == [product, tender]  # type: ignore[arg-type]
