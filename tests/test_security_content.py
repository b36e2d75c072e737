"""What an evaluator found in the security-systems proposal (tenders/examples/security-systems.yaml).

- The footage's retention is a commitment of its own (video_retention, 录像保存期限): in the summary, the
  storage section and the acceptance test, answered in the 偏离表, read by `check` and `tender extract`
  apart from the service records' 保存期限.
- Service is counted per device (每台安防设备建立服务档案, 同一台…经两次修理), not per 套 of a whole system.
- Removed storage disks stay with the purchaser in every section; lightning damage is not excluded where
  the protection we installed fell short of its design.
- Vehicle barriers and plate recognition appear only when the tender buys them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from project_copy import changed_tender
from ruamel.yaml import YAML

from generator.pipeline.build import BuildOptions, build
from generator.text.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tenders" / "examples" / "security-systems.yaml"
VEHICLE = ("道闸", "车牌", "车辆出入")
EXAMPLE_PRODUCTS = YAML(typ="safe").load(EXAMPLE.read_text(encoding="utf-8"))["products"]


def text_of(docx: Path) -> str:
    return "\n".join(block.text for block in read_document(docx).blocks).replace("\u00a0", " ")


def built_with(project: Path, tender_id: str, **changes) -> str:
    """The text of the example's proposal with some of its tender fields changed (built in `project`)."""
    tender = changed_tender(EXAMPLE, project, tender_id, **changes)
    return text_of(build(tender, BuildOptions(output_root=project / "out")).docx_path)


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> str:
    return text_of(build(EXAMPLE, BuildOptions(output_root=tmp_path_factory.mktemp("security"))).docx_path)


def test_video_retention_is_stated_where_an_evaluator_looks(example):
    assert "录像保存期限\n30天\n各点位的录像均保存至少该期限，存储容量按此核算" in example  # a row of the summary
    assert "各点位的录像保存时间不少于30天，存储容量按此配置" in example
    assert "各点位的录像保存时间不少于30天" in example[example.index("安防系统的验收检测"):]


def test_service_is_counted_per_device(example):
    assert "每台安防设备建立服务档案" in example
    assert "同一台安防设备在质保期内因同一质量问题经两次修理" in example
    assert "套安防系统" not in example


def test_removed_disks_stay_with_the_purchaser_everywhere(example):
    assert "更换下来的存储硬盘一律当场交采购人登记保管" in example
    assert "带走包装物和更换下来的废旧部件（采购人要求留存的除外）" not in example


def test_lightning_damage_is_ours_where_our_protection_fell_short(example):
    assert "由我公司安装的防雷和接地设施未达到设计要求而遭受雷击损坏的，不属此列" in example


def test_no_vehicle_barriers_unless_bought(example, project):
    assert not any(word in example for word in VEHICLE)
    text = built_with(project, "security-barriers", products=EXAMPLE_PRODUCTS + "、车辆道闸及车牌识别系统")
    assert "检查车辆道闸的防砸和通行逻辑" in text
    assert "车辆出入记录和车牌识别数据" in text


def test_video_retention_is_told_apart_from_the_service_records(tmp_path, cli):
    proposal = tmp_path / "方案.txt"
    proposal.write_text("售后服务承诺\n一、录像资料保存时间为30天，服务记录保存5年。\n"
                        "二、我公司承诺录像保存期限不少于60天。\n", encoding="utf-8")
    code, out, _ = cli("check", str(proposal))
    assert code == 1
    assert "录像保存期限前后不一致：30天（1 处）；60天（1 处）" in out
    assert "服务记录保存期限" not in out


