"""foreign-entity: text left over from another bid.

- a company name other than the bidder's (bidder from --bidder / --bidder-profile / the tender,
  else inferred from the bidder slots and the signature block); manufacturers and partners
  (原厂、制造商…) and the purchaser are allowed;
- words of another product type's vocabulary (product type from --product-type / the tender,
  else inferred from the vocabularies);
- a purchaser honorific that does not fit the purchaser (贵行 for a hospital), or two specific
  honorifics in one document (贵校 next to 贵院) when the purchaser is unknown."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator
from functools import lru_cache

from generator.check.entities import (
    CompanyMention,
    infer_bidder,
    infer_purchaser,
    partners,
    same_company,
)
from generator.check.facts import facts
from generator.check.findings import ERROR, Finding, Location
from generator.check.profiles import Vocabularies
from generator.check.rules import CheckContext, company_mentions
from generator.core import regex_cache
from generator.core.findings import Rule
from generator.text.document import SECTION_SEPARATOR, Block

RULE = Rule("foreign-entity", "其他公司、其他产品或不相称的称谓", ERROR, order=30)
MAX_LOCATIONS = 10


def _checked_blocks(context: CheckContext) -> list[Block]:
    return context.once("foreign-entity-blocks", lambda: [b for b in context.document.blocks if b.kind != "toc"])


# The short-name and honorific patterns run once over the checked blocks' distinct normalised texts
# joined by newlines (one C-level scan instead of one per block; a document repeats many texts). None of
# them can match a newline, so no match spans two texts and every text's matches are the ones a scan of
# that text alone finds.
_SEPARATOR = "\n"


def _joined(context: CheckContext) -> tuple[list[str], str, list[int]]:
    """The checked blocks' distinct texts, joined by _SEPARATOR, and where each one starts."""
    def compute() -> tuple[list[str], str, list[int]]:
        texts = list(dict.fromkeys(block.norm for block in _checked_blocks(context)))
        starts, offset = [], 0
        for text in texts:
            starts.append(offset)
            offset += len(text) + len(_SEPARATOR)
        return texts, _SEPARATOR.join(texts), starts

    return context.once("foreign-entity-joined", compute)


def _matches(context: CheckContext, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], Block, int]]:
    """Each match of `pattern` in the checked blocks, in document order, with its block and the offset of
    the block's text in the joined text (a match's span minus the offset is its span in block.norm)."""
    texts, joined, starts = _joined(context)
    found: dict[str, list[re.Match[str]]] = {}
    for match in pattern.finditer(joined):
        found.setdefault(texts[bisect_right(starts, match.start()) - 1], []).append(match)
    if not found:
        return
    offsets = dict(zip(texts, starts, strict=True))
    for block in _checked_blocks(context):
        for match in found.get(block.norm, ()):
            yield match, block, offsets[block.norm]


def _scan_joined(pattern: re.Pattern[str], texts: list[str]) -> Iterator[tuple[re.Match[str], int, int]]:
    """Each match of `pattern` (which cannot match a _SEPARATOR) in `texts`, scanned joined: the match, the
    index of its text and the offset of that text in the joined one."""
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + len(_SEPARATOR)
    for match in pattern.finditer(_SEPARATOR.join(texts)):
        index = bisect_right(starts, match.start()) - 1
        yield match, index, starts[index]


Hits = tuple[tuple[str, int, int], ...]  # what a scan finds in one text: (word or name, start, end)


def _kept_scan(context: CheckContext, key: str, scan: Callable[[list[str]], list[Hits]]) -> dict[str, Hits]:
    """What `scan` finds in each checked text, kept in the text's record (check/facts) under `key`: a
    rebuilt document only reads its records, and the texts not known yet are scanned in one go."""
    records = context.once("foreign-entity-records",
                           lambda: {block.norm: facts(block) for block in _checked_blocks(context)})
    kept: dict[str, Hits] = {}
    missing: list[str] = []
    for text, record in records.items():
        hits = record.scanned(key)
        if hits is None:
            missing.append(text)
        else:
            kept[text] = hits
    if missing:
        for text, hits in zip(missing, scan(missing), strict=True):
            kept[text] = hits
            records[text].keep_scan(key, hits)
    return kept


