"""Each rule on small inline documents: what it reports and what it must leave alone."""

from helpers import findings, rules

from generator.check.expectations import ExpectedRequirement
from generator.core.quantities import Duration, Frequency, Schedule


# -- placeholder ------------------------------------------------------------------------------
def test_placeholder_marks():
    found = findings("响应时间控制在XX分钟内。项目负责人：某某。服务期为20xx年。联系人：＿＿＿＿。\n\n编号：＊＊＊＊")
    assert [(f.rule, len(f.locations)) for f in found] == [("placeholder", 4), ("placeholder", 1)]
    assert "“XX”、“某某”、“20xx”、“＿＿＿＿”" in found[0].message
    assert [loc.text for loc in found[1].locations] == ["编号：＊＊＊＊"]  # quoted as written (full-width)


def test_placeholder_number_missing_before_unit_and_empty_field():
    found = findings("质保期为 年，自验收之日起计算。\n\n联系电话：\n\n传真：，邮箱：a@b.cn")
    messages = [f.message for f in found]
    assert any("单位前缺少数值" in m for m in messages)
    assert sum("没有填写内容" in m for m in messages) == 2


def test_an_empty_expiry_field_is_a_blank():
    """医疗器械 and 消毒产品 name their period 有效期: left empty, it is as blank as an empty 保质期."""
    found = findings("产品名称：一次性使用输液器\n\n有效期：\n\n保质期：")
    assert sum("没有填写内容" in f.message for f in found) == 2


def test_placeholder_template_instructions():
    found = findings("（投标人根据招标文件自行编制本节）\n\n（具体可根据各公司项目情况制定）\n\n（此处填写项目名称）")
    assert len(found) == 3 and all("模板说明" in f.message for f in found)


def test_signature_lines_and_introducing_labels_are_not_blanks():
    text = "投标人（盖章）：\n\n法定代表人或授权代表（签字）：\n\n响应时间：\n\n1. 电话响应\n2. 远程诊断"
    assert rules(text) == []


def test_blank_date_is_a_warning():
    (finding,) = findings("承诺单位（签字盖章）：\n\n日期：    年   月   日")
    assert finding.severity == "warning"


# -- conflicting-commitment ----------------------------------------------------------------
def test_conflict_lists_every_place():
    (finding,) = findings("# 一\n接到报修后4小时内到达现场。\n# 二\n工程师3小时内上门服务。\n# 三\n4小时内到达现场。")
    assert finding.rule == "conflicting-commitment" and finding.kind == "onsite_arrival"
    assert len(finding.locations) == 3 and "4小时（2 处）" in finding.message


def test_different_qualifiers_are_not_conflicts():
    text = ("一般问题8小时内解决，复杂问题3个工作日内解决。市区2小时内到达现场，省外48小时内到达现场。"
            "主机质保3年，配件质保1年。质保期外接到报修后4小时内响应。接到报修后30分钟内响应。")
    assert rules(text) == []


def test_same_value_written_differently_is_not_a_conflict():
    assert rules("半小时内响应。\n\n30分钟以内响应。\n\n二十四小时内排除故障。\n\n24h内排除故障。\n\n7*24小时热线。\n\n7×24服务热线。") == []


def test_incomparable_units_are_a_warning():
    (finding,) = findings("返修周期为3个工作日。\n\n返厂维修的设备72小时内修复返还。")
    assert finding.severity == "warning" and finding.kind == "repair_turnaround"


def test_unqualified_value_against_parts():
    (finding,) = findings("质保期为主体结构5年、五金配件2年。\n\n我公司承诺质保期三年。")
    assert finding.kind == "warranty" and "均不相同" in finding.message


# -- foreign-entity -----------------------------------------------------------------------
def test_other_company_than_the_given_bidder():
    text = "北京华辰智联科技有限公司（以下简称“我公司”）承诺……\n\n投标人（盖章）：上海远拓信息技术有限公司"
    (finding,) = findings(text, bidder_names=["北京华辰智联科技有限公司"])
    assert finding.rule == "foreign-entity" and "上海远拓信息技术有限公司" in finding.message


def test_bidder_inferred_and_manufacturers_allowed():
    text = ("投标人：北京华辰智联科技有限公司\n\n北京华辰智联科技有限公司（以下简称“我公司”）与原厂联想（北京）有限公司签订服务协议。"
            "\n\n投标人（盖章）：北京华辰智联科技有限公司")
    assert rules(text) == []


def test_a_maker_named_in_a_table_of_authorisations_is_a_partner_throughout():
    """A distributor's bid names the maker under 生产企业 and then on its own; a leftover company is still found."""
    text = ("浙江康衡医疗科技有限公司（以下简称“我公司”）是经生产企业授权的销售和售后服务单位，授权情况如下：\n\n"
            "| 生产企业 | 授权书编号 | 授权期限 |\n| --- | --- | --- |\n| 深圳安澜医疗电子有限公司 | SQ-2026-118 | 三年 |\n\n"
            "深圳安澜医疗电子有限公司对本项目的售后服务提供以下支持。\n\n"
            "投标人（盖章）：浙江康衡医疗科技有限公司")
    assert rules(text) == []
    leftover = text.replace("投标人（盖章）", "上海远拓信息技术有限公司负责本项目的巡检。\n\n投标人（盖章）")
    (finding,) = findings(leftover)
    assert finding.rule == "foreign-entity" and "上海远拓信息技术有限公司" in finding.message
    elsewhere = text.replace("| 生产企业 |", "| 单位名称 |").replace("是经生产企业授权的", "是")
    assert "深圳安澜医疗电子有限公司" in findings(elsewhere)[0].message  # no partner context anywhere


