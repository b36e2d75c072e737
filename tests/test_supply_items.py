"""issue 15 (items): the tender's 采购清单 (`items`) — validated with file, line and field; stated once
as the 供货范围 table in the opening section, counted where the text counts units; absent, the
document reads as before; kept by the web form's save; a 暗标 shows 略 where a cell names the bidder."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from ruamel.yaml import YAML

from generator.load.yamlio import load_model, read_yaml
from generator.models.tender import Tender
from generator.pipeline.build import BuildOptions, build
from generator.web import tender_form, tender_store

HEADER = ["序号", "名称", "品牌型号", "数量", "单位"]


def _items(path: Path) -> list[dict[str, object]]:
    return list(YAML(typ="safe").load(path.read_text(encoding="utf-8"))["items"])


def _with_items(path: Path, block: str) -> None:
    """`block` (an `items:` list) in place of the file's own, or added when it has none."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if any(line.startswith("items:") for line in lines):
        start = next(i for i, line in enumerate(lines) if line.startswith("items:"))
        end = start + 1
        while end < len(lines) and lines[end].startswith("  "):
            end += 1
        lines[start:end] = block.rstrip("\n").splitlines()
    else:
        lines += block.rstrip("\n").splitlines()
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _document(data: bytes) -> Any:
    return Document(io.BytesIO(data))


def _text(data: bytes) -> str:
    document = _document(data)
    return "\n".join(p.text for p in document.paragraphs)


def _supply_tables(data: bytes) -> list[list[list[str]]]:
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in _document(data).tables]
    return [t for t in tables if t and [h for h in t[0] if h != "注册证编号"][:5] == HEADER]


# --- model validation -------------------------------------------------------------------------------

@pytest.mark.parametrize(("entry", "field", "words"), [
    ("{name: 纯电动轿车, model: CT7001, quantity: 0, unit: 辆}", "items.1.quantity", "应大于0"),
    ("{name: 纯电动轿车, model: CT7001, quantity: -3, unit: 辆}", "items.1.quantity", "应大于0"),
    ("{name: 纯电动轿车, model: CT7001, quantity: 十二, unit: 辆}", "items.1.quantity", "应为数字"),
    ("{name: '  ', model: CT7001, quantity: 2, unit: 辆}", "items.1.name", "不能为空"),
    ("{name: 纯电动轿车, quantity: 2, unit: ''}", "items.1.unit", "不能为空"),
    ("{name: 纯电动轿车（5座）, model: CT7009, quantity: 2, unit: 辆}", "items.1.name", "与第 1 项重复"),
])
def test_a_wrong_item_is_reported_with_file_line_and_field(project: Path, entry: str, field: str,
                                                           words: str) -> None:
    path = project / "tenders" / "examples" / "vehicles.yaml"
    _with_items(path, f"items:\n  - {{name: 纯电动轿车（5座）, model: CT7001, quantity: 8, unit: 辆}}\n  - {entry}\n")
    line = path.read_text(encoding="utf-8").splitlines().index(f"  - {entry}") + 1
    loaded, problems = load_model(path, Tender)
    assert loaded is None
    [problem] = problems
    assert problem.path == path and problem.field == field and problem.line == line
    assert words in problem.message
    assert f"vehicles.yaml:{line}" in str(problem) and f"字段 {field}" in str(problem)


def test_the_cli_names_file_line_and_field_of_a_zero_quantity(project: Path, cli: Any) -> None:
    path = project / "tenders" / "examples" / "vehicles.yaml"
    _with_items(path, "items:\n  - {name: 纯电动轿车（5座）, quantity: 0, unit: 辆}\n")
    line = path.read_text(encoding="utf-8").splitlines().index("  - {name: 纯电动轿车（5座）, quantity: 0, unit: 辆}") + 1
    code, _, err = cli("build", path, "--output", project / "out")
    assert code == 2
    assert f"vehicles.yaml:{line}" in err and "items.0.quantity" in err and "数量应大于0" in err


def test_quantities_read_as_written() -> None:
    from generator.models.tender import SupplyItem

    assert SupplyItem(name="批量耗材", quantity=12, unit="批").quantity_text == "12"
    assert SupplyItem(name="批量耗材", quantity=2.5, unit="批").quantity_text == "2.5"


# --- the document ------------------------------------------------------------------------------------