# -- companies -----------------------------------------------------------------------------
def _companies(context: CheckContext) -> list[Finding]:
    mentions = company_mentions(context)
    if not mentions:
        return []
    expectations = context.expectations
    bidder_names = list(expectations.bidder_names)
    inferred = False
    if not bidder_names:
        guess = infer_bidder(context.document, mentions)
        if guess is None:
            return []
        bidder_names, inferred = [guess], True
    purchaser = expectations.purchaser or infer_purchaser(context.document)
    allowed = bidder_names + list(expectations.allowed_names) + ([purchaser] if purchaser else [])
    named_partners = partners(context.document, mentions)
    foreign: dict[str, list[CompanyMention]] = {}
    for mention in mentions:
        if same_company(mention.name, allowed) or mention.name in named_partners:
            continue
        foreign.setdefault(mention.name, []).append(mention)
    how = "（按投标人签章和“以下简称我公司”推断）" if inferred else ""
    return [Finding(RULE.id, ERROR, f"出现其他公司名称“{name}”，与投标人“{bidder_names[0]}”{how}不符，疑为其他投标文件的残留",
                    tuple(Location.of(m.block, m.start, m.end, 4) for m in group[:MAX_LOCATIONS]))
            for name, group in foreign.items()]


# -- short names ---------------------------------------------------------------------------
# A company named without its legal suffix where only a company can stand: the hotline one dials
# (拨打信达客户服务热线), the shop one bought from (在华信电子处购买).
_SHORT_NAME = re.compile(
    r"(?:拨打|致电|联系)(?P<dialled>[\u4e00-\u9fff]{2,4}?)(?:公司)?(?:客户服务|客服|售后服务|售后)(?:热线|中心|电话)"
    r"|(?:在|向|从|到)(?P<shop>[\u4e00-\u9fff]{2,6}(?:电子|科技|通信|电器|电气|信息|网络|软件|智能|实业|电脑|数码))"
    r"(?=处|门店|公司)")
_BLANK_NAME = re.compile(r"[xX]{2,}|某某|_{2,}|\*{2,}")  # XXXX有限公司 names nobody
_NOT_NAME = re.compile(r"^(?:我|本|贵|该|各|其|原|当地|厂家|公司|客户|用户|我们|我方|您|经销商|代理商|售后|服务)")


_SHORT_NAME_SCAN = "short-names:" + _SHORT_NAME.pattern  # its key in the texts' records


def _short_names_in(texts: list[str]) -> list[Hits]:
    found: list[list[tuple[str, int, int]]] = [[] for _ in texts]
    for match, index, offset in _scan_joined(_SHORT_NAME, texts):
        group = "dialled" if match["dialled"] else "shop"
        found[index].append((match[group], match.start(group) - offset, match.end(group) - offset))
    return [tuple(hits) for hits in found]


def _short_names(context: CheckContext, allowed: list[str]) -> list[Finding]:
    found: dict[str, list[tuple[Block, int, int]]] = {}
    kept = _kept_scan(context, _SHORT_NAME_SCAN, _short_names_in)
    for block in _checked_blocks(context):
        for name, start, end in kept[block.norm]:
            if _NOT_NAME.match(name) or same_company(name, allowed) or any(name in a for a in allowed):
                continue
            found.setdefault(name, []).append((block, start, end))
    return [Finding(RULE.id, ERROR, f"出现其他公司的简称“{name}”，与投标人不符，疑为其他文件的残留",
                    tuple(Location.of(b, s, e, 4) for b, s, e in hits[:MAX_LOCATIONS]))
            for name, hits in found.items()]


def _known_names(context: CheckContext) -> list[str]:
    """The bidder (given or inferred), the purchaser, partners and every full company name in the text."""
    expectations = context.expectations
    mentions = company_mentions(context)
    names = list(expectations.bidder_names) + list(expectations.allowed_names)
    if not names:
        guess = infer_bidder(context.document, mentions)
        names += [guess] if guess else []
    purchaser = expectations.purchaser or infer_purchaser(context.document)
    return names + ([purchaser] if purchaser else []) + [m.name for m in mentions if not _BLANK_NAME.search(m.name)]


