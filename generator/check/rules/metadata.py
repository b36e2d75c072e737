"""document-metadata: what a .docx carries besides its visible text that can cost a bid.

- author, last-modified-by, company or manager naming a company other than the bidder (given,
  or inferred from the text as foreign-entity does; unknown bidder: not judged) — the file came
  from another bid; in 暗标 mode any value at all; a template other than Normal (warning);
- identifiers two files checked together share (w14:docId, w15:docId, rsidRoot): evaluators
  treat them as a sign of 围标串标 — see `shared_identifiers`, run over all files of one check;
- tracked insertions and deletions not accepted, comments, hidden text (w:vanish): invisible on
  the page, visible to anyone who opens the file;
- in 暗标 mode, pictures in headers and footers (a logo).
Text files have no metadata and get no finding. Properties that name a person are not judged
(a clerk's name is normal) except in 暗标 mode."""

from __future__ import annotations

import re

from generator.check.entities import infer_bidder, same_company
from generator.check.findings import ERROR, WARNING, Finding, Location
from generator.check.rules import CheckContext, company_mentions
from generator.core.findings import Rule
from generator.readers.docx_metadata import PROPERTY_LABELS, DocxMetadata, Mark
from generator.text.document import Block, Document

RULE = Rule("document-metadata", "文档属性、修订、批注与隐藏文字", ERROR, order=90)
SECTION = "文档属性"
MAX_LOCATIONS = 20
_COMPANY = re.compile(r"公司|集团|研究院|事务所|中心|厂$")
_DEFAULT_TEMPLATES = {"normal.dotm", "normal.dot", "normal", "normal.wpt", ""}
MARKS = {
    "insertion": (ERROR, "文档中留有 {n} 处未接受的修订（插入）：打印时看不出，打开文件即可见，提交前请接受或拒绝全部修订"),
    "deletion": (ERROR, "文档中留有 {n} 处未接受的修订（删除）：被删除的文字仍在文件中，提交前请接受或拒绝全部修订"),
    "comment": (ERROR, "文档中留有 {n} 条批注：评审可见，提交前请删除全部批注"),
    "hidden": (ERROR, "文档中有 {n} 处隐藏文字：打印和阅读时不显示，但仍在文件中，可被评审或平台查出"),
}


def property_location(label: str, value: str) -> Location:
    return Location(SECTION, 0, f"{label}：{value}")


def _bidder(context: CheckContext) -> tuple[list[str], bool]:
    """The bidder's names, and whether they were inferred from the text (no --bidder given)."""
    if context.expectations.bidder_names:
        return list(context.expectations.bidder_names), False
    mentions = company_mentions(context)
    guess = infer_bidder(context.document, mentions)
    return ([guess], True) if guess else ([], False)


def _properties(metadata: DocxMetadata, context: CheckContext) -> list[Finding]:
    """One finding per distinct value (作者, 最后修改者 and 单位 usually hold the same name)."""
    findings = []
    by_value: dict[str, list[str]] = {}
    for key, value in metadata.properties.items():
        label = PROPERTY_LABELS[key]
        if key != "Template":
            by_value.setdefault(value, []).append(label)
        elif value.lower().rsplit("\\", 1)[-1].rsplit("/", 1)[-1] not in _DEFAULT_TEMPLATES:
            findings.append(Finding(RULE.id, WARNING, f"文档属性记录了创建它的模板“{value}”，模板名或路径可能暴露文件来源",
                                    (property_location(label, value),)))
    bidder_names, inferred = _bidder(context)
    for value, labels in by_value.items():
        where = "、".join(labels)
        locations = tuple(property_location(label, value) for label in labels)
        if context.expectations.anonymous:
            findings.append(Finding(RULE.id, ERROR, f"暗标文件的文档属性（{where}）应为空，现为“{value}”", locations))
        elif _COMPANY.search(value) and bidder_names and not same_company(value, bidder_names):
            how = "（按签章和“以下简称我公司”推断）" if inferred else ""
            findings.append(Finding(RULE.id, ERROR, f"文档属性（{where}）为“{value}”，不是投标人“{bidder_names[0]}”{how}，"
                                                 f"疑为沿用其他单位的文件", locations))
    return findings


def _block_of(document: Document, mark: Mark) -> Block | None:
    paragraph = mark.paragraph.strip()
    if not paragraph:
        return None
    for block in document.blocks:
        if block.text.strip() == paragraph:
            return block
    head = paragraph[:20]
    return next((b for b in document.blocks if head in b.text), None)


def mark_location(document: Document, mark: Mark) -> Location:
    block = _block_of(document, mark)
    quoted = " ".join(mark.text.split())[:40]
    if block is None:
        return Location(SECTION, 0, quoted)
    text = quoted if mark.kind in ("insertion", "hidden") and quoted in block.text else block.text.strip()[:40]
    return Location(block.section, block.index, text, block.line)


def _marks(metadata: DocxMetadata, document: Document) -> list[Finding]:
    findings = []
    for kind, (severity, message) in MARKS.items():
        marks = [m for m in metadata.marks if m.kind == kind]
        if marks:
            locations = tuple(dict.fromkeys(mark_location(document, m) for m in marks))[:MAX_LOCATIONS]
            findings.append(Finding(RULE.id, severity, message.format(n=len(marks)), locations))
    return findings


def check(context: CheckContext) -> list[Finding]:
    metadata = context.document.metadata
    if not isinstance(metadata, DocxMetadata):
        return []
    findings = _properties(metadata, context) + _marks(metadata, context.document)
    if context.expectations.anonymous and metadata.header_pictures:
        findings.append(Finding(RULE.id, ERROR, f"暗标文件的页眉页脚中有 {metadata.header_pictures} 张图片（如单位标志），应删除",
                                (Location("页眉", 0, "页眉页脚中的图片"),)))
    return findings


IDENTIFIER_LABELS = {"w14:docId": "文档标识（w14:docId）", "w15:docId": "文档标识（w15:docId）",
                     "w:rsidRoot": "创建标识（rsidRoot）"}


def shared_identifiers(documents: list[Document]) -> dict[str, list[Finding]]:
    """Path → findings for identifiers that several of the documents carry."""
    holders: dict[tuple[str, str], list[str]] = {}
    for document in documents:
        metadata = document.metadata
        if isinstance(metadata, DocxMetadata):
            for key, value in metadata.identifiers.items():
                holders.setdefault((key, value), []).append(document.path)
    out: dict[str, list[Finding]] = {}
    for (key, value), paths in holders.items():
        unique = list(dict.fromkeys(paths))
        if len(unique) < 2:
            continue
        for path in unique:
            others = "、".join(p for p in unique if p != path)
            out.setdefault(path, []).append(Finding(
                RULE.id, ERROR, f"{IDENTIFIER_LABELS[key]}“{value}”与 {others} 相同：两份投标文件标识相同会被视为串标迹象，"
                             f"请各自新建文档或用本工具重新生成", (property_location(IDENTIFIER_LABELS[key], value),)))
    return out
