"""Generated JSON Schemas of the YAML inputs, and the first line that points editors at them."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from generator.core.layout import Layout
from generator.load.yamlio import load_model
from generator.models.clause import Clause
from generator.models.schemas import INPUTS, MODELINE, schema_path, stale, with_modeline

ROOT = Path(__file__).resolve().parent.parent


def test_schemas_and_first_lines_are_up_to_date():
    out_of_date = [path.relative_to(ROOT).as_posix() for path, _ in stale(Layout(ROOT))]
    assert out_of_date == [], "run .venv/bin/python scripts/schemas.py"


def test_every_yaml_input_names_its_schema_and_the_schema_exists():
    layout = Layout(ROOT)
    for spec in INPUTS:
        files = spec.files(layout)
        assert files, spec.name
        for path in files:
            first = path.read_text(encoding="utf-8").split("\n", 1)[0]
            target = (path.parent / first.removeprefix(MODELINE)).resolve()
            assert first.startswith(MODELINE) and target == schema_path(layout, spec).resolve(), path


def test_a_schema_knows_the_commitment_kinds_and_forbids_unknown_keys():
    schema = json.loads(schema_path(Layout(ROOT), INPUTS[0]).read_text(encoding="utf-8"))
    commitments = schema["$defs"]["CommitmentsInput"]
    assert "records_retention" in commitments["properties"]
    assert commitments["additionalProperties"] is False
    assert schema["title"] == "投标人资料"


def test_the_first_line_is_replaced_never_doubled():
    line = MODELINE + "../schemas/tender.schema.json"
    once = with_modeline("# 说明\nid: demo\n", line)
    assert once == line + "\n# 说明\nid: demo\n"
    assert with_modeline(once, line) == once
    assert with_modeline(MODELINE + "old.json\nid: demo\n", line) == line + "\nid: demo\n"


def test_approving_a_clause_keeps_the_first_line(tmp_path):
    from generator.library.approve import approve_file

    source = next((ROOT / "clauses").rglob("*.yaml"))
    path = tmp_path / source.name
    shutil.copy(source, path)
    loaded, problems = load_model(path, Clause)
    assert loaded is not None, problems
    before = loaded.model.body_sha256
    approve_file(loaded, "法务部 张审定", today=dt.date(2026, 12, 2))
    text = path.read_text(encoding="utf-8")
    assert text.split("\n", 1)[0] == source.read_text(encoding="utf-8").split("\n", 1)[0]
    reloaded, problems = load_model(path, Clause)
    assert reloaded is not None and reloaded.model.approval is not None, problems
    assert reloaded.model.approval.sha256 == before == reloaded.model.body_sha256
