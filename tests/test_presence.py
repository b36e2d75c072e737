"""Promises the bidder's outlets, people and training plan can back (generator/resolve/presence.py)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.core.quantities import Duration
from generator.models.parties import Bidder
from generator.resolve.presence import arrival_problem, is_municipality, nearest_outlet
from generator.text.reader import read_document

VEHICLES = Path("tenders") / "examples" / "vehicles.yaml"
XIANGLIAN = Path("profiles") / "bidders" / "xianglian.yaml"


def bidder(outlets: list[dict]) -> Bidder:
    return Bidder.model_validate({
        "id": "t", "legal_name": "测试有限公司", "short_name": "测试", "credit_code": "91430104MA4Q2N8D9Q",
        "legal_representative": "甲", "address": "某地", "hotline": "400", "email": "a@b.cn",
        "service_center": "中心", "team": [{"role": "经理", "name": "乙", "qualification": "工程师",
                                           "years": 3, "duty": "统筹"}],
        "outlets": outlets,
    })


def outlet(city: str, reach: list[dict] | None = None) -> dict:
    return {"city": city, "address": f"{city}某路1号", "phone": "010-1", "staff": 3, "reach": reach or []}


def test_local_outlet_wins_over_a_closer_reach_from_elsewhere():
    b = bidder([outlet("长沙", [{"place": "湘源市", "distance_km": 80, "travel": "1小时"}]), outlet("湘源")])
    nearest = nearest_outlet(b, "湖南省湘源市政通路1号")
    assert nearest is not None and nearest.local and nearest.outlet.city == "湘源"


def test_the_shortest_reach_is_nearest_and_states_its_distance():
    b = bidder([outlet("长沙", [{"place": "湘源市", "distance_km": 120, "travel": "2小时"}]),
                outlet("株洲", [{"place": "湘源市", "distance_km": 60, "travel": "50分钟"}])])
    nearest = nearest_outlet(b, "湖南省湘源市政通路1号")
    assert nearest is not None and nearest.outlet.city == "株洲" and not nearest.local
    assert nearest.distance == "距湘源市约60公里、车程约50分钟"


def test_city_promise_shorter_than_the_drive_is_refused_unless_staff_stay_on_site():
    b = bidder([outlet("长沙", [{"place": "湘源市", "distance_km": 120, "travel": "2小时"}])])
    arrivals = [("市区", Duration(1, "小时")), ("省内", Duration(4, "小时"))]
    message = arrival_problem(b, "湖南省湘源市政通路1号", 0, arrivals)
    assert message is not None and "市区1小时" in message and "长沙" in message and "车程约2小时" in message
    assert arrival_problem(b, "湖南省湘源市政通路1号", 1, arrivals) is None  # 驻场


def test_unknown_reach_is_refused_only_for_short_promises():
    b = bidder([outlet("长沙")])
    assert arrival_problem(b, "湖南省湘源市政通路1号", 0, [(None, Duration(1, "小时"))]) is not None
    assert arrival_problem(b, "湖南省湘源市政通路1号", 0, [(None, Duration(2, "小时"))]) is None


def test_municipalities():
    assert is_municipality("天津市南开区鞍山西道216号") and is_municipality("重庆市渝北区")
    assert not is_municipality("湖南省湘源市政通路1号") and not is_municipality("北京路88号")


def test_build_refuses_a_one_hour_promise_without_local_outlet(project, cli):
    profile = project / XIANGLIAN
    text = profile.read_text(encoding="utf-8")
    start = text.index("  - city: 湘源")
    end = text.index("team:")
    profile.write_text(text[:start] + text[end:], encoding="utf-8")
    code, _, err = cli("build", project / VEHICLES)
    assert code == 1
    assert "承诺超出投标人的服务能力" in err and "到达现场承诺“市区1小时”" in err
    assert "xianglian.yaml" in err and "Traceback" not in err


def test_build_refuses_training_days_the_class_hours_do_not_fill(project, cli):
    tender = project / "tenders" / "examples" / "software.yaml"
    text = tender.read_text(encoding="utf-8")
    assert text.count("\noverrides:") == 1  # the example already adjusts the on-site tiers
    tender.write_text(re.sub(r"\noverrides:[^\n]*\n", "\\g<0>  training: 5天\n", text), encoding="utf-8")
    code, _, err = cli("build", tender)
    assert code == 1
    assert "培训承诺为5天" in err and "合计20课时" in err and "software.yaml" in err


def test_municipality_proposal_has_no_province_tier(project, cli):
    code, _, _ = cli("build", project / "tenders" / "city-hospital.yaml")
    assert code == 0
    docx = project / "output" / "city-hospital" / "售后服务方案.docx"
    text = "\n".join(block.text for block in read_document(docx).blocks)
    assert "省内" not in text and "郊区6小时" in text


def arrival_tiers(tender: Path) -> list[str | None]:
    from generator.load.project import load_inputs
    from generator.pipeline.build import resolve

    return list(resolve(load_inputs(tender)).kinds["onsite_arrival"].values)


def test_a_site_in_the_outlets_city_keeps_only_the_tiers_that_can_apply(root):
    """issue 15: a school in 蜀州 served from 蜀州 is always reached within the 市区 limit; 省外 is
    left out, 省内 stays because the tender itself asks for it (▲省内8小时内到达现场)."""
    examples = root / "tenders" / "examples"
    assert arrival_tiers(examples / "industrial-equipment.yaml") == ["市区", "省内"]
    assert arrival_tiers(examples / "elevators.yaml") == ["市区"]  # the tender asks only about 一级 faults
    assert arrival_tiers(examples / "vehicles.yaml") == ["市区", "省内"]  # a vehicle breaks down wherever it goes
    assert arrival_tiers(root / "tenders" / "city-hospital.yaml") == ["市区", "郊区"]  # a 直辖市's 郊区 is the same city


def test_a_site_in_a_county_keeps_every_tier(project):
    tender = project / "tenders" / "examples" / "industrial-equipment.yaml"
    text = tender.read_text(encoding="utf-8")
    tender.write_text(text.replace("蜀州市经济开发区", "蜀州市青山县经济开发区"), encoding="utf-8")
    assert arrival_tiers(tender) == ["市区", "省内", "省外"]


def test_the_proposal_states_the_tiers_that_apply_everywhere(project, cli):
    """Summary, time-limit table, fault levels and 承诺书 agree: no 省外 tier, the 省内 one answered."""
    code, _, err = cli("build", project / "tenders" / "examples" / "industrial-equipment.yaml")
    assert code == 0, err
    docx = project / "output" / "industrial-equipment" / "售后服务方案.docx"
    text = "\n".join(block.text for block in read_document(docx).blocks)
    assert "省外" not in text and "市区4小时内、省内8小时内到达现场" in text
    assert "到达现场一律执行市区时限；表中另列的省内时限系对招标文件相应要求的响应" in text
    code, _, err = cli("build", project / "tenders" / "examples" / "elevators.yaml")
    assert code == 0, err
    docx = project / "output" / "elevators" / "售后服务方案.docx"
    text = "\n".join(block.text for block in read_document(docx).blocks)
    assert "省内" not in text and "其他区域按总体时限" not in text and "市区30分钟内到达现场" in text


MEDICAL = Path("tenders") / "examples" / "medical-equipment.yaml"
KANGHENG = Path("profiles") / "bidders" / "kangheng.yaml"


def _travel_to_qinghe(project: Path, travel: str) -> None:
    profile = project / KANGHENG
    text = profile.read_text(encoding="utf-8")
    assert "{place: 青禾县, distance_km: 48, travel: 1小时}" in text
    profile.write_text(text.replace("travel: 1小时}", f"travel: {travel}}}"), encoding="utf-8")


def test_a_site_reached_within_the_city_tier_keeps_only_that_tier(root, project, cli):
    """A county hospital an hour from the outlet in another city, against 市区2小时: the bid serves it at the
    city tier and says so; 省内 and 省外 could never apply to it."""
    assert arrival_tiers(root / MEDICAL) == ["市区"]
    code, _, err = cli("build", project / MEDICAL)
    assert code == 0, err
    text = "\n".join(b.text for b in read_document(project / "output" / "medical-equipment" / "售后服务方案.docx").blocks)
    assert "由临州服务网点负责（距青禾县约48公里、车程约1小时），到达现场一律执行市区时限" in text
    assert "省外" not in text and "市区2小时内到达现场" in text
    _travel_to_qinghe(project, "3小时")  # slower than the city tier: every tier stays (resident staff back it)
    assert arrival_tiers(project / MEDICAL) == ["市区", "省内", "省外"]


def test_a_fault_level_arrival_shorter_than_the_drive_is_refused(project, cli):
    tender = project / MEDICAL
    tender.write_text(re.sub(r"\nresident_staff:[^\n]*", "", tender.read_text(encoding="utf-8")), encoding="utf-8")
    _travel_to_qinghe(project, "90分钟")  # 市区2小时 holds; 一级 1小时 cannot
    code, _, err = cli("build", tender)
    assert code == 1
    assert "到达现场承诺“一级故障1小时”短于最近网点" in err and "Traceback" not in err
