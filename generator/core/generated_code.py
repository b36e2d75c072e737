"""Code that `dataclasses` and `typing` generate at import time, compiled once and kept on disk between
command-line processes (as Python keeps .pyc files for modules).

Every `@dataclass` writes the source of its `__init__`, `__repr__`, `__eq__` … and compiles it with
`exec`; every string annotation a pydantic model resolves becomes a `typing.ForwardRef`, which compiles
the annotation. For the ~120 dataclasses and ~40 models a build imports, that compiling is about a third
of the import time (~40 ms of every process). The sources are the same in every process, so their code
objects are stored in one marshalled table and reused.

`install()` gives the `dataclasses` module its own `exec` and the `typing` module its own `compile`
(module globals shadow the built-ins they call); both compile a source exactly as the built-ins would —
`dont_inherit=True`, since neither module uses `from __future__` imports — or take the stored code of the
same source. Anything else (bytes, other file names, flags) goes to the built-ins unchanged, a source
that does not compile raises as before and is never stored. The table is keyed by the interpreter's full
version, so bytecode of another Python is never loaded; it is written once at exit when new sources were
compiled (atomic; see generator/core/disk_cache.py for what a damaged or foreign entry does: nothing).
"""

from __future__ import annotations

import atexit
import builtins
import sys
from types import CodeType
from typing import Any

from generator.core import disk_cache

SUBDIR = "generated-code"
MAX_ENTRIES = 6000  # dataclasses made at run time would otherwise grow the table without end

_known: dict[tuple[str, str], CodeType] = {}
_new: dict[tuple[str, str], CodeType] = {}
_installed: list[tuple[Any, str, Any]] = []  # (module, name, what it had before) to undo


def _table_entry() -> Any:
    return disk_cache.entry(SUBDIR, (sys.version.encode(), b"table-1"))


def compiled(source: str, mode: str) -> CodeType:
    """The code of `source` as builtins.compile(source, "<string>", mode, dont_inherit=True) gives it."""
    key = (mode, source)
    code = _known.get(key)
    if code is None:
        code = builtins.compile(source, "<string>", mode, dont_inherit=True)
        if len(_known) < MAX_ENTRIES:
            _known[key] = code
            _new[key] = code
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    if type(source) is str:
        source = compiled(source, "exec")
    builtins.exec(source, globals, locals)


def _compile(source: Any, filename: Any, mode: str, flags: int = 0, dont_inherit: bool = False,
             optimize: int = -1, **more: Any) -> Any:
    if type(source) is str and filename == "<string>" and not flags and optimize == -1 and not more:
        return compiled(source, mode)
    return builtins.compile(source, filename, mode, flags, dont_inherit, optimize, **more)


def install() -> None:
    """Use (and fill) the table for every dataclass and forward reference made from now on."""
    if _installed:
        return
    entry = _table_entry()
    if entry is None:
        return
    table = disk_cache.load_marshalled(entry)
    if isinstance(table, dict):
        _known.update((key, code) for key, code in table.items()
                      if isinstance(key, tuple) and isinstance(code, CodeType))
    import dataclasses
    import typing

    for module, name, replacement in ((dataclasses, "exec", _exec), (typing, "compile", _compile)):
        _installed.append((module, name, module.__dict__.get(name)))
        setattr(module, name, replacement)
    atexit.register(_save, entry)


def uninstall() -> None:
    """Back to the built-ins (tests)."""
    while _installed:
        module, name, before = _installed.pop()
        if before is None:
            delattr(module, name)
        else:
            setattr(module, name, before)


def _save(entry: Any) -> None:
    if not _new:
        return
    disk_cache.store_marshalled(entry, dict(_known))
    _new.clear()
