"""Where the cover title breaks: only between words, never inside one.

Word and LibreOffice break Chinese after any character, so a long project name may end a line in the
middle of a word (蜀州市图书馆新馆电梯采 / 购及安装项目). A title wider than the line is broken here, by
explicit line breaks, at the boundaries a project name has: after a pause mark (、，：), around the
words a purchase is named with (采购, 项目, 服务, 工程 …) and the joins between its parts (及, 和, 与, 之),
and after an organisation's name (…局, …馆, …医院). Of the ways to break it in the fewest lines, the
one with the most even lines is chosen. When no boundary gives one or two lines that fit, the title is
set one size smaller (二号 → 小二) and broken the same way; failing that, it is left to the layout.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

PAUSES = "、，,：:；;"
JOINS = ("及", "和", "与", "之", "暨")  # a break may fall before or after these
WORDS = ("采购", "项目", "服务", "工程", "建设", "购置", "招标", "改造", "维保", "运维", "租赁")  # before or after
# after an organisation's name; only suffixes that rarely begin a longer word (not 委 of 委员会, 学校 of 学校园)
OWNERS = ("局", "馆", "委员会", "厅", "中心", "医院", "大学", "学院", "公司", "集团", "政府", "办事处")
OPENING, CLOSING = "（(〔【《", "）)〕】》"
SMALLER = {22.0: 18.0, 26.0: 22.0, 18.0: 16.0}  # 二号 → 小二, 一号 → 二号, 小二 → 三号
SLACK = 0.5  # characters kept free on each line (glyph widths and spacing vary by font)


@dataclass(frozen=True)
class TitleLayout:
    lines: tuple[str, ...]
    size: float  # points


def _width(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text)


def boundaries(title: str) -> list[int]:
    """Indexes where the title may break (a line starts at the index), inside the title only."""
    found: set[int] = set()
    depth = 0  # inside brackets: （二期） stays on one line
    for index in range(1, len(title)):
        before, after = title[:index], title[index:]
        depth += (before[-1] in OPENING) - (before[-1] in CLOSING)
        if depth > 0 or after[0] in CLOSING:
            continue
        if before[-1] in PAUSES:
            found.add(index)
        if after[0] in PAUSES:
            continue  # never start a line with a pause mark
        if any(before.endswith(word) for word in JOINS + WORDS + OWNERS) \
                or any(after.startswith(word) for word in JOINS + WORDS):
            found.add(index)
    return sorted(found)


def _best_split(title: str, capacity: float) -> tuple[str, ...] | None:
    """The fewest lines, then the most even ones (smallest longest line), breaking only at boundaries."""
    cuts = [0, *boundaries(title), len(title)]
    # best[i]: (lines, longest line, the lines) of the title's first cuts[i] characters
    best: dict[int, tuple[int, float, tuple[str, ...]]] = {0: (0, 0.0, ())}
    for end in range(1, len(cuts)):
        for start in range(end):
            if start not in best:
                continue
            line = title[cuts[start]:cuts[end]]
            if _width(line) > capacity:
                continue
            count, longest, lines = best[start]
            candidate = (count + 1, max(longest, _width(line)), (*lines, line))
            if end not in best or candidate[:2] < best[end][:2]:
                best[end] = candidate
    last = len(cuts) - 1
    return best[last][2] if last in best else None


@lru_cache(maxsize=256)  # the same title recurs in every build of a tender (batch, web, bench)
def layout(title: str, line_width_pt: float, size: float) -> TitleLayout:
    """The title's lines and size for a line `line_width_pt` wide, starting at `size` points: one or
    two lines at the style's size, else one or two a size smaller, else the fewest lines."""
    sizes = [size] + ([SMALLER[size]] if size in SMALLER else [])
    found: list[TitleLayout] = []
    for candidate in sizes:
        capacity = line_width_pt / candidate - SLACK
        lines = (title,) if _width(title) <= capacity else _best_split(title, capacity)
        if lines is not None:
            found.append(TitleLayout(lines, candidate))
    for option in found:
        if len(option.lines) <= 2:
            return option
    if found:
        return min(found, key=lambda option: len(option.lines))
    return TitleLayout((title,), sizes[-1])
