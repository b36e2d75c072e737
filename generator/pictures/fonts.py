"""Finding a font that draws Chinese: a chart with tofu boxes must never reach a submitted bid.

Order: $AFTERSALES_CJK_FONT, the usual paths on Debian/Ubuntu, Fedora, Windows and macOS (a stat
each), then fontconfig's list of fonts that cover Chinese (`fc-list :lang=zh`, a subprocess). A candidate is accepted only if
it really has glyphs for the text to be drawn (`covers`): fontconfig on a machine without CJK fonts
answers `fc-match :lang=zh` with DejaVu, which has none.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

ENV_VAR = "AFTERSALES_CJK_FONT"
KNOWN_PATHS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)
PROBE = "报修响应到场处理验收回访组织机构服务网点项目负责人工程师客服专员小时分钟年内每季度一次"
_MISSING = "\ue000"  # a private-use character: no font used here has a glyph for it


def _fontconfig_candidates() -> list[str]:
    if shutil.which("fc-list") is None:
        return []
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                                timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    files = sorted({line.split(":")[0].strip() for line in listed.splitlines() if line.strip()})
    # sans-serif (黑体-like) first: it reads best in small boxes; then any other face, sorted for a stable choice
    return sorted(files, key=lambda f: ("Sans" not in f and "hei" not in f.lower(), "Bold" in f, f))


def candidates() -> Iterator[str]:
    chosen = os.environ.get(ENV_VAR)
    yield from [chosen] if chosen else []
    yield from KNOWN_PATHS
    yield from _fontconfig_candidates()


def covers(path: str, text: str) -> bool:
    """Whether the font at `path` has a real glyph for every character of `text`."""
    return all(_has_glyph(path, char) for char in set(text) - {" ", "\n", "\u3000"})


@lru_cache(maxsize=4096)
def _has_glyph(path: str, char: str) -> bool:
    """The character drawn differs from the font's .notdef box (or nothing), drawn for a private-use one."""
    return _drawn(path, char) != _drawn(path, _MISSING)


@lru_cache(maxsize=4096)
def _drawn(path: str, char: str) -> bytes:
    from PIL import Image, ImageDraw

    from generator.pictures.draw import load_font

    try:
        font = load_font(path, 24)
    except OSError:
        return b""  # not a font: equal for every character, so nothing counts as covered
    image = Image.new("L", (32, 32))
    ImageDraw.Draw(image).text((2, 2), char, font=font, fill=255)
    return image.tobytes()


@lru_cache(maxsize=1)
def cjk_font() -> str | None:
    """Path of a font that draws Chinese, or None when the machine has none."""
    for path in candidates():
        if Path(path).is_file() and covers(path, PROBE):
            return path
    return None
