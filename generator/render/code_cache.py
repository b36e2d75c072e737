"""Compiled clause bodies kept on disk between processes, as Python keeps .pyc files: turning a clause's
Jinja source into Python code is most of a whole-process build's render time (~85 ms for the demo),
loading the marshalled code back takes well under 1 ms.

An entry is named by a hash of everything the code depends on: the Python bytecode version, the Jinja
version, the environment's configuration (class, delimiters, filters, tests, ...), the template name and
its source. A changed clause or environment therefore never meets an old entry. Only successful compiles
are stored, so a syntax error is always reported by the compiler itself. Any failure to read or write
the cache (read-only home, damaged file) falls back to compiling; the cache never changes an output.

Location: $AFTERSALES_CACHE_DIR, else $XDG_CACHE_HOME/aftersales, else ~/.cache/aftersales; an empty
AFTERSALES_CACHE_DIR turns the cache off.
"""

from __future__ import annotations

import hashlib
import importlib.util
import marshal
import os
import tempfile
from pathlib import Path
from types import CodeType
from typing import Any

ENV_VAR = "AFTERSALES_CACHE_DIR"
SUBDIR = "jinja-code"


def cache_dir() -> Path | None:
    chosen = os.environ.get(ENV_VAR)
    if chosen is not None:
        return Path(chosen) / SUBDIR if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "aftersales" / SUBDIR


def environment_fingerprint(env: Any) -> str:
    """What of the environment the generated code depends on (the compiler checks filter and test
    names, and the delimiters and whitespace options shape the parse)."""
    import jinja2

    parts = (
        jinja2.__version__, type(env).__module__, type(env).__qualname__,
        env.block_start_string, env.block_end_string, env.variable_start_string, env.variable_end_string,
        env.comment_start_string, env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.optimized, env.is_async, repr(env.autoescape), env.finalize is not None,
        sorted(env.extensions), sorted(env.filters), sorted(env.tests),
        sorted(getattr(env, "intercepted_binops", ())), sorted(getattr(env, "intercepted_unops", ())),
        env.code_generator_class.__module__, env.code_generator_class.__qualname__,
    )
    return repr(parts)


def _entry(directory: Path, fingerprint: str, name: str, body: str) -> Path:
    digest = hashlib.sha256()
    for part in (importlib.util.MAGIC_NUMBER.hex(), fingerprint, name, body):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return directory / f"{digest.hexdigest()}.code"


def _load(path: Path) -> CodeType | None:
    try:
        code = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return code if isinstance(code, CodeType) else None


def _store(path: Path, code: CodeType) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps(code))
            os.replace(temporary, path)  # atomic: a parallel build reads the old entry or the new one
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass  # no cache this time; the code just compiled is used as it is


def compile_cached(env: Any, body: str, name: str, fingerprint: str) -> CodeType:
    """env.compile(body, name=name, filename=name), from the disk cache when an entry exists."""
    directory = cache_dir()
    path = _entry(directory, fingerprint, name, body) if directory is not None else None
    if path is not None:
        code = _load(path)
        if code is not None:
            return code
    code = env.compile(body, name=name, filename=name)
    if path is not None:
        _store(path, code)
    return code
