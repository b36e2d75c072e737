"""issue 15 (lighting): a lighting bid names a display only when the tender buys one.

The type 照明灯具及LED显示屏 writes its own wording for lighting (road, indoor, landscape); every
display matter comes with the `display` variant. A road-only and an indoor-only purchase are built and
read back (paragraphs and table cells); the example, which buys road lights and a display, keeps its
display sections. The variant mechanism the profile needs (a variant's noun, its training courses by
audience and its assessments) is tested on its own.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.core.errors import BuildRefused
from generator.models.parties import ProductType
from generator.pipeline.build import BuildOptions, build
from generator.text.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tenders" / "examples" / "lighting.yaml"
DISPLAY = re.compile(r"显示屏|屏体|模组|播放|节目|坏点|接收卡|发送卡|像素|大屏|LED屏|黑屏|花屏")


def lighting_data() -> dict:
    return YAML(typ="safe").load((ROOT / "profiles" / "products" / "lighting.yaml").read_text(encoding="utf-8"))


def tender_for(project: Path, products: str, name: str, place: str) -> Path:
    """The example tender turned into a purchase of `products` only, without the display's requirement."""
    data = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))
    data.update(id="lighting-only", products=products, project_name=name, delivery_place=place)
    data["requirements"] = [r for r in data["requirements"] if "显示屏" not in r["text"]]
    for requirement in data["requirements"]:  # the lights' warranty is the whole warranty of such a purchase
        if requirement["kind"] == "warranty":
            requirement.pop("qualifier", None)
    path = project / "tenders" / "lighting-only.yaml"
    yaml = YAML()
    yaml.allow_unicode = True
    with path.open("w", encoding="utf-8") as f:
        yaml.dump(data, f)
    return path


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
    display = lighting_data()["variants"]["display"]
    # the display's own sections of the type's clause, its parts, target, breach and promise
    for words in ("显示屏维护", "显示屏播放安全", "显示屏像素完好比例", "LED显示屏模组", "显示屏接收卡",
                  "未经采购人审核的内容", "只播放经采购人审核的内容", "播放内容：维护中只用测试画面"):
        assert words in text, words
    # its warranty tier, faults, courses, assessment and wording for lighting and display together
    assert "灯具3年、显示屏2年" in text
    assert "所供灯具及显示屏" in text
    for fault in display["faults"]:
        assert fault["examples"] in text, fault["level"]
    for topic in display["training_topics"]:
        assert topic["content"] in text, topic["audience"]
    assert display["training_assessment"][0] in text
    for field in ("service_stakes", "service_idea", "handover_documents", "site_kit", "training_aim"):
        assert display["texts"][field].rstrip("。") in text, field
    # and the road lighting the same tender buys keeps its own matters beside them
    assert "疏导交通" in text and "单灯控制器" in text


def test_a_variant_rewords_the_noun_and_replaces_courses_by_audience():
    data = lighting_data()
    data["variants"]["road"]["training_topics"] = [
        {"audience": "运行管理人员", "content": "单灯控制系统的操作", "hours": 4, "method": "现场讲解与实操"}]
    data["variants"]["road"]["training_assessment"] = ["道路：在单灯控制系统上查出一盏离线的灯具。"]
    lighting = ProductType.model_validate(data)
    display, road = lighting.variants["display"], lighting.variants["road"]

    shown = lighting.for_products("户外全彩LED显示屏")
    assert (lighting.noun, shown.noun) == ("灯具", "灯具及显示屏")
    assert shown.measure_word == lighting.measure_word
    assert shown.training_topics == display.training_topics  # both audiences replaced, in the type's order
    assert shown.training_assessment == [*lighting.training_assessment, *display.training_assessment]

    alone = lighting.for_products("LED路灯")
    assert [t.content for t in alone.training_topics] == ["单灯控制系统的操作", lighting.training_topics[1].content]
    assert alone.noun == "灯具"

    both = lighting.for_products("LED路灯及LED显示屏")  # two variants give different courses for one audience
    by_audience = {t.audience: t for t in both.training_topics}
    assert by_audience["运行管理人员"] == lighting.training_topics[0]  # the type's stays
    assert by_audience["维护人员"] == display.training_topics[1]  # only the display gives this one
    assert sum(t.hours for t in both.training_topics) == sum(t.hours for t in lighting.training_topics)
    assert both.training_assessment == [*lighting.training_assessment, *road.training_assessment,
                                        *display.training_assessment]
    assert lighting.for_products("LED投光灯").training_topics == lighting.training_topics  # no variant: the type's


def test_the_training_days_are_checked_against_the_courses_the_variant_brings(project):
    """A display course of more hours than the type's makes the example's one training day too short."""
    path = project / "profiles" / "products" / "lighting.yaml"
    text = path.read_text(encoding="utf-8")
    display = text.index("  display:")
    course = "        hours: 4\n        method: 现场讲解与实操"
    assert text.count(course, display) == 1
    path.write_text(text[:display] + text[display:].replace(course, course.replace("4", "12")), encoding="utf-8")
    with pytest.raises(BuildRefused) as refused:
        build(project / "tenders" / "examples" / "lighting.yaml", BuildOptions(output_root=project / "out"))
    assert any("合计16课时" in str(problem) for problem in refused.value.problems)
    road = tender_for(project, "LED路灯灯具及单灯控制器", "蜀州市城区主干道路灯节能改造项目", "四川省蜀州市城区主干道")
    assert build(road, BuildOptions(output_root=project / "out")).docx_path.exists()  # no display: the type's courses


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
    poles = lighting_data()["variants"]["poles"]
    assert "检查灯杆有无变形和镀锌层损伤" in text
    assert f"（含{poles['texts']['warranty_covers']}）" in text
    assert poles["maintenance_items"][0] in text


def test_the_mixed_example_keeps_its_display_wording_after_the_road_fixes(project):
    text = "\n".join(document_text(build(EXAMPLE, BuildOptions(output_root=project / "out")).docx_path))
    display = lighting_data()["variants"]["display"]["texts"]
    for field in ("confidential_setting", "warranty_covers", "trial_run"):
        assert display[field].rstrip("。") in text, field
    assert "场景" not in text and "所供灯杆" not in text  # no poles bought; road lights and a display
