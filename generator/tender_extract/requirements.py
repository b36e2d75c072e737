"""Text blocks of a 招标文件 → draft requirements, each with its quote, location and doubts.

A block (a numbered item, a paragraph or a table row) is split into sentences at 。；; each value in
a sentence that has a kind keyword in its clause becomes one requirement. A ★/▲ at the head of an
item marks every requirement of the item; one inside a sentence marks that sentence. Scoring rules
(加1分, 得2分 …) and payment terms are not requirements and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.quantities import Quantity, compare
from generator.tender_extract.classify import KEYWORDS, read_mention
from generator.tender_extract.mentions import Mention, find_mentions, normalise
from generator.tender_extract.reader import TextBlock

_NUMBERING = re.compile(r"^(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}(?:\.\d{1,2})*\s*[、.．)）](?!\d)|[①-⑳]|"
                        r"[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、．.])\s*")
_SENTENCES = re.compile(r"[^。；;！？!?]+[。；;！？!?]?")
_CLAUSE_BREAK = re.compile(r"[，,]")
_SCORING = re.compile(r"得\s*[\d.一二三四五六七八九十]+\s*分|[加扣]\s*[\d.一二三四五六七八九十]+\s*分|最高\s*[\d.]+\s*分|"
                      r"不得分|[\d.]+\s*分[，。；,;]|分值|评分")
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

    @property
    def uncertain(self) -> bool:
        return bool(self.notes)

    def key(self) -> tuple[str, str, str, str | None]:
        return self.kind, self.bound, str(self.value) if self.value is not None else "", self.qualifier


@dataclass
class Extraction:
    requirements: list[Draft]
    unconverted: list[tuple[str, str, int | None]]  # ★ items about service that gave no requirement


@dataclass(frozen=True)
class _Item:
    label: str  # “投诉处理”, a table row's name cell; “” when none
    body: str  # the text to split into sentences (without numbering)
    quote: str
    mark: str  # the mark at the head of the item
    block: TextBlock


def _strip_marks(text: str) -> str:
    return re.sub(r"\s*[★▲]\s*", "", text).strip()


def _head_mark(text: str) -> str:
    head = text[:12]
    return "★" if "★" in head else "▲" if "▲" in head else ""


def _item(block: TextBlock) -> _Item | None:
    if block.cells:
        cells = [c for c in block.cells if not re.fullmatch(r"[★▲]?\s*\d{1,3}\s*[★▲]?", c)]
        if not cells or all(_strip_marks(c) in _HEADER_WORDS for c in cells):
            return None
        lone = [c for c in block.cells if c in ("★", "▲")]  # a “实质性条款” column holding just the mark
        marks = "".join(c for c in "".join(block.cells[:2]) if c in "★▲") + "".join(lone)
        cells = [c for c in cells if c not in ("★", "▲")]
        if not cells:
            return None
        mark = "★" if "★" in marks else "▲" if "▲" in marks else _head_mark(cells[-1])
        label = cells[0] if len(cells) >= 2 and len(_strip_marks(cells[0])) <= 14 else ""
        body = "；".join(cells[1:]) if label else "；".join(cells)
        return _Item(_strip_marks(label), body, block.text, mark, block)
    text = _NUMBERING.sub("", block.text.lstrip("★▲ ")) if _NUMBERING.match(block.text.lstrip("★▲ ")) else block.text
    mark = _head_mark(block.text)
    match = re.match(r"^([★▲]?[^：:，。；\d]{2,12})[：:]", text)
    label = _strip_marks(match.group(1)) if match else ""
    return _Item(label, text, block.text, mark, block)


def _clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    starts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence) if m.end() <= position]
    ends = [m.start() for m in _CLAUSE_BREAK.finditer(sentence) if m.start() >= position] + [len(sentence)]
    return starts[-1], ends[0]


def _tidy(text: str) -> str:
    return _strip_marks(text).strip("，,；;。 ")


def _sentence_drafts(item: _Item, sentence: str, prefix: str) -> list[Draft]:
    norm = normalise(sentence)
    mentions = find_mentions(norm)
    readings: list[tuple[Mention, object, tuple[int, int]]] = []
    previous_end = 0
    for mention in mentions:
        start, end = _clause_bounds(norm, mention.start)
        clause_start = max(start, previous_end) if previous_end > start else start
        clause = norm[start:end]
        local = Mention(mention.start - start, mention.end - start, mention.value, mention.type, mention.raw, mention.note)
        others = [Mention(m.start - start, m.end - start, m.value, m.type, m.raw) for m in mentions
                  if start <= m.start < end and m is not mention]
        context = (item.label + "：" if item.label else "") + norm[:start]
        reading = read_mention(clause, local, others, clause_start - start, context)
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
        mark = "★" if "★" in sentence[:mention.start] else "▲" if "▲" in sentence[:mention.start] else item.mark
        drafts.append(Draft(_tidy(text), reading.kind, reading.bound, mention.value, reading.qualifier,
                            mark, item.block.section, item.block.page, item.quote, list(reading.notes),
                            item.block.line))
    return drafts


def _present_drafts(item: _Item, sentence: str, prefix: str) -> list[Draft]:
    """Requirements stated without a value (免费提供培训, 软件终身免费升级), in a sentence with none."""
    rules = [
        ("training", r"(?:提供|负责|组织|免费|开展)[^。；]{0,20}培训"),
        ("software_upgrade", r"免费[^。；，]{0,6}升级|终身[^。；，]{0,4}升级"),
        ("return_visit", r"定期回访"),
        ("inspection", r"定期(?:上门)?(?:巡检|巡查|维护保养)"),
    ]
    drafts = []
    for kind, pattern in rules:
        if not re.search(pattern, sentence):
            continue
        mark = "★" if "★" in sentence else "▲" if "▲" in sentence else item.mark
        drafts.append(Draft(_tidy(prefix + sentence), kind, "present", None, None, mark, item.block.section,
                            item.block.page, item.quote, ["原文未给出数值，按“须承诺”记"], item.block.line))
    return drafts


def item_drafts(item: _Item) -> list[Draft]:
    drafts: list[Draft] = []
    prefix = f"{item.label}：" if item.block.cells and item.label else ""
    for sentence in _SENTENCES.findall(item.body):
        if _SCORING.search(sentence) or _PAYMENT.search(sentence):
            continue
        found = _sentence_drafts(item, sentence, prefix)
        drafts += found or _present_drafts(item, sentence, prefix)
    return drafts


def _merge(drafts: list[Draft]) -> list[Draft]:
    """One requirement per (kind, bound, value, qualifier): the strongest mark wins, then the first."""
    strength = {"★": 2, "▲": 1, "": 0}
    kept: dict[tuple[str, str, str, str | None], int] = {}
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
            if a.kind == b.kind and a.qualifier == b.qualifier and a.value is not None and b.value is not None \
                    and compare(a.value, b.value) != 0:
                for d, other in ((a, b), (b, a)):
                    note = f"与另一条要求（{other.text}）对同一事项的数值不同，请确认以哪条为准"
                    if note not in d.notes:
                        d.notes.append(note)


def extract_requirements(blocks: list[TextBlock]) -> Extraction:
    drafts: list[Draft] = []
    unconverted: list[tuple[str, str, int | None]] = []
    for block in blocks:
        if _SCORING_SECTION.search(block.section):
            continue
        item = _item(block)
        if item is None:
            continue
        found = item_drafts(item)
        drafts += found
        if not found and "★" in _QUOTED_MARK.sub("", block.text) and _SERVICE_WORDS.search(block.text):
            unconverted.append((block.text, block.section, block.page))
    merged = _merge(drafts)
    _conflicts(merged)
    return Extraction(merged, unconverted)


__all__ = ["Draft", "Extraction", "extract_requirements", "KEYWORDS"]
