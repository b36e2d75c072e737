"""Evaluator (software, 7/10): what the software proposal left open, asserted on the built example's text.

- the resident engineer is named (team members marked `resident: true` whose `serves` fits), with the hours
  on site and who answers outside them; a tender asking for more resident staff than the team names is refused;
- a fault level's arrival comes well before its resolution;
- the free O&M period offers more than the tender's minimum, a 正偏离;
- 等保第三级: off-site real-time backup, recovery objectives from the commitments, the yearly assessment and
  its rectification — only where the tender asks for level 3 or higher;
- the shared 违约责任 sets no cap of the bidder's own and grants itself no exemption.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from proposal_text import section_text

from generator.core.quantities import compare
from generator.load.project import load_inputs
from generator.pipeline.build import BuildOptions, build, resolve
from generator.render.context import security_grade
from generator.resolve.presence import resident_members
from generator.text.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
SOFTWARE = ROOT / "tenders" / "examples" / "software.yaml"
EXAMPLES = sorted((ROOT / "tenders").glob("*.yaml")) + sorted((ROOT / "tenders" / "examples").glob("*.yaml"))


def text_of(docx: Path) -> str:
    return "\n".join(block.text for block in read_document(docx).blocks).replace("\u00a0", " ")


@pytest.fixture(scope="module")
def software(tmp_path_factory):
    out = tmp_path_factory.mktemp("software")
    inputs = load_inputs(SOFTWARE)
    return inputs, resolve(inputs), text_of(build(SOFTWARE, BuildOptions(output_root=out)).docx_path)


def test_the_resident_engineer_is_named_with_hours_and_cover(software):
    inputs, _, text = software
    tender, product = inputs.tender.model, inputs.product.model
    residents = resident_members(inputs.bidder.model, product, tender.resident_staff)
    assert tender.resident_staff == len(residents) == 1 and tender.resident_hours
    person = residents[0]
    assert person.resident and product.wants(person.serves)
    organisation = section_text(text, "服务组织与人员")
    assert f"其中，{person.role}{person.name}常驻采购人现场（驻场），在岗时间为{tender.resident_hours}" in organisation
    assert "替岗" in organisation and "姓名和证书在合同签订后" not in organisation
    resident = section_text(text, "驻场运维")
    assert f"本项目由{person.role}{person.name}常驻采购人现场，在岗时间为{tender.resident_hours}（即本方案所称“工作时间”）" in resident
    assert "在岗时间以外，服务热线由后台技术人员值守" in resident and "云泽服务网点的值班技术人员前往" in resident
    # nobody the rule does not pick is said to be stationed
    others = [m.name for m in inputs.bidder.model.team if m is not person]
    assert not any(f"{name}常驻" in text for name in others)


def test_an_anonymous_bid_names_the_post_not_the_person(tmp_path):
    docx = build(SOFTWARE, BuildOptions(output_root=tmp_path, anonymous=True)).docx_path
    text = text_of(docx)
    assert "其中，软件实施工程师常驻采购人现场（驻场）" in text and "赵明轩" not in text


def test_a_tender_asking_more_resident_staff_than_the_team_names_is_refused(project, cli):
    tender = project / "tenders" / "examples" / "software.yaml"
    tender.write_text(tender.read_text(encoding="utf-8").replace("resident_staff: 1", "resident_staff: 2"), encoding="utf-8")
    code, _, err = cli("build", tender)
    assert code != 0 and "Traceback" not in err
    assert "profiles/bidders/huachen.yaml" in err and "字段 team" in err
    assert "招标项目要求驻场人员2名" in err and "resident: true" in err and "只有1名" in err


def test_fault_levels_arrive_before_they_are_resolved(software):
    inputs, commitments, text = software
    arrival = commitments.kinds["onsite_arrival"]
    for name, level in commitments.fault_levels.items():
        arrivals = [level.onsite_arrival] if level.onsite_arrival else list(arrival.values.values())
        assert all(compare(level.response, a) == -1 and compare(a, level.resolution) == -1 for a in arrivals), name
    table = section_text(text, "故障分级").replace("\n", " | ")
    first = commitments.fault_levels["一级"]
    assert f"一级 | 紧急问题 | {first.response} | {arrival.describe()} | {first.resolution}" in table
    assert arrival.describe() == "工作时间1小时、非工作时间2小时"


def test_the_free_om_period_is_more_than_asked_and_marked_so(software):
    inputs, commitments, text = software
    asked = next(r for r in inputs.tender.model.requirements if r.kind == "warranty")
    offered = commitments.kinds["warranty"].values[None]
    assert compare(offered, asked.quantity) == 1
    rows = text.replace("\n", " | ")
    assert f"免费运维期：{offered} | 正偏离 | 承诺{offered}，优于“不少于{asked.value}”的要求" in rows
    assert f"本项目所供软件的免费运维期为{offered}" in text


def test_level_three_brings_offsite_backup_recovery_objectives_and_yearly_assessment(software):
    inputs, commitments, text = software
    assert security_grade(inputs.tender.model.security_level) == 3
    security = section_text(text, "网络安全")
    rows = security.replace("\n", " | ")
    for kind in ("recovery_time", "recovery_point"):
        resolved = commitments.kinds[kind]
        assert f"{resolved.label} | 不超过{resolved.values[None]}" in rows
    assert "以重要数据的异地实时备份为依据" in rows
    assert "重要业务数据（异地实时备份）" in rows and "实时备份到采购人指定的异地备份场地" in security
    assert "每年开展等级测评" in security and "在采购人确定的整改期限内免费完成整改，配合复测直至通过" in security
    assert "在双方商定的期限内完成整改" not in security


@pytest.mark.parametrize(("level", "grade"), [("第三级", 3), ("三级", 3), ("第四级", 4), ("3级", 3), ("第二级", 2), ("", None)])
def test_the_security_grade_is_read_from_the_tenders_words(level, grade):
    assert security_grade(level) == grade


def test_below_level_three_there_is_no_offsite_realtime_promise(project, cli):
    tender = project / "tenders" / "examples" / "software.yaml"
    tender.write_text(tender.read_text(encoding="utf-8").replace("security_level: 第三级", "security_level: 第二级"),
                      encoding="utf-8")
    code, _, err = cli("build", tender, "--force")
    assert code == 0, err
    text = text_of(project / "output" / "software" / "售后服务方案.docx")
    security = section_text(text, "网络安全")
    assert "异地实时备份" not in security and "每年开展等级测评" not in security
    assert "测评整改：采购人组织等级测评时" in security
    assert "恢复点目标（RPO） | 不超过" in security.replace("\n", " | ")
    assert "堡垒机" not in text and "通过采购人认可的远程协助工具或安全接入通道登录系统" in text


@pytest.fixture(scope="module")
def liabilities(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("liability")
    return {tender.stem: section_text(text_of(build(tender, BuildOptions(output_root=out)).docx_path), "违约责任")
            for tender in EXAMPLES}


def test_the_penalty_section_sets_no_cap_and_no_exemption_of_its_own(liabilities):
    assert len(liabilities) >= 20
    for name, text in liabilities.items():
        assert "不计违约" not in text and "经双方确认" not in text, name
        assert not re.search(r"累计不超过合同总价|以合同总价的\d+%为限", text), name  # no tender here sets a cap
        assert "不影响采购人依据采购合同和法律追究其他责任的权利" in text, name
        if "违约金的支付" in text:  # the bidder states its own rates
            assert "违约金的支付不免除我公司继续履行承诺的义务" in text, name
            assert "按采购合同关于不可抗力和双方责任的约定处理" in text, name


def test_a_cap_the_tender_sets_is_stated_as_the_tenders(project, cli):
    tender = project / "tenders" / "examples" / "software.yaml"
    tender.write_text(tender.read_text(encoding="utf-8").replace("security_level: 第三级",
                                                                 "security_level: 第三级\npenalty_cap_percent: 10"),
                      encoding="utf-8")
    code, _, err = cli("build", tender, "--force")
    assert code == 0, err
    text = section_text(text_of(project / "output" / "software" / "售后服务方案.docx"), "违约责任")
    assert "按招标文件的规定，违约金累计以合同总价的10%为限，达到该数额的，采购人有权解除合同" in text


def test_second_read_recovery_emergencies_and_availability_agree(software):
    """Second read (6.5/10): recovery from backup stays free whatever caused the loss, the emergency plan answers
    in level 1's time and lets the resident engineer act first, and availability is counted over a year so that
    one outage recovered within the RTO does not breach it."""
    software = software[2]
    assert "从备份恢复系统和数据的工作仍由我公司免费承担" in software
    assert "接到报告后按一级问题的时限15分钟内响应" in software
    assert "驻场工程师当即投入处置，必要时增派技术人员赶赴现场" in software
    assert "必要时派技术人员驻场值守" not in software
    assert "按自然年统计（一次按恢复时间目标恢复的中断不致超出）" in software


def test_level_three_remote_work_goes_through_the_bastion_host(software):
    """Second read: a level-3 system is reached only through the purchaser's audited bastion host with personal,
    two-factor accounts (below level 3 the plainer wording stays: the test above)."""
    text = software[2]
    assert "只经采购人的运维审计系统（堡垒机）以个人账号和双因素认证接入" in text
    assert "配合采购人开展商用密码应用安全性评估" in text
    assert "通过采购人认可的远程协助工具" not in text


def test_the_service_ends_with_a_handover_not_a_lock_in(software):
    """An evaluator asked what the purchaser gets back when the service ends or the supplier changes."""
    _, _, text = software
    handover = text[text.index("服务期满的移交"):]
    for words in ("全部业务数据和附件以通用格式导出", "可编译的源代码", "我公司人员的运维账号同时注销",
                  "向接替单位讲解系统架构和运维要点", "出具书面的清除说明"):
        assert words in handover
    assert "可将数据库恢复到误操作或逻辑错误发生之前的任一时间点" in text  # a later-found mistake is recoverable
