"""issue 20 (medical): a medical-equipment bid reads as an evaluator of a hospital's purchase expects.

The example (a county hospital's ICU buying monitors, ventilators, infusion and syringe pumps) and the
same tender for other purchases of the type (monitors only, syringe pumps only, CT and MRI) are built and
read back. Each test names the evaluator's point it covers:
- M1 the scheduled visit is 预防性维护 throughout, each visit covers every unit and is recorded per unit;
- M2 the backup is credible for life support: lent sooner than the most urgent fault's limit, and a
  ventilator purchase keeps a backup ventilator in the hospital;
- M3 the spares follow the device families bought;
- M4 one statement of which maintenance parts are free within the warranty and which items are not;
- M5 a bedside purchase reads no operating-room or imaging wording, an imaging purchase keeps it;
- M6 adverse events and recalls are handled within our own stated limits;
- M7 training reaches every shift, practises per device family and goes on after acceptance.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from project_copy import copy_project
from proposal_text import as_lines, section_text

from generator.check.extract import extract
from generator.core.quantities import Duration, compare
from generator.load.project import load_inputs
from generator.pipeline.build import BuildOptions, build, resolve
from generator.text.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tenders" / "examples" / "medical-equipment.yaml"


class Built:
    def __init__(self, tender: Path) -> None:
        docx = build(tender, BuildOptions(output_root=tender.parent.parent / "output")).docx_path
        self.document = read_document(docx)
        self.text = as_lines(self.document.blocks)
        inputs = load_inputs(tender)
        self.commitments = resolve(inputs)

    def section(self, title: str) -> str:
        """The text of the section whose heading contains `title`, up to the next 第X节 (after the contents)."""
        return section_text(self.text, title)

    def rows(self, first_cell: str) -> list[str]:
        """The lines of table rows that start with `first_cell` (cells joined by “ | ”)."""
        return [line for line in self.text.splitlines() if line.startswith(first_cell)]


@pytest.fixture(scope="module")
def medical_project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("medical") / "project")


def purchase(project: Path, products: str, name: str) -> Built:
    """The example tender for other products of the type, without its 采购清单 (which names the ICU's units)."""
    source = re.sub(r"^items:.*\n(?:  .*\n)*", "", EXAMPLE.read_text(encoding="utf-8"), flags=re.M)
    source = re.sub(r"^products: .*$", f"products: {products}", source, flags=re.M)
    source = source.replace("id: medical-equipment", f"id: medical-{name}")
    tender = project / "tenders" / f"medical-{name}.yaml"
    tender.write_text(source, encoding="utf-8")
    return Built(tender)


@pytest.fixture(scope="module")
def icu(medical_project) -> Built:
    return Built(medical_project / "tenders" / "examples" / "medical-equipment.yaml")


@pytest.fixture(scope="module")
def monitors(medical_project) -> Built:
    return purchase(medical_project, "多参数监护仪", "monitors")


@pytest.fixture(scope="module")
def syringe_pumps(medical_project) -> Built:
    return purchase(medical_project, "注射泵", "syringe")


@pytest.fixture(scope="module")
def imaging(medical_project) -> Built:
    return purchase(medical_project, "64排螺旋CT及磁共振成像系统", "imaging")


# M1 -------------------------------------------------------------------------------------------

def test_the_scheduled_visit_is_preventive_maintenance_in_every_section(icu):
    assert "巡检" not in icu.text
    summary = [row for row in icu.rows("12 | ") if "每季度一次" in row]
    assert summary and summary[0].split(" | ")[1] == "预防性维护频次", summary
    deviation = [row for row in icu.text.splitlines() if row.startswith("5 | 保修期内每季度至少进行一次预防性维护")]
    assert deviation and "预防性维护频次：每季度一次" in deviation[0] and "无偏离" in deviation[0]
    assert "上门预防性维护，频次为每季度一次" in icu.section("承诺书")


def test_each_preventive_maintenance_covers_every_unit_with_a_record_per_unit(icu):
    visit = icu.section("预防性维护")
    assert "预防性维护频次为每季度一次" in visit
    assert "覆盖所供的全部设备" in visit and "每台设备单独填写一份维护记录" in visit
    assert "由医学工程科签字确认" in visit


def test_the_checker_reads_the_preventive_maintenance_commitment(icu):
    found = [m for m in extract(icu.document) if m.kind == "inspection"]
    assert found and {str(m.value.quantity) for m in found} == {"每季度一次"}
    assert any(m.block.section.startswith("第十三节") for m in found)


# M2 -------------------------------------------------------------------------------------------

def test_backup_equipment_comes_before_the_most_urgent_faults_limit(icu):
    backup = icu.commitments.kinds["backup_equipment"].describe()
    for level in icu.commitments.fault_levels.values():
        assert compare(Duration.parse(backup), level.resolution) == -1, (backup, level)
    assert f"自接到报修起{backup}内免费提供" in icu.section("备品备件")


def test_a_ventilator_purchase_keeps_a_backup_ventilator_in_the_hospital(icu, monitors):
    assert "院内存放一台备用呼吸机" in icu.section("临床保障")
    assert "立即换用院内备用呼吸机" in icu.section("临床保障")
    assert "备用呼吸机" not in monitors.text


# M3 -------------------------------------------------------------------------------------------

def spares(built: Built) -> list[str]:
    stock = built.section("备品备件").split("备件储备", 1)[1]
    return [line.split(" | ")[1] for line in stock.splitlines() if re.match(r"\d+ \| ", line)]


def test_spares_cover_each_device_family_bought(icu):
    stock = spares(icu)
    for part in ("血氧探头", "呼吸机流量传感器", "输液泵泵门组件", "输液泵气泡传感器", "滴数传感器", "注射泵推头组件"):
        assert any(part in name for name in stock), part
    assert not any("同型号" in name for name in stock)  # one board “of the same model” for four models


def test_spares_name_only_the_families_a_purchase_has(monitors, syringe_pumps):
    assert spares(monitors) and not [n for n in spares(monitors) if re.search("呼吸|呼气|泵", n)]
    syringe = spares(syringe_pumps)
    assert any("注射泵" in n for n in syringe) and not [n for n in syringe if re.search("输液泵|呼吸|呼气|血氧|袖带", n)]
    for title in ("临床保障", "预防性维护", "备品备件", "保修期与保修范围"):  # the maker's authorisation names its range
        assert "输液泵" not in syringe_pumps.section(title) and "呼吸机" not in syringe_pumps.section(title), title


# M4 -------------------------------------------------------------------------------------------

def test_wear_parts_free_within_the_warranty_are_stated_once_and_agree(icu):
    warranty = icu.section("保修期与保修范围")
    free, excluded = warranty.split("除外责任", 1)
    assert "到期更换的保养件" in free and "呼气端细菌过滤器" in free and "在预防性维护时免费更换" in free
    assert "过滤器" not in excluded and "一次性使用的耗材" in excluded
    # the visit renews the same parts, and only the charges after the warranty include them
    assert "更换到期的氧电池（氧传感器）、呼气端细菌过滤器和呼气阀膜片等保养件" in icu.section("预防性维护")
    assert "含按维护手册到期更换的保养件" in icu.section("保修期外")


# M5 -------------------------------------------------------------------------------------------

OR_AND_IMAGING = ("手术室", "安排患者改期", "就要改期", "大型设备", "工作站软件", "义诊")


def test_a_bedside_purchase_reads_no_operating_room_or_imaging_wording(icu, monitors):
    for built in (icu, monitors):
        assert [w for w in OR_AND_IMAGING if w in built.text] == []


def test_an_imaging_purchase_keeps_its_own_wording(imaging):
    for words in ("大型设备按生产企业的要求完成试运行", "影像工作站软件", "大型义诊"):
        assert words in imaging.text, words
    assert "备用呼吸机" not in imaging.text and "输液泵" not in imaging.section("临床保障")


# M6 -------------------------------------------------------------------------------------------

def test_adverse_events_and_recalls_have_our_own_time_limits(icu):
    service = icu.section("临床保障")
    events = service.split("不良事件与召回配合", 1)[1]
    assert re.search(r"获知可疑不良事件 \| [^\n]*告知生产企业[^\n]* \| 获知后立即办理，不晚于获知当日", events)
    assert re.search(r"收到召回、安全警示或软件更新通知 \| 书面告知医学工程科[^\n]* \| 收到通知的当日", events)


# M7 -------------------------------------------------------------------------------------------

def test_training_reaches_every_shift_and_goes_on(icu):
    training = icu.section("培训计划")
    assert "分批开设" in training and "各班次" in training
    assert "床旁实操按所供设备的类别分组" in training
    assert "每年为使用科室和医学工程科免费复训" in training and "新入职或轮转" in training
    days = icu.commitments.kinds["training"].describe()
    assert f"集中培训{days}，共16课时" in training  # the committed days and the courses' hours stay


def test_a_mixed_purchase_lists_its_families_and_imaging_together(medical_project):
    mixed = purchase(medical_project, "呼吸机、监护仪及移动DR", "mixed")
    assert "五、监护仪、呼吸机和影像设备常见故障" in mixed.text
    assert "院内存放一台备用呼吸机" in mixed.text and "输液泵" not in mixed.section("临床保障")


def test_icu_uptime_and_metrology_are_stated_as_an_icu_needs(icu):
    """Evaluator: 95% uptime is low for life support; metrology said nothing of who pays."""
    assert "年开机率不低于98%" in icu.text and "年开机率 | 98%" in icu.text
    assert "按规定周期进行的检定和校准，费用由我公司承担" in icu.section("计量")


def test_second_read_resident_engineer_standards_and_bedside_words(icu):
    """Second evaluator read: the resident engineer takes every report first and is counted with the team;
    the uptime remedy does not extend the warranty a second time; periodic and post-repair electrical tests
    follow YY/T 0841; no imaging or IT words (地面承重, 硬盘) for bedside devices."""
    assert "驻场技术人员是本项目报修的第一处置人" in icu.section("故障处理")
    # the resident is one of the listed team, named, with the hours on site (software read: not left unnamed)
    assert "其中，医学工程师蒋文博常驻采购人现场（驻场），在岗时间为工作日8:00至17:30" in icu.section("人员")
    assert "按实际停机时间顺延" not in icu.text and "不重复计算" in icu.text
    assert "（YY/T 0841）" in icu.text and "GB 9706.1—2020）和相应专用标准" in icu.text
    for word in ("地面承重", "硬盘"):
        assert word not in icu.text, word


def test_the_service_file_keeps_the_udi_and_the_letter_promises_renewed_registrations(icu):
    assert "产品唯一标识（UDI）" in icu.section("故障处理")
    assert "延续注册后的注册证复印件" in icu.section("承诺书")
