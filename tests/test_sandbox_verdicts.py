"""The sandbox's verdicts kept per (type, attribute) (render/jinja.py): asked again, an unsafe attribute
is still refused and a safe one still allowed, whatever the value."""

from __future__ import annotations

import pytest
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from generator.render.jinja import make_environment, render_bounded


class Holder:
    def __init__(self) -> None:
        self._hidden = "秘密"
        self.shown = "公开"


@pytest.mark.parametrize("body", ["{{ items.append }}", "{{ name.__class__ }}", "{{ holder._hidden }}"])
def test_an_unsafe_attribute_is_refused_every_time(body: str) -> None:
    env = make_environment()
    for _ in range(3):
        with pytest.raises(SecurityError):
            render_bounded(env.from_string(body), {"items": [1], "name": "甲", "holder": Holder()})
    assert render_bounded(env.from_string("{{ holder.shown }}"), {"holder": Holder()}) == "公开"


def test_the_kept_verdict_is_jinjas_own() -> None:
    env, plain = make_environment(), ImmutableSandboxedEnvironment()
    for obj, attr in (([], "append"), ([], "count"), ({}, "update"), ({}, "get"), ("", "upper"), ("", "__class__"),
                      (str, "mro"), (len, "__self__"), (set(), "add")):
        for _ in range(2):
            assert env.is_safe_attribute(obj, attr, getattr(obj, attr, None)) == \
                   plain.is_safe_attribute(obj, attr, getattr(obj, attr, None)), (obj, attr)
    assert render_bounded(env.from_string("{{ items.count(1) }}"), {"items": [1, 1]}) == "2"


class Record:
    def __init__(self) -> None:
        self.name = "甲"
        self.count = 2
        self.ratio = 1.5
        self.flag = True
        self.none = None
        self.items = ("a", "b")
        self.template = "{0}"

    @property
    def label(self) -> str:
        return f"{self.name}方"


@pytest.mark.parametrize("obj, attribute", [
    ({"warranty": "三年"}, "warranty"), ({"items": "键"}, "items"), ({"get": 1}, "get"), ({}, "missing"),
    ({"k": None}, "k"), (Record(), "name"), (Record(), "count"), (Record(), "ratio"), (Record(), "flag"),
    (Record(), "none"), (Record(), "items"), (Record(), "label"), (Record(), "missing"), (Record(), "_private"),
    ("格式{0}", "format"), ("格式{x}", "format_map"), (Record(), "template"), ([1], "count"),
])  # refused attributes: test_an_unsafe_attribute_is_refused_every_time
def test_getattr_gives_what_jinjas_sandbox_gives(obj: object, attribute: str) -> None:
    """BoundedSandbox.getattr's shortcuts (a dict key, an attribute judged safe before) change nothing:
    the same value, the same refusal, the same undefined, the same format wrapper, asked again and again."""
    env, plain = make_environment(), ImmutableSandboxedEnvironment(undefined=env_undefined())
    expected = plain.getattr(obj, attribute)
    for _ in range(3):
        got = env.getattr(obj, attribute)
        assert type(got) is type(expected)
        if callable(expected) and not isinstance(expected, type):
            assert getattr(got, "__name__", None) == getattr(expected, "__name__", None)
            if attribute in ("format", "format_map"):
                argument = {"x": "值"} if attribute == "format_map" else "值"
                assert got(argument) == expected(argument) == "格式值"
        elif not hasattr(expected, "_undefined_name"):
            assert got == expected


def env_undefined():
    return make_environment().undefined
