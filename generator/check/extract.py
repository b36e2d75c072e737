"""Commitment mentions: every value of a stable kind stated in a document, with its qualifier.

For each value (values.py) the kind comes from the nearest word that names a kind (patterns.py)
in the same clause — after the value when it ends in 内 (“2小时内到达现场”), else before it
(“质保期为3年”) — then from earlier clauses of the sentence, and for table cells from the column
header and the rest of the row. Values that restate a tender requirement are skipped.

A kind named in a sentence without any value of that kind (提供技术援助电话, 定期回访, 免费版本升级)
is a commitment without a value; so is a value whose number is blank (X年) or 当日. Those are
reported with the commitments but never compared by the rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import partial

from generator.check.facts import facts as text_facts_of
from generator.check.memo import BoundedMemo, memoisable
from generator.check.patterns import (
    ALSO_KIND,
    BACKUP_FOLLOWS_RE,
    BIDDER_SUBJECT_RE,
    BOUND_QUOTE_RE,
    BOUND_WORDS_RE,
    COMPLAINT_RE,
    DURATION_UNITS,
    FAILED_REPAIR_AFTER_RE,
    FAILED_REPAIR_BEFORE_RE,
    FAILURE_RE,
    FREQUENCY_KINDS,
    INSTRUCTION_RE,
    KIND_RE,
    MAINTENANCE_WORD_RE,
    NEUTRAL_RE,
    PENALTY_CONTEXT_RE,
    PURCHASER_DUTY_RE,
    QUALIFIER_DIMENSIONS,
    QUALIFIER_RES,
    REQUIREMENT_CONTEXT_RE,
    SCHEDULE_KINDS,
    SCORING_CONTEXT_RE,
    START_EVENT_RE,
    TURNAROUND_RE,
    canonical_qualifier,
)
from generator.check.positions import Matches, Spans, bound_to_other, tail_search
from generator.core.bounds import AT_MOST_AFTER, BEFORE_WORDS, alternation
from generator.core.kinds import (
    BACKUP_EQUIPMENT,
    BACKUP_FOLLOWS_REACH,
    COMPLAINT_RESPONSE,
    FAILED_REPAIR_AFTER_REACH,
    FAILED_REPAIR_BEFORE_REACH,
    FAULT_KINDS,
    HOTLINE,
    INSPECTION,
    ONSITE_ARRIVAL,
    PERCENTAGE_KINDS,
    REPAIR_TURNAROUND,
    RESOLUTION,
    RESPONSE,
    RETURN_VISIT,
    SHELF_LIFE,
    SPARE_PARTS,
    STARTING_KINDS,
    WARRANTY,
)
from generator.text.document import SECTION_SEPARATOR, Block, Document
from generator.text.headings import quotes_tender
from generator.text.normalize import normalised_text
from generator.text.values import Value, find_values, may_have_values

_SENTENCE_RE = re.compile(r"[^。;!?\n]+[。;!?\n]?")
# a comma inside a short parenthesis does not end the clause: 自购买之日(以发票日期为准,下同)起7日内
_CLAUSE_RE = re.compile(r"(?:\([^(),]{0,40},[^()]{0,40}\)|[^,])+,?")
# columns quoting the tender, not the bidder: its requirements and its 评分标准 (a 评分点对照表)
_EXTENDED_RE = re.compile(r"(?:延长|延至)(?:至|到)?$")
_EXTENDED_SUBJECT_RE = re.compile(r"[-*·•]?((?:[\u4e00-\u9fff]|、){2,12}?)(?:均|可|的)?")
_NOT_SUBJECT_RE = re.compile(r"^(?:经|如|若|可|根据|按|应|需|将|视|免费)|我公司|本公司|我方|本项目|本单位|贵方|贵单位|其中|以上|上述|全部|所有|均")
_BARE_VALUE_RE = re.compile(rf"(?:{alternation(AT_MOST_AFTER)})?[。.;]?\s*")  # what may follow a value alone in its paragraph
_NOTE_RE = re.compile(r"\([^()]{1,120}\)")  # a parenthetical note
_LABEL_LINE_MAX = 8  # a table row's label cell on a line of its own (零配件供应)
_REQUIREMENT_COLUMN_RE = re.compile(r"^(?:招标|采购|磋商)?(?:文件)?(?:技术|商务|用户)?(?:要求|需求|条款|参数)(?:内容)?$|招标要求|招标文件要求|采购需求"
                                    r"|评分标准|评分办法|评审标准|评分细则")
_NOTE_COLUMN_RE = re.compile(r"说明|备注")
MAX_DISTANCE = 24


@dataclass(frozen=True)
class Keyword:
    kind: str
    start: int
    end: int
    weak: bool = False  # names the kind only when nothing else in the clause does (自售出之日起)


@dataclass(frozen=True, slots=True)  # slots: a build makes ~700, each faster to make
class Mention:
    kind: str
    value: Value
    qualifiers: tuple[tuple[str, str], ...]
    block: Block
    span: tuple[int, int]  # normalised span to quote (value and the word naming the kind)

    @property
    def stated(self) -> bool:
        """A value with a quantity the rules can compare (not a blank, 当日, or a kind named alone)."""
        return self.value.quantity is not None

    @property
    def qualifier(self) -> str | None:
        return "、".join(word for _, word in self.qualifiers) or None

    def qualifier_of(self, dimension: str) -> str | None:
        return next((word for dim, word in self.qualifiers if dim == dimension), None)

    def quote(self) -> str:
        return self.block.quote(*self.span, context=6)

    def location(self):
        from generator.check.findings import Location

        return Location(self.block.section, self.block.index, self.quote(), self.block.line, self.block.page,
                        span=self.block.original_span(*self.span))


def keywords(text: str) -> list[Keyword]:
    """Words naming a kind in `text` (normalised); neutral phrases (投标响应, 质保期内…) do not count.
    “24小时内仍未修复的，提供备用设备”: 修复 names the resolution time, whatever follows."""
    masked = NEUTRAL_RE.sub(lambda m: "\x00" * len(m.group()), text)
    found: list[Keyword] = []
    for match in KIND_RE.finditer(masked):
        assert match.lastgroup is not None
        kind, _, weak = match.lastgroup.partition("__")
        found.append(Keyword(kind, match.start(), match.end(), bool(weak)))
        also = ALSO_KIND.get(match.group().replace("的", ""))  # 免费的维护 is 免费维护
        if also:
            found.append(Keyword(also, match.start(), match.end()))
    found.sort(key=lambda k: k.start)
    return found


def compatible(kind: str, value: Value) -> bool:
    if value.vtype == "present":
        return True
    if value.vtype == "schedule":
        return kind in SCHEDULE_KINDS
    if value.vtype == "frequency":
        return kind in FREQUENCY_KINDS
    units = DURATION_UNITS.get(kind)
    return units is not None and value.unit in units


class _Words:
    """Keywords sorted by start, so the few near a value are found by bisection (a paragraph of
    thousands of values stays linear)."""

    def __init__(self, words: list[Keyword]) -> None:
        self.words = words
        self.starts = [word.start for word in words]
        self.longest = max((word.end - word.start for word in words), default=0)

    def near(self, value: Value, lo: int, hi: int) -> list[Keyword]:
        """The words in [lo, hi) that can lie within MAX_DISTANCE of the value, in order."""
        first = bisect_left(self.starts, max(lo, value.start - MAX_DISTANCE - self.longest))
        last = bisect_right(self.starts, min(hi, value.end + MAX_DISTANCE))
        return self.words[first:last]


def _named_after(value: Value, words: _Words, lo: int, hi: int) -> bool:
    """A task's kind word (培训, not 上门: 一年内免费上门服务 is still a warranty), compatible with the value
    or not, follows it within MAX_DISTANCE in [lo, hi)."""
    return any(word.start >= value.end and word.end <= hi and word.start - value.end <= MAX_DISTANCE
               and word.kind not in FAULT_KINDS for word in words.near(value, lo, hi))


def _nearest(value: Value, words: _Words, lo: int, hi: int, used: set[Keyword] | frozenset[Keyword] = frozenset(),
             ) -> Keyword | None:
    """The word naming a compatible kind nearest to the value within [lo, hi), skipping `used`."""
    before: list[tuple[int, Keyword]] = []
    after: list[tuple[int, Keyword]] = []
    for word in words.near(value, lo, hi):
        if word.start < lo or word.end > hi or not compatible(word.kind, value) or word in used:
            continue
        if word.end <= value.start:
            before.append((value.start - word.end, word))
        elif word.start >= value.end:
            after.append((word.start - value.end, word))
        else:
            return word  # inside the value's span (每半年派员上门保养设备一次)
    before = [item for item in before if item[0] <= MAX_DISTANCE]
    after = [item for item in after if item[0] <= MAX_DISTANCE]
    first, second = (after, before) if value.tail else (before, after)
    for group in (first, second):
        if group:
            return min(group, key=lambda item: item[0])[1]
    return None


def _context_kind(value: Value, texts: list[str]) -> str | None:
    """The kind a label names (a row's first cell, a column header): its most specific word, the longest
    (到货时剩余有效期 is a remaining shelf life, not a delivery time), and of two as long the first
    (投诉答复 is the answer to a complaint)."""
    for text in texts:
        words = [word for word in keywords(text) if not word.weak and compatible(word.kind, value)]
        if words:
            return max(words, key=lambda word: (word.end - word.start, -word.start)).kind
    return None


_BLOCK_DIMENSIONS = ("customer",)  # stated once for a whole paragraph (对于签约客户：…)
_OWN_DIMENSIONS = ("customer", "remedy", "service")  # found by their own rules, not the nearest word before the value


def _qualifiers_before(text: str, value_start: int, value_starts: list[int], since: int = 0) -> dict[str, str]:
    """Nearest qualifier per dimension before the value; a word bound to another value
    (“市区2小时内、省内6小时内”) or stated before an earlier value of the same kind (`since`:
    “整机保修一年，光源保修八年”) does not carry over to later values."""
    found: dict[str, str] = {}
    for dimension in QUALIFIER_RES:
        if dimension in _OWN_DIMENSIONS:
            continue
        for match in reversed(list(QUALIFIER_RES[dimension].finditer(text, since, value_start))):
            if not bound_to_other(match.end(), value_starts, value_start):
                found[dimension] = canonical_qualifier(dimension, match)
                break
    return found


# what opens a label: a start, a separator, or a list bullet (● 整机质保3年)
_LABEL_RE = re.compile(r"(?:^|[、,;:()为是●•▪■◆◇○√])((?:(?![为是])[\u4e00-\u9fff]){1,8})$")
_SUBJECT_RE = re.compile(r"(?:^|[、,;:()为是●•▪■◆◇○√])((?:(?![为是])[\u4e00-\u9fff]){1,12})$")
# among several values, a list number opens a label too (1. 整机免费保修3年，硬盘免费保修5年); a sentence's one
# value after a list number (2. 所供窗帘质保期为1年) names the whole delivery
_LISTED_SUBJECT_RE = re.compile(r"(?:^|[、,;:()为是●•▪■◆◇○√]|\d[.)]\s*)((?:(?![为是])[\u4e00-\u9fff]){1,12})$")
_LINK_RE = re.compile(rf"(?:为|是|:|达到|均为|{BEFORE_WORDS})?")  # 质保期为3年, 质保期不少于3年
_LEAD_RE = re.compile(r"^(?:本项目|我公司|所供|所配|所投|提供的?)+")
# nor is the event a period counts from (质保期为自终验合格之日起叁年): no part of the delivery
_NOT_LABEL_RE = re.compile(r"我公司|本公司|我方|本项目|本单位|贵方|贵单位|公司|提供|承诺|保证|服务|接到|报修|项目|所供|其中|以内|之内"
                           r"|之日|^[自从]\S*起")
_KIND_THEN_LABEL_RE = re.compile(rf"(?:{KIND_RE.pattern})(?:为|:)(?P<label>(?:(?![为是])[\u4e00-\u9fff]){{1,8}})$")
_ITEM_LABEL_RE = re.compile(r"(?:^|[\n,;、)*])(?P<label>[\u4e00-\u9fff]{2,8}):$")
# what a table cell opens with before its value: the part the value is for (显示屏及电源模块5年)
_CELL_LEAD_RE = re.compile(r"((?:[\u4e00-\u9fff](?<![后起内的为是])|[、及和与]){2,10})")
_SEQUENCE_RE = re.compile(r"^[\d.()]*$|^[一二三四五六七八九十]+$")


_REMEDY_CANON = {"包退": "退货", "退货": "退货", "可退": "退货", "退换": "退货、换货", "包换": "换货", "换货": "换货",
                 "更换": "换货", "调换": "换货", "包修": "维修", "维修": "维修", "修理": "维修"}
_REMEDIES = ("退货", "换货", "维修")


def _remedy(sentence: str, value: Value, value_starts: list[int], clause: tuple[int, int],
            remedies: Matches, word: Keyword | None) -> str | None:
    """What a warranty-type period allows — 退货, 换货, 维修 (一月包退、三月包换、一年包修): named in the
    value's clause, or up to the next value when the period is counted from the sale (自售出之日起一个月内，
    可以选择退货). Only return and exchange windows are told apart, so “质保期1年，质保期内免费更换”
    stays a plain warranty; a period counted from the sale with nothing named is a return window (退换)."""
    counted_from_sale = word is not None and word.weak
    start, clause_end = clause
    following = bisect_right(value_starts, value.start)
    end = value_starts[following] if following < len(value_starts) else len(sentence)
    if not counted_from_sale and sentence[clause_end - 1] == ",":
        end = min(end, clause_end - 1)
    found: set[str] = set()
    for remedy in remedies.words_between(start, end):
        found.update(_REMEDY_CANON[remedy].split("、"))
    if not found & {"退货", "换货"} and not counted_from_sale:
        return None
    return "、".join(r for r in _REMEDIES if r in found) or "退换"


def _customer(customers: list[re.Match[str]], end: int) -> str | None:
    """The class of customers a paragraph speaks of before `end` (对于签订长期维保合同的客户：…)."""
    index = bisect_right([m.end() for m in customers], end)
    return customers[index - 1].group() if index else None


def _label_before(sentence: str, value: Value, word: Keyword | None) -> str | None:
    """The words that tell this value apart: right before it (“门窗2年”), or the subject before
    its kind word (“压缩机保修期为5年”)."""
    match = tail_search(_LABEL_RE, sentence, value.start, 9)
    if match and not KIND_RE.search(match[1]) and not _NOT_LABEL_RE.search(match[1]):
        return match[1]
    if word is not None and word.end <= value.start and _LINK_RE.fullmatch(sentence[word.end:value.start]):
        subject = tail_search(_LISTED_SUBJECT_RE, sentence, word.start, 13)
        if subject:
            label = _LEAD_RE.sub("", subject[1]).removesuffix("的")
            if len(label) >= 2 and not KIND_RE.search(label) and not _NOT_LABEL_RE.search(label):
                return label
    return None


# the whole delivery named in general words: not a part of it (所供设备质保期为三年)
_GENERIC_SUBJECT_RE = re.compile(r"^(?:本|该|此|所有|全部|整套|整体|以上|上述|各类?)|工程|项目|合同|标段|采购"
                                 r"|^(?:所投|所供)?(?:设备|产品|货物|商品|系统|仪器|机器|整机|车辆|物品)$")


# an item of a sub-list: ①, (a), a., -, · ; and how many items (with page furniture) a list after 其中： may have
_BREAKDOWN_ITEMS = 24
_BREAKDOWN_ITEM_RE = re.compile(r"\s*(?:[\u2460-\u2473\u2776-\u277f]|\([a-z\d]{1,2}\)|[a-z][.)]|[-·•])\s*")
_LISTED_RE = re.compile(r"[^\d一二三四五六七八九十]、$")  # after another item of a list, not after a number (一、)
_OPENING_SUBJECT_RE = re.compile(r"[\d.、()一二三四五六七八九十]*((?:[A-Za-z\u4e00-\u9fff](?<![在于自经从])){2,10})(?:在|于|自|经|从)")


def _subject(sentence: str, value: Value, word: Keyword | None, breakdown: bool = False) -> str | None:
    """The part a sentence's one warranty is for, named before its kind word (硬件设备质保期为三年,
    车身防锈穿孔质保6年), unless it names the whole delivery (所供设备). `breakdown`: the sentence is an
    item of a list that follows “其中：”, so a list of parts (主板、电源模块保修3年) is one part of the whole."""
    if word is None or word.end > value.start:
        return None
    match = tail_search(_SUBJECT_RE, sentence, word.start, 13) \
        if _LINK_RE.fullmatch(sentence, word.end, value.start) else None
    # or the sentence opens with it: 机房配套设备在安装调试完毕后，免费保修24个月
    match = match or _OPENING_SUBJECT_RE.match(sentence, 0, word.start)
    # a list of what was delivered (窗帘帘体、罗马杆及挂钩带的质保期) names the whole delivery, not a part
    if not match or match[1].endswith("的"):
        return None
    listed = _LISTED_RE.search(sentence, 0, match.start(1))
    if listed and not breakdown:
        return None
    subject = _LEAD_RE.sub("", match[1])
    if listed:  # the whole list, from the item's opening: 主板、电源模块
        opening = _BREAKDOWN_ITEM_RE.match(sentence)
        subject = sentence[opening.end() if opening else 0:match.end(1)]
    if len(subject) < 2 or KIND_RE.search(subject) or _NOT_LABEL_RE.search(subject) \
            or _GENERIC_SUBJECT_RE.search(subject) or any(r.search(subject) for r in QUALIFIER_RES.values()):
        return None
    return subject


def _enumeration_labels(sentence: str, assigned: list[tuple[Value, str, Keyword | None]],
                        breakdown: bool = False) -> dict[int, str]:
    """In a sentence stating several values of one kind, each value's label (门窗2年、外窗防渗漏5年;
    室外机的保修期为3年，压缩机保修期为5年) becomes its component qualifier — when at least two
    values have labels and the labels differ."""
    labels: dict[int, str] = {}
    by_kind: dict[str, list[tuple[Value, Keyword | None]]] = {}
    for value, kind, word in assigned:
        by_kind.setdefault(kind, []).append((value, word))
    for kind, group in by_kind.items():
        if len(group) == 1:  # one value: only “质保期：灯具3年”, “保修期为门窗2年”, “车身防锈穿孔质保6年”
            value, word = group[0]
            match = tail_search(_KIND_THEN_LABEL_RE, sentence, value.start, 80)
            if match and not KIND_RE.search(match["label"]) and not _NOT_LABEL_RE.search(match["label"]):
                labels[value.start] = match["label"]
            elif kind == WARRANTY and (subject := _subject(sentence, value, word, breakdown)):
                labels[value.start] = subject
            continue
        if all(v.display == group[0][0].display for v, _ in group):
            continue  # the same value stated twice needs no labels
        found = {value.start: label for value, word in group if (label := _label_before(sentence, value, word))}
        if len(found) >= 2 and len(set(found.values())) == len(found):
            labels.update(found)
    return labels


def _row_label(row_cells: list[str], col: int) -> str | None:
    """The first short text cell left of the value that is not a sequence number or a kind word."""
    for text in row_cells[:col]:
        text = text.strip()
        if not text or _SEQUENCE_RE.match(text):
            continue
        if len(text) <= 8 and not KIND_RE.search(text) and not BOUND_WORDS_RE.search(text):
            return text
        return None
    return None


def _qualifiers_in_cells(cells: list[str]) -> dict[str, str]:
    """First qualifier per dimension, reading a table row (or header) left to right."""
    found: dict[str, str] = {}
    for text in cells:
        for dimension in QUALIFIER_RES:
            if dimension not in found and dimension != "service":  # a schedule's service: its own clause only
                match = QUALIFIER_RES[dimension].search(text)
                if match:
                    found[dimension] = canonical_qualifier(dimension, match)
    return found


def _skipped_spans(text: str) -> list[tuple[int, int]]:
    """Quoted requirements (优于“不超过1小时”) are not promises."""
    return [m.span() for m in BOUND_QUOTE_RE.finditer(text) if BOUND_WORDS_RE.search(m.group(1))]


_TIER_DIMENSIONS = ("region", "severity", "category", "time")
# a value with one of these already told apart needs no label as its component
_TELLS_APART = ("severity", "region", "component", "category", "time")


def _opens_tier(sentence: str, start: int) -> bool:
    """The clause starting at `start` opens with a tier word: a region, fault level, repair category or time of day."""
    return any(QUALIFIER_RES[dimension].match(sentence, start) for dimension in _TIER_DIMENSIONS)


class _ClauseFacts:
    """What the rules ask of a clause, worked out once per clause (a sentence of thousands of values
    without a comma is one clause)."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._facts: dict[tuple[int, int], tuple[bool, bool]] = {}
        duty = PURCHASER_DUTY_RE.search(sentence)
        self._duty = duty.start() if duty else None  # where the purchaser's duties begin
        self._penalty = PENALTY_CONTEXT_RE.search(sentence) is not None  # the sentence sets a penalty
        self._instruction = INSTRUCTION_RE.search(sentence) is not None

    def _get(self, span: tuple[int, int]) -> tuple[bool, bool]:
        if span not in self._facts:
            clause = self.sentence[span[0]:span[1]]
            self._facts[span] = (self._instruction or REQUIREMENT_CONTEXT_RE.search(clause) is not None
                                 or PENALTY_CONTEXT_RE.search(clause) is not None
                                 or SCORING_CONTEXT_RE.search(clause) is not None
                                 or self._penalty and FAILURE_RE.search(clause) is not None or self._purchasers(span),
                                 COMPLAINT_RE.search(clause) is not None)
        return self._facts[span]

    def _purchasers(self, span: tuple[int, int]) -> bool:
        """The clause states the purchaser's duty: the purchaser is its subject (采购人应…), or that of an
        earlier clause of the sentence and the bidder is not named since (甲方应在验收后，10个工作日内付款)."""
        if self._duty is None or self._duty >= span[1]:
            return False
        last = None
        for match in PURCHASER_DUTY_RE.finditer(self.sentence, 0, span[1]):
            last = match
        assert last is not None
        return BIDDER_SUBJECT_RE.search(self.sentence, last.end(), span[1]) is None

    def not_a_promise(self, span: tuple[int, int]) -> bool:
        """The clause quotes a requirement, sets a penalty or states the purchaser's duty."""
        return self._get(span)[0]

    def complaint(self, span: tuple[int, int]) -> bool:
        return self._get(span)[1]


