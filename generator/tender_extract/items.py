"""The 采购清单 of a 招标文件, as the `items:` section of the tender draft.

A purchase list is a table whose header names the goods and their number: 序号 | 货物名称 | 规格型号 |
数量 | 单位 | 备注, in any order and under the usual other names (产品名称、设备名称、品目名称；计量单位；
数量及单位), with columns this model has no field for (技术参数、预算单价、最高限价) left out. Its rows
become items; a row with neither a 序号 nor a quantity just below an item is the rest of that item's
cells, broken by a page end.

A table whose header lacks a name or a quantity column (评分表、资格要求、人员表、报价明细 with prices
only) is no purchase list, nor is a list of spare parts, accessories or a blank form for the bid
(备品备件清单、装箱配置、投标文件格式中的分项报价表): its title or section says which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.core.numerals import CHINESE_NUMBER_RE, parse_number, to_half_width_digits
from generator.load.yamlio import dump_round_trip
from generator.models.tender import ITEM_LABELS, SupplyItem
from generator.text.headings import TENDER, heading_level
from generator.text.text_blocks import TextBlock, is_header_row

_JOINER = r"[及/／、和与]?"
# header cell (spaces, marks and a closing parenthesis removed) → the field it heads
HEADERS = (
    ("number", re.compile(r"序号|编号|品目号|包号")),
    ("name", re.compile(r"(?:货物|产品|设备|品目|标的物?|采购标的|采购内容|物资|商品|仪器设备|仪器|车辆|苗木)?名称|品名|品目")),
    ("brand", re.compile(r"(?:参考|推荐)?品牌")),
    ("model", re.compile(rf"(?:参考|推荐)?(?:品牌{_JOINER})?(?:规格{_JOINER}型号|型号{_JOINER}规格|型号|规格)|品牌{_JOINER}规格")),
    ("quantity_unit", re.compile(rf"数量{_JOINER}(?:计量)?单位|数量[（(](?:计量)?单位[）)]")),
    ("quantity", re.compile(r"(?:采购|需求|计划)?数量")),
    ("unit", re.compile(r"(?:计量)?单位")),
    ("note", re.compile(r"备注")),
)
# a header with one of these heads something else than goods to be supplied
_OTHER_TABLE = re.compile(r"分值|得分|评分|评审|姓名|职称|职务|资格|资质")
# where a table's title or section shows it lists what comes with the goods or is a form for the bid
_NOT_PURCHASED = re.compile(r"备品|备件|易损件|配件|配置|装箱|随机|工具|样品|业绩|人员|评分|评审|资格|报价|格式")
_PURCHASE_LIST = re.compile(r"采购清单|采购需求|货物清单|设备清单|需求清单|需求一览|采购明细|采购内容|采购标的|标的清单|货物需求")
_CONTINUED = re.compile(r"^[（(]?续表|^[（(]续[）)]$")
_TOTAL = re.compile(r"^(?:合计|小计|总计|共计|总价|合价)")
_UNSTATED = re.compile(r"^(?:[/／\-—–无]+|投标人自报|投标人自定|自报|自定|响应|详见.*)$|投标人")
_QUANTITY = re.compile(rf"^(?P<about>约|共|计)?\s*(?P<num>\d+(?:\.\d+)?|{CHINESE_NUMBER_RE})\s*"
                       r"(?P<unit>[（(]?[^\d\s.。，,；;（()）]{1,3}[）)]?)?\s*(?P<rest>.*)$")
_HEADER_UNIT = re.compile(r"[（(]([^\d/／、（()）]{1,3})[）)]$")  # 数量（台）: the unit of every row
_NEW_LINE = re.compile(r"^(?:[★▲#*•·\-]|[（(]?[\d一二三四五六七八九十]+[)）、.．])|[。；;：:]")
_FRAGMENT = 12  # characters: a line this short without a stop, below a row, is that row's cell going on


@dataclass
class FoundItem:
    """One row of the list: the item's fields and what the clerk should check."""

    name: str
    quantity: float | None
    unit: str
    model: str = ""
    note: str = ""
    quote: str = ""  # the row as written
    section: str = ""
    page: int | None = None
    line: int | None = None
    doubts: list[str] = field(default_factory=list)


