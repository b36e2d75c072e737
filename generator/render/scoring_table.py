"""评分点对照表: the section a proposal opens with when the tender lists its after-sales 评分标准,
mapping each scoring item to the section that answers it, so an evaluator finds each one quickly."""

from __future__ import annotations

from generator.render.blocks import Block, Heading, Paragraph, Table
from generator.resolve.scoring import FALLBACK_CATEGORY, ItemScore

TITLE = "评分点对照表"
HEADER = ("序号", "评分项", "评分标准", "我方承诺", "对应章节")
WIDTHS = (8, 17, 32, 18, 25)  # the 评分标准 sentence gets the room; short cells stay on one line
LEAD = "为便于评审，现将招标文件售后服务评分标准中的各评分项与本方案的对应内容列示如下："


def section_of(score: ItemScore, sections: dict[str, str]) -> str:
    """The heading that answers the item: its category's section, else the commitment summary."""
    return sections.get(score.category) or sections.get(FALLBACK_CATEGORY, "")


def scoring_blocks(number: str, scores: list[ItemScore], sections: dict[str, str]) -> list[Block]:
    """`sections`: clause category → the text of the first section heading holding such a clause."""
    rows = tuple((str(index), s.item.item, s.item.text, s.offered if s.item.bands else "详见对应章节",
                  section_of(s, sections)) for index, s in enumerate(scores, start=1))
    table = Table(HEADER, rows, widths=WIDTHS)
    return [Heading(1, number, TITLE), Paragraph(LEAD), table]


def sections_in(blocks: tuple[Block, ...]) -> list[str]:
    """The 对应章节 column of a rendered proposal's 评分点对照表 (empty without one)."""
    table = next((b for b in blocks if isinstance(b, Table) and b.header == HEADER), None)
    return [row[-1] for row in table.rows] if table else []