def test_other_product_vocabulary():
    (finding,) = findings("本项目窗帘质保2年。我公司定期对采购人数据库进行备份。", product_type="textiles")
    assert "数据库" in finding.message and "应用软件系统" in finding.message


def test_product_type_inferred_from_vocabulary():
    text = "所供窗帘、纱帘、遮光布的色牢度不低于4级。罗马杆免费安装。采购人的监护仪由我公司一并保养。"
    (finding,) = findings(text)
    assert "监护仪" in finding.message and "按文中用语推断" in finding.message


def test_honorifics():
    assert rules("接到贵行报修后……", purchaser="市第一人民医院") == ["foreign-entity"]
    assert rules("接到贵院报修后……", purchaser="市第一人民医院") == []
    assert rules("贵校……贵校……贵院……") == ["foreign-entity"]
    assert rules("贵方……贵单位……") == []


# -- tender-requirement, profile-mismatch, missing-section -----------------------------------
def test_tender_requirements():
    requirements = [
        ExpectedRequirement("★质保期不少于3年", "warranty", "at_least", Duration(3, "年"), mark="★"),
        ExpectedRequirement("市区2小时内到达现场", "onsite_arrival", "at_most", Duration(2, "小时"), "市区"),
        ExpectedRequirement("提供7×24小时服务热线", "hotline", "at_least", Schedule(7, 24)),
        ExpectedRequirement("每季度至少巡检一次", "inspection", "at_least", Frequency(1, "季度")),
        ExpectedRequirement("提供培训", "training", "present", None),
    ]
    text = "质保期为2年。市区4小时内到达现场，省外24小时内到达现场。服务热线5×8小时。每季度一次巡检。"
    found = findings(text, requirements=requirements)
    assert [(f.rule, f.kind) for f in found] == [
        ("tender-requirement", "warranty"), ("tender-requirement", "onsite_arrival"),
        ("tender-requirement", "hotline"), ("tender-requirement", "training")]
    assert "市区4小时" in found[1].message and "省外" not in found[1].message


def test_a_requirement_for_one_part_is_met_by_a_value_for_every_part():
    """灯具质保期不少于3年: a warranty without parts holds for the lamps; a value for another part does not."""
    lamps = [ExpectedRequirement("灯具质保期不少于3年", "warranty", "at_least", Duration(3, "年"), "灯具")]
    assert findings("所供产品的质保期为3年。", requirements=lamps) == []
    short = findings("所供产品的质保期为2年。", requirements=lamps)
    assert [(f.rule, f.kind, f.severity) for f in short] == [("tender-requirement", "warranty", "error")]
    assert findings("所供灯具的质保期为灯具3年、显示屏2年。", requirements=lamps) == []


def test_a_tender_requirement_bounded_by_a_rule_only_asks_for_the_kind():
    relative = [ExpectedRequirement("保修期不低于行业规范", "warranty", "at_least", None)]
    assert findings("我公司对所供设备提供1年质保。", requirements=relative) == []  # no figure to compare with
    missing = findings("我公司提供7×24小时服务热线。", requirements=relative)
    assert [(f.rule, f.kind) for f in missing] == [("tender-requirement", "warranty")]


def test_profile_mismatch():
    resolved = {"response": {None: Duration(30, "分钟")},
                "onsite_arrival": {"市区": Duration(2, "小时"), "省内": Duration(8, "小时")}}
    levels = {"一级": {"response": Duration(15, "分钟")}}
    text = "接到报修后1小时内响应。市区2小时内、省内6小时内到达现场。一级故障15分钟内响应。质保期外4小时内响应。"
    found = findings(text, resolved=resolved, fault_levels=levels)
    assert [(f.kind, f.message.split("：")[1]) for f in found] == [
        ("response", "文中为1小时，投标人承诺资料为30分钟"), ("onsite_arrival", "文中为6小时，投标人承诺资料为8小时")]


def test_missing_sections_with_headings_and_without():
    sections = ["质保期与质保范围", "培训计划", "售后服务承诺书"]
    with_headings = "# 第一节 保修期与保修范围\n正文\n# 第二节 响应时间\n正文\n# 第三节 售后服务承诺函\n正文"
    assert [f.message for f in findings(with_headings, sections=sections)] == ["缺少模板要求的章节“培训计划”"]
    plain = "我公司提供3年质保。培训安排在验收时进行。"
    assert [f.message for f in findings(plain, "方案.txt", sections=sections)] == ["缺少模板要求的章节“售后服务承诺书”"]


def test_a_section_title_split_over_two_headings_is_not_found_in_them():
    """The headings are searched together for a title they hold: never across two of them."""
    text = "# 第一节 备品\n正文\n# 第二节 备件供应\n正文\n# 第三节 应急\n正文\n# 第四节 预案演练\n正文"
    assert [f.message for f in findings(text, sections=["备件供应", "品备件", "应急预案"])] == [
        "缺少模板要求的章节“品备件”", "缺少模板要求的章节“应急预案”"]


# -- duplicate-text ---------------------------------------------------------------------------
def test_duplicate_paragraphs_ignore_numbering_and_short_lines():
    paragraph = "我公司对产品提供两年的质保期，质保期内非因采购人原因出现的质量问题由我公司负责包修包换。"
    found = findings(f"{paragraph}\n\n2. {paragraph}\n\n以上。\n\n以上。")
    assert [(f.rule, f.severity, len(f.locations)) for f in found] == [("duplicate-text", "warning", 2)]