def _header_key(cell: str) -> str:
    """A header cell as HEADERS match it: no spaces or marks, no note in parentheses (数量（台）→ 数量),
    except the one that names the unit column (数量（单位）)."""
    key = re.sub(r"[\s*★▲※]", "", cell)
    return key if re.fullmatch(r"数量[（(](?:计量)?单位[）)]", key) else re.sub(r"[（(][^）)]*[）)]$", "", key)


def header_fields(cells: tuple[str, ...]) -> list[str | None] | None:
    """The field each column heads (None: a column to leave out), or None when the row is not the
    header of a purchase list: it must head a name and a quantity, and nothing of a scoring, staff or
    qualification table."""
    if any(_OTHER_TABLE.search(c) for c in cells):
        return None
    fields: list[str | None] = []
    for cell in cells:
        key = _header_key(cell)
        fields.append(next((name for name, pattern in HEADERS if key and pattern.fullmatch(key)), None))
    taken = [f for f in fields if f is not None]
    if "name" not in taken or not {"quantity", "quantity_unit"} & set(taken) or len(set(taken)) != len(taken):
        return None
    return fields


def _header_unit(cells: tuple[str, ...], fields: list[str | None]) -> str:
    """The unit a 数量（台） header gives every row."""
    for cell, name in zip(cells, fields, strict=True):
        match = _HEADER_UNIT.search(re.sub(r"\s", "", cell)) if name == "quantity" else None
        if match:
            return match.group(1)
    return ""


def parse_quantity(text: str) -> tuple[float | None, str, list[str]]:
    """“12台” → (12, 台), “2 套” → (2, 套), “壹批” → (1, 批), “8” → (8, ""); doubts when the cell says more."""
    text = to_half_width_digits(re.sub(r"\s+", " ", text).strip())
    match = _QUANTITY.match(text)
    number = parse_number(match["num"]) if match else None
    if match is None or number is None or number <= 0:
        return None, "", [f"数量“{text}”不是可识别的数字，请填写"] if text else []
    doubts = []
    if match["about"] in ("约",):
        doubts.append(f"数量原文为“{text}”，请确认")
    if match["rest"]:
        doubts.append(f"数量原文为“{text}”，其后文字未录入")
    unit = (match["unit"] or "").strip("（()）")
    return (int(number) if number.is_integer() else number), unit, doubts


def _fits(name: str | None, cell: str) -> int:
    """How well a cell suits a column, for rows whose empty cells were lost (columns set apart by spaces)."""
    plain = to_half_width_digits(cell)
    money = re.fullmatch(r"[¥￥]?\d[\d,]*\.\d+(?:元|万元)?|[¥￥]\d[\d,]*|\d[\d,]*(?:元|万元)", plain) is not None
    numeric = money or plain.isdigit()
    quantity, unit, _ = parse_quantity(cell)
    if name == "number":
        return 2 if re.fullmatch(r"\d{1,3}", plain) else -3
    if name in ("quantity", "quantity_unit"):
        return -5 if quantity is None or len(cell) > 8 else 1 if money else 3
    if name == "unit":
        return 2 if re.fullmatch(r"[^\d\s]{1,3}", cell) and quantity is None else -5
    if name == "name":
        return -5 if numeric else 2
    if name is None:  # a price or a specification
        return 2 if money else 0
    # model, note: a figure or a count written in words (壹批) belongs elsewhere
    return -2 if numeric else -1 if unit and not plain[0].isdigit() else 1


def align(cells: tuple[str, ...], fields: list[str | None]) -> list[str]:
    """The cells of a row that has fewer cells than its header, each under the column it suits best
    (cells keep their order; the columns left over are empty)."""
    n, m = len(cells), len(fields)
    unset = -10**6
    best = [[unset] * (m + 1) for _ in range(n + 1)]
    best[0] = [0] * (m + 1)
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            best[i][j] = max(best[i][j - 1], best[i - 1][j - 1] + _fits(fields[j - 1], cells[i - 1]))
    out = [""] * m
    i, j = n, m
    while i > 0:
        if best[i][j] == best[i][j - 1] and j > i:
            j -= 1
            continue
        out[j - 1] = cells[i - 1]
        i, j = i - 1, j - 1
    return out


