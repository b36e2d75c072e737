"""tender extract: the 采购清单 of a 招标文件 becomes the draft's `items:`; other tables do not.

The documents here are written for these tests (text as a PDF-to-text tool or a paste leaves it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.models.tender import ITEM_LABELS, SupplyItem, Tender
from generator.tender_extract.items import find_items, items_yaml, parse_quantity
from generator.text.text_blocks import read_text_blocks

# a purchase list kept in its layout: columns set apart by spaces, empty cells lost, a page end inside
# the list (footer, then the header again), a name wrapped onto the next line
SPACED = """第三章 采购需求
一、采购清单
序号    品目名称                  品牌型号        数量      单位     预算单价（万元）    备注
1       纯电动轿车（5座）                          12台               18.60               含随车充电枪
2       纯电动多用途乘用车        7座             2 辆               23.50
3       车载调度终端                               壹批               4.20
— 7 —
序号    品目名称                  品牌型号        数量      单位     预算单价（万元）    备注
4       交流充电桩（7kW）                          6         套       0.80                含安装
5       新能源车辆专用
        诊断仪                                     1         台       2.10
二、商务要求
1. ★整车质保期不少于3年或10万公里。
2. 接到报修后2小时内到达现场。
"""

# other tables of a 招标文件: none of them lists goods to supply
OTHERS = """第二章 资格与评审
一、资格要求
| 序号 | 资格要求 | 证明材料 |
| 1 | 具有有效的营业执照 | 营业执照复印件 |
二、评分表
| 序号 | 评分项 | 分值 | 评分标准 |
| 1 | 售后服务方案 | 10 | 方案完整可行的得10分 |
三、拟派项目人员
| 序号 | 姓名 | 职称 | 岗位 | 人数 |
| 1 | 王某 | 工程师 | 项目负责人 | 1 |
四、报价明细
| 序号 | 费用名称 | 金额（元） |
| 1 | 设备费 | 120000.00 |
五、备品备件
中标人应随货提供下列易损件：
| 序号 | 名称 | 规格 | 数量 | 单位 |
| 1 | 刹车片 | 前轮 | 4 | 套 |
第六章 投标文件格式
附件2 分项报价表
| 序号 | 货物名称 | 品牌型号 | 数量 | 单价 | 总价 |
| 1 |  |  |  |  |  |
"""


def rows(text: str) -> list[tuple]:
    return [(i.name, i.model, i.quantity, i.unit, i.note) for i in find_items(read_text_blocks(text))]


@pytest.mark.parametrize(("cell", "expected"), [
    ("12台", (12, "台")), ("2 套", (2, "套")), ("壹批", (1, "批")), ("8", (8, "")), ("十二辆", (12, "辆")),
    ("１２", (12, "")), ("1（批）", (1, "批")), ("2.5 吨", (2.5, "吨")),
])
def test_quantities_in_every_usual_form(cell, expected):
    quantity, unit, doubts = parse_quantity(cell)
    assert (quantity, unit) == expected and doubts == []


@pytest.mark.parametrize(("cell", "doubt"), [("约10台", "请确认"), ("2套/4台", "其后文字未录入"), ("若干", "不是可识别的数字")])
def test_quantities_not_wholly_read_are_doubted(cell, doubt):
    assert any(doubt in d for d in parse_quantity(cell)[2])


def test_a_spaced_list_across_a_page_end_gives_every_row_in_its_columns():
    assert rows(SPACED) == [
        ("纯电动轿车（5座）", "", 12, "台", "含随车充电枪"),
        ("纯电动多用途乘用车", "7座", 2, "辆", ""),
        ("车载调度终端", "", 1, "批", ""),
        ("交流充电桩（7kW）", "", 6, "套", "含安装"),
        ("新能源车辆专用诊断仪", "", 1, "台", ""),
    ]
    items = find_items(read_text_blocks(SPACED))
    assert [i.page for i in items] == [7, 7, 7, 8, 8]
    assert any("品牌型号取自招标文件" in d for d in items[1].doubts)  # 7座 is the tender's, not the bid's model
    assert items[4].quote.startswith("5 | 新能源车辆专用 诊断仪 | 1 | 台")  # both lines of the row


def test_a_lone_line_below_a_row_goes_on_its_name_and_is_doubted():
    text = "\n".join(["采购清单", "序号    货物名称          数量    单位", "1       医用推车          10      辆",
                      "        （不锈钢）", "2       治疗车            4       辆", "二、商务要求"])
    items = find_items(read_text_blocks(text))
    assert [(i.name, i.quantity) for i in items] == [("医用推车（不锈钢）", 10), ("治疗车", 4)]
    assert any("“（不锈钢）”已接在货物名称之后" in d for d in items[0].doubts)  # which cell it goes on is a guess


def test_tables_of_other_things_are_not_items():
    assert rows(OTHERS) == []
    assert items_yaml(find_items(read_text_blocks(OTHERS))) == ""


def test_the_title_says_first_then_the_headings_above_it():
    table = "| 序号 | 名称 | 数量 | 单位 |\n| 1 | 恒温培养箱 | 2 | 台 |\n"
    assert rows("第三章 采购需求及配置要求\n一、采购清单\n" + table) == [("恒温培养箱", "", 2, "台", "")]
    assert rows("第三章 采购需求及配置要求\n" + table) == [("恒温培养箱", "", 2, "台", "")]
    assert rows("第三章 采购需求\n二、单台设备配置要求\n" + table) == []  # 配置: what comes with each
    assert rows("第三章 采购需求\n五、随机备品备件\n" + table) == []
    assert rows("附件1 设备清单\n" + table) == [("恒温培养箱", "", 2, "台", "")]


def test_pipe_table_with_a_combined_column_a_header_unit_and_a_row_broken_by_a_page_end():
    text = "\n".join([
        "三、货物清单",
        "| 序号 | 设备名称 | 技术参数 | 数量及单位 | 最高限价（元） | 备注 |",
        "| 1 | 全自动生化分析仪 | 检测速度不低于800测试/小时 | 1台 | 560000 | 含配套纯水机 |",
        "| 2 | 血细胞分析仪 | 五分类 | 2 套 | 180000 |  |",
        "第 4 页",
        "|  | （含试剂冷藏柜） |  |  |  | 冷藏柜单独计价 |",
        "| 合计 |  |  |  | 920000 |  |",
        "四、采购清单（二）",
        "| 序号 | 货物名称 | 数量（台） | 备注 |",
        "| 1 | 离心机 | 3 |  |",
    ])
    assert rows(text) == [
        ("全自动生化分析仪", "", 1, "台", "含配套纯水机"),
        ("血细胞分析仪（含试剂冷藏柜）", "", 2, "套", "冷藏柜单独计价"),
        ("离心机", "", 3, "台", ""),
    ]


def test_same_names_are_told_apart_and_doubted():
    text = "\n".join(["采购清单", "| 序号 | 产品名称 | 数量 | 单位 |", "| 1 | 文件柜 | 20 | 组 |", "| 2 | 文件柜 | 4 | 组 |"])
    items = find_items(read_text_blocks(text))
    assert [i.name for i in items] == ["文件柜", "文件柜（2）"]
    assert "与第1项同名" in items[1].doubts[0]
    SupplyItem.model_validate({"name": items[1].name, "quantity": 4, "unit": "组"})


def test_the_draft_marks_the_list_for_review_and_loads_once_reviewed(tmp_path, root):
    from generator.load.unfinished import unfinished_marks
    from generator.tender_extract import draft_text

    result = draft_text(read_text_blocks(SPACED), Path("招标文件.txt"), tmp_path / "d.yaml", root)
    assert len(result.items) == 5
    text = result.text
    assert "# 原文（第三章 采购需求 一、采购清单，第7页）：“1 | 纯电动轿车（5座） | 12台 | 18.60 | 含随车充电枪”" in text
    marks = unfinished_marks(tmp_path / "d.yaml", text)
    assert {p.field for p in marks if "采购清单" in p.message or "逐项核对" in p.message} == {"items"}
    assert any(p.field == "items.1" and "品牌型号取自招标文件" in p.message for p in marks)
    # once reviewed, the list is the model's items: put it into an example tender in place of its own
    example = YAML(typ="safe").load((root / "tenders" / "examples" / "vehicles.yaml").read_text(encoding="utf-8"))
    tender = Tender.model_validate(example | {"items": YAML(typ="safe").load(text)["items"]})
    assert [(i.name, i.model, i.quantity_text, i.unit, i.note) for i in tender.items] == [
        ("纯电动轿车（5座）", "", "12", "台", "含随车充电枪"), ("纯电动多用途乘用车", "7座", "2", "辆", ""),
        ("车载调度终端", "", "1", "批", ""), ("交流充电桩（7kW）", "", "6", "套", "含安装"),
        ("新能源车辆专用诊断仪", "", "1", "台", "")]


def test_a_quantity_not_read_is_left_to_fill_and_refused_until_filled(tmp_path):
    from generator.load.unfinished import unfinished_marks

    text = "\n".join(["采购清单", "| 序号 | 货物名称 | 数量 | 单位 |", "| 1 | 绿篱苗木 | 若干 | 株 |"])
    draft = items_yaml(find_items(read_text_blocks(text)))
    assert "quantity: 待填写" in draft
    assert any(p.field == "items.0.quantity" for p in unfinished_marks(tmp_path / "d.yaml", draft))


def test_item_labels_name_every_field_of_an_item():
    assert set(ITEM_LABELS) == set(SupplyItem.model_fields)


def test_extract_command_reports_the_list_and_build_refuses_it_until_reviewed(project, cli):
    source = project / "招标文件.txt"
    source.write_text(SPACED, encoding="utf-8")
    out = project / "tenders" / "cars.yaml"
    code, stdout, err = cli("tender", "extract", source, "-o", out)
    assert code == 0, err
    assert "采购清单 5 项（写入 items），其中待核实 1 项；请写明所投品牌型号" in stdout
    code, _, err = cli("build", out)
    assert code == 2 and "items.1" in err and "品牌型号取自招标文件" in err
