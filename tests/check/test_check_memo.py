"""The checker keeps what it works out per block text (issue 19): a memoised result must equal a fresh
one, the key must tell apart everything the analysis reads, and every memo is bounded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.check import Expectations, check_document, entities, extract, facts
from generator.check.memo import TEXT_MAX_CHARS, BoundedMemo
from generator.check.profiles import load_vocabularies
from generator.check.rules import conflicting_commitment, duplicate_text, foreign_entity, placeholder
from generator.text import normalize
from generator.text.document import DocumentBuilder
from generator.text.reader import read_document
from tests.check.helpers import ROOT, doc

CORPUS = sorted(p for p in (ROOT / "tests" / "check" / "corpus").iterdir() if p.suffix in (".txt", ".md"))


def _found(mentions: list[extract.Mention]) -> list[tuple]:
    return [(m.kind, m.value, m.qualifiers, m.span, m.block.index, m.block.text) for m in mentions]


def _fresh(document) -> list[tuple]:
    return _found(extract.Extractor(document, memo=None).mentions())


def test_memo_is_bounded_and_drops_the_least_recently_used() -> None:
    memo: BoundedMemo[int] = BoundedMemo(3)
    computed: list[str] = []

    def value(key: str) -> int:
        computed.append(key)
        return len(computed)

    for key in "abc":
        memo.get(key, lambda k=key: value(k))
    memo.get("a", lambda: value("a"))  # a hit: "a" becomes the most recent
    memo.get("d", lambda: value("d"))  # drops "b"
    assert len(memo) == 3
    assert computed == ["a", "b", "c", "d"]
    memo.get("b", lambda: value("b"))
    assert computed[-1] == "b"  # computed again after it was dropped
    assert memo.get("a", lambda: value("a")) == 1  # kept: used more recently than "c"
    assert len(memo) == 3 and memo.hits == 2


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_memoised_mentions_equal_fresh_ones(path: Path) -> None:
    document = read_document(path)
    memo: BoundedMemo[tuple] = BoundedMemo(extract.MEMO_SIZE)
    first = _found(extract.Extractor(document, memo=memo).mentions())
    misses = memo.misses
    again = _found(extract.Extractor(read_document(path), memo=memo).mentions())
    assert memo.misses == misses and memo.hits > 0  # the second reading was answered from the memo
    assert first == again == _fresh(document)


def test_same_text_under_other_headings_and_columns_is_analysed_apart() -> None:
    """The key holds the heading path and the cell's row and header: the same text means something else there."""
    builder = DocumentBuilder("方案.docx")
    builder.heading("一、质保期内服务", 1)
    builder.paragraph("接到报修后2小时内响应。")
    builder.heading("二、质保期外服务", 1)
    builder.paragraph("接到报修后2小时内响应。")
    builder.heading("三、服务时限", 1)
    builder.paragraph("5年")
    builder.heading("四、质保期", 1)
    builder.paragraph("5年")
    builder.table([["项目", "响应时间"], ["市区", "2小时"]])
    builder.table([["项目", "到场时间"], ["郊区", "2小时"]])
    builder.table([["招标要求", "响应"], ["2小时", "2小时"]])
    document = builder.build()
    memo: BoundedMemo[tuple] = BoundedMemo(100)
    memoised = _found(extract.Extractor(document, memo=memo).mentions())
    assert memoised == _fresh(document)
    phases = {m[2] for m in memoised if m[4] in (2, 4)}
    assert len(phases) == 2  # 质保期外 qualifies only the second paragraph
    assert len({(m[0], m[2]) for m in memoised if m[5] == "2小时"}) >= 2  # 响应 / 到场, 市区 / 郊区
    assert sum(1 for m in memoised if m[5] == "5年") == 1  # only under 质保期 is a bare 5年 a promise


def _fields(record: facts.TextFacts) -> tuple:
    return record.names, record.may_hold_blank, record.fingerprint


