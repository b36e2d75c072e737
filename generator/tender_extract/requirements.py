"""Text blocks of a 招标文件 → draft requirements, each with its quote, location and doubts.

A block (a numbered item, a paragraph or a table row) is repaired (repair.py) and split into
sentences at 。；; (and an ASCII “.” after Chinese text); each value in a sentence that has a kind
keyword in its clause becomes one requirement, and each kind the sentence asks for without a value
(present.py) one more. A table row is read with its column headings. A ★/▲ at the head of an item
marks every requirement of the item, one inside a sentence marks that sentence, and one on a
section heading or table caption marks everything under it. Scoring rules (加1分, 得2分 …) and
payment clauses are not requirements and are skipped; a penalty clause (一次扣2分) is dropped and
the requirement it enforces kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.core.bounds import BEFORE_WORDS
from generator.core.kinds import DELIVERY, INSPECTION, SHELF_LIFE, STARTING_KINDS, WARRANTY
from generator.core.quantities import Quantity, compare
from generator.tender_extract.classify import KEYWORDS, Reading, read_mention
from generator.tender_extract.present import present_kinds, relative_bound
from generator.tender_extract.repair import plain, shown
from generator.tender_extract.starts import start_event
from generator.text.headings import opening_lot
from generator.text.mentions import Mention, find_mentions, intervals
from generator.text.text_blocks import TextBlock

_NUMBERING = re.compile(r"^(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}(?:\.\d{1,2})*\s*[、.．)）](?!\d)|[①-⑳]|"
                        r"[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、．.])\s*")
# sentences end at 。；;！？ and at an ASCII “.” after Chinese text (web copies), never inside 1.5 or “2.”
_SENTENCES = re.compile(r"(?:[^。；;！？!?.]|(?<![\u4e00-\u9fff)）])\.|\.(?=\d))+(?:[。；;！？!?]|\.(?!\d))?")
_CLAUSE_BREAK = re.compile(r"[，,]")
_SCORING = re.compile(r"得\s*[\d.一二三四五六七八九十]+\s*分|加\s*[\d.一二三四五六七八九十]+\s*分|最高\s*[\d.]+\s*分|"
                      r"不得分|[\d.]+\s*分[，。；,;]|分值|评分")
# a penalty for a service failure during the contract (一次减10分, 每次扣2分): the clause goes, the
# requirement it punishes stays
_PENALTY = re.compile(r"[^，,。；;]*(?:[减扣]\s*[\d.一二三四五六七八九十]+\s*分|违约金)[^，,。；;]*[，,]?")
_SCORING_SECTION = re.compile(r"评分|评标|评审|打分")
_PAYMENT = re.compile(r"支付|付款|结算|保证金")
_QUOTED_MARK = re.compile(r"[“\"「『][★▲][”\"」』]")
_HEADER_WORDS = {"序号", "编号", "参数名称", "技术要求", "技术参数", "项目", "要求", "备注", "内容", "服务项目", "服务要求",
                 "评分因素", "评分标准", "分值", "名称", "指标", "商务要求", "参数", "条款", "是否实质性要求"}
_SERVICE_WORDS = re.compile("|".join(["售后", "服务", "维修", "维护", "质保", "保修", "培训", "备件", "响应", "现场",
                                      "热线", "回访", "巡检", "供货", "交货", "有效期", "保质期"]))


@dataclass
class Draft:
    """One requirement as extracted, before a clerk has looked at it."""

    text: str
    kind: str
    bound: str
    value: Quantity | None
    qualifier: str | None
    mark: str
    section: str
    page: int | None
    quote: str  # the whole item as it stands in the 招标文件
    notes: list[str] = field(default_factory=list)
    line: int | None = None
    starts: str | None = None  # what a warranty counts from: 验收合格之日
    lot: str | None = None  # the lot of the tender the item is under (第1包): each lot's terms are its own

    @property
    def uncertain(self) -> bool:
        return bool(self.notes)

    def key(self) -> tuple[str, str, str, str | None, str | None]:
        """What makes two drafts one requirement; without a value, only the same words do."""
        return self.kind, self.bound, str(self.value) if self.value is not None else self.text, self.qualifier, self.lot


@dataclass
class Extraction:
    requirements: list[Draft]
    unconverted: list[tuple[str, str, int | None]]  # ★ items about service that gave no requirement


@dataclass(frozen=True)
class _Item:
    label: str  # “投诉处理”, a table row's name cell; “” when none
    body: str  # the text to split into sentences (without numbering)
    quote: str
    mark: str  # the mark at the head of the item, or the one its section heading or table caption carries
    block: TextBlock


def _strip_marks(text: str) -> str:
    return re.sub(r"\s*[★▲]\s*", "", text).strip()


def _mark_in(text: str) -> str:
    """The strongest mark in a text: ★, else ▲, else none."""
    return "★" if "★" in text else "▲" if "▲" in text else ""


def _head_mark(text: str) -> str:
    return _mark_in(text[:12])


def _stronger(mark: str, other: str) -> str:
    """Of an item's own mark and the one its heading or caption gives, the stronger (★ over ▲ over none)."""
    return "★" if "★" in (mark, other) else mark or other