def _clip(text: str, field_name: str, doubts: list[str]) -> str:
    limit = next(m.max_length for m in SupplyItem.model_fields[field_name].metadata if hasattr(m, "max_length"))
    if len(text) <= limit:
        return text
    doubts.append(f"{ITEM_LABELS[field_name]}超过{limit}个字，已截断，请改写")
    return text[:limit]


def _item(values: dict[str, str], unit_of_all: str, block: TextBlock, quote: str) -> FoundItem | None:
    name = re.sub(r"^[★▲※*]+", "", values.get("name", "")).strip()
    if not name or _TOTAL.match(name):
        return None
    doubts: list[str] = []
    written = values.get("quantity") or values.get("quantity_unit") or ""
    if not re.search(rf"\d|{CHINESE_NUMBER_RE}|若干|按需|按实际|详见", to_half_width_digits(written)):
        return None  # no count at all (empty, “/”, masked “*”): a heading or a form's blank row
    quantity, unit, said = parse_quantity(written)
    doubts += said
    unit = values.get("unit") or unit or unit_of_all
    if not unit:
        doubts.append("招标文件未写单位，请填写")
    model = " ".join(v for v in (values.get("brand", ""), values.get("model", "")) if v and not _UNSTATED.search(v))
    if model:
        doubts.append("品牌型号取自招标文件所列（参考）品牌或规格，请改为所投品牌型号")
    return FoundItem(_clip(name, "name", doubts), quantity, _clip(unit, "unit", doubts), _clip(model, "model", doubts),
                     _clip(values.get("note", ""), "note", doubts), quote, block.section, block.page,
                     block.line, doubts)


def _listed(title: str, section: str) -> bool:
    """Whether a table under this title and section lists goods to be supplied: the title says so first
    (采购清单 / 备品备件), then the headings above it (第三章 采购需求及配置要求 一、采购清单)."""
    for text in (title, section):
        if _PURCHASE_LIST.search(text):
            return True
        if _NOT_PURCHASED.search(text):
            return False
    return True


class _Reader:
    """Reads blocks in order, keeping the purchase list being read (its columns) and its last item."""

    def __init__(self) -> None:
        self.found: list[FoundItem] = []
        self.fields: list[str | None] | None = None  # the columns of the purchase list being read
        self.unit_of_all = ""  # the unit a 数量（台） header gives
        self.title = ""  # the paragraph before a table: its title, as a rule
        self.last: FoundItem | None = None  # the item of the row above
        self.last_row: tuple[dict[str, str], TextBlock] = ({}, TextBlock("", "", None))  # its cells and first block
        self.held: tuple[dict[str, str], str] | None = None  # a row with a name but no count yet, and its text

    def paragraph(self, block: TextBlock) -> None:
        stripped = block.text.strip()
        last = self.last
        if self.fields is not None and _CONTINUED.match(stripped):
            return  # 续表: the list goes on
        if (self.fields is not None and last is not None and block.line is not None and last.line is not None
                and block.line == last.line + 1 and len(stripped) <= _FRAGMENT and not _NEW_LINE.match(stripped)
                and heading_level(stripped, TENDER) is None):
            # a cell wrapped in a text table: which cell is not known, the name most often
            values = dict(self.last_row[0])
            values["name"] = values.get("name", "") + stripped
            self._redo_last(values, f"{last.quote} {stripped}")
            if self.last is not None:
                self.last.doubts.append(f"下一行的“{stripped}”已接在货物名称之后，请核对属于哪一栏")
                self.last.line = None  # one such line at most
            return
        self.fields, self.last, self.held, self.title = None, None, None, stripped

    def row(self, block: TextBlock) -> None:
        cells = block.columns or block.cells
        heading = header_fields(cells)
        if heading is not None:
            self.fields = heading if _listed(self.title, block.section) else None
            self.unit_of_all = _header_unit(cells, heading)
            self.last = self.held = None
            return
        fields = self.fields
        if fields is None:
            return
        if not block.header and is_header_row(block.cells) and not any(parse_quantity(c)[0] for c in block.cells):
            self.fields = None  # the first row of another table names its columns
            return
        guessed = len(cells) != len(fields)
        if (guessed and len(block.cells) > len(fields)) or (len(set(block.cells)) == 1 and len(fields) > 1):
            return  # not a row of this table, or one spanning it (第一包、分类名称)
        row = align(block.cells, fields) if guessed else list(cells)
        values = {name: cell.strip() for name, cell in zip(fields, row, strict=True) if name is not None}
        quote = block.text
        if self.held is not None and not values.get("number"):  # the rest of a row whose name was wrapped
            above, text = self.held
            values = {k: above.get(k, "") + values.get(k, "") for k in {*above, *values}}
            quote = f"{text} {quote}"
        self.held = None
        counted = values.get("quantity") or values.get("quantity_unit") or values.get("unit")
        if self.last is not None and not values.get("number") and not counted:
            above = self.last_row[0]  # the rest of the row above, after a page end
            self._redo_last({k: above.get(k, "") + values.get(k, "") for k in {*above, *values}},
                            f"{self.last.quote} {quote}")
            return
        if values.get("number") and values.get("name") and not counted:
            self.held = (values, quote)  # its count is on the next line
            return
        item = _item(values, self.unit_of_all, block, quote)
        if item is not None:
            self.found.append(item)
            self.last_row = (values, block)
        self.last = item

    def _redo_last(self, values: dict[str, str], quote: str) -> None:
        """The last item again from its cells with more text in them."""
        item = _item(values, self.unit_of_all, self.last_row[1], quote)
        if item is not None:
            self.found[-1] = self.last = item
            self.last_row = (values, self.last_row[1])