def test_tender_extract_reads_a_retention_requirement(tmp_path, cli):
    tender = tmp_path / "招标文件.txt"
    tender.write_text("第三章 采购需求\n三、商务要求\n1.录像资料保存时间不少于30天。\n2.服务记录保存不少于5年。\n",
                      encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    code, _, _ = cli("tender", "extract", str(tender), "-o", str(draft))
    assert code == 0
    requirements = YAML(typ="safe").load(draft.read_text(encoding="utf-8"))["requirements"]
    kinds = {r["text"]: r["kind"] for r in requirements}
    assert kinds == {"录像资料保存时间不少于30天": "video_retention", "服务记录保存不少于5年": "records_retention"}


def test_personal_data_and_lightning_standards_are_named(example):
    assert "《中华人民共和国个人信息保护法》" in example
    assert "《建筑物电子信息系统防雷技术规范》（GB 50343）" in example
    assert "雷雨季节到来前的那次巡检加测前端立杆和监控中心的接地电阻" in example


def test_face_data_is_protected_when_gates_are_bought(example):
    assert "人脸照片和特征数据只保存在采购人的系统内" in example  # the example buys 人行闸机


def test_gates_not_door_locks_when_only_gates_are_bought(example):
    """The example buys 人行闸机, not door access: no magnetic locks or door contacts, but gate checks and spares."""
    assert not any(word in example for word in ("磁力锁", "门磁", "锁具", "开门按钮"))
    assert "闸机不开闸、闸翼夹人或尾随不报警" in example
    assert "闸机防夹红外对射" in example  # a spare


def test_backup_comes_before_the_shortest_level_limit(example):
    """An evaluator: a backup due when the 一级 repair limit runs out does nothing for a 一级 fault."""
    assert "一级4小时" in example and "自接到报修起2小时内免费提供" in example


SCHOOL = ("上学、放学", "开学前", "学生多为未成年人", "学生的人脸照片")


def test_a_school_gets_its_campus_measures(example):
    """The purchaser (云泽市第三中学) chooses the site variant, beside the variants its goods choose."""
    for words in SCHOOL:
        assert words in example
    assert "采购人在考试和校园重大活动之前提出专项检查要求的" in example
    assert "人脸照片、人脸特征数据和人员身份信息" in example  # the goods' own variant (人行闸机) is still chosen
    assert "GB/T 29315" in example and "学校已设一键报警装置并接入属地公安机关报警平台的，测试其联网" in example
    assert "学生毕业、转学离校后，协助学校注销其通行权限并删除其人脸数据" in example
    assert "以及学生上学、放学时段校门口的出入口控制设备故障导致学生滞留" in example  # graded 一级, as the emergency plan treats it


def test_the_term_start_check_is_one_unconditional_promise(example):
    """Three versions of it (on request, in every inspection, every term) were found; now one, everywhere."""
    table = example[example.index("每次巡检至少包括以下项目"):]
    assert "开学前" not in table[:table.index("核对上次巡检整改事项")]
    assert "每学期开学前对校门、周界、教学楼出入口和学生宿舍区的摄像机、报警和出入口控制设备逐点检查" in example
    assert "每学期开学前对校门、周界和学生宿舍区的安防设备逐点检查" in example  # the letter


def test_no_campus_measures_for_another_purchaser(project):
    text = built_with(project, "security-hospital", project_name="云泽市人民医院安防系统提质改造项目",
                        purchaser={"name": "云泽市人民医院"}, delivery_place="河北省云泽市文昌路8号云泽市人民医院")
    assert not any(words in text for words in SCHOOL)
    assert "学生" not in text and "学校" not in text
    assert "重大活动安保和节假日" in text  # the type's own wording


def test_a_site_variant_is_chosen_by_the_purchaser_not_by_the_goods():
    from generator.load.yamlio import load_model
    from generator.models.parties import ProductType

    loaded, problems = load_model(ROOT / "profiles" / "products" / "security-systems.yaml", ProductType)
    assert loaded is not None and not problems
    security = loaded.model
    assert "school" not in security.variants_for("网络摄像机、硬盘录像机")
    assert "school" in security.variants_for("网络摄像机、硬盘录像机", "云泽市第三中学")
    assert "school" not in security.variants_for("学校用网络摄像机")  # goods words never choose it


def test_perimeter_spares_and_checks_only_where_a_perimeter_alarm_is_bought(example, project):
    assert "红外对射探测器（同型号）" in example and "逐个防区步测周界探测器的探测灵敏度" in example
    assert "备用摄像机、硬盘录像机、交换机、红外对射探测器" in example
    text = built_with(project, "security-cameras", products="网络摄像机、硬盘录像机及视频监控平台")
    assert "红外对射探测器（同型号）" not in text and "电子围栏" not in text
    assert "性能不低于原配置的备用摄像机、硬盘录像机或交换机" in text


def test_a_school_buying_no_gates_reads_no_gates_in_its_campus_measures(project):
    text = built_with(project, "security-school-cameras", products="网络摄像机、硬盘录像机及视频监控平台")
    assert "开学前" in text and "闸机" not in text
    assert "校门出入口控制设备的手动放行" in text  # the gatekeepers' practice, in the words of any access control


def test_the_backup_never_comes_before_we_can_arrive_in_another_city(project, cli):
    """Third reading: at a site in another city of the province (no outlet there: the 省内 tier applies), a backup
    due in 2 hours came before our own 6-hour arrival. The backup's time is tiered as the arrival is, taking the
    arrival's time where that is later; the note listing the level limits is not misread by the self-check, and
    `aftersales check` reads the proposal as the build offered it (no findings)."""
    tender = changed_tender(
        EXAMPLE, project, "security-linzhou", project_name="临州市第一中学校园安防系统提质改造项目",
        purchaser={"name": "临州市第一中学"}, delivery_place="河北省临州市建设路5号临州市第一中学",
        overrides={"fault_levels": {"一级": {"response": "15分钟", "onsite_arrival": "2小时", "resolution": "4小时"},
                                    "二级": {"response": "30分钟", "resolution": "8小时"},
                                    "三级": {"response": "30分钟", "resolution": "12小时"}}})
    docx = build(tender, BuildOptions(output_root=project / "out")).docx_path
    text = text_of(docx)
    assert "到达现场时间\n市区2小时、省内6小时" in text
    assert "提供备用设备时限\n市区2小时、省内6小时" in text
    assert "自接到报修起市区2小时内、省内6小时内免费提供" in text
    assert "自接到报修起2小时内免费提供" not in text
    code, out, _ = cli("check", str(docx), "--tender", str(tender))
    assert code == 0 and "未发现问题" in out, out


def test_the_emergency_groups_are_made_of_the_roster(example):
    """物资人员 and 技术骨干 were nowhere in the staffing table; with no parts keeper in the security team, the 抢修组
    (the team's engineers) brings the spares and backup units from the outlet itself."""
    assert "物资人员" not in example and "技术骨干组成抢修组" not in example
    assert "技术支持工程师组成抢修组，负责诊断和修复，并从云泽服务网点调运所需的备件和备用设备" in example


def test_a_complaint_at_night_is_registered_by_the_rota(example):
    assert "夜间（17:30至次日8:30）和周末、法定节假日由周启航、马骁、钟文涛（技术支持工程师，按周轮值）登记" in example


# Fifth read (2026-12-04): the lent equipment, the emergency's spares, the whole system's warranty, the
# penalties' severity and wording chosen by what is bought.

def test_lent_equipment_covers_the_access_control_bought(example, project):
    lent = "性能不低于原配置的备用摄像机、硬盘录像机、交换机、红外对射探测器、人脸识别终端或闸机控制板"
    assert lent in example[example.index("三、备用设备保障", example.index("备品备件")):]
    assert lent in example[example.index("售后服务承诺书"):]
    text = built_with(project, "security-doors", products="网络摄像机、硬盘录像机、门禁及视频监控平台")
    assert "性能不低于原配置的备用摄像机、硬盘录像机、交换机、门禁控制器或读卡器" in text
    assert "人脸识别终端或闸机控制板" not in text and "红外对射探测器" not in text
    assert "门禁控制器（同型号）" in text  # the lent controller is among the spares


def test_the_emergency_brings_spares_the_spares_list_has(example):
    row = next(line for line in example.split("\n") if "携带" in line and "到场" in line)
    assert "携带“备品备件”一节所列的交换机、监控专用硬盘和硬盘录像机到场" in row
    spares = example[example.index("备品备件"):]
    for name in ("POE交换机", "汇聚交换机（同型号）", "监控专用硬盘", "硬盘录像机（同型号）"):
        assert name in spares


def test_a_system_warranty_runs_from_the_final_acceptance_of_the_whole(example):
    assert "分批交货或分批验收的，自系统整体最终验收合格之日起计算，先期验收的安防设备不早于该日起算" in example
    assert "各批分别起算" not in example


def test_an_hour_of_unresolved_fault_costs_no_less_than_an_hour_late(example):
    from pydantic import ValidationError

    from generator.models.parties import Penalties
    with pytest.raises(ValidationError, match="不能低于到场逾期每小时的违约金"):
        Penalties(arrival_per_hour=500, resolution_per_hour=300)
    assert Penalties(arrival_per_hour=500, resolution_per_hour=500).resolution_per_hour == 500
    late = example[example.index("未在承诺时限内到达现场"):]
    assert late.index("每小时500元") < late.index("未在承诺时限内排除故障") < late.index("每小时800元")


def test_wording_follows_what_is_bought(example, project):
    for absent in ("门禁", "读卡器", "无线报警探测器", "电子围栏", "时钟服务器", "易耗品：正常使用中自然消耗、需定期更换的易耗品"):
        assert absent not in example, absent
    assert "维修时不撤除报警系统的布防" in example
    assert "通道管控：检修闸机时不使通道长时间处于常开或无人管控的状态" in example
    assert "单个出入口的识读或通行设备失灵" in example
    assert "已接入消防联动的测试联动常开" in example
    assert "学校已设一键报警装置并接入属地公安机关报警平台的，测试其联网" in example
    text = built_with(project, "security-wireless",
                      products="网络摄像机、门禁、无线报警探测器及电子围栏")
    assert "需定期更换的门禁卡、无线报警探测器的电池" in text
    assert "测量电子围栏各防区的脉冲电压" in text
    assert "通道管控：检修门禁时" in text