def _row_body(block: TextBlock, cells: list[str]) -> str:
    """A table row's cells, each after its column heading when the table has one (“到现场时间：≤2小时”):
    a fault-tier table names the kind only in its first row."""
    columns = block.columns or block.cells  # every column, empty ones too, where the reader kept them
    aligned = len(block.header) == len(columns)
    pieces = []
    for index, raw in enumerate(columns):
        cell = shown(raw)
        if not cell or cell not in cells:
            continue
        head = _strip_marks(block.header[index]) if aligned else ""
        if head and head not in _HEADER_WORDS and not re.search(r"[：:]", cell) and len(cell) <= 40:
            pieces.append(f"{head}：{cell}")
        else:
            pieces.append(cell)
    return "；".join(pieces)


# the unit in a label's brackets and a bare number after it (质保期（年）：≥3; a table's 质保期（年） | 3)
_UNIT_IN_LABEL = re.compile(r"(?P<label>[\u4e00-\u9fff]{2,10})[（(](?P<unit>年|个月|月|天|日|小时|分钟|工作日)[）)]"
                            rf"(?P<sep>\s*[：:]?\s*)(?P<bound>{BEFORE_WORDS})?\s*"
                            r"(?P<num>\d+(?:\.\d+)?)(?![\d.%]|\s*(?:年|个|月|天|日|小时|分钟|工作日|次|元|人|台|套|%))")


def _unit_into_value(text: str) -> str:
    """质保期（年）：≥3 → 质保期：≥3年: the number then reads as the duration it is."""
    return _UNIT_IN_LABEL.sub(lambda m: f"{m['label']}{m['sep'] or '：'}{m['bound'] or ''}{m['num']}{m['unit']}", text)


def _item(block: TextBlock, inherited: str = "") -> _Item | None:
    if block.cells:
        repaired = tuple(shown(c) for c in block.cells)
        # sequence numbers (1, 12, a 前附表's 条款号 4.1) are no label and no requirement
        block_cells = [c for c in repaired if not re.fullmatch(r"[★▲]?\s*\d{1,3}(?:\.\d{1,3}){0,3}\s*[★▲]?", c)]
        if not block_cells or all(_strip_marks(c) in _HEADER_WORDS for c in block_cells):
            return None
        lone = [c for c in repaired if c in ("★", "▲")]  # a “实质性条款” column holding just the mark
        marks = "".join(c for c in "".join(repaired[:2]) if c in "★▲") + "".join(lone)
        cells = [c for c in block_cells if c not in ("★", "▲")]
        if not cells:
            return None
        mark = _stronger(_mark_in(marks) or _head_mark(cells[-1]), inherited)
        label = cells[0] if len(cells) >= 2 and len(_strip_marks(cells[0])) <= 14 else ""
        rest = cells[1:] if label else cells
        row = TextBlock(block.text, block.section, block.page, repaired, block.line, block.header, block.columns)
        body = _row_body(row, rest)
        if label:  # the label cell's unit belongs to the number in the next (质保期（年） | ≥3)
            joined = _unit_into_value(f"{_strip_marks(label)}：{body}")
            if joined != f"{_strip_marks(label)}：{body}":
                label, body = joined.split("：", 1)
        return _Item(_strip_marks(label), _unit_into_value(body), block.text, mark, block)
    repaired_text = shown(block.text)
    head = repaired_text.lstrip("★▲ ")
    text = _NUMBERING.sub("", head) if _NUMBERING.match(head) else repaired_text
    mark = _stronger(_head_mark(repaired_text), inherited)  # ▲ on an item under a ★ heading: still ★
    text = _unit_into_value(text)
    match = re.match(r"^([★▲]?[^：:，。；\d]{2,12})[：:]", text)
    label = _strip_marks(match.group(1)) if match else ""
    return _Item(label, text, block.text, mark, block)


def _clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence) if m.end() <= position]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(sentence) if m.start() >= position] + [len(sentence)]
    return starts[-1], ends[0]


def _tidy(text: str) -> str:
    return _strip_marks(text).strip("，,；;。、. ")


