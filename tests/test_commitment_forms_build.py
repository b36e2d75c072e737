"""The requirement forms real tenders use build without distortion, and each is answered in the
body, the 服务承诺一览表, the 承诺书 and the 偏离表 (the issue's “done when” list)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from test_deviation_table import deviation_rows

from generator.pipeline.build import DOCX_NAME


def texts(docx: Path) -> list[str]:
    document = Document(str(docx))
    cells = [" | ".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
    return [p.text for p in document.paragraphs if p.text.strip()] + cells


def build(project: Path, cli, tender: str) -> list[str]:
    code, out, err = cli("build", project / "tenders" / tender)
    assert code == 0, err
    tender_id = Path(tender).stem
    return texts(project / "output" / tender_id / DOCX_NAME)


def has(lines: list[str], *parts: str) -> bool:
    return any(all(part in line for part in parts) for line in lines)


def test_tiered_elevator_tender_builds_and_answers_each_tier(project, cli):
    lines = build(project, cli, "shuzhou-library-elevators.yaml")
    rows = deviation_rows(project / "output" / "shuzhou-library-elevators" / DOCX_NAME)
    assert [row[1][0] for row in rows[:2]] == ["★", "★"]  # ★ rows first
    assert ["维保单位接到报修后，属小修的应在2小时内修复，恢复电梯正常运行", "故障解决时间：小修2小时", "无偏离"] in \
        [row[1:4] for row in rows]  # the tender's own sentence is quoted
    assert ["大修24小时内修复", "故障解决时间：大修24小时", "无偏离"] in [row[1:4] for row in rows]
    assert has(lines, "排除故障（小修）", "2小时") and has(lines, "排除故障（大修）", "24小时")  # tiers as rows
    assert has(lines, "小修2小时内、中修12小时内、大修24小时内排除故障")  # the 承诺书
    assert has(lines, "质保期为2年，自监督检验合格并交付使用之日起计算")
    assert has(lines, "质保期", "自监督检验合格并交付使用之日起计算")  # the 承诺一览表


def test_warranty_start_event_other_than_the_tenders_stops_the_build(project, cli):
    profile = project / "profiles" / "products" / "elevators.yaml"
    text = profile.read_text(encoding="utf-8")
    old = "  warranty: {value: 2年, starts: 监督检验合格并交付使用之日}\n"
    assert old in text
    profile.write_text(text.replace(old, "  warranty: {value: 2年, starts: 验收合格之日}\n"), encoding="utf-8")
    code, out, err = cli("build", project / "tenders" / "examples" / "elevators.yaml")
    assert code == 1
    assert "承诺自验收合格之日起计算，招标要求自监督检验合格并交付使用之日起计算，起算事件不同" in err
    code, out, err = cli("build", project / "tenders" / "examples" / "elevators.yaml", "--allow-deviation")
    assert code == 0, err
    assert "! 负偏离：★电梯质保期不少于2年" in out  # stated and judged, never a silent 无偏离


# (body, 服务承诺一览表 row, 承诺书): words each place states
@pytest.mark.parametrize(("tender", "places"), [
    ("examples/vehicles.yaml", [("整车 | 3年或10万公里（以先到者为准）",), ("| 保修期 |", "整车3年或10万公里"),
                                ("保修期为整车3年或10万公里（以先到者为准）",)]),
    ("examples/landscaping.yaml", [("按品种和规格分别统计苗木的成活情况，成活率不低于95%",), ("| 成活率 | 95% |", "15天内免费补植"),
                                   ("苗木的成活率不低于95%，死亡或长势不良的苗木在15天内",)]),
    ("examples/medical-consumables.yaml", [("到货时剩余有效期不少于12个月；",), ("| 到货时剩余有效期 | 不少于12个月 |",),
                                           ("到货时剩余有效期不少于12个月，达不到的",)]),
    ("examples/disinfection-chemicals.yaml", [("到货时剩余有效期不少于总有效期的2/3；",),
                                              ("| 到货时剩余有效期 | 不少于总有效期的2/3 |",),
                                              ("到货时剩余有效期不少于总有效期的2/3，达不到的",)]),
])
def test_new_forms_are_answered_in_body_summary_and_letter(project, cli, tender, places):
    lines = build(project, cli, tender)
    for parts in places:
        assert has(lines, *parts), parts