def test_the_supply_table_lists_every_item_once_in_the_opening_section(project: Path) -> None:
    path = project / "tenders" / "examples" / "vehicles.yaml"
    items = _items(path)
    data = build(path, BuildOptions(output_root=project / "out")).docx_bytes
    [table] = _supply_tables(data)
    assert table[0] == HEADER  # no 备注 column: no item has a note
    assert table[1:] == [[str(n), str(i["name"]), str(i["model"]), str(i["quantity"]), str(i["unit"])]
                         for n, i in enumerate(items, 1)]
    text = _text(data)
    heading = text.rindex("一、供货范围")  # the table of contents lists it first
    assert text.rindex("第一节 服务理念与原则") < heading < text.rindex("二、服务理念")
    assert text.count("一、供货范围") == 2 and text.count("第一节 服务理念与原则") == 2
    total = sum(int(str(i["quantity"])) for i in items)
    assert f"适用于我公司为本项目供应的下列车辆，合计{total}辆。" in text
    # the 服务档案 counts the cars and points to the table; the models are not repeated elsewhere
    assert f"所供的{total}辆车（见“服务理念与原则”一节的供货范围表）逐辆建立服务档案" in text
    assert "供货范围表所列各车型分别按各自的保养手册" in text
    for item in items:
        assert text.count(str(item["model"])) == 0  # only in the table (table cells are not paragraphs)


def test_items_in_other_units_keep_the_per_unit_wording_and_a_note_column(project: Path) -> None:
    path = project / "tenders" / "examples" / "it-equipment.yaml"
    items = _items(path)
    assert len({i["unit"] for i in items}) > 1 and any(i.get("note") for i in items)
    data = build(path, BuildOptions(output_root=project / "out")).docx_bytes
    [table] = _supply_tables(data)
    assert table[0] == [*HEADER, "备注"]
    assert [row[5] for row in table[1:]] == [str(i.get("note") or "—") for i in items]
    text = _text(data)
    assert "我公司为本项目所供的每台设备建立服务档案" in text and "逐台建立服务档案" not in text


def test_elevators_keep_a_technical_file_per_listed_lift(project: Path) -> None:
    data = build(project / "tenders" / "examples" / "elevators.yaml", BuildOptions(output_root=project / "out")).docx_bytes
    text = _text(data)
    assert "我公司为供货范围表所列的各台电梯逐台建立技术档案" in text
    assert len(_supply_tables(data)) == 1


def test_variants_are_chosen_by_the_listed_goods_too(project: Path) -> None:
    """`products` says only 公务用车; the list names a petrol car beside the electric ones, so the proposal
    carries the fuel wording as well (what a mixed purchase of the two drivetrains reads)."""
    path = project / "tenders" / "examples" / "vehicles.yaml"
    text = path.read_text(encoding="utf-8").replace("products: 纯电动新能源汽车", "products: 公务用车")
    path.write_text(text, encoding="utf-8")
    loaded, problems = load_model(path, Tender)
    assert loaded is not None and not problems
    assert loaded.model.purchased.startswith("公务用车、纯电动轿车")
    electric_only = _text(build(path, BuildOptions(output_root=project / "out", force=True)).docx_bytes)
    _with_items(path, "items:\n  - {name: 纯电动轿车（5座）, model: 澄途 CT7001BEV, quantity: 8, unit: 辆}\n"
                      "  - {name: 汽油越野车, model: 澄途 CT5003, quantity: 2, unit: 辆}\n")
    mixed = _text(build(path, BuildOptions(output_root=project / "out", force=True)).docx_bytes)
    assert "燃油系统作业前释放油压" not in electric_only  # the fuel variant's staff rule
    assert "燃油系统作业前释放油压" in mixed


def test_without_items_the_document_has_no_supply_table(project: Path) -> None:
    path = project / "tenders" / "examples" / "vehicles.yaml"
    _with_items(path, "items: []\n")
    data = build(path, BuildOptions(output_root=project / "out")).docx_bytes
    text = _text(data)
    assert not _supply_tables(data) and "供货范围" not in text
    assert "我公司为本项目所供的每辆车建立服务档案" in text
    assert "首次保养：车辆达到生产企业规定的首保时间或里程时" in text


# --- web form ----------------------------------------------------------------------------------------

def _saved(project: Path, state: tender_form.FormState, source: Path) -> Tender:
    checked = tender_store.check(project, state, source)
    assert checked.ok, (checked.state.errors, checked.state.general)
    loaded, problems = load_model(tender_store.save(checked), Tender)
    assert loaded is not None, problems
    return loaded.model


def test_the_web_form_keeps_the_items_on_save(project: Path) -> None:
    source = project / "tenders" / "examples" / "vehicles.yaml"
    items = _items(source)
    raw, problems = read_yaml(source)
    assert not problems
    state = tender_form.state_from_raw(raw)
    assert [row["name"] for row in state.items] == [i["name"] for i in items]
    state.values["id"] = "vehicles-copy"
    state.values["project_name"] = "修改后的公务用车项目"
    saved = _saved(project, state.with_blank_rows(), source)  # the page's empty last row is no item
    assert [i.model_dump(exclude_defaults=True) for i in saved.items] == items
    assert saved.project_name == "修改后的公务用车项目"
    text = (project / "tenders" / "vehicles-copy.yaml").read_text(encoding="utf-8")
    assert "# 采购清单（投标响应）" in text  # the list's own comment stays


