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