def _sentence_drafts(item: _Item, sentence: str, prefix: str) -> list[Draft]:
    norm = plain(sentence)
    mentions = find_mentions(norm)
    readings: list[tuple[Mention, Reading, tuple[int, int]]] = []
    previous_end = 0
    for mention in mentions:
        start, end = _clause_bounds(norm, mention.start)
        clause_start = max(start, previous_end) if previous_end > start else start
        clause = norm[start:end]
        local = Mention(mention.start - start, mention.end - start, mention.value, mention.type, mention.raw, mention.note)
        others = [Mention(m.start - start, m.end - start, m.value, m.type, m.raw) for m in mentions
                  if start <= m.start < end and m is not mention]
        context = (plain(item.label) + "：" if item.label else "") + norm[:start]
        reading = read_mention(clause, local, others, clause_start - start, context, norm[end:], plain(item.label))
        previous_end = mention.end
        if reading is not None:
            readings.append((mention, reading, (start, end)))
    drafts = []
    single = len(readings) == 1
    taken_until, last_clause = 0, (-1, -1)
    for mention, reading, (start, end) in readings:
        if single:
            text = prefix + sentence
        elif (start, end) == last_clause:
            pass  # several values in one clause (市区2小时、省内6小时内到达) share its text
        else:
            # the clause, with the value-less clauses before it (“接到报修后，”) as its lead-in
            text = (prefix if taken_until == 0 else "") + sentence[taken_until:end]
            taken_until, last_clause = end, (start, end)
        mark = _stronger(_mark_in(sentence[:mention.start]), item.mark)
        qualifier = reading.qualifier or _label_qualifier(item.label, reading.kind) or _section_phase(item.block.section)
        drafts.append(Draft(_tidy(text), reading.kind, reading.bound, mention.value, qualifier,
                            mark, item.block.section, item.block.page, item.quote, list(reading.notes),
                            item.block.line, start_event(sentence) if reading.kind in STARTING_KINDS else None))
    return drafts


_TIER_LABEL = re.compile(r"^(?:[一二三四五1-5]级|紧急|重大|严重|一般|普通|轻微)(?:故障)?$|^(?:市区|城区|主城区|郊区|郊县|省内|省外|外省|"
                         r"周边|其他地区|小修|中修|大修|急修|工作时间|非工作时间|节假日|白班|夜班)$")


def _section_phase(section: str) -> str | None:
    """Items under a heading such as “质保期外服务要求” hold after the warranty: that is their tier."""
    found = re.findall(r"(?:质保|保修)期(?:外|满后)", plain(section.split(" ")[-1]) if section else "")
    return found[-1] if found else None


def _label_qualifier(label: str, kind: str) -> str | None:
    """A fault-tier table's row name (一级故障, 市区, 大修) is the tier of every value in the row."""
    word = _strip_marks(plain(label)).strip()
    if kind in (WARRANTY, SHELF_LIFE, DELIVERY) or not _TIER_LABEL.match(word):
        return None
    return word.removesuffix("故障") if word.endswith("故障") and len(word) > 2 else word


_PRESENT_NOTES = {
    WARRANTY: "原文以“终身”为限，未给出年限，按“须承诺”记",
}
_RELATIVE_NOTE = "原文以所引规定或标准为限，未给出年限，按“不少于该规定”记，生成时不比较数值"


def _present_drafts(item: _Item, sentence: str, prefix: str, taken: set[str]) -> list[Draft]:
    """Requirements stated without a value (免费提供培训, 建立维修档案, 立即响应) for the kinds the
    sentence gave no value for."""
    drafts = []
    mark = _stronger(_mark_in(sentence), item.mark)
    for kind, _ in present_kinds(plain(sentence)):
        if kind in taken:
            continue
        bound = relative_bound(plain(sentence), kind)
        note = _RELATIVE_NOTE if bound else _PRESENT_NOTES.get(kind, "原文未给出数值，按“须承诺”记")
        drafts.append(Draft(_tidy(prefix + sentence), kind, bound or "present", None, None, mark, item.block.section,
                            item.block.page, item.quote, [note], item.block.line))
    return drafts


def _interval_drafts(item: _Item, sentence: str) -> list[Draft]:
    """巡检 every N hours or days (白班每隔2小时、夜班每隔1小时巡检): the frequency model counts per week
    at most, so each is a present requirement that says so."""
    norm = plain(sentence)
    if not re.search(r"巡检|巡查|巡视|巡逻|检查", norm):
        return []
    drafts, start = [], 0
    for match in intervals(norm):
        end = match.end()
        cut = max(norm.rfind(c, 0, match.start()) for c in "、,，;") + 1
        text = sentence[max(start, cut):end] if match.start() > 0 else sentence[:end]
        start = end
        drafts.append(Draft(_tidy(text), INSPECTION, "present", None, None, item.mark, item.block.section,
                            item.block.page, item.quote, [f"原文为“{match.group()}”一次，频次只能按周、月、季度、年记，请核对"],
                            item.block.line))
    if drafts:  # the last one carries the verb: “夜班每隔1小时进行定时巡检”
        tail = re.match(r"[^，,。；;]*", sentence[start:])
        drafts[-1].text = _tidy(drafts[-1].text + (tail.group() if tail else ""))
    return drafts