# -- product vocabulary ----------------------------------------------------------------------
def _trie_text(words: tuple[str, ...]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


_TRIE = "word-trie-1"  # the kind of the patterns kept by core/regex_cache (change it with _trie_text)


@lru_cache(maxsize=8)
def _pattern(words: frozenset[str]) -> re.Pattern[str]:
    """The vocabulary's pattern. Building its text takes milliseconds of Python, the same in every
    process for the same words: it is kept with the compiled patterns (core/regex_cache)."""
    ordered = tuple(sorted(words, key=len, reverse=True))
    key = "\n".join(sorted(words))  # no word holds a newline when the key stands for them
    if any("\n" in word for word in words):
        return re.compile(_trie_text(ordered))
    text = regex_cache.remembered(_TRIE, key, 0, lambda: _trie_text(ordered))
    return re.compile(text if text is not None else _trie_text(ordered))


def _words_in(pattern: re.Pattern[str], owners: dict[str, frozenset[str]], texts: list[str]) -> list[Hits]:
    """The vocabulary words in each text: (word, start, end)."""
    if any(_SEPARATOR in word for word in owners):  # such a word could span two joined texts
        return [tuple((m.group(), m.start(), m.end()) for m in pattern.finditer(text) if m.group() in owners)
                for text in texts]
    found: list[list[tuple[str, int, int]]] = [[] for _ in texts]
    for match, index, offset in _scan_joined(pattern, texts):
        word = match.group()
        if word in owners:
            found[index].append((word, match.start() - offset, match.end() - offset))
    return [tuple(words) for words in found]


def _vocabulary_hits(context: CheckContext, vocabularies: Vocabularies) -> list[tuple[str, Block, int, int]]:
    def compute() -> list[tuple[str, Block, int, int]]:
        owners = vocabularies.owners()
        if not owners:
            return []
        pattern = _pattern(frozenset(owners))
        # kept per pattern source: it stands for the owners it was built from (a compiled pattern hashes
        # its whole program every time). The pattern is slow (hundreds of words).
        kept = _kept_scan(context, pattern.pattern, lambda texts: _words_in(pattern, owners, texts))
        return [(word, block, start, end) for block in _checked_blocks(context)
                for word, start, end in kept[block.norm]]

    return context.once("vocabulary-hits", compute)


def infer_product_type(context: CheckContext) -> str | None:
    vocabularies = context.expectations.vocabularies
    if vocabularies is None:
        return None
    owners = vocabularies.owners()
    distinct: dict[str, set[str]] = {}
    for word, _, _, _ in _vocabulary_hits(context, vocabularies):
        for owner in owners[word]:
            distinct.setdefault(owner, set()).add(word)
    ranking = sorted(((len(words), owner) for owner, words in distinct.items()), reverse=True)
    if not ranking or ranking[0][0] < 2 or (len(ranking) > 1 and ranking[1][0] >= ranking[0][0]):
        return None
    return ranking[0][1]


def _under_own_product(block: Block, own: frozenset[str]) -> bool:
    """The heading right over the block names a product of the project's own type (5.2 第二包 激光打印机 /
    硒鼓等耗材不在保修范围内): a word of another type there speaks of that product's parts, not of another
    bid. (Not the sentence: 《消毒管理办法》和《肥料登记管理办法》 is a list left over all the same.)"""
    heading = block.section.rsplit(SECTION_SEPARATOR, 1)[-1]
    return any(word in heading for word in own)


def _vocabulary(context: CheckContext) -> list[Finding]:
    expectations = context.expectations
    vocabularies = expectations.vocabularies
    if vocabularies is None or not vocabularies.products:
        return []
    product_type = expectations.product_type or infer_product_type(context)
    if product_type is None or product_type not in vocabularies.products:
        return []
    own = vocabularies.products[product_type]
    owners = vocabularies.owners()
    terms = " ".join(expectations.product_terms)
    found: dict[int, list[tuple[str, Block, int, int]]] = {}  # one finding per block: a leftover passage
    for word, block, start, end in _vocabulary_hits(context, vocabularies):
        if (product_type in owners[word] or word in own.words
                or (terms and word in terms) or _under_own_product(block, own.words)):
            continue
        found.setdefault(block.index, []).append((word, block, start, end))
    how = "" if expectations.product_type else "（按文中用语推断）"
    findings = []
    for hits in found.values():
        words = list(dict.fromkeys(word for word, *_ in hits))
        others = "、".join(dict.fromkeys(vocabularies.products[o].name for w in words for o in sorted(owners[w])))
        quoted = "、".join(f"“{w}”" for w in words)
        findings.append(Finding(
            RULE.id, ERROR, f"出现其他产品类型（{others}）的用语{quoted}，与本项目产品类型“{own.name}”{how}不符",
            tuple(Location.of(b, s, e, 8) for _, b, s, e in hits[:MAX_LOCATIONS])))
    return findings


# -- honorifics ------------------------------------------------------------------------------
_HONORIFIC = re.compile(r"贵(?:公司|中心|单位|方|院|校|行|局|委|司|所|馆|厅|部|处|社|台|会|站|队|府|办)")
_GENERIC = {"贵方", "贵单位"}
_FITS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"医院|卫生院|保健院|疗养院|研究院|设计院|科学院|法院|检察院|学院|医学院", ("贵院",)),
    (r"大学|学院|学校|中学|小学|幼儿园|职业技术|技工", ("贵校",)),
    (r"银行", ("贵行",)),
    (r"信用社|合作社|出版社|报社", ("贵社",)),
    (r"局$|局\(|管理局|公安局|分局", ("贵局",)),
    (r"委员会|委$", ("贵委",)),
    (r"中心", ("贵中心",)),
    (r"公司", ("贵公司", "贵司")),
    (r"研究所|事务所|派出所|所$", ("贵所",)),
    (r"馆", ("贵馆",)),
    (r"厅", ("贵厅",)),
    (r"部$|部\(", ("贵部",)),
    (r"处$", ("贵处",)),
    (r"电视台|电台", ("贵台",)),
    (r"协会|学会|商会|联合会", ("贵会",)),
    (r"站$", ("贵站",)),
    (r"政府", ("贵府",)),
    (r"办公室|办$", ("贵办",)),
    (r"大队|支队|中队", ("贵队",)),
)


