from pathlib import Path

from generator.load.yamlio import load_model
from generator.models.parties import Bidder
from generator.models.tender import Tender


def write(tmp_path: Path, text: str, name: str = "x.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_syntax_error_names_line_and_column(tmp_path):
    path = write(tmp_path, "id: demo\nproject_name: [unclosed\nfoo: 1\n")
    loaded, problems = load_model(path, Tender)
    assert loaded is None
    assert len(problems) == 1
    assert problems[0].line is not None and problems[0].line >= 2
    assert "YAML 语法错误" in problems[0].message


def test_every_validation_problem_is_reported_with_its_line(tmp_path, root):
    text = (root / "tenders" / "demo.yaml").read_text(encoding="utf-8")
    text = text.replace("bidder: huachen", "bidder: huachen\nbiddr: typo")
    text = text.replace("value: 3年", "value: 三年半")
    path = write(tmp_path, text)
    _, problems = load_model(path, Tender)
    by_field = {p.field: p for p in problems}
    assert "biddr" in by_field and "拼写" in by_field["biddr"].message
    assert by_field["biddr"].line == text.splitlines().index("biddr: typo") + 1
    assert any("三年半" in p.message for p in problems)


def test_credit_code_check_digit(tmp_path, root):
    text = (root / "profiles" / "bidders" / "huachen.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, text.replace("91110108MA01N3K2TB", "91110108MA01N3K2TA"))
    _, problems = load_model(path, Bidder)
    assert [p.field for p in problems] == ["credit_code"]
    assert "校验位" in problems[0].message and "B" in problems[0].message


def test_non_utf8_and_empty_files(tmp_path):
    bad = tmp_path / "gbk.yaml"
    bad.write_bytes("id: 测试".encode("gbk"))
    _, problems = load_model(bad, Tender)
    assert "UTF-8" in problems[0].message
    _, problems = load_model(write(tmp_path, "  \n", "empty.yaml"), Tender)
    assert problems[0].message == "文件为空"


def test_top_level_list_is_refused(tmp_path):
    _, problems = load_model(write(tmp_path, "- a\n- b\n"), Tender)
    assert "键值对" in problems[0].message


def test_referenced_ids_cannot_be_paths(tmp_path, root):
    text = (root / "tenders" / "demo.yaml").read_text(encoding="utf-8")
    path = write(tmp_path, text.replace("bidder: huachen", "bidder: ../../etc/passwd"))
    _, problems = load_model(path, Tender)
    assert [p.field for p in problems] == ["bidder"]
    assert "不能是路径" in problems[0].message


def test_scanned_key_lines_agree_with_the_parser(root):
    from generator.load.yamlio import locate, read_yaml, scan_key_line

    for path in [*(root / "profiles").rglob("*.yaml"), *(root / "tenders").glob("*.yaml")]:
        text = path.read_text(encoding="utf-8")
        raw, _ = read_yaml(path)
        for key, value in raw.items():
            paths = [(key,)] + [(key, sub) for sub in value] if isinstance(value, dict) else [(key,)]
            for keys in paths:
                scanned = scan_key_line(text, keys)
                if scanned is not None:
                    assert scanned == locate(raw, keys)[0], (path, keys)
    assert scan_key_line("a:\n  b: 1\nc:\n  b: 2\n", ("c", "b")) == 4
    assert scan_key_line("a:\n  - b: 1\n", ("a", "b")) is None
    assert scan_key_line("a: {b: 1}\n", ("a", "b")) is None


def test_an_edited_tree_keeps_the_quotes_its_values_were_written_with(tmp_path):
    from generator.load.yamlio import dump_round_trip, read_yaml

    text = 'name: 示例\nitems:\n  - "带引号的一项"\n  - 不带引号的一项\nnote: "说明"\n'
    path = tmp_path / "profile.yaml"
    path.write_text(text, encoding="utf-8")
    tree, problems = read_yaml(path)
    assert not problems
    tree["name"] = "已改"
    assert dump_round_trip(tree) == text.replace("示例", "已改")
