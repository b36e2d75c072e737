"""A first-character filter for large alternations of words (the kind words of the checker).

Python's regex engine tries every alternative of `(?P<warranty>质保期|保修期…)|(?P<response>响应|答复…)|…` at every
position of the text; for a pattern of two dozen groups that is most of the checker's time. Every match
must begin with one of a few dozen characters, and a lookahead on that set (`(?=[质保响…])`) lets the engine
skip every other position after one class test. The set is worked out from the parsed pattern; whatever
this module cannot reason about (IGNORECASE, `.`, a negated class, a category such as \\d, back
references, a pattern that can match the empty string) leaves the pattern as it is, so the result always
matches exactly what the pattern matches, with the same groups.

It reads the parse tree of `re._parser`, a private module whose shape has been stable across 3.11–3.13;
any other shape makes it give up in the same way.
"""

from __future__ import annotations

import re
from typing import Any

STARTS = "starting-chars-1"  # the kind of the results kept by core/regex_cache
MAX_RANGE = 2000  # a class wider than this ([\u4e00-\u9fff]) filters nothing worth the lookahead


class _GiveUp(Exception):
    pass


def _sequence(items: Any, c: Any) -> tuple[set[str], bool]:
    """(characters a match of the sequence can start with, whether it can match the empty string)."""
    found: set[str] = set()
    for op, av in items:
        chars, empty = _item(op, av, c)
        found |= chars
        if not empty:
            return found, False
    return found, True


def _item(op: Any, av: Any, c: Any) -> tuple[set[str], bool]:
    if op is c.LITERAL:
        return {chr(av)}, False
    if op is c.IN:
        found: set[str] = set()
        for member, value in av:
            if member is c.LITERAL:
                found.add(chr(value))
            elif member is c.RANGE and value[1] - value[0] <= MAX_RANGE:
                found.update(chr(code) for code in range(value[0], value[1] + 1))
            else:  # NEGATE, CATEGORY, a very wide range
                raise _GiveUp
        return found, False
    if op is c.BRANCH:
        found, empty = set(), False
        for branch in av[1]:
            chars, can_be_empty = _sequence(branch.data, c)
            found |= chars
            empty = empty or can_be_empty
        return found, empty
    if op is c.SUBPATTERN:
        _, add_flags, _, sub = av
        if add_flags & re.IGNORECASE:
            raise _GiveUp
        return _sequence(sub.data, c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        low, _, sub = av
        chars, empty = _sequence(sub.data, c)
        return chars, empty or low == 0
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width: the next item starts the match
        return set(), True
    if op is getattr(c, "ATOMIC_GROUP", None):
        return _sequence(av.data, c)
    raise _GiveUp  # ANY, NOT_LITERAL, GROUPREF, CATEGORY, …


def starting_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters every match of `pattern` starts with, or None when that cannot be said. Parsing
    the pattern costs as much as compiling it: the result (a function of the text and flags alone) is
    kept with the compiled patterns when core/regex_cache is installed."""
    if flags & re.IGNORECASE:
        return None
    from generator.core import regex_cache

    chars = regex_cache.remembered(STARTS, pattern, flags, lambda: _parsed_starting_chars(pattern, flags))
    return None if chars is None else frozenset(chars)


def _parsed_starting_chars(pattern: str, flags: int) -> str | None:
    try:
        import re._constants as constants  # type: ignore[import-not-found]
        import re._parser as parser  # type: ignore[import-not-found]

        parsed = parser.parse(pattern, flags)
        if parsed.state.flags & re.IGNORECASE:
            return None
        chars, empty = _sequence(parsed.data, constants)
    except (_GiveUp, ImportError, AttributeError, TypeError, ValueError, re.error):
        return None
    return None if empty or not chars else "".join(sorted(chars))


def prefiltered(pattern: str, flags: int = 0) -> str:
    """`pattern` behind a lookahead on its starting characters (same matches, same groups), or unchanged."""
    chars = starting_chars(pattern, flags)
    if chars is None:
        return pattern
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(chars)) + "])(?:" + pattern + ")"


def compile_filtered(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile of the pattern behind its first-character lookahead, where one can be worked out."""
    return re.compile(prefiltered(pattern, flags), flags)
