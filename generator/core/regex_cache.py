"""Compiled regular expressions kept on disk between command-line processes, as Python keeps .pyc files.

The checker builds about 200 patterns from its word lists when it is imported; Python's own compiler for
them (re._parser and re._compiler, written in Python) is a large part of the start-up of `aftersales
check` and of a build's self-check. The compiled form is a list of integers that the C engine validates
when it is loaded (`_sre.compile` refuses invalid code), so a pattern compiled once is stored with its
group names and built again in microseconds in the next process.

`install()` replaces `re._compiler.compile` (what `re.compile` calls on a miss of its own cache) for the
running process; the replacement produces the same pattern object. Entries are keyed by the pattern, the
flags and the Python version; any failure falls back to Python's own compiler. Only Python versions whose
compiler has the shape used here are handled (3.11–3.13); others keep the standard behaviour. The table is
written once at exit when new patterns were compiled (atomic; a parallel process may win, and what it
lacks is compiled again next time).

The same table keeps other texts worked out in Python from a text alone that every process would
otherwise work out again (`remembered`): the starting characters of a pattern (core/regex_prefilter,
found by parsing it with re._parser, as slow as compiling it) and the pattern of a word list
(foreign-entity's vocabulary trie).
"""

from __future__ import annotations

import atexit
import sys
from collections.abc import Callable
from typing import Any

from generator.core import disk_cache

SUBDIR = "regex"
MAX_ENTRIES = 4000  # patterns built from user input are compiled too; do not let the table grow without end

# (pattern, flags) → the arguments of _sre.compile; (kind, text, flags) → what `remembered` keeps
_known: dict[tuple[Any, ...], Any] = {}
_new: dict[tuple[Any, ...], Any] = {}
_MISSING = object()
_installed: list[Any] = []


def _table_entry() -> Any:
    import _sre  # type: ignore[import-not-found]

    return disk_cache.entry(SUBDIR, (sys.version.encode(), str(_sre.MAGIC).encode(), b"table-1"))


def install() -> None:
    """Use (and fill) the on-disk table for every pattern compiled from now on in this process."""
    if _installed or not (3, 11) <= sys.version_info[:2] <= (3, 13):
        return
    import re._compiler as compiler  # type: ignore[import-not-found]

    entry = _table_entry()
    if entry is None:
        return
    table = disk_cache.load_marshalled(entry)
    if isinstance(table, dict):
        _known.update(table)
    real = compiler.compile
    _installed.append(real)

    def compile(p: Any, flags: int = 0) -> Any:  # the name re._compile looks up
        if type(p) is not str or flags & compiler.SRE_FLAG_DEBUG:
            return real(p, flags)
        key = (p, int(flags))
        args = _known.get(key)
        if args is not None:
            try:
                return compiler._sre.compile(p, *args)
            except Exception:  # a stale or damaged entry: compile it properly
                _known.pop(key, None)
        parsed = compiler._parser.parse(p, flags)
        code = compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # the opcodes are int subclasses (named constants): stored and passed as plain ints
        args = (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1,
                groupindex, tuple(indexgroup))
        result = compiler._sre.compile(p, *args)
        if len(_known) + len(_new) < MAX_ENTRIES:
            _new[key] = args
        return result

    compiler.compile = compile
    atexit.register(_save, entry)


def remembered(kind: str, text: str, flags: int, compute: Callable[[], str | None]) -> str | None:
    """`compute()`, a non-empty string or None that depends on nothing but `text` and `flags` (and the
    code of `kind`'s caller: change `kind` when that changes), kept in the table while it is installed.
    An entry of any other type is worked out again."""
    if not _installed:
        return compute()
    key = (kind, text, int(flags))
    found = _known.get(key, _new.get(key, _MISSING))
    if found is None or (type(found) is str and found):
        return found
    chars = compute()
    if len(_known) + len(_new) < MAX_ENTRIES:
        _new[key] = chars
    return chars


def uninstall() -> None:
    """Back to Python's own compiler (tests)."""
    if _installed:
        import re._compiler as compiler

        compiler.compile = _installed.pop()


def _save(entry: Any) -> None:
    if not _new:
        return
    disk_cache.store_marshalled(entry, {**_known, **_new})
    _known.update(_new)
    _new.clear()
