"""manifest.json is written by pipeline/manifest.dumps without json's pure-Python indenting encoder:
the bytes must be those of `json.dumps(manifest, ensure_ascii=False, indent=2)` and a newline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.pipeline.build import BuildOptions, build
from generator.pipeline.manifest import dumps

ROOT = Path(__file__).resolve().parent.parent


def _reference(value: object) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@pytest.mark.parametrize("value", [
    {},
    [],
    {"a": [], "b": {}, "c": [{}], "d": [[]]},
    {"text": "引号\"、反斜杠\\、换行\n、制表\t、控制\x01、\u2028、é、中文"},
    [1, -7, 2.5, 1e100, -0.0, float("nan"), float("inf"), -float("inf"), None, True, False, (1, "x")],
    {"nested": {"deeper": {"list": [1, {"k": "v", "n": None}, ["a", ["b"]]]}}, "after": 0},
    "just a string",
    3,
])
def test_dumps_is_json_dumps_indent_2(value: object) -> None:
    assert dumps(value) == _reference(value)  # type: ignore[arg-type]


def test_dumps_refuses_what_json_refuses() -> None:
    with pytest.raises(TypeError):
        dumps({"path": Path("a")})
    with pytest.raises(TypeError):
        dumps({1: "key not a string"})  # type: ignore[dict-item]


def test_written_manifest_is_json_dumps_of_itself(tmp_path: Path) -> None:
    result = build(ROOT / "tenders" / "demo.yaml", BuildOptions(force=True, allow_draft=True, output_root=tmp_path))
    written = result.manifest_path.read_bytes()
    manifest = json.loads(written)
    assert written == _reference(manifest) == dumps(manifest)
    assert len(manifest["inputs"]) > 20 and all(len(entry["sha256"]) == 64 for entry in manifest["inputs"])
