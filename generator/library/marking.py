"""Render clause bodies with sample values, optionally marking every value that came from data.

Marked rendering wraps the output of every `{{ … }}` in two private-use characters, so the review
catalog can shade exactly the parts a lawyer must read as data, not as fixed wording. Compiled
templates are cached per clause, so linting every clause against every profile stays quick.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment

from generator.load.yamlio import Loaded
from generator.models.clause import Clause
from generator.render.blocks import Block, Signature
from generator.render.jinja import RenderLimitError, make_environment, render_bounded
from generator.render.marks import CLOSE, OPEN, split_marked, strip_marks
from generator.render.numbering import Counter
from generator.render.proposal import (
    RENDER_ERRORS,
    ClauseFailure,
    _template_name,
    blocks_from_markup,
    clause_failure,
)

_MARKED_LIST_NUMBER = re.compile(rf"^(\s*){OPEN}(\d+){CLOSE}([.．、]\s)", re.MULTILINE)

__all__ = ["CLOSE", "OPEN", "SampleRenderer", "split_marked", "strip_marks"]  # the marks live in render/marks.py


def _marking(finalize: Any) -> Any:
    def marked(value: Any) -> Any:
        text = str(finalize(value))
        if "\n" in text:  # multi-line values may carry markup of their own: leave them unmarked
            return text
        return f"{OPEN}{text}{CLOSE}"

    return marked


class SampleRenderer:
    """Renders clauses for any number of sample contexts."""

    def __init__(self, marked: bool = False) -> None:
        self.env: ImmutableSandboxedEnvironment = make_environment()
        self.marked = marked
        if marked:
            self.env.finalize = _marking(self.env.finalize)
        self._compiled: dict[tuple[str, str], Any] = {}
        # a body that hit a render limit fails the same way for every sample: fail fast after the first
        self._over_limit: dict[tuple[str, str], ClauseFailure] = {}

    def _template(self, clause: Clause) -> Any:
        key = (clause.id, clause.body)
        if key not in self._compiled:
            code = self.env.compile(clause.body, name=_template_name(clause), filename=_template_name(clause))
            self._compiled[key] = self.env.template_class.from_code(self.env, code, self.env.make_globals(None))
        return self._compiled[key]

    def text(self, loaded: Loaded, context: dict[str, Any]) -> str:
        clause: Clause = loaded.model
        key = (clause.id, clause.body)
        if key in self._over_limit:
            raise self._over_limit[key]
        try:
            return render_bounded(self._template(clause), context)
        except RenderLimitError as exc:
            self._over_limit[key] = clause_failure(loaded, exc)
            raise self._over_limit[key] from exc
        except RENDER_ERRORS as exc:
            raise clause_failure(loaded, exc) from exc

    def blocks(self, loaded: Loaded, context: dict[str, Any], base_level: int = 1,
               counter: Counter | None = None, signature: Signature | None = None) -> list[Block]:
        """The clause as document blocks (sub-headings numbered below `base_level`)."""
        return self.to_blocks(loaded, self.text(loaded, context), context, base_level, counter, signature)

    def to_blocks(self, loaded: Loaded, text: str, context: dict[str, Any], base_level: int = 1,
                  counter: Counter | None = None, signature: Signature | None = None) -> list[Block]:
        if self.marked:
            text = _MARKED_LIST_NUMBER.sub(r"\1\2\3", text)  # “{{ loop.index }}. ” still starts a list
        return blocks_from_markup(loaded, text, base_level, counter or Counter(),
                                  signature or sample_signature(context, self.marked))


def sample_signature(context: dict[str, Any], marked: bool) -> Signature:
    from generator.render.jinja import date_cn

    def mark(value: str) -> str:
        return f"{OPEN}{value}{CLOSE}" if marked and value else value

    return Signature((
        ("投标人（盖章）：", mark(context["bidder"].legal_name)),
        ("法定代表人或授权代表（签字）：", ""),
        ("日期：", mark(date_cn(context["tender"].date))),
    ))