def _brings_backup(sentence: str, value: Value, clause: tuple[int, int]) -> bool:
    """The value is a repair time whose failure brings a backup due (72小时内修不好的，提供备用机)."""
    # the patterns open with ^ or end with $: slices and end positions, each no longer than a pattern reaches
    failed = FAILED_REPAIR_BEFORE_RE.search(sentence, max(clause[0], value.start - FAILED_REPAIR_BEFORE_REACH),
                                            value.start) \
        or FAILED_REPAIR_AFTER_RE.match(sentence[value.end:min(clause[1], value.end + FAILED_REPAIR_AFTER_REACH)])
    return failed is not None and BACKUP_FOLLOWS_RE.match(sentence[value.end:value.end + BACKUP_FOLLOWS_REACH]) is not None


def _override(kind: str, complaint: bool, turnaround: bool) -> str:
    if kind in (RESPONSE, RESOLUTION) and complaint:
        return COMPLAINT_RESPONSE
    if kind in FAULT_KINDS and turnaround:
        return REPAIR_TURNAROUND
    return kind


# A mention without its block: what the memo keeps (Value and the tuples are immutable).
_Found = tuple[str, Value, tuple[tuple[str, str], ...], tuple[int, int]]
MEMO_SIZE = 8192  # blocks; a ~100-page proposal has about 2,500
MENTIONS: BoundedMemo[tuple[_Found, ...]] = BoundedMemo(MEMO_SIZE)


