"""The caches that make a build fast without changing it: parsed YAML inputs (yamlio, in memory and on
disk), the charts' PNGs (pictures/cached.py) and compiled regular expressions (core/regex_cache.py).
A warm cache gives the same values and the same document bytes as a cold or disabled one; an edited
input misses; a damaged, truncated or foreign entry is ignored."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from generator.core import disk_cache
from generator.load import validated, yamlio
from generator.pictures import cached
from generator.pipeline.build import BuildOptions, build
from tests.fresh_process import modules_after_builds

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(disk_cache.ENV_VAR, str(tmp_path / "cache"))
    monkeypatch.setattr(yamlio, "_parsed", {})
    monkeypatch.setattr(validated, "_memory", {})
    return tmp_path / "cache"


def _refuse(*args, **kwargs):
    raise AssertionError("parsed again although a cache holds the result")


YAML_TEXT = "id: demo\nname: 示例\nitems:\n  - 一\n  - 2\nsigned: 2026-11-20\n"


def test_a_parsed_file_is_read_back_from_disk_in_a_fresh_process(cache: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(YAML_TEXT, encoding="utf-8")
    first, text, problems = yamlio.read_data(path)
    assert problems == [] and text == YAML_TEXT
    assert len(list((cache / yamlio.DISK_SUBDIR).glob("*.bin"))) == 1
    monkeypatch.setattr(yamlio, "_parsed", {})  # what a new process starts with
    monkeypatch.setattr(yamlio, "_fast", _refuse)
    second, text, problems = yamlio.read_data(path)
    assert problems == [] and text == YAML_TEXT
    assert second == first == {"id": "demo", "name": "示例", "items": ["一", 2],
                                "signed": __import__("datetime").date(2026, 11, 20)}


def test_an_edited_file_is_parsed_again(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(YAML_TEXT, encoding="utf-8")
    yamlio.read_data(path)
    path.write_text(YAML_TEXT.replace("示例", "改过"), encoding="utf-8")
    data, _, _ = yamlio.read_data(path)
    assert data["name"] == "改过"


def test_a_file_with_problems_is_not_cached(cache: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: [unclosed\n", encoding="utf-8")
    for _ in range(2):
        data, _, problems = yamlio.read_data(path)
        assert data is None and problems and problems[0].line is not None
    assert not list((cache / yamlio.DISK_SUBDIR).glob("*.bin"))


@pytest.mark.parametrize("damage", ["garbage", "truncated", "foreign class"])
def test_a_damaged_or_foreign_entry_is_ignored(cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               damage: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(YAML_TEXT, encoding="utf-8")
    expected, _, _ = yamlio.read_data(path)
    (entry,) = (cache / yamlio.DISK_SUBDIR).glob("*.bin")
    if damage == "garbage":
        entry.write_bytes(b"not an entry")
    elif damage == "truncated":
        entry.write_bytes(entry.read_bytes()[:-5])
    else:  # well formed, but it would call a function when loaded
        disk_cache.store(entry, pickle.dumps(os.system))
    monkeypatch.setattr(yamlio, "_parsed", {})
    data, _, problems = yamlio.read_data(path)
    assert problems == [] and data == expected


def test_an_empty_variable_turns_the_disk_caches_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(disk_cache.ENV_VAR, "")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert disk_cache.entry("yaml", [b"x"]) is None
    disk_cache.store(None, b"payload")  # nothing, no error
    assert disk_cache.load(None) is None
    assert not (tmp_path / "home").exists()


def test_charts_are_drawn_once_per_content(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cached, "_memory", {})
    drawn: list[str] = []

    def draw(name: str):
        def inner():
            drawn.append(name)
            return True, (name.encode(), None)
        return inner

    assert cached.charts(("a",), draw("a")) == (b"a", None)
    assert cached.charts(("a",), draw("again")) == (b"a", None)  # memory
    monkeypatch.setattr(cached, "_memory", {})
    assert cached.charts(("a",), draw("again")) == (b"a", None)  # disk
    assert cached.charts(("b",), draw("b")) == (b"b", None)  # other content
    assert drawn == ["a", "b"]


def test_charts_not_cacheable_or_with_a_replaced_font_search_are_drawn_every_time(
        cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.pictures import fonts

    monkeypatch.setattr(cached, "_memory", {})
    calls = []

    def draw():
        calls.append(1)
        return False, (b"png", b"png")

    cached.charts(("c",), draw)
    cached.charts(("c",), draw)
    monkeypatch.setattr(fonts, "cjk_font", lambda: None)
    cached.charts(("d",), lambda: (True, None))
    cached.charts(("d",), lambda: calls.append(2) or (True, None))
    assert calls == [1, 1, 2]
    assert not list((cache / cached.SUBDIR).glob("*.bin"))


def test_cold_warm_and_disabled_caches_write_the_same_document(project: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    tender = project / "tenders" / "demo.yaml"
    outputs = []
    for label, directory in (("cold", tmp_path / "c1"), ("warm", tmp_path / "c1"), ("off", "")):
        monkeypatch.setenv(disk_cache.ENV_VAR, str(directory))
        monkeypatch.setattr(yamlio, "_parsed", {})
        monkeypatch.setattr(validated, "_memory", {})
        monkeypatch.setattr(cached, "_memory", {})
        out = tmp_path / f"out-{label}"
        result = build(tender, BuildOptions(force=True, allow_draft=True, output_root=out))
        outputs.append(result.docx_path.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert list((tmp_path / "c1" / yamlio.DISK_SUBDIR).glob("*.bin"))
    assert list((tmp_path / "c1" / validated.DISK_SUBDIR).glob("*.bin"))
    assert list((tmp_path / "c1" / cached.SUBDIR).glob("*.bin"))


REGEX_PROBE = r"""
import re, sys, json
from generator.core import regex_cache
regex_cache.install()
patterns = [(r"(?P<n>\d+)(?:小时|分钟)内(响应|到场)", 0), (r"^\s*第[一二三四五六七八九十]+章", re.M),
            (r"abc|ABD", re.I), (r"(a)(b)?(?P<c>c)", 0), (r"[\u4e00-\u9fff]{2,}", 0)]
