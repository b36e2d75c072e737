"""aftersales check: exit codes, output formats, options, and a light import path."""

import json
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

CLEAN = "# 一、响应\n\n接到报修后30分钟内响应，市区2小时内到达现场。\n\n# 二、质保\n\n质保期为3年。\n"
DEFECTIVE = "# 一、响应\n\n接到报修后XX分钟内响应。\n\n4小时内到达现场。\n\n# 二、承诺\n\n3小时内上门服务。\n"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    clean, defective = tmp_path / "clean.md", tmp_path / "defective.md"
    clean.write_text(CLEAN, encoding="utf-8")
    defective.write_text(DEFECTIVE, encoding="utf-8")
    return {"clean": clean, "defective": defective}


def test_exit_codes(cli, files, tmp_path):
    assert cli("check", files["clean"])[0] == 0
    code, out, _ = cli("check", files["defective"])
    assert code == 1 and "placeholder" in out and "conflicting-commitment" in out and "“XX”" in out
    code, _, err = cli("check", tmp_path / "missing.docx")
    assert code == 2 and "文件不存在" in err
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    code, _, err = cli("check", tmp_path / "bad.docx")
    assert code == 2 and "不是有效的 .docx" in err and "Traceback" not in err
    code, _, err = cli("check", files["clean"], "--product-type", "spaceships")
    assert code == 2 and "未知的产品类型" in err and "it-equipment" in err
    assert cli("check", files["clean"], "--format", "pdf")[0] == 2


def test_directory_is_expanded(cli, files):
    code, out, _ = cli("check", files["clean"].parent)
    assert code == 1 and "共检查 2 个文件" in out


def test_json_has_exactly_the_design_shape(cli, files):
    code, out, _ = cli("check", files["defective"], "--format", "json")
    data = json.loads(out)
    assert code == 1 and list(data) == ["documents"]
    (document,) = data["documents"]
    assert list(document) == ["path", "findings", "commitments"]
    for finding in document["findings"]:
        assert set(finding) <= {"rule", "severity", "message", "kind", "locations"}
        assert {"rule", "severity", "message", "locations"} <= set(finding)
        for location in finding["locations"]:
            assert list(location) == ["section", "block", "text"]
    conflict = next(f for f in document["findings"] if f["rule"] == "conflicting-commitment")
    assert conflict["kind"] == "onsite_arrival" and len(conflict["locations"]) == 2
    assert conflict["locations"][0]["section"] == "一、响应"
    blank, commitment = document["commitments"][:2]
    # a commitment whose number is a placeholder has no value: reported, never compared
    assert blank == {"kind": "response", "value": None, "unit": None,
                     "location": {"section": "一、响应", "block": 2, "text": "接到报修后XX分钟内响应。"}}
    assert commitment == {"kind": "onsite_arrival", "value": "4小时", "unit": "小时", "hours": 4.0,
                          "location": {"section": "一、响应", "block": 3, "text": "4小时内到达现场。"}}
    assert "4小时内到达现场" in files["defective"].read_text(encoding="utf-8")


def test_junit_and_sarif(cli, files):
    code, out, _ = cli("check", files["defective"], files["clean"], "--format", "junit")
    suites = ET.fromstring(out)
    assert code == 1 and suites.get("failures") == "2" and len(suites.findall("testsuite")) == 2
    failure = suites.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "placeholder"
    code, out, _ = cli("check", files["defective"], "--format", "sarif")
    sarif = json.loads(out)
    assert sarif["version"] == "2.1.0"
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"placeholder", "conflicting-commitment"}
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3


def test_tender_and_bidder_profile(cli, root, tmp_path):
    doc = tmp_path / "方案.md"
    doc.write_text("# 一、承诺\n\n北京华辰智联科技有限公司（以下简称“我公司”）接到报修后2小时内响应，质保期为3年。\n",
                   encoding="utf-8")
    code, out, _ = cli("check", doc, "--tender", root / "tenders" / "demo.yaml", "--format", "json")
    findings = json.loads(out)["documents"][0]["findings"]
    assert code == 1
    assert {(f["rule"], f.get("kind")) for f in findings} >= {
        ("tender-requirement", "response"), ("profile-mismatch", "response"), ("missing-section", None)}
    code, out, _ = cli("check", doc, "--bidder-profile", root / "profiles" / "bidders" / "huachen.yaml",
                       "--format", "json")
    assert {f["rule"] for f in json.loads(out)["documents"][0]["findings"]} == {"profile-mismatch"}


def test_bad_tender_file_is_a_usage_error(cli, tmp_path, files):
    bad = tmp_path / "tender.yaml"
    bad.write_text("id: x\nproject_name: [\n", encoding="utf-8")
    code, _, err = cli("check", files["clean"], "--tender", bad)
    assert code == 2 and "tender.yaml" in err and "Traceback" not in err


def test_help_lists_rules_and_exit_codes(cli):
    code, out, _ = cli("check", "--help")
    assert code == 0 and "退出码" in out and "conflicting-commitment" in out and "--bidder-profile" in out


def test_checking_a_text_file_imports_nothing_heavy(files):
    # Neither pydantic (typer is kept below 0.29, which validates parameters with it) nor the input
    # models, python-docx, lxml, jinja2 or ruamel.yaml for a text file.
    script = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from generator.cli import app\n"
        f"result = CliRunner().invoke(app, ['check', {str(files['clean'])!r}])\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'docx', 'jinja2', 'ruamel', 'lxml', 'pydantic'})\n"
        "heavy += sorted(m for m in sys.modules if m.startswith(('generator.models', 'generator.load.yamlio')))\n"
        "print(result.exit_code, heavy)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0 []"


def test_json_hours_read_back_exactly():
    """A reader converts `hours` back to the unit stated: 20分钟 and 10分钟 must not drift (0.3333 h ≠ 20 min)."""
    from generator.check import check_bytes
    from generator.report.json_report import mention_dict

    result = check_bytes("接到报修后20分钟内响应，10分钟内电话回复。".encode(), "t.txt")
    minutes = sorted(mention_dict(m)["hours"] * 60 for m in result.mentions if m.value.hours is not None)
    assert len(minutes) == 2 and all(abs(m - round(m)) < 1e-6 for m in minutes), minutes
