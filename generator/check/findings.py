"""One Finding type shared by every rule, and the result of checking one document."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.check.document import Block

RULES = ("placeholder", "conflicting-commitment", "foreign-entity", "tender-requirement", "profile-mismatch",
         "missing-section", "duplicate-text", "active-content", "document-metadata", "anonymity")
RULE_TITLES = {
    "placeholder": "未填写的占位符与模板说明",
    "conflicting-commitment": "前后不一致的承诺",
    "foreign-entity": "其他公司、其他产品或不相称的称谓",
    "tender-requirement": "不满足招标要求",
    "profile-mismatch": "与投标人承诺资料不一致",
    "missing-section": "缺少模板要求的章节",
    "duplicate-text": "重复段落",
    "active-content": "宏、嵌入对象与外部引用",
    "document-metadata": "文档属性、修订、批注与隐藏文字",
    "anonymity": "暗标中可识别投标人的内容",
}
ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Location:
    section: str
    block: int  # 1-based block number in the document; 0 = document properties, not a block
    text: str  # verbatim span of the original text
    line: int | None = None  # text files only (for SARIF); not part of the JSON interface
    page: int | None = None  # when the file records pages (PDF, .docx with page breaks)
    # the exact span found, as offsets in the block's original text (for highlighting; not reported)
    span: tuple[int, int] | None = field(default=None, compare=False)

    @classmethod
    def of(cls, block: Block, start: int, end: int, context: int = 10) -> Location:
        return cls(block.section, block.index, block.quote(start, end, context), block.line, block.page,
                   block.original_span(start, end))

    @classmethod
    def whole(cls, block: Block, limit: int = 60) -> Location:
        text = block.text.strip()
        first_line = text.split("\n", 1)[0]
        return cls(block.section, block.index, first_line[:limit], block.line, block.page)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # error | warning
    message: str  # Chinese, for the reader
    locations: tuple[Location, ...] = ()
    kind: str | None = None  # commitment kind, where the finding is about one


@dataclass
class DocumentResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    mentions: list = field(default_factory=list)  # extract.Mention

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]
