"""The first-character lookahead changes how fast a pattern runs, never what it matches."""

from __future__ import annotations

import random
import re

import pytest

from generator.check.patterns import KIND_RE, KIND_WORDS, WEAK_WORDS
from generator.core.regex_prefilter import prefiltered, starting_chars


def test_the_starting_characters_of_words_groups_optional_parts_and_lookarounds():
    assert starting_chars("质保期|保修期|(?P<r>响应)") == frozenset("质保响")
    assert starting_chars("(?:自|从)?(?:售出|购买)") == frozenset("自从售购")  # an optional part lets the next start
    assert starting_chars("(?<!每)(?:[一二]|两)次") == frozenset("一二两")  # a lookbehind is zero width
    assert starting_chars("[a-c]x") == frozenset("abc")


@pytest.mark.parametrize("pattern", [
    r"(?i)abc", r".保修", r"\d+小时", r"[^，]{2}期", r"(?:质保)?", r"a*", r"[\u4e00-\u9fff]+期", r"\s*保修"])
def test_what_it_cannot_reason_about_is_left_as_it_is(pattern):
    assert starting_chars(pattern) is None
    assert prefiltered(pattern) == pattern


def test_the_kind_words_are_filtered_and_match_exactly_as_without_the_filter():
    plain = re.compile("|".join([*(f"(?P<{kind}__weak>{words})" for kind, words in WEAK_WORDS.items()),
                                 *(f"(?P<{kind}>{words})" for kind, words in KIND_WORDS.items())]))
    assert KIND_RE.pattern.startswith("(?=[") and KIND_RE.groupindex == plain.groupindex
    sentences = ["自验收合格之日起，整机质保期为三年，接到报修后2小时内响应，4小时内到达现场",
                 "免费退换货，每季度回访一次，备用设备在24小时内提供", "剩余有效期不少于12个月，成活率不低于95%",
                 "本节无任何承诺词语，只是一段说明文字。"]
    # and on text assembled at random from the very characters the words are made of
    alphabet = sorted(set("".join(sentences)) | set(re.sub(r"[^\u4e00-\u9fff]", "", plain.pattern)))
    generator = random.Random(15)
    sentences += ["".join(generator.choice(alphabet) for _ in range(200)) for _ in range(200)]
    for text in sentences:
        assert [(m.span(), m.lastgroup) for m in KIND_RE.finditer(text)] == \
               [(m.span(), m.lastgroup) for m in plain.finditer(text)], text


def test_starting_chars_are_kept_with_the_compiled_patterns(monkeypatch) -> None:
    from generator.core import regex_cache
    from generator.core.regex_prefilter import STARTS

    monkeypatch.setattr(regex_cache, "_installed", [object()])  # as if install() had run
    monkeypatch.setattr(regex_cache, "_known", {})
    monkeypatch.setattr(regex_cache, "_new", {})
    assert starting_chars("质保期|(?P<r>响应)") == frozenset("质响")
    assert regex_cache._new[(STARTS, "质保期|(?P<r>响应)", 0)] == "响质"
    assert starting_chars(".x") is None
    assert regex_cache._new[(STARTS, ".x", 0)] is None
    # what the next process reads back is used as it is ...
    monkeypatch.setattr(regex_cache, "_known", {**regex_cache._new, (STARTS, "ab|cd", 0): "ac"})
    monkeypatch.setattr(regex_cache, "_new", {})
    assert starting_chars("ab|cd") == frozenset("ac") and starting_chars(".x") is None
    assert not [key for key in regex_cache._new if key[0] == STARTS]  # nothing worked out again
    # ... and a damaged entry (not a string, or an empty one) is worked out again
    for damaged in (5, "", b"ac", ["a"]):
        regex_cache._known[(STARTS, "ab|cd", 0)] = damaged
        assert starting_chars("ab|cd") == frozenset("ac")
