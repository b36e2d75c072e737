"""The table of code that dataclasses and typing generate (generator/core/generated_code.py): classes made
with it behave exactly as without it, a second process takes the code from disk instead of compiling,
and a damaged table or a source that does not compile changes nothing."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest

from generator.core import generated_code

ROOT = Path(__file__).resolve().parents[2]

# A child process: installs the table, makes a few classes, reports what it saw.
CHILD = r"""
import json, sys, dataclasses, typing
from generator.core import generated_code
generated_code.install()
loaded = len(generated_code._known)

@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: int = 2
    tags: tuple = ()

import pydantic

class Model(pydantic.BaseModel):
    name: "str"
    size: "int | None" = None

point = Point(1)
try:
    point.x = 5
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
print(json.dumps({"loaded": loaded, "new": len(generated_code._new), "repr": repr(point),
                  "equal": point == Point(1, 2), "frozen": frozen,
                  "model": Model(name="a", size=3).model_dump()}))
"""


def _child(cache: Path) -> dict:
    env = {**os.environ, "AFTERSALES_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_a_second_process_reuses_the_code_and_classes_behave_the_same(tmp_path: Path) -> None:
    first = _child(tmp_path)
    assert first["loaded"] == 0 and first["new"] > 0
    second = _child(tmp_path)
    assert second["loaded"] >= first["new"]  # the first process stored its code at exit
    assert second["new"] == 0  # nothing compiled again
    for result in (first, second):
        assert result["repr"] == "Point(x=1, y=2, tags=())"
        assert result["equal"] and result["frozen"]
        assert result["model"] == {"name": "a", "size": 3}


def test_a_damaged_table_is_ignored(tmp_path: Path) -> None:
    _child(tmp_path)
    [table] = (tmp_path / generated_code.SUBDIR).glob("*.bin")
    table.write_bytes(table.read_bytes()[:-40] + b"\0" * 40)
    result = _child(tmp_path)
    assert result["loaded"] == 0 and result["repr"] == "Point(x=1, y=2, tags=())"


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("AFTERSALES_CACHE_DIR", str(tmp_path))
    generated_code.install()
    yield
    generated_code.uninstall()


def _make_class():
    import dataclasses

    @dataclasses.dataclass
    class Item:
        name: str
        count: int = 0

    return Item


def test_generated_functions_are_compiled_as_the_builtins_compile_them(installed) -> None:
    """This module uses `from __future__ import annotations`; the table's compile must not pass that on to
    the generated __init__ (its annotations stay the types, as dataclasses makes them)."""
    with_table = inspect.signature(_make_class().__init__)
    generated_code.uninstall()
    without = inspect.signature(_make_class().__init__)
    assert with_table == without
    assert with_table.parameters["count"].annotation == "int"  # the field's own (string) annotation


def test_a_forward_reference_that_does_not_compile_still_raises(installed) -> None:
    with pytest.raises(SyntaxError):
        typing.ForwardRef("not a type")
    assert ("eval", "not a type") not in generated_code._known
    assert typing.ForwardRef("int")._evaluate(globals(), None, recursive_guard=frozenset()) is int


def test_the_command_line_installs_it() -> None:
    code = "import generator.cli, dataclasses; print(json.dumps(dataclasses.exec is not exec))"
    done = subprocess.run([sys.executable, "-c", "import json;" + code], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert json.loads(done.stdout) is True