# a last clause that only opens a list of sub-items (其中：, 具体如下：)
_LEAD_IN = re.compile(r"(?<=[，,])\s*(?:其中|具体(?:要求)?如下|具体为|分别为|要求如下|如下)\s*[：:]\s*$")


def item_drafts(item: _Item) -> list[Draft]:
    drafts: list[Draft] = []
    prefix = f"{item.label}：" if item.block.cells and item.label else ""
    for sentence in _SENTENCES.findall(item.body):
        sentence = _PENALTY.sub("", sentence)
        sentence = _LEAD_IN.sub("", sentence)  # “…两个小时内响应，其中：” the clause before the list still asks
        if _SCORING.search(sentence) or not sentence.strip("，,。；; ") or re.search(r"[：:]\s*$", sentence):
            continue
        clauses = [c for c in re.split(r"(?<=[，,])", sentence) if not _PAYMENT.search(c)]
        sentence = "".join(clauses)  # “…检测合格，方可支付…”: the payment clause goes, the test stays
        if not sentence.strip("，,。；; "):
            continue
        found = _sentence_drafts(item, sentence, prefix) or _interval_drafts(item, sentence)
        drafts += found + _present_drafts(item, sentence, prefix, {d.kind for d in found})
    return drafts


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One requirement per (kind, bound, value, qualifier): the strongest mark wins, then the first."""
    strength = {"★": 2, "▲": 1, "": 0}
    kept: dict[tuple[str, str, str, str | None, str | None], int] = {}
    out: list[Draft] = []
    for draft in drafts:
        key = draft.key()
        if key not in kept:
            kept[key] = len(out)
            out.append(draft)
        elif strength[draft.mark] > strength[out[kept[key]].mark]:
            out[kept[key]] = draft
    return out


def _conflicts(drafts: list[Draft]) -> None:
    """Flag two requirements of one kind and qualifier with different values."""
    for i, a in enumerate(drafts):
        for b in drafts[i + 1:]:
            if a.kind == b.kind and a.qualifier == b.qualifier and a.lot == b.lot and a.value is not None \
                    and b.value is not None \
                    and compare(a.value, b.value) != 0:
                for d, other in ((a, b), (b, a)):
                    note = f"与另一条要求（{other.text}）对同一事项的数值不同，请确认以哪条为准"
                    if note not in d.notes:
                        d.notes.append(note)


def _section_mark(section: str) -> str:
    """★/▲ on a heading (“★二、商务要求”, “售后服务要求（★）”) marks every item under it."""
    return _mark_in(section)


def _caption_mark(block: TextBlock | None) -> str:
    if block is None or block.cells or len(block.text) > 40 or _QUOTED_MARK.search(block.text):
        return ""
    return _head_mark(block.text) if re.search(r"表|要求|参数|条款", block.text) else ""


def extract_requirements(blocks: list[TextBlock]) -> Extraction:
    drafts: list[Draft] = []
    unconverted: list[tuple[str, str, int | None]] = []
    caption_mark, previous = "", None
    lot, lot_section = None, ""  # a line opening with 第二包 starts that lot's items, up to the next lot or heading
    for block in blocks:
        if _SCORING_SECTION.search(block.section):
            continue
        if lot is not None and block.section != lot_section:
            lot = None
        if not block.cells and (opened := opening_lot(block.text)):
            lot, lot_section = opened, block.section
        if block.cells and not (previous is not None and previous.cells):
            caption_mark = _caption_mark(previous)  # a table's caption, just above its first row
        item = _item(block, _section_mark(block.section) or (caption_mark if block.cells else ""))
        previous = block
        if item is None:
            continue
        found = item_drafts(item)
        for draft in found:
            draft.lot = lot
        drafts += found
        heading = not block.cells and block.section.endswith(block.text.strip())  # its ★ marks the items under it
        if not found and not heading and "★" in _QUOTED_MARK.sub("", block.text) and _SERVICE_WORDS.search(block.text):
            unconverted.append((block.text, block.section, block.page))
    merged = _merge(drafts)
    _conflicts(merged)
    return Extraction(merged, unconverted)


__all__ = ["Draft", "Extraction", "extract_requirements", "KEYWORDS"]
