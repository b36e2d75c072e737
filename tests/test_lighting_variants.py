"""issue 15 (lighting, display): a lighting bid writes what the tender buys: lamps, a display, or both.

The type 照明灯具及LED显示屏 holds what lamps and displays share and the wording for both together;
lamp matters come with the default `lamps` variant, display matters with `display`, the warranty per
product of a purchase of both with `lamps_display`, and poles add their phrases to either. Road-only,
indoor-only, display-only and poles-with-a-display purchases are built and read back (paragraphs and
table cells); the example, which buys road lights and a display, keeps both. The variant rules the
profile needs (a variant's noun, courses by audience, combinations and added phrases) are tested on their own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from project_copy import write_tender
from ruamel.yaml import YAML

from generator.core.errors import BuildRefused
from generator.models.parties import ProductType
from generator.pipeline.build import BuildOptions, build
from generator.text.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tenders" / "examples" / "lighting.yaml"
DISPLAY = re.compile(r"显示屏|屏体|模组|播放|节目|坏点|接收卡|发送卡|像素|大屏|LED屏|黑屏|花屏")
LAMP = re.compile(r"灯具|路灯|驱动电源|光源|亮灯|熄灯|开关灯|照度|照明|灯杆|灯罩|单灯|光衰")  # 回路: any wiring


def lighting_data() -> dict:
    return YAML(typ="safe").load((ROOT / "profiles" / "products" / "lighting.yaml").read_text(encoding="utf-8"))


def tender_for(project: Path, products: str, name: str, place: str, unbought: str = "显示屏") -> Path:
    """The example tender turned into a purchase of `products` only, without the warranty requirement of
    the product it does not buy (`unbought`: the example's 显示屏 or 灯具 tier)."""
    data = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    data.update(id="lighting-only", products=products, project_name=name, delivery_place=place)
    data["requirements"] = [r for r in data["requirements"] if r.get("qualifier") != unbought]
    for requirement in data["requirements"]:  # the bought product's warranty is the whole warranty
        if requirement["kind"] == "warranty":
            requirement.pop("qualifier", None)
    return write_tender(project, data)


def document_text(docx: Path) -> list[str]:
    """Every block a reader sees: paragraphs, headings and each table cell."""
    return [block.text for block in read_document(docx).blocks if block.text.strip()]


@pytest.mark.parametrize(("products", "name", "place", "own"), [
    ("LED路灯灯具及单灯控制器", "蜀州市城区主干道路灯节能改造项目", "四川省蜀州市城区主干道（采购人指定地点）",
     ("单灯控制器", "疏导交通", "城市道路照明")),
    ("LED教室灯及黑板灯", "蜀州市第一中学教室照明改造项目", "四川省蜀州市第一中学（采购人指定地点）",
     ("频闪", "建筑照明设计标准", "按楼层和房间")),
])
def test_a_lighting_purchase_without_a_display_names_no_display(project, products, name, place, own):
    docx = build(tender_for(project, products, name, place), BuildOptions(output_root=project / "out")).docx_path
    blocks = document_text(docx)
    assert [b for b in blocks if DISPLAY.search(b)] == []
    text = "\n".join(blocks)
    assert [word for word in own if word not in text] == []
    assert "所供灯具" in text and "灯具及显示屏" not in text  # the type's own noun
    if "教室" in products:  # indoor lighting is not patrolled by night pole by pole, nor is traffic diverted
        assert [w for w in ("逐杆", "疏导交通", "单灯控制器", "高杆灯") if w in text] == []


def test_the_example_buying_lights_and_a_display_keeps_every_display_matter(project):
    docx = build(EXAMPLE, BuildOptions(output_root=project / "out")).docx_path
    text = "\n".join(document_text(docx))
    data = lighting_data()
    display = data["variants"]["display"]
    # the display's own sections of the type's clause, its parts, target, breach and promise
    for words in ("显示屏维护", "显示屏播放安全", "显示屏像素完好比例", "LED显示屏模组", "显示屏接收卡",
                  "未经采购人审核的内容", "只播放经采购人审核的内容", "播放内容：维护中只用测试画面"):
        assert words in text, words
    # the warranty per product, and the type's faults, courses and wording for lighting and display together
    assert "灯具3年、显示屏2年" in text
    assert "所供灯具及显示屏" in text
    for fault in data["faults"]:
        assert fault["examples"] in text, fault["level"]
    for topic in data["training_topics"]:
        assert topic["content"] in text, topic["audience"]
    assert display["training_assessment"][0] in text
    for field in ("service_stakes", "service_idea", "handover_documents", "site_kit", "training_aim"):
        assert data[field].rstrip("。") in text, field
    assert data["variants"]["lamps_display"]["texts"]["priorities"] in text
    # and the road lighting the same tender buys keeps its own matters beside them
    assert "疏导交通" in text and "单灯控制器" in text


def test_a_variant_rewords_the_noun_and_replaces_courses_by_audience():
    data = lighting_data()
    data["variants"]["road"]["training_topics"] = [  # an audience of its own: the lamps give the other two
        {"audience": "夜间巡查人员", "content": "单灯控制系统的操作", "hours": 2, "method": "现场讲解与实操"}]
    data["variants"]["road"]["training_assessment"] = ["道路：在单灯控制系统上查出一盏离线的灯具。"]
    lighting = ProductType.model_validate(data)
    lamps, display, road = lighting.variants["lamps"], lighting.variants["display"], lighting.variants["road"]

    shown = lighting.for_products("户外全彩LED显示屏")
    assert (lighting.noun, shown.noun) == ("灯具及显示屏", "显示屏")
    assert shown.measure_word == lighting.measure_word
    assert shown.training_topics == display.training_topics  # both audiences replaced, in the type's order
    assert shown.training_assessment == display.training_assessment

    alone = lighting.for_products("LED路灯")  # the lamps' courses and the road's for its own audience
    assert [t.content for t in alone.training_topics] == [*(t.content for t in lamps.training_topics), "单灯控制系统的操作"]
    assert alone.noun == "灯具"

    both = lighting.for_products("LED路灯及LED显示屏")  # three variants give different courses for one audience
    assert both.noun == lighting.noun
    assert both.training_topics[:2] == lighting.training_topics  # the type's stay: the hours checked keep
    assert both.training_assessment == [*lamps.training_assessment, *road.training_assessment,
                                        *display.training_assessment]
    assert lighting.for_products("LED投光灯").training_topics == lamps.training_topics  # the lamps' own


@pytest.mark.parametrize(("products", "chosen"), [
    ("户外全彩LED显示屏", ["display"]),
    ("LED路灯及LED显示屏", ["lamps", "road", "display", "lamps_display"]),
    ("智慧灯杆及杆载LED显示屏", ["poles", "display"]),  # a pole is no lamp
    ("LED路灯灯具、灯杆及单灯控制器", ["lamps", "road", "poles"]),
    ("灯杆", ["poles", "lamps"]),  # poles alone: lamps, the default
    ("城市广场夜景工程", ["lamps"]),  # nothing named: the default
])
def test_lamps_are_chosen_only_when_bought_and_a_combination_with_its_parts(products, chosen):
    assert ProductType.model_validate(lighting_data()).variants_for(products) == chosen


def test_a_combination_rewords_before_its_parts_and_a_part_adds_its_phrase():
    lighting = ProductType.model_validate(lighting_data())
    lamps, display, poles = (lighting.variants[name] for name in ("lamps", "display", "poles"))
    combination = lighting.variants["lamps_display"]
    # the road and the display each give a priority; the combination's wording names both
    assert lighting.for_products("LED路灯及LED显示屏").priorities == combination.texts["priorities"]
    assert lighting.for_products("LED显示屏").priorities == display.texts["priorities"]
    phrase = poles.adds_texts["warranty_covers"]
    assert lighting.for_products("灯杆及LED显示屏").warranty_covers == f"{display.texts['warranty_covers']}，{phrase}"
    assert lighting.for_products("LED路灯及灯杆").warranty_covers == f"{lamps.texts['warranty_covers']}，{phrase}"
    assert lighting.for_products("LED路灯、灯杆及LED显示屏").warranty_covers == f"{lighting.warranty_covers}，{phrase}"
    assert lighting.for_products("LED路灯").warranty_covers == lamps.texts["warranty_covers"]


@pytest.mark.parametrize("change", [
    lambda variants: variants["lamps_display"].update(combines=["lamps", "screens"]),  # no such variant
    lambda variants: variants["road"].update(combines=["lamps_display"]),  # a combination of a combination
    lambda variants: variants["poles"]["adds_texts"].update(measure_word="根"),  # not a reworded field
])
def test_a_combination_names_other_variants_and_a_phrase_a_text_field(change):
    data = lighting_data()
    change(data["variants"])
    with pytest.raises(ValueError, match="combines"):
        ProductType.model_validate(data)


def test_the_training_days_are_checked_against_the_courses_the_variant_brings(project):
    """A display course of more hours than the others makes a display-only bid's one training day too short."""
    path = project / "profiles" / "products" / "lighting.yaml"
    text = path.read_text(encoding="utf-8")
    display = text.index("  display:")
    course = "        hours: 4\n        method: 现场讲解与实操"
    assert text.count(course, display, text.index("  lamps_display:")) == 1
    end = text.index(course, display) + len(course)
    path.write_text(text[:display] + text[display:end].replace(course, course.replace("4", "12")) + text[end:],
                    encoding="utf-8")
    screen = tender_for(project, *DISPLAY_ONLY, unbought="灯具")
    with pytest.raises(BuildRefused) as refused:
        build(screen, BuildOptions(output_root=project / "out"))
    assert any("合计16课时" in str(problem) for problem in refused.value.problems)
    # lamps with a display keep the type's courses, lamps alone theirs
    assert build(EXAMPLE, BuildOptions(output_root=project / "out")).docx_path.exists()
    road = tender_for(project, "LED路灯灯具及单灯控制器", "蜀州市城区主干道路灯节能改造项目", "四川省蜀州市城区主干道")
    assert build(road, BuildOptions(output_root=project / "out")).docx_path.exists()


# ---- content3 (issue 15): an evaluator's reading of a road-only lighting proposal

ROAD = ("LED路灯灯具及单灯控制器", "蜀州市城区主干道路灯节能改造项目", "四川省蜀州市城区主干道（采购人指定地点）")


def test_a_road_purchase_reads_as_road_lighting(project):
    """No square, landscape, building or scene wording of other lighting in a road-only bid; circuit
    outages follow the fault levels, only scattered faults wait for the day's batch; the technical
    lead is an electrical engineer; poles are neither checked nor warranted when none are bought."""
    text = "\n".join(document_text(build(tender_for(project, *ROAD), BuildOptions(output_root=project / "out")).docx_path))
    own = text.replace(ROAD[1], "").replace(ROAD[2], "")  # the tender's own name and place may say anything
    for word in ("广场", "景观", "建筑物", "场景", "主要场所", "场所的正常使用", "重要场所"):
        assert word not in own, word
    assert "白天集中处理单灯控制器离线和回路跳闸" not in text
    assert "回路跳闸和成段熄灭按故障等级的时限立即处理" in text
    assert "本项目各路段的照明分段安排夜间巡查" in text and "主要路段和路口的平均照度" in text
    assert "机械工程专业" not in text and "电气工程专业高级工程师" in text
    assert "灯杆有无变形" not in text and "所供灯杆" not in text


def test_poles_are_checked_and_warranted_only_when_bought(project):
    tender = tender_for(project, "LED路灯灯具、灯杆及单灯控制器", ROAD[1], ROAD[2])
    text = "\n".join(document_text(build(tender, BuildOptions(output_root=project / "out")).docx_path))
    variants = lighting_data()["variants"]
    poles, lamps = variants["poles"], variants["lamps"]["texts"]
    assert f"{lamps['unpacking_checks']}，{poles['adds_texts']['unpacking_checks']}" in text
    assert f"（含{lamps['warranty_covers']}，{poles['adds_texts']['warranty_covers']}）" in text
    assert poles["maintenance_items"][0] in text


def test_the_mixed_example_keeps_its_display_wording_after_the_road_fixes(project):
    text = "\n".join(document_text(build(EXAMPLE, BuildOptions(output_root=project / "out")).docx_path))
    data = lighting_data()  # the type's own wording is that for lamps and a display together
    for field in ("confidential_setting", "warranty_covers", "trial_run"):
        assert data[field].rstrip("。") in text, field
    assert "场景" not in text and "所供灯杆" not in text  # no poles bought; road lights and a display


# ---- display (issue 15): a purchase of a display alone, and of poles with a display

DISPLAY_ONLY = ("户外全彩LED显示屏", "蜀州市市民广场LED显示屏采购项目", "四川省蜀州市市民广场（采购人指定地点）")
POLES_DISPLAY = ("智慧灯杆及杆载LED显示屏", "蜀州市滨江大道杆载显示屏项目", "四川省蜀州市滨江大道（采购人指定地点）")
BIDDERS_OWN = ("城市及道路照明工程专业承包",)  # the bidder's certificate, printed as it is named


def display_bid(project: Path, purchase: tuple[str, str, str]) -> list[str]:
    tender = tender_for(project, *purchase, unbought="灯具")
    blocks = document_text(build(tender, BuildOptions(output_root=project / "out")).docx_path)
    # the tender's own name and products may say anything; the bidder's certificate is its own
    return [b.replace(purchase[0], "").replace(purchase[1], "") for b in blocks
            if not any(word in b for word in BIDDERS_OWN)]


def test_a_display_purchase_names_no_lamp_and_reads_as_a_display(project):
    blocks = display_bid(project, DISPLAY_ONLY)
    assert [b for b in blocks if LAMP.search(b)] == []
    text = "\n".join(blocks)
    display = lighting_data()["variants"]["display"]
    assert "第六节 显示屏维护与播放安全" in text and "所供显示屏" in text
    assert "本项目所供显示屏的质保期为2年" in text and "灯具3年" not in text  # the display's own warranty
    for fault in display["faults"]:
        assert fault["examples"] in text, fault["level"]
    for topic in display["training_topics"]:
        assert topic["content"] in text, topic["audience"]
    for field in ("service_stakes", "service_idea", "warranty_covers", "trial_run", "site_kit", "training_aim"):
        assert display["texts"][field].rstrip("。") in text, field
    for part in display["spare_parts_list"]:
        assert part["name"] in text
    assert "显示屏像素完好比例" in text and "《LED显示屏通用规范》" in text
    assert "模组衰减与更换计划" in text and "播放系统与节能运行" in text


def test_poles_with_a_display_keep_the_poles_and_name_no_lamp(project):
    blocks = display_bid(project, POLES_DISPLAY)
    poles = lighting_data()["variants"]["poles"]
    display = lighting_data()["variants"]["display"]["texts"]
    # the poles are named, the lamps are not: every lamp word left is a pole's
    assert [b for b in blocks if LAMP.search(b.replace("灯杆", ""))] == []
    text = "\n".join(blocks)
    assert f"{display['unpacking_checks']}，{poles['adds_texts']['unpacking_checks']}" in text
    assert f"（含{display['warranty_covers']}，{poles['adds_texts']['warranty_covers']}）" in text
    assert poles["maintenance_items"][0] in text
    assert "屏体和灯杆接地电阻" in text and "灯杆倾斜或部件有坠落危险" in text
    assert "第六节 显示屏维护与播放安全" in text and "所供显示屏" in text