class Extractor:
    """`memo`: where the mentions of each block are kept across documents (None: analyse every block)."""

    def __init__(self, document: Document, memo: BoundedMemo[tuple[_Found, ...]] | None = MENTIONS) -> None:
        self.document = document
        self.memo = memo
        self._by_section: dict[str, dict[str, str]] = {}

    def mentions(self) -> list[Mention]:
        found: list[Mention] = []
        memo = self.memo
        for block in self.document.blocks:
            if block.kind in ("toc", "header", "footer") or text_facts_of(block).silent:
                continue  # most blocks neither state a value nor name a kind: nothing to look up
            if memo is not None and memoisable(block.text):  # block_mentions inlined: run for every block
                key = self._key(block)
                kept = memo.lookup(key)  # a hit (nearly every block of a build) allocates no partial
                if kept is None:
                    kept = memo.get(key, partial(self._kept, block))
                found.extend(Mention(kind, value, qualifiers, block, span) for kind, value, qualifiers, span in kept)
            else:
                found.extend(self.analyse(block))
        return found

    def _heading_qualifiers(self, block: Block) -> dict[str, str]:
        """The phase, severity and lot a block's headings give it (三、质保期外服务 → 质保期外; 5.2 第二包 → 第2包),
        once per section."""
        known = self._by_section.get(block.section)
        if known is None:
            known = self._by_section[block.section] = self._section_qualifiers(block)
        return known

    def _section_qualifiers(self, block: Block) -> dict[str, str]:
        found: dict[str, str] = {}
        for title in reversed(block.section.split(" > ")) if block.section else []:
            for dimension in ("phase", "severity", "lot"):
                match = QUALIFIER_RES[dimension].search(title)
                if match and dimension not in found:
                    found[dimension] = canonical_qualifier(dimension, match)
        if found.get("phase") == "质保期内":
            del found["phase"]
        return found

    def _qualifiers(self, block: Block, sentence: str, value: Value, value_starts: list[int],
                    clause: tuple[int, int], remedies: Matches, kind: str,
                    word: Keyword | None, labels: dict[int, str], heading: dict[str, str],
                    since: int = 0) -> dict[str, str]:
        qualifiers = _qualifiers_before(sentence, value.start, value_starts, since)
        qualifiers.pop("mode", None)
        own = dict(qualifiers)  # what the value's own text says, before the rest of its row is read
        inherited: set[str] = set()
        cell = block.cell
        if cell is not None:
            row = self.document.row_texts(cell)
            header = self.document.header_texts(cell)
            column_header = header[cell.col] if cell.row > 0 and cell.col < len(header) else ""
            short = [t for i, t in enumerate(row) if i != cell.col and len(t) <= 12] + [column_header]
            for dimension, found in _qualifiers_in_cells(short).items():
                if dimension not in qualifiers:
                    qualifiers[dimension] = found
                    inherited.add(dimension)
            if not any(d in qualifiers for d in _TELLS_APART):
                label = _row_label(row, cell.col)
                if label:
                    qualifiers["component"] = label
            lead = _CELL_LEAD_RE.fullmatch(sentence, clause[0], value.start)
            if kind == WARRANTY and lead and not any(d in qualifiers for d in _TELLS_APART) \
                    and not KIND_RE.search(lead[1]) and not _NOT_LABEL_RE.search(lead[1]):
                qualifiers["component"] = lead[1]  # a merged 质保期 cell's rows: 整机3年 / 显示屏及电源模块5年
        if value.start in labels and not any(d in own for d in _TELLS_APART):
            # the value's own label in a list (一级4小时、二级8小时) outweighs a tier another cell of its row
            # states for its own value (a backup's 市区2小时、省内6小时 beside a note listing the level limits)
            for dimension in inherited & set(_TELLS_APART):
                del qualifiers[dimension]
            qualifiers["component"] = labels[value.start]
        item = tail_search(_ITEM_LABEL_RE, sentence, value.start, 10)
        if item and not any(d in qualifiers for d in _TELLS_APART) \
                and not KIND_RE.search(item["label"]) and not _NOT_LABEL_RE.search(item["label"]):
            qualifiers["component"] = item["label"]  # 主机：2年、加湿器：1年
        for dimension, found in heading.items():
            qualifiers.setdefault(dimension, found)
        if word is not None and kind in (RESPONSE, RESOLUTION, RETURN_VISIT):
            mode = QUALIFIER_RES["mode"].search(sentence, max(0, word.start - 4), word.end)
            if mode and mode.end() == word.start:
                qualifiers["mode"] = canonical_qualifier("mode", mode)
        if kind == HOTLINE and value.vtype == "schedule":
            service = QUALIFIER_RES["service"].search(sentence, clause[0], value.start)
            if service:  # 远程技术支持5×8小时 beside 服务热线7×24小时: two services, two schedules
                qualifiers["service"] = canonical_qualifier("service", service)
        if kind == SPARE_PARTS and qualifiers.get("component") == "配件":
            del qualifiers["component"]  # 常备易损件，备件供应10年: what the kind is about, not a part apart
        if kind in (WARRANTY, SHELF_LIFE) and qualifiers.get("phase") != "质保期外":
            qualifiers.pop("phase", None)  # a warranty given after the warranty (保修期外更换的部件另享6个月保修) is apart
        if kind == WARRANTY:
            remedy = _remedy(sentence, value, value_starts, clause, remedies, word)
            if remedy:
                qualifiers["remedy"] = remedy
        if kind == REPAIR_TURNAROUND:
            qualifiers.pop("condition", None)
        if kind == INSPECTION:
            named = sentence[word.start:word.end] if word is not None else " ".join(self.document.row_texts(cell)) \
                if cell is not None else ""
            qualifiers["activity"] = "保养" if MAINTENANCE_WORD_RE.search(named) else "巡检"
        return qualifiers

    def block_mentions(self, block: Block) -> list[Mention]:
        if self.memo is None or not memoisable(block.text):
            return self.analyse(block)
        found = self.memo.get(self._key(block), lambda: self._kept(block))
        return [Mention(kind, value, qualifiers, block, span) for kind, value, qualifiers, span in found]

    def _kept(self, block: Block) -> tuple[_Found, ...]:
        """What the memo keeps of a block's mentions (all but the block)."""
        return tuple((m.kind, m.value, m.qualifiers, m.span) for m in self.analyse(block))

    def _key(self, block: Block) -> tuple[object, ...]:
        """Everything `analyse` reads: the block's text and how its lines were joined (its normalised
        text), its kind, its heading path (the phase and severity the headings give, the kind the last
        heading names for a bare value) and, for a table cell, its row and column with the texts of its
        row and of the table's header row. Not its index, line or page: those only locate the mention,
        and the mentions are rebuilt on the block itself."""
        cell = block.cell
        if cell is None:
            return (block.text, block.join_lines, block.kind, block.section, self._label_line(block),
                    self._breaks_down(block))
        return (block.text, block.join_lines, block.kind, block.section, cell.row, cell.col,
                tuple(self.document.row_texts(cell)), tuple(self.document.header_texts(cell)))

    def _label_line(self, block: Block) -> str:
        """The short line before a paragraph that names a kind and states no value (零配件供应 / 保证供应不少于10年):
        a Word table converted one cell per line leaves each row's label on a line of its own. Running
        headers and page numbers between are skipped."""
        if block.kind != "paragraph" or block.cell is not None:
            return ""
        blocks = self.document.blocks
        i = block.index - 2
        while i >= 0 and blocks[i].kind in ("header", "footer"):
            i -= 1
        if i < 0 or blocks[i].kind != "paragraph" or blocks[i].cell is not None:
            return ""
        # the last line: the converter may have joined the label to the cell before it (…备用机 / 零配件供应)
        label = normalised_text(blocks[i].text.rstrip().rsplit("\n", 1)[-1]).strip()
        if len(label) > _LABEL_LINE_MAX or may_have_values(label) or not keywords(label):
            return ""
        return label

    def _breaks_down(self, block: Block) -> bool:
        """The paragraph is an item of a list after “其中：” (核心部件另行延长保修期，其中： / ① 主板、电源模块保修3年):
        what it names is a part of what the list's lead-in spoke of. Running headers and page numbers between
        are skipped, and so are the list's earlier items."""
        if block.kind != "paragraph" or block.cell is not None or not _BREAKDOWN_ITEM_RE.match(block.norm):
            return False
        blocks = self.document.blocks
        i = block.index - 2
        stop = max(-1, i - _BREAKDOWN_ITEMS)  # a long list of bullets is looked back over a few items at most
        while i > stop and (blocks[i].kind in ("header", "footer")
                            or blocks[i].kind == "paragraph" and _BREAKDOWN_ITEM_RE.match(blocks[i].norm)
                            and not blocks[i].norm.rstrip().endswith(("其中:", "其中："))):
            i -= 1
        return i > stop and blocks[i].kind == "paragraph" and blocks[i].norm.rstrip().endswith(("其中:", "其中："))

    def analyse(self, block: Block) -> list[Mention]:
        """The mentions of one block, worked out afresh."""
        text = block.norm
        breakdown = self._breaks_down(block)
        if block.section and quotes_tender(block.section.rsplit(SECTION_SEPARATOR, 1)[-1]):
            return []  # the tender's text quoted under its own heading (三、投标须知摘录)
        has_values = may_have_values(text)
        cell = block.cell
        header: list[str] = []
        row: list[str] = []
        column_header = ""
        if cell is not None:
            header = self.document.header_texts(cell)
            row = [t for i, t in enumerate(self.document.row_texts(cell)) if i != cell.col]
            column_header = header[cell.col] if cell.row > 0 and cell.col < len(header) else ""
            if _REQUIREMENT_COLUMN_RE.search(column_header) and "响应" not in column_header:
                return []
            if _NOTE_COLUMN_RE.search(column_header) and any("偏离" in h for h in header):
                return []
        # what only values need is worked out only for a block that may hold one
        skipped = Spans(_skipped_spans(text) if has_values else [])
        customers = list(QUALIFIER_RES["customer"].finditer(text)) if has_values else []
        heading_qualifiers = self._heading_qualifiers(block) if has_values else {}
        mentions: list[Mention] = []
        named = False  # a sentence holds a word naming a kind
        for s_match in _SENTENCE_RE.finditer(text):
            sentence = s_match.group()
            s0 = s_match.start()
            values = find_values(sentence) if has_values else []
            words = keywords(sentence)
            named = named or bool(words)
            if not values and (not words or block.kind == "heading"):
                continue  # neither a value nor a word that could name a promise without one
            clauses = Spans([m.span() for m in _CLAUSE_RE.finditer(sentence)])
            facts = _ClauseFacts(sentence)
            if not values:
                mentions.extend(_named_only(block, sentence, s0, words, set(), clauses, facts))
                continue
            notes = Spans([m.span() for m in _NOTE_RE.finditer(sentence)])
            strong = _Words([w for w in words if not w.weak])
            weak = _Words([w for w in words if w.weak])
            turnaround = bool(values) and TURNAROUND_RE.search(sentence) is not None  # the sentence is about 返修
            assigned: list[tuple[Value, str, Keyword | None]] = []
            consumed: set[Keyword] = set()
            value_ends = {v.end for v in values}
            extensions: dict[int, int] = {}  # value start → where 延长至 starts
            for value in values:
                if skipped.containing(s0 + value.start):
                    continue
                c_lo, c_hi = clauses.containing(value.start) or (0, len(sentence))
                if facts.not_a_promise((c_lo, c_hi)):
                    continue
                # a value inside a note (…首五年内方可享用) takes no word after the note closes
                note = notes.containing(value.start)
                w_hi = min(c_hi, note[1]) if note else c_hi
                word = _nearest(value, strong, c_lo, w_hi)
                if word is not None and word.end <= value.start and word.start in value_ends:
                    # 2小时响应、4小时到场、8小时修复: the word before belongs to the value it follows
                    word = _nearest(value, strong, value.end, w_hi) or word
                extended = tail_search(_EXTENDED_RE, sentence, value.start, 4)
                if extended:
                    extensions[value.start] = extended.start()
                if word is None:
                    # an earlier clause names the kind (“质保期为三年，其中主机3年”), unless that word
                    # already belongs to a value before it (“15分钟内远程响应，2小时内完成诊断”)
                    # a clause that opens with another tier (“市区2小时内到达现场，郊区4小时内”) repeats it
                    word = _nearest(value, strong, 0, c_lo, frozenset() if _opens_tier(sentence, c_lo) else consumed)
                elif value.tail and word.start >= value.end:
                    consumed.add(word)
                if word is None:
                    word = _nearest(value, weak, c_lo, w_hi)
                    if word is not None and value.unit in ("年", "个月") and note is None:
                        # 自验收之日起3年内，我公司免费提供软件升级: a later clause says what the period is for;
                        # 验收合格后1个月内，组织培训: a kind that takes no such period makes it a deadline, no warranty
                        later = _nearest(value, strong, c_hi, len(sentence))
                        word = later or (None if _named_after(value, strong, c_lo, len(sentence)) else word)
                kind = word.kind if word else None
                if value.vtype == "duration" and _brings_backup(sentence, value, (c_lo, c_hi)):
                    kind = BACKUP_EQUIPMENT
                if kind is None and cell is not None:
                    kind = _context_kind(value, [column_header, *row])
                if kind is None and cell is None and (label_line := self._label_line(block)):
                    kind = _context_kind(value, [label_line])
                if kind is None and cell is None and block.kind != "heading" and block.section:
                    # the heading names the kind of a value alone in its paragraph (质保期 / 5年) or of an
                    # extension (服务器、存储设备延长至5年)
                    if extended or _BARE_VALUE_RE.fullmatch(text, s0 + value.end) and not text[:s0 + value.start].strip():
                        kind = _context_kind(value, [block.section.rsplit(SECTION_SEPARATOR, 1)[-1]])
                if kind is None and value.vtype == "schedule":
                    kind = HOTLINE
                if kind is None and value.vtype == "frequency" and any(
                        w.kind == ONSITE_ARRIVAL for w in strong.near(value, c_lo, c_hi) if c_lo <= w.start < c_hi):
                    kind = INSPECTION  # 每两个月上门更换滤芯并清洗一次: a visit on a schedule is a routine visit
                if kind is None:
                    continue
                kind = _override(kind, facts.complaint((c_lo, c_hi)), turnaround)
                if compatible(kind, value):
                    assigned.append((value, kind, word))
            labels = _enumeration_labels(sentence, [(v, k, w) for v, k, w in assigned if v.quantity is not None],
                                         breakdown)
            previous_end: dict[str, int] = {}
            value_starts = [v.start for v in values]
            remedies = Matches(QUALIFIER_RES["remedy"], sentence)
            level_row = _LevelRow()
            for value, kind, word in assigned:
                clause_span = clauses.containing(value.start) or (0, len(sentence))
                qualifiers = self._qualifiers(block, sentence, value, value_starts, clause_span, remedies, kind, word,
                                              labels, heading_qualifiers, previous_end.get(kind, 0))
                level_row.apply(kind, qualifiers)
                previous_end[kind] = value.end
                if value.start in extensions and not any(d in qualifiers for d in _TELLS_APART):
                    subject = _EXTENDED_SUBJECT_RE.fullmatch(sentence, clause_span[0], extensions[value.start])
                    if subject and not KIND_RE.search(subject[1]) and not _NOT_SUBJECT_RE.search(subject[1]):
                        qualifiers["component"] = subject[1]  # what the extension is for
                customer = _customer(customers, s0 + value.start)
                if customer:
                    qualifiers["customer"] = customer
                span_lo = min(value.start, word.start) if word else value.start
                span_hi = max(value.end, word.end) if word else value.end
                ordered = tuple((d, qualifiers[d]) for d in QUALIFIER_DIMENSIONS if d in qualifiers)
                mentions.append(Mention(kind, _shift(value, s0), ordered, block, (s0 + span_lo, s0 + span_hi)))
            if block.kind != "heading":  # a heading names a topic (一、响应时间), not a promise
                mentions.extend(_named_only(block, sentence, s0, words, {kind for _, kind, _ in assigned},
                                            clauses, facts))
        if not has_values and not named:  # silent (see silent()): found out here, at no extra cost
            text_facts_of(block).silent = True
        return mentions


