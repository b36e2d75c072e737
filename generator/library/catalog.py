"""`clauses catalog`: one review document with every clause, its metadata and its sample rendering.

A lawyer reviews wording, not YAML: each clause gets a metadata table (state, approval, scope,
commitments used, file, hash) and its body rendered with sample values, the values shaded.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from generator.core.errors import InputError
from generator.core.layout import Layout
from generator.library.describe import CATEGORY_LABELS, STATE_LABELS, STATES, category_label, state
from generator.library.marking import CLOSE, OPEN, SampleRenderer, strip_marks
from generator.library.repository import Library
from generator.library.samples import Sample, SampleError, sample_for
from generator.library.show import metadata_rows
from generator.load.yamlio import Loaded
from generator.models.clause import Clause
from generator.render.blocks import Block, Cover, Heading, PageBreak, Paragraph, Proposal, Table, Toc
from generator.render.jinja import date_cn
from generator.render.numbering import Counter
from generator.render.proposal import ClauseFailure

TITLE = "售后服务条款库"
SUBTITLE = "条款审阅稿"


def _intro(counter: Counter) -> list[Block]:
    return [
        Heading(1, counter.next(1), "阅读说明"),
        Paragraph("本审阅稿列出条款库中的每一个条款。每个条款先以表格列出其元数据：编号、版本、审定状态和审定记录、"
                  "适用的产品类型、使用的承诺、所在文件和正文的 sha256 摘要；随后是用示例数据生成的正文。"),
        Paragraph(f"正文中带{OPEN}底纹{CLOSE}的文字来自投标人资料、产品类型资料、招标项目或承诺数据，"
                  "在每一份投标文件中会换成该项目的实际内容，审阅时请核对其表述方式；没有底纹的文字是条款的固定措辞，"
                  "审定后即不得改动。"),
        Paragraph("“审定后已修改”表示条款正文在法务审定之后又被改动，原审定不再有效，须重新审定后才能用于正式投标文件。"
                  "正文 sha256 摘要与审定记录中的摘要一致，即说明正文与审定时的文本完全相同。"),
    ]


def _status_summary(clauses: list[Loaded]) -> str:
    counts = {s: sum(1 for c in clauses if state(c.model) == s) for s in STATES}
    return "；".join(f"{STATE_LABELS[s]} {n} 条" for s, n in counts.items() if n) or "无"


class _Samples:
    """Sample contexts, made once per product type and bidder."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self._cache: dict[tuple[str | None, str | None], Sample] = {}

    def for_clause(self, clause: Clause) -> Sample:
        sample = sample_for(self.library, clause)
        key = (sample.product.model.id, sample.bidder.model.id)
        return self._cache.setdefault(key, sample)


def _clause_blocks(library: Library, loaded: Loaded, samples: _Samples, renderer: SampleRenderer,
                   counter: Counter) -> list[Block]:
    clause: Clause = loaded.model
    blocks: list[Block] = [Heading(2, counter.next(2), clause.title)]  # the id heads the metadata table
    sample: Sample | None = None
    error = ""
    try:
        sample = samples.for_clause(clause)
    except SampleError as exc:
        error = "示例数据有误：" + "；".join(p.message for p in exc.problems)
    except InputError as exc:  # no product type fits this clause: shown in the catalog, not fatal
        error = exc.title
    rows = tuple((label, value) for label, value in metadata_rows(library, loaded, sample))
    blocks.append(Table(("项目", "内容"), rows, widths=(1.0, 4.0)))
    if sample is not None:
        try:
            body = renderer.blocks(loaded, sample.context, base_level=2, counter=counter)
        except ClauseFailure as failure:
            error = f"示例渲染失败：{failure.problem.message}（{failure.problem.location()}）"
        else:
            return [*blocks, Paragraph("示例正文：", style="note"), *body]
    blocks.append(Paragraph(f"【{error}】以下为正文源文本：", style="note"))
    blocks += [Paragraph(line) for line in clause.body.splitlines() if line.strip()]
    return blocks


def catalog_proposal(library: Library, today: dt.date | None = None) -> Proposal:
    today = today or dt.date.today()
    counter = Counter()
    samples = _Samples(library)
    renderer = SampleRenderer(marked=True)
    by_category: dict[str, list[Loaded]] = defaultdict(list)
    for loaded in library.clauses:
        by_category[loaded.model.category].append(loaded)
    order = [c for c in CATEGORY_LABELS if c in by_category] + sorted(set(by_category) - set(CATEGORY_LABELS))
    body: list[Block] = _intro(counter)
    for category in order:
        body += [PageBreak(), Heading(1, counter.next(1), f"{category_label(category)}（{category}）")]
        for loaded in sorted(by_category[category], key=lambda c: c.model.id):
            body += _clause_blocks(library, loaded, samples, renderer, counter)
    cover = Cover(title=TITLE, subtitle=SUBTITLE, fields=(
        ("生成日期：", date_cn(today)),
        ("条款数量：", f"{len(library.clauses)} 条"),
        ("审定状态：", _status_summary(library.clauses)),
    ))
    toc = Toc(entries=tuple(Heading(b.level, b.number, strip_marks(b.title))
                            for b in body if isinstance(b, Heading) and b.level <= 2))
    return Proposal(blocks=(cover, PageBreak(), toc, PageBreak(), *body), header_text=f"{TITLE}　{SUBTITLE}",
                    title=f"{TITLE}{SUBTITLE}", author="aftersales", date_iso=today.isoformat())


def write_catalog_file(library: Library, template: str = "standard") -> bytes:
    from generator.core.errors import Problem
    from generator.write.catalog_writer import write_catalog

    reference = Layout(library.root).reference(template)
    if not reference.is_file():
        raise InputError("找不到样式参考文档", [Problem(reference, "文件不存在", hint="用 --template 指定模板名称")])
    return write_catalog(catalog_proposal(library), Path(reference))