def test_text_facts_answer_as_a_fresh_scan() -> None:
    text = ("投标人：北京华辰智联科技有限公司\n\n质保期为 年，联系电话：\n\n售后服务由XX负责，某某有限公司配合。\n\n"
            "请拨打信达客户服务热线，贵院与贵校的设备均享受此服务。")
    first = check_document(doc(text), Expectations(vocabularies=load_vocabularies(ROOT))).findings
    facts.text_facts.cached.cache_clear()
    normalize._memo.cache_clear()
    fresh = check_document(doc(text), Expectations(vocabularies=load_vocabularies(ROOT))).findings
    assert first == fresh
    assert {f.rule for f in fresh} >= {"placeholder", "foreign-entity"}
    for block in doc(text).blocks:
        record = facts.facts(block)
        assert facts.facts(block) is record is facts.text_facts(block.norm)  # one record per text, kept on the block
        assert _fields(record) == _fields(facts._compute(block.norm))
        assert record.names == entities.names_in(block.norm)
        assert record.may_hold_blank == placeholder.may_hold_blank(block.norm)
        assert record.fingerprint == duplicate_text.text_fingerprint(block.norm)
    records = [facts.facts(block) for block in doc(text).blocks]
    assert any(r.names for r in records) and any(r.may_hold_blank for r in records)
    assert any(r.scans for r in records)  # the vocabulary words and short names the rule found are kept


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_a_silent_text_yields_no_mention(path: Path) -> None:
    """analyse marks a text silent exactly when silent() says so; the extractor then skips its blocks,
    and what it finds is what a fresh analysis finds."""
    facts.text_facts.cached.cache_clear()
    document = read_document(path)
    extractor = extract.Extractor(document, memo=None)
    analysed = [block for block in document.blocks if block.kind not in ("toc", "header", "footer")]
    fresh = [extractor.analyse(block) for block in analysed]
    for block, found in zip(analysed, fresh, strict=True):
        if extract.silent(block.norm):
            assert found == [] and facts.facts(block).silent is True
        elif block.cell is None:
            assert facts.facts(block).silent is None  # a cell may be skipped by its column before the scan
    assert any(facts.facts(block).silent for block in analysed)
    again = read_document(path)
    memo: BoundedMemo[tuple] = BoundedMemo(extract.MEMO_SIZE)
    assert _found(extract.Extractor(again, memo=memo).mentions()) == _fresh(again)
    assert len(memo) < len(again.blocks)  # silent blocks are neither looked up nor kept


def test_silent_needs_neither_a_value_nor_a_kind_word() -> None:
    assert extract.silent("我公司将认真履行本方案。")
    assert not extract.silent("接到报修后2小时内响应。")
    assert not extract.silent("提供免费版本升级。")  # a kind named without a value


def test_a_record_keeps_few_vocabularies() -> None:
    record = facts._compute("防火门与电梯")
    for number in range(10):
        record.keep_scan(f"pattern-{number}", (("电梯", 4, 6),))
        assert record.scanned(f"pattern-{number}") == (("电梯", 4, 6),)
    assert len(record.scans) <= facts._MAX_SCANS


def test_every_memo_is_bounded() -> None:
    assert normalize._memo.cache_info().maxsize == normalize.MEMO_SIZE
    assert facts.text_facts.cached.cache_info().maxsize is not None
    assert conflicting_commitment._group_key.cache_info().maxsize is not None
    assert conflicting_commitment._only.cache_info().maxsize is not None
    assert extract.MENTIONS.maxsize == extract.MEMO_SIZE


