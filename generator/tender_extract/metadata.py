"""Project fields of a 招标文件: name, number, purchaser, delivery place, what is bought, bid date.

Each is read from a “字段名：值” line; the first line that has it wins. A field not found stays
None and the draft marks it for the clerk.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.core.numerals import parse_chinese_int, to_half_width_digits
from generator.text.mentions import normalise
from generator.text.text_blocks import TextBlock

_LEAD = r"^(?:#+\s*|[-*•·]\s*)?(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]+[)）])?\s*"
_FIELDS: dict[str, tuple[str, ...]] = {
    "project_name": ("项目名称", "采购项目名称", "招标项目名称"),
    "project_number": ("项目编号", "采购项目编号", "招标编号", "采购编号", "项目代码", "招标项目编号", "采购计划编号"),
    "purchaser": ("采购人名称", "采购人", "采购单位", "招标人", "采购单位名称"),
    "delivery_place": ("交货地点", "供货地点", "交付地点", "服务地点", "履约地点", "实施地点", "安装地点", "项目地点",
                       "项目实施地点", "服务实施地点", "送货地点"),
    "products": ("采购内容", "采购标的", "标的名称", "货物名称", "采购需求", "采购需求概况", "项目内容"),
    "lot": ("包号", "标包", "分包号"),
}
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_CN_DATE = re.compile(r"([二〇○零一三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日")


@dataclass
class Metadata:
    project_name: str | None = None
    project_number: str | None = None
    purchaser: str | None = None
    delivery_place: str | None = None
    products: str | None = None
    lot: str | None = None
    date: dt.date | None = None
    sources: dict[str, str] | None = None  # field → the line it came from


def _field_value(text: str, names: tuple[str, ...]) -> str | None:
    for name in sorted(names, key=len, reverse=True):
        match = re.match(_LEAD + re.escape(name) + r"\s*[：:]\s*(.+)$", text)
        if match:
            return match.group(1).strip().rstrip("。；;，,")
    return None


def parse_date(text: str) -> dt.date | None:
    normal = to_half_width_digits(text)
    match = _DATE.search(normal)
    try:
        if match:
            y, m, d = (int(g) for g in (match.groups()[:3] if match.group(1) else match.groups()[3:]))
            return dt.date(y, m, d)
        match = _CN_DATE.search(normal)
        if match:
            year = parse_chinese_int(match.group(1))
            month, day = parse_chinese_int(match.group(2)), parse_chinese_int(match.group(3))
            if year and month and day:
                return dt.date(year, month, day)
    except ValueError:
        return None
    return None


def _clean(field: str, value: str) -> str:
    value = normalise(value)  # full-width digits and letters: the proposal writes Arabic digits
    if field == "project_number":
        value = value.replace("－", "-")
        value = re.split(r"\s", value)[0]
    if field == "products":
        head = re.split(r"[，,。]", value)[0]
        value = head if len(head) >= 6 else value
    if field == "purchaser":
        value = re.split(r"[\s，,（(]", value)[0] if not value.startswith("（") else value
    return value


def extract_metadata(blocks: list[TextBlock]) -> Metadata:
    meta = Metadata(sources={})
    assert meta.sources is not None
    heading_field: str | None = None  # “一、采购内容” on its own line: the value is the next paragraph
    for block in blocks:
        if block.cells:
            continue
        text = block.text
        if heading_field is not None and getattr(meta, heading_field) is None:
            setattr(meta, heading_field, _clean(heading_field, text))
            meta.sources[heading_field] = text
        heading_field = next((f for f, names in _FIELDS.items()
                              if re.fullmatch(_LEAD + "(?:" + "|".join(names) + r")\s*", text)), None)
        for field, names in _FIELDS.items():
            if getattr(meta, field) is None:
                value = _field_value(text, names)
                if value:
                    setattr(meta, field, _clean(field, value))
                    meta.sources[field] = text
        if meta.date is None:
            match = re.match(_LEAD + r"[^：:]{0,14}(?:截止时间|截止日期|开标时间|开标日期)\s*[：:]\s*(.+)$", text)
            value = match.group(1) if match else None
            if value and parse_date(value):
                meta.date = parse_date(value)
                meta.sources["date"] = text
    if meta.project_name is None:
        # the title line of the cover, e.g. “……采购项目”
        for block in blocks[:8]:
            title = re.sub(r"^#+\s*|\s*(?:公开|竞争性)?(?:招标|采购|谈判|磋商|询价)文件$", "", block.text).strip()
            if re.search(r"(项目|采购)$", title) and 6 <= len(title) <= 60:
                meta.project_name = title
                meta.sources["project_name"] = block.text
                break
    return meta
