"""The one vocabulary of bound words (generator/core/bounds.py) and the longest-word rule."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.core.bounds import STRICT_WORDS, bound_after, bound_before, bounds_inside


@pytest.mark.parametrize(("text", "expected"), [
    ("质保期不少于", "at_least"), ("响应时间不超过", "at_most"), ("不低于", "at_least"), ("低于", "at_most"),
    ("超过", "at_least"), ("不超过 ", "at_most"), ("最长不超过", "at_most"), ("≥", "at_least"), ("<=", "at_most"),
    ("质保期为", None), ("", None),
])
def test_the_word_before_a_figure_is_judged_by_the_longest_match(text, expected) -> None:
    assert bound_before(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("内到达现场", "at_most"), ("以内", "at_most"), ("以下", "at_most"), ("及以上", "at_least"),
    ("（含）以上", "at_least"), (" 以上的", "at_least"), ("，自验收之日起", None),
])
def test_the_word_after_a_figure(text, expected) -> None:
    assert bound_after(text) == expected


def test_strict_words_are_the_negated_and_symbolic_ones() -> None:
    assert STRICT_WORDS.search("满足“不少于3年”的要求") and STRICT_WORDS.search("≤2小时")
    assert not STRICT_WORDS.search("至少安排两人") and not STRICT_WORDS.search("3年以上")


def test_no_other_module_spells_the_bound_words() -> None:
    """Bound-word lists live in core/bounds.py only (the checker, extract, scoring and the model)."""
    generator = Path(__file__).resolve().parents[2] / "generator"
    spelled = re.compile(r"不少于\|不低于|不超过\|不得超过|不低于\|不超过|不少于\|不超过|以内\|之内\|内")
    found = [str(path.relative_to(generator)) for path in generator.rglob("*.py")
             if path.name != "bounds.py" and spelled.search(path.read_text(encoding="utf-8"))]
    assert found == []


def test_words_inside_a_text_are_read_whole() -> None:
    assert bounds_inside("每季度至少一次") == {"at_least"}
    assert bounds_inside("不超过每月一次") == {"at_most"}
    assert bounds_inside("每月一次") == set()