def find_items(blocks: list[TextBlock]) -> list[FoundItem]:
    """Every purchase list's rows, in reading order."""
    reader = _Reader()
    for block in blocks:
        if block.cells:
            reader.row(block)
        else:
            reader.paragraph(block)
    return _distinct(reader.found)


def _distinct(items: list[FoundItem]) -> list[FoundItem]:
    """Names made distinct, as the model wants them: the second 监护仪 becomes 监护仪（2）."""
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.name in first:
            item.doubts.append(f"与第{first[item.name] + 1}项同名，已加序号区分，请改为可区分的名称或合并")
            item.name = f"{item.name[:55]}（{index + 1}）"
        first.setdefault(item.name, index)
    return items


def _where(item: FoundItem) -> str:
    parts = [item.section] if item.section else []
    if item.page is not None:
        parts.append(f"第{item.page}页")
    elif item.line is not None:
        parts.append(f"第{item.line}行")
    return "，".join(parts) or "位置未知"


def item_map(item: FoundItem) -> CommentedMap:
    entry = CommentedMap(name=item.name)
    if item.model:
        entry["model"] = item.model
    entry["quantity"] = item.quantity if item.quantity is not None else "待填写"
    entry["unit"] = item.unit or "待填写"
    if item.note:
        entry["note"] = item.note
    if item.quantity is not None and item.unit:
        SupplyItem.model_validate(dict(entry))  # never write what the model would refuse
    return entry


def items_yaml(found: list[FoundItem]) -> str:
    """The `items:` section to append to a tender draft ("" when the 招标文件 has no purchase list)."""
    if not found:
        return ""
    seq = CommentedSeq()
    for index, item in enumerate(found):
        seq.append(item_map(item))
        quote = re.sub(r"\s+", " ", item.quote)[:160]
        notes = [f"原文（{_where(item)}）：“{quote}”"]
        notes += [f"待核实：{doubt}" for doubt in item.doubts]
        seq.yaml_set_comment_before_after_key(index, before="\n".join(notes), indent=2)
    dumped = dump_round_trip({"items": seq})
    labels = "、".join(ITEM_LABELS[k] for k in ("name", "model", "quantity", "unit"))
    return ("\n# 招标文件的采购清单（方案“服务理念与原则”一节列为供货范围表）。\n"
            f"# 待核实：逐项核对{labels}，并写明所投品牌型号（model）；不列供货范围表时可删去整个 items。\n"
            + dumped)
