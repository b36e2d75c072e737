"""`clauses list`, `show` and `catalog`: what legal reads."""

from __future__ import annotations

import zipfile

from conftest import APPROVER, clause_yaml
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

SERVICE = clause_yaml("service", """\
    {{ bidder.legal_name }}对所供{{ noun }}提供{{ c.hotline }}服务热线。

    # 响应

    接到报修后{{ c.response }}内响应。

    | 项目 | 时限 |
    |---|---|
    | 响应 | {{ c.response }} |
    """, uses="[hotline, response]", category="response")
REPAIR = clause_yaml("repair", "故障在{{ c.resolution }}内排除。", uses="[resolution]", category="fault_handling",
                     extra="applies_to:\n  capabilities: [onsite_repair]\n")
OLD = clause_yaml("old", "我公司提供服务。", status="retired")


def test_list_filters_by_state_category_and_product_type(mini, cli):
    root = mini({"service.yaml": SERVICE, "repair.yaml": REPAIR, "old.yaml": OLD})
    code, out, _ = cli("clauses", "list", "--root", root)
    assert code == 0 and all(cid in out for cid in ("service", "repair", "old")) and "共 3 条" in out
    code, out, _ = cli("clauses", "list", "--root", root, "--product-type", "beta")
    assert "service" in out and "repair" not in out
    code, out, _ = cli("clauses", "list", "--root", root, "--category", "fault_handling")
    assert "repair" in out and "service" not in out
    code, out, _ = cli("clauses", "list", "--root", root, "--status", "retired")
    assert "old" in out and "已废止" in out and "service" not in out
    cli("clauses", "approve", "service", "--by", APPROVER, "--root", root)
    path = root / "clauses" / "service.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("内响应。", "内响应并登记。"), encoding="utf-8")
    code, out, _ = cli("clauses", "list", "--root", root, "--status", "changed")
    assert "service" in out and "审定后已修改" in out and APPROVER in out and "repair" not in out
    code, _, err = cli("clauses", "list", "--root", root, "--status", "pending")
    assert code == 2 and "pending" in err
    code, _, err = cli("clauses", "list", "--root", root, "--product-type", "gamma")
    assert code == 2 and "gamma" in err


def test_show_renders_with_sample_values_and_marks_data(mini, cli):
    root = mini({"service.yaml": SERVICE, "repair.yaml": REPAIR})
    code, out, err = cli("clauses", "show", "repair", "--root", root)
    assert code == 0, err
    assert "产品类型 alpha" in out and "〔24小时〕" in out  # the only product type with on-site repair
    code, out, err = cli("clauses", "show", "service", "--root", root, "--product-type", "beta")
    assert code == 0, err
    assert "〔测试科技有限公司〕" in out and "〔物资〕" in out and "〔5×8" in out and "〔2小时〕" in out
    assert "{{" not in out
    code, out, err = cli("clauses", "show", "repair", "--root", root, "--product-type", "beta")
    assert code == 1 and "渲染失败" in out and "{{ c.resolution }}" in out  # source shown instead
    code, out, _ = cli("clauses", "show", "service", "--root", root, "--source")
    assert code == 0 and "{{ c.response }}" in out
    code, _, err = cli("clauses", "show", "service", "--root", root, "--product-type", "gamma")
    assert code == 2 and "gamma" in err


def test_show_a_clause_no_product_type_takes(mini, cli):
    nowhere = clause_yaml("nowhere", "我公司提供{{ noun }}。", extra="applies_to:\n  capabilities: [software]\n")
    root = mini({"nowhere.yaml": nowhere})
    code, out, err = cli("clauses", "show", "nowhere", "--root", root)
    assert code == 1 and "不适用于现有的任何产品类型" in out and "我公司提供{{ noun }}。" in out
    assert "（现有产品类型资料中没有）" in out


def test_catalog_shades_data_and_never_overwrites(mini, cli, tmp_path):
    root = mini({"service.yaml": SERVICE, "repair.yaml": REPAIR, "old.yaml": OLD})
    (root / "templates" / "standard").mkdir(parents=True)
    from generator.write.styles import make_reference

    make_reference(root / "templates" / "standard" / "reference.docx")
    target = tmp_path / "审阅稿.docx"
    code, out, err = cli("clauses", "catalog", "-o", target, "--root", root)
    assert code == 0, err
    with zipfile.ZipFile(target) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    paragraphs = ["".join(p.itertext()) for p in document.iter(f"{W}p")]
    for cid in ("service", "repair", "old"):
        assert f"测试条款{cid}" in paragraphs and cid in paragraphs, cid  # heading, then 编号 in the table
    shaded = ["".join(r.itertext()) for r in document.iter(f"{W}r") if r.find(f"{W}rPr/{W}shd") is not None]
    assert "测试科技有限公司" in shaded and "30分钟" in shaded  # data from the bidder and the commitments
    assert not any("我公司" in text or "内响应" in text for text in shaded)  # fixed wording is not shaded
    assert any("sha256" in text for text in paragraphs) and any("已废止" in text for text in paragraphs)
    before = target.read_bytes()
    code, _, err = cli("clauses", "catalog", "-o", target, "--root", root)
    assert code == 2 and "已存在" in err and target.read_bytes() == before
    code, _, _ = cli("clauses", "catalog", "-o", target, "--root", root, "--force")
    assert code == 0