def test_long_blocks_are_analysed_but_not_kept() -> None:
    text = "接到报修后2小时内响应，质保期为三年。" * (TEXT_MAX_CHARS // 10)
    document = doc(text)
    memo: BoundedMemo[tuple] = BoundedMemo(100)
    memoised = _found(extract.Extractor(document, memo=memo).mentions())
    assert memoised == _fresh(document) and memoised
    assert len(memo) == 0 and memo.misses == 0
    facts.text_facts.cached.cache_clear()
    assert _fields(facts.text_facts(text)) == _fields(facts._compute(text))
    assert facts.text_facts.cached.cache_info().currsize == 0


def test_long_texts_are_normalised_but_not_kept() -> None:
    normalize._memo.cache_clear()
    long_text = "质保期 三年。" * (normalize.MEMO_MAX_CHARS // 4)
    assert normalize.normalise(long_text).text == normalize._normalise(long_text, False).text
    assert normalize._memo.cache_info().currsize == 0
    short = "质保期 三 年"
    assert normalize.normalise(short) is normalize.normalise(short)
    assert normalize.normalise(short) == normalize._normalise(short, False)
    assert normalize.normalise(short, True) == normalize._normalise(short, True)


def test_vocabularies_are_shared_until_a_profile_changes(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "profiles", project / "profiles")
    first = load_vocabularies(project)
    assert first.products
    assert load_vocabularies(project) is first  # same files: what was worked out from them is kept
    profile = sorted((project / "profiles" / "products").glob("*.yaml"))[0]
    product = next(p for p in first.products.values() if p.id in profile.read_text(encoding="utf-8"))
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("vocabulary:", "vocabulary:\n  - 测试专用新词汇\n", 1)
                       if "vocabulary: [" not in text else text.replace("vocabulary: [", "vocabulary: [测试专用新词汇, ", 1),
                       encoding="utf-8")
    stat = profile.stat()
    os.utime(profile, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    edited = load_vocabularies(project)
    assert edited is not first
    assert "测试专用新词汇" in edited.owners() and product.id in edited.owners()["测试专用新词汇"]
    assert "测试专用新词汇" not in first.owners()


def test_foreign_entity_finds_in_the_joined_text_what_each_block_alone_holds() -> None:
    """The rule scans all blocks at once: no match may span two blocks, and each one lands on its block."""
    from generator.check.rules import CheckContext

    builder = DocumentBuilder("方案.docx")
    builder.heading("一、服务承诺", 1)
    for text in ("设备交付后请联系贵", "院设备科。请拨打信达", "客户服务热线，或在华信电子", "处购买配件，贵校的防火门与断桥", "铝由我公司维护，含氯消毒剂另购。",
                 "贵院", "拨打信达客服热线", "贵院", "铝由我公司维护，含氯消毒剂另购。"):  # texts repeated too
        builder.paragraph(text)
    builder.table([["项目", "内容"], ["贵行", "在华信电子处维修"]])
    document = builder.build()
    context = CheckContext(document, [], Expectations(vocabularies=load_vocabularies(ROOT)))
    vocabulary = foreign_entity._pattern(frozenset(context.expectations.vocabularies.owners()))
    for pattern in (foreign_entity._HONORIFIC, foreign_entity._SHORT_NAME, vocabulary):
        joined = [(block.index, m.start() - offset, m.end() - offset, m.group(), m.groupdict())
                  for m, block, offset in foreign_entity._matches(context, pattern)]
        alone = [(block.index, m.start(), m.end(), m.group(), m.groupdict())
                 for block in document.blocks for m in pattern.finditer(block.norm)]
        assert joined == alone and joined
    owners = context.expectations.vocabularies.owners()
    texts = [block.norm for block in document.blocks]
    assert foreign_entity._words_in(vocabulary, owners, texts) == [
        tuple((m.group(), m.start(), m.end()) for m in vocabulary.finditer(text)) for text in texts]
    honorifics = {(b.index, b.norm[s:e]) for _, b, s, e in
                  [(m.group(), b, m.start() - o, m.end() - o) for m, b, o in foreign_entity._matches(context, foreign_entity._HONORIFIC)]}
    assert {word for _, word in honorifics} == {"贵校", "贵院", "贵行"}
    assert not any(index == 2 for index, _ in honorifics)  # 贵 | 院 across two blocks is no word


def test_the_vocabulary_pattern_is_kept_with_the_compiled_patterns(monkeypatch) -> None:
    from generator.core import regex_cache

    monkeypatch.setattr(regex_cache, "_installed", [object()])  # as if install() had run
    monkeypatch.setattr(regex_cache, "_known", {})
    monkeypatch.setattr(regex_cache, "_new", {})
    words = frozenset({"防火门", "防火门窗", "断桥铝", "电梯"})
    foreign_entity._pattern.cache_clear()
    pattern = foreign_entity._pattern(words)
    assert [m.group() for m in pattern.finditer("防火门窗与防火门、断桥铝和电梯")] == ["防火门窗", "防火门", "断桥铝", "电梯"]
    # (compiled patterns may be there too, when an earlier test imported the command line)
    (key, kept), = [(key, kept) for key, kept in regex_cache._new.items() if key[0] == foreign_entity._TRIE]
    assert kept == pattern.pattern
    for damaged in (5, "", None):  # a damaged entry is worked out again (None: one that cannot be said)
        regex_cache._known = {key: damaged}
        foreign_entity._pattern.cache_clear()
        assert foreign_entity._pattern(words).pattern == pattern.pattern
    foreign_entity._pattern.cache_clear()