class _LevelRow:
    """A fault level named before one time limit holds for the other limits listed after it in the same
    sentence (“一级故障15分钟内响应、1小时内到达现场、8小时内排除”), until a limit of a kind the row already
    has (“一级故障2小时内到场、其他故障24小时内到场”) or another level ends the row."""

    def __init__(self) -> None:
        self.level: str | None = None
        self.kinds: set[str] = set()

    def apply(self, kind: str, qualifiers: dict[str, str]) -> None:
        if kind not in FAULT_KINDS:  # the limits a fault level sets
            return
        level = qualifiers.get("severity")
        if level is not None:
            self.level, self.kinds = level, {kind}
        elif self.level is not None and kind not in self.kinds:
            qualifiers["severity"] = self.level
            self.kinds.add(kind)
        else:
            self.level = None


_RATE_AFTER_RE = re.compile(r"[^,;。\d]{0,8}?\d+(?:\.\d+)?%")  # 存活率达98%以上, 开机率≥95%


def _named_only(block: Block, sentence: str, s0: int, words: list[Keyword], stated: set[str],
                clauses: Spans, facts: _ClauseFacts) -> list[Mention]:
    """One commitment without a value per kind the sentence names but gives no value for."""
    found: list[Mention] = []
    seen = set(stated)
    events = [m.span() for m in START_EVENT_RE.finditer(sentence)] if words else []
    for word in words:
        if any(lo <= word.start and word.end <= hi for lo, hi in events) and word.kind not in STARTING_KINDS:
            continue  # 以交付使用之日起算: when a warranty starts, not a delivery promised
        rated = word.kind in PERCENTAGE_KINDS and _RATE_AFTER_RE.match(sentence, word.end) is not None
        if word.weak or word.kind in seen and not rated:  # each rate stated with its figure is a promise of its own
            continue
        if facts.not_a_promise(clauses.containing(word.start) or (0, len(sentence))):
            continue
        seen.add(word.kind)
        span = (s0 + word.start, s0 + word.end)
        found.append(Mention(word.kind, Value(*span, None, "present", "", "", None, False), (), block, span))
    return found


def _shift(value: Value, offset: int) -> Value:
    from dataclasses import replace

    return replace(value, start=value.start + offset, end=value.end + offset)


def silent(text: str) -> bool:
    """A normalised text in which `Extractor.analyse` finds nothing, whatever its heading path, kind or
    table cell: no value pattern occurs and no sentence holds a word naming a kind (analyse skips such
    sentences first). Pure in the text: analyse finds it out as it goes and keeps it in the text's
    check/facts record; this is the definition (the tests hold analyse to it)."""
    return not may_have_values(text) and not any(keywords(s.group()) for s in _SENTENCE_RE.finditer(text))


def extract_all(document: Document) -> list[Mention]:
    """Every commitment, with or without a value the rules can compare."""
    return Extractor(document).mentions()


def extract(document: Document) -> list[Mention]:
    """The commitments that state a value."""
    return [m for m in extract_all(document) if m.stated]


def kinds_named(document: Document) -> set[str]:
    """Kinds whose words appear anywhere in the document (for requirements that only ask for presence)."""
    found: set[str] = set()
    for block in document.blocks:
        for match in KIND_RE.finditer(block.norm):
            if match.lastgroup and not match.lastgroup.endswith("__weak"):
                found.add(match.lastgroup)
    return found
