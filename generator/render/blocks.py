"""Neutral document blocks: what a proposal is made of, independent of any file format."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = 第一节, 2 = 一、, 3 = （一）, 4 = 1., 5 = （1）
    number: str
    title: str

    @property
    def text(self) -> str:
        separator = " " if self.level == 1 or self.number.endswith(".") else ""
        return f"{self.number}{separator}{self.title}"


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body / right / flush / center / note


@dataclass(frozen=True)
class ListBlock:
    items: tuple[str, ...]
    ordered: bool


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative; empty = from content


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Signature:
    """投标人（盖章）/ 法定代表人或授权代表（签字）/ 日期, kept together on one page."""

    lines: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Toc:
    title: str = "目  录"
    entries: tuple[Heading, ...] = ()  # shown until the field is updated


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Picture:
    """An inline PNG picture (a chart drawn from the data), with its caption below it."""

    png: bytes
    width_cm: float
    alt: str
    caption: str | None = None


Block = Heading | Paragraph | ListBlock | Table | PageBreak | Signature | Toc | Cover | Picture


@dataclass(frozen=True)
class Proposal:
    """A whole rendered proposal plus what the writer needs around the body."""

    blocks: tuple[Block, ...]
    header_text: str
    title: str
    author: str
    date_iso: str
    draft: bool = False
    properties: dict[str, str] = field(default_factory=dict)

    def texts(self) -> list[str]:
        """Every piece of text in reading order (for self-checks and golden files)."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                out.append(block.text)
            elif isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, ListBlock):
                out.extend(block.items)
            elif isinstance(block, Table):
                out.append(" | ".join(block.header))
                out.extend(" | ".join(row) for row in block.rows)
            elif isinstance(block, Signature):
                out.extend(f"{label}{value}" for label, value in block.lines)
            elif isinstance(block, Picture) and block.caption:
                out.append(block.caption)
            elif isinstance(block, Cover):
                out.append(block.title)
                out.append(block.subtitle)
                out.extend(f"{label}{value}" for label, value in block.fields)
        return out
