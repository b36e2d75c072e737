"""The tender form: generated from the Tender model, problems next to their inputs in Chinese,
saved back as a tender file that keeps comments and never overwrites without confirmation."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.load.yamlio import load_model, read_yaml
from generator.models.tender import Tender
from generator.web import tender_form, tender_store


def _state(project: Path, rel: str) -> tender_form.FormState:
    raw, problems = read_yaml(project / "tenders" / rel)
    assert not problems
    return tender_form.state_from_raw(raw)


def test_every_tender_field_is_in_the_form_or_kept_as_it_is() -> None:
    """A field added to the Tender model must get a label here (or be declared preserved)."""
    names = {spec.name for spec in tender_form.simple_fields()}
    for name, info in Tender.model_fields.items():
        annotation = info.annotation
        if isinstance(annotation, type) and hasattr(annotation, "model_fields") and name != "overrides":
            for sub in annotation.model_fields:
                assert f"{name}.{sub}" in names
        elif typing.get_origin(annotation) is list:
            assert name in ("requirements", "items") or name in tender_form.PRESERVED  # row tables
        else:
            assert name in names or name == "overrides" or name in tender_form.PRESERVED
        assert name in tender_form.LABELS or name in tender_form.PRESERVED or name == "purchaser"
    required = {s.name for s in tender_form.simple_fields() if s.required}
    assert {"id", "project_name", "purchaser.name", "bidder", "date"} <= required
    assert "lot" not in required
    assert next(s for s in tender_form.simple_fields() if s.name == "date").kind == "date"
    options = tender_form.requirement_options()
    assert ("★", "★ 实质性") in options["mark"] and ("at_most", "不超过") in options["bound"]
    assert ("warranty", "质保期") in options["kind"]  # no English code in the clerk's view (issue 18)


def test_every_tender_file_round_trips_through_the_form_unchanged(project: Path) -> None:
    tenders = tender_store.list_tenders(project)
    assert len(tenders) >= 20
    for tender in tenders:
        checked = tender_store.check(project, _state(project, tender.rel), tender.path)
        assert checked.ok, (tender.rel, checked.state.errors, checked.state.general)
        assert tender_store.dump(checked.doc) == tender.path.read_text(encoding="utf-8"), tender.rel


def test_problems_are_placed_next_to_their_inputs(project: Path) -> None:
    state = _state(project, "demo.yaml")
    state.values.update({"id": "Demo 2", "project_name": "", "date": "2026-13-40", "bidder": "nobody"})
    state.requirements[0]["value"] = "三年半吧"
    state.requirements[1]["kind"] = "no-such-kind"
    state.overrides.append({"kind": "response", "qualifier": "", "value": "马上"})
    state.values["products"] = "{{ 7*7 }}"
    errors = tender_store.check(project, state, project / "tenders" / "demo.yaml").state.errors
    assert "格式不正确" in errors["id"][0] or "编号" in errors["id"][0]
    assert errors["project_name"] == ["不能为空"]
    assert errors["date"] == ["应为日期，例如 2026-11-20"]
    assert "没有名为“nobody”的投标人资料" in errors["bidder"][0]
    assert "“三年半吧”不是可识别的时长" in errors["requirements.0.value"][0]
    assert "requirements.0" not in errors  # the same message is not repeated on the row
    assert "取值不在允许范围内" in errors["requirements.1.kind"][0]
    assert any("马上" in m for m in errors["overrides.1.value"])
    assert "模板语法" in errors["products"][0]


def test_override_rows_become_qualified_commitments(project: Path) -> None:
    state = _state(project, "demo.yaml")
    state.overrides = [{"kind": "onsite_arrival", "qualifier": "市区", "value": "1小时"},
                       {"kind": "onsite_arrival", "qualifier": "省内", "value": "4小时"},
                       {"kind": "warranty", "qualifier": "", "value": "5年"}]
    checked = tender_store.check(project, state, project / "tenders" / "demo.yaml")
    assert checked.ok
    assert dict(checked.doc["overrides"]["onsite_arrival"]) == {"市区": "1小时", "省内": "4小时"}
    assert checked.doc["overrides"]["warranty"] == "5年"
    state.overrides.append({"kind": "onsite_arrival", "qualifier": "", "value": "8小时"})
    errors = tender_store.check(project, state, None).state.errors
    assert "每行都要写限定词" in errors["overrides.3.qualifier"][0]


def test_new_tender_is_saved_as_a_valid_file(project: Path) -> None:
    state = tender_form.FormState({
        "id": "new-bid", "project_name": "某县医院设备采购项目", "project_number": "MX-2026-1", "lot": "",
        "purchaser.name": "某县人民医院", "purchaser.contact_address": "", "delivery_place": "采购人指定地点",
        "bidder": "huachen", "product_type": "it-equipment", "products": "计算机", "template": "standard",
        "date": "2026-12-01"},
        requirements=[{"text": "★质保期不少于5年", "mark": "", "kind": "warranty", "bound": "at_least", "value": "5年"},
                      {"text": "", "kind": "warranty", "bound": "at_least"}],
        overrides=[{"kind": "", "qualifier": "", "value": ""}])
    checked = tender_store.check(project, state, None)
    assert checked.ok, checked.state.errors
    path = tender_store.save(checked)
    assert path == project / "tenders" / "new-bid.yaml"
    loaded, problems = load_model(path, Tender)
    assert not problems
    assert loaded.model.requirements[0].mark == "★" and str(loaded.model.requirements[0].value) == "5年"
    assert len(loaded.model.requirements) == 1  # the blank row is not a requirement
    assert "lot" not in loaded.raw and "overrides" not in loaded.raw
    assert path.read_text(encoding="utf-8").startswith("# 招标项目文件：由 aftersales serve 网页表单生成")


def test_editing_keeps_comments_and_fields_the_form_does_not_show(project: Path) -> None:
    source = project / "tenders" / "demo.yaml"
    text = source.read_text(encoding="utf-8").replace("overrides:\n", "overrides:  # 本项目调整\n")
    text += "attachments:\n  - attachments/授权委托书.docx\n"
    source.write_text(text, encoding="utf-8")
    state = _state(project, "demo.yaml")
    state.values["project_name"] = "修改后的项目名称"
    state.values["id"] = "demo-copy"
    checked = tender_store.check(project, state, source)
    assert checked.ok, checked.state
    written = tender_store.save(checked).read_text(encoding="utf-8")
    # the schema line and the file's own comment stay first
    assert written.startswith("# yaml-language-server: $schema=../schemas/tender.schema.json\n# 示例招标项目")
    assert "overrides:  # 本项目调整" in written
    assert "attachments:\n  - attachments/授权委托书.docx" in written
    assert "project_name: 修改后的项目名称" in written
    assert source.read_text(encoding="utf-8") == text  # saved as a new file; the source is untouched


@pytest.mark.parametrize("rel", ["demo.yaml", "examples/it-equipment.yaml"])
def test_listing_and_lookup(project: Path, rel: str) -> None:
    found = tender_store.find_tender(project, rel)
    assert found is not None and found.path == project / "tenders" / rel
    assert tender_store.find_tender(project, "samples/hvac-gbk.key.yaml") is None


def test_override_rows_hold_alternatives_tiers_and_start_events(project: Path) -> None:
    """Issue 14 in the form: 3年或10万公里, tiers by repair category, and what a warranty counts from."""
    state = _state(project, "demo.yaml")
    state.overrides = [{"kind": "warranty", "qualifier": "", "value": "3年或10万公里", "starts": "监督检验合格并交付使用之日"},
                       {"kind": "resolution", "qualifier": "小修", "value": "2小时", "starts": ""},
                       {"kind": "resolution", "qualifier": "大修", "value": "24小时", "starts": ""}]
    checked = tender_store.check(project, state, project / "tenders" / "demo.yaml")
    assert checked.ok, checked.state.errors
    overrides = checked.doc["overrides"]
    assert dict(overrides["warranty"]) == {"value": "3年或10万公里", "starts": "监督检验合格并交付使用之日"}
    assert dict(overrides["resolution"]) == {"小修": "2小时", "大修": "24小时"}
    again = tender_form.state_from_raw(YAML(typ="rt").load(tender_store.dump(checked.doc)))
    assert {"kind": "warranty", "qualifier": "", "value": "3年或10万公里", "starts": "监督检验合格并交付使用之日"} in again.overrides
    state.overrides.append({"kind": "response", "qualifier": "", "value": "2小时", "starts": "验收合格之日"})
    errors = tender_store.check(project, state, None).state.errors
    assert errors["overrides.3.starts"] == ["只有质保期和服务期可以写起算事件"]


def test_a_requirement_with_its_mileage_apart_is_edited_and_saved_as_one_value(project: Path) -> None:
    """tender extract writes value 3年 and mileage 10万公里 apart; the form has one value field, and saving
    keeps both limits (as 3年或10万公里, the form the model reads as well)."""
    path = project / "tenders" / "demo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "    value: 3年\n    mark: ★", "    value: 3年\n    mileage: 10万公里\n    mark: ★", 1), encoding="utf-8")
    loaded, problems = load_model(path, Tender)
    assert loaded is not None and not problems
    before = loaded.model.requirements[0].value
    assert str(before) == "3年或10万公里（以先到者为准）"
    state = _state(project, "demo.yaml")
    assert state.requirements[0]["value"] == "3年或10万公里"
    checked = tender_store.check(project, state, path)
    assert checked.ok, checked.state.errors
    saved = project / "tenders" / "saved.yaml"
    saved.write_text(tender_store.dump(checked.doc), encoding="utf-8")
    again, problems = load_model(saved, Tender)
    assert again is not None and not problems
    assert again.model.requirements[0].value == before