text = "2小时内响应\n第三章 质保\nabd 甲乙丙 ac"
out = []
for source, flags in patterns:
    p = re.compile(source, flags)
    out.append([p.groups, sorted(p.groupindex.items()), int(p.flags),
                [(m.span(), m.groups()) for m in p.finditer(text)]])
print(json.dumps({"out": out, "known": len(regex_cache._known)}, ensure_ascii=False))
"""


def _probe(cache_dir: Path | str) -> dict:
    import json

    env = {**os.environ, disk_cache.ENV_VAR: str(cache_dir),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run([sys.executable, "-c", REGEX_PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_compiled_patterns_from_the_table_behave_as_compiled_ones(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cold = _probe(cache_dir)
    assert cold["known"] == 0
    (table,) = (cache_dir / "regex").glob("*.bin")
    warm = _probe(cache_dir)
    assert warm["known"] >= 5  # read from the table written by the first process
    assert warm["out"] == cold["out"]
    off = _probe("")  # no cache at all: Python's own compiler
    assert off["out"] == cold["out"]
    table.write_bytes(table.read_bytes()[:100])  # damaged: ignored, compiled again
    assert _probe(cache_dir)["out"] == cold["out"]


def test_a_build_from_warm_caches_builds_no_pydantic_validator_or_serializer(tmp_path: Path) -> None:
    """Every model comes validated from the disk cache, and nothing dumps a model: pydantic then never
    builds a schema, which would also import importlib.metadata to look for its plugins (~20 ms)."""
    tenders = [ROOT / "tenders" / name for name in ("demo.yaml", "examples/it-equipment.yaml", "examples/lighting.yaml")]
    runs = modules_after_builds(tenders, tmp_path / "out", tmp_path / "cache", ("importlib.metadata", "pydantic.plugin._loader"))
    assert runs[0] != "[]", "第一次生成须校验输入（缓存为空）"
    assert runs[1] == "[]", f"输入已校验并缓存，第二次生成不应再构建 pydantic 校验器：{runs[1]}"