def _honorifics(context: CheckContext) -> list[Finding]:
    """The specific honorifics (not 贵方, 贵单位) the text uses."""
    uses = [(match.group(), block, match.start() - offset, match.end() - offset)
            for match, block, offset in _matches(context, _HONORIFIC) if match.group() not in _GENERIC]
    if not uses:
        return []
    purchaser = context.expectations.purchaser or infer_purchaser(context.document)
    wrong: list[str]
    if purchaser:
        fitting = {h for pattern, honorifics in _FITS if re.search(pattern, purchaser) for h in honorifics}
        wrong = sorted({word for word, *_ in uses if word not in fitting})
        reason = f"与采购人“{purchaser}”不相称"
    else:
        counts = Counter(word for word, *_ in uses)
        if len(counts) < 2:
            return []
        first = {word: i for i, (word, *_) in reversed(list(enumerate(uses)))}
        keep = max(counts, key=lambda w: (counts[w], -first[w]))
        wrong = [w for w in counts if w != keep]
        reason = f"同一文件中又称采购人为“{keep}”"
    return [Finding(RULE.id, ERROR, f"对采购人的称谓“{word}”{reason}，疑为其他投标文件的残留",
                    tuple(Location.of(b, s, e, 8) for w, b, s, e in uses if w == word)[:MAX_LOCATIONS])
            for word in wrong]


def check(context: CheckContext) -> list[Finding]:
    return _companies(context) + _short_names(context, _known_names(context)) + _vocabulary(context) + \
        _honorifics(context)