def test_the_web_form_edits_the_items(project: Path) -> None:
    source = project / "tenders" / "examples" / "vehicles.yaml"
    raw, _ = read_yaml(source)
    form = {f"{spec.name}": value for spec in tender_form.simple_fields()
            if (value := tender_form.state_from_raw(raw).values.get(spec.name))}
    form |= {"id": "vehicles-edited",
             "items.0.name": "纯电动轿车（5座）", "items.0.model": "澄途 CT7001BEV", "items.0.quantity": "10",
             "items.0.unit": "辆", "items.1.name": "", "items.1.quantity": "", "items.1.unit": "",  # left empty
             "items.2.name": "随车充电设备", "items.2.quantity": "2.5", "items.2.unit": "套", "items.2.note": "含线缆"}
    saved = _saved(project, tender_form.state_from_form(form), source)
    assert [(i.name, i.model, i.quantity_text, i.unit, i.note) for i in saved.items] == [
        ("纯电动轿车（5座）", "澄途 CT7001BEV", "10", "辆", ""), ("随车充电设备", "", "2.5", "套", "含线缆")]
    form = {k: v for k, v in form.items() if not k.startswith("items.")}
    assert _saved(project, tender_form.state_from_form(form), source).items == []  # every row removed


@pytest.mark.parametrize(("rows", "name", "words"), [
    ({"items.0.name": "轿车", "items.0.quantity": "2", "items.0.unit": "辆",
      "items.1.name": "轿车", "items.1.quantity": "3", "items.1.unit": "辆"}, "items.1.name", "与第 1 项重复"),
    ({"items.0.name": "轿车", "items.0.quantity": "0", "items.0.unit": "辆"}, "items.0.quantity", "数量应大于0"),
    ({"items.0.name": "轿车", "items.0.quantity": "两辆", "items.0.unit": "辆"}, "items.0.quantity", "应为数字"),
    ({"items.0.model": "CT7001", "items.0.quantity": "2", "items.0.unit": "辆"}, "items.0.name", "不能为空"),
])
def test_the_web_form_shows_an_item_problem_next_to_its_input(project: Path, rows: dict[str, str], name: str,
                                                              words: str) -> None:
    source = project / "tenders" / "examples" / "vehicles.yaml"
    raw, _ = read_yaml(source)
    values = tender_form.state_from_raw(raw).values
    form = {k: v for k, v in values.items() if v} | rows
    checked = tender_store.check(project, tender_form.state_from_form(form), source)
    assert not checked.ok
    assert any(words in m for m in checked.state.errors.get(name, [])), checked.state.errors


# --- 暗标 --------------------------------------------------------------------------------------------

def test_anonymous_build_keeps_models_but_hides_the_bidders_own_brand(project: Path) -> None:
    path = project / "tenders" / "examples" / "vehicles.yaml"
    _with_items(path, "items:\n"
                      "  - {name: 纯电动轿车（5座）, model: 澄途 CT7001BEV, quantity: 8, unit: 辆}\n"
                      "  - {name: 车载充电设备, model: 湘联物资 CD-7, quantity: 8, unit: 套, note: 湘联物资自有品牌}\n")
    named = build(path, BuildOptions(output_root=project / "named")).docx_bytes
    [table] = _supply_tables(named)
    assert table[2][2] == "湘联物资 CD-7" and table[2][5] == "湘联物资自有品牌"

    anonymous = build(path, BuildOptions(output_root=project / "anon", anonymous=True)).docx_bytes
    [table] = _supply_tables(anonymous)
    assert table[1][1:5] == ["纯电动轿车（5座）", "澄途 CT7001BEV", "8", "辆"]  # what is offered stays
    assert table[2][1:] == ["车载充电设备", "略", "8", "套", "略"]
    body = _text(anonymous) + "".join(c for row in table for c in row)
    assert "湘联" not in body
    # mixed units: no total is counted, the text keeps 每辆车
    assert "我公司为本项目所供的每辆车建立服务档案" in _text(anonymous)


def test_registration_numbers_get_their_own_column_and_survive_the_web_form(project: Path) -> None:
    """A medical purchase lists each device's 注册证编号 (evaluators check them against the maker's
    registration); a list without any keeps the five columns."""
    source = project / "tenders" / "examples" / "medical-equipment.yaml"
    items = _items(source)
    assert all(i.get("registration") for i in items)
    [table] = _supply_tables(build(source, BuildOptions(output_root=project / "out", force=True)).docx_bytes)
    assert table[0] == ["序号", "名称", "品牌型号", "注册证编号", "数量", "单位"]
    assert [row[3] for row in table[1:]] == [i["registration"] for i in items]
    raw, _ = read_yaml(source)
    state = tender_form.state_from_raw(raw)
    state.values["id"] = "medical-copy"
    saved = _saved(project, state.with_blank_rows(), source)
    assert [i.registration for i in saved.items] == [i["registration"] for i in items]
    vehicles = project / "tenders" / "examples" / "vehicles.yaml"
    [plain] = _supply_tables(build(vehicles, BuildOptions(output_root=project / "out", force=True)).docx_bytes)
    assert "注册证编号" not in plain[0]
