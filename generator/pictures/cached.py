"""The two charts' PNG bytes kept between builds (in memory) and between processes (on disk), so a build
whose charts were drawn before pays neither for Pillow's import nor for the font probe nor for drawing.

The key is everything the pictures depend on: the drawing code (this package and render/figures.py),
Pillow's installed files, $AFTERSALES_CJK_FONT and every known font path (size and modification time),
and the charts' content. Only a font chosen from that list is cached: a font found through fontconfig
(or none at all) is looked for again every time, as before.
"""

from __future__ import annotations

import importlib.util
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.core import disk_cache

SUBDIR = "charts"


def _original_cjk_font() -> Any:
    from generator.pictures import fonts

    return fonts.cjk_font


_CJK_FONT = _original_cjk_font()
_memory: dict[bytes, Any] = {}
_code: list[bytes] = []


def _code_fingerprint() -> bytes:
    if not _code:
        here = Path(__file__).resolve().parent
        files: list[str | Path] = [*sorted(here.glob("*.py")), here.parent / "render" / "figures.py"]
        stamps = []
        spec = importlib.util.find_spec("PIL")
        locations = (spec.submodule_search_locations or []) if spec is not None else []
        for location in locations:
            for name in ("__init__.py", "_version.py"):
                stamps.append(_stamp(os.path.join(location, name)))
        _code.append(disk_cache.source_fingerprint(*files) + "|".join(stamps).encode("utf-8", "surrogateescape"))
    return _code[0]


def _stamp(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return f"{path}:-"
    return f"{path}:{info.st_size}:{info.st_mtime_ns}"


def _fonts_state() -> list[str]:
    from generator.pictures.fonts import ENV_VAR, KNOWN_PATHS

    chosen = os.environ.get(ENV_VAR)
    return [f"env={chosen!r}", *(_stamp(path) for path in ([chosen] if chosen else [])),
            *(_stamp(path) for path in KNOWN_PATHS)]


def known_font(font: str | None) -> bool:
    """Whether `font` was chosen from the list the key covers (not through fontconfig)."""
    from generator.pictures.fonts import ENV_VAR, KNOWN_PATHS

    return font is not None and (font == os.environ.get(ENV_VAR) or font in KNOWN_PATHS)


def charts(content: object, draw: Callable[[], tuple[bool, Any]]) -> Any:
    """draw()'s result for `content` (any value with a stable repr), drawn only when not cached.
    draw() returns (cacheable, result); the result must be picklable built-in data. When the font
    search has been replaced (tests simulate a machine without Chinese fonts) nothing is cached."""
    from generator.pictures import fonts

    if fonts.cjk_font is not _CJK_FONT:
        return draw()[1]
    key = [_code_fingerprint(), "\n".join(_fonts_state()).encode("utf-8", "surrogateescape"),
           repr(content).encode("utf-8", "surrogatepass")]
    import hashlib

    digest = hashlib.sha256(b"\0".join(key)).digest()
    if digest in _memory:
        return _memory[digest]
    entry = disk_cache.entry(SUBDIR, key)
    payload = disk_cache.load(entry)
    if payload is not None:
        try:
            result = _restricted_loads(payload)
        except Exception:  # a damaged or foreign entry: draw again
            result = None
        if result is not None:
            _memory[digest] = result
            return result
    cacheable, result = draw()
    if cacheable:
        if len(_memory) > 256:
            _memory.clear()
        _memory[digest] = result
        disk_cache.store(entry, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return result


class _NoClasses(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a cached chart")


def _restricted_loads(payload: bytes) -> Any:
    import io

    return _NoClasses(io.BytesIO(payload)).load()
