"""What a batch build shows: a progress bar on a terminal (rich, imported only then), plain lines
otherwise (CI logs, pipes), failures as they happen, and one summary table at the end."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

import typer

from generator.core.errors import display_path
from generator.pipeline.batch import Outcome, Reporter

if TYPE_CHECKING:
    from rich.progress import TaskID


def _status(outcome: Outcome) -> str:
    if outcome.ok:
        return "成功"
    if outcome.internal:
        return "内部错误"
    return "输入有误" if outcome.exit_code == 2 else "被拒绝"


def _path(text: str) -> str:
    from pathlib import Path

    return display_path(Path(text)) if text else ""


class SeenMessages:
    """A shared file that breaks every tender (a clause, the outline) is explained once, not 100 times."""

    def __init__(self) -> None:
        self.first: dict[str, str] = {}

    def text(self, outcome: Outcome) -> str:
        earlier = self.first.setdefault(outcome.message, outcome.tender)
        if earlier != outcome.tender:
            return f"  与 {earlier} 的问题相同（见上）"
        return outcome.message


def print_failure(outcome: Outcome, prefix: str = "", seen: SeenMessages | None = None) -> None:
    typer.echo(f"{prefix}✗ {outcome.tender}（{_status(outcome)}）", err=True)
    typer.echo(seen.text(outcome) if seen else outcome.message, err=True)


class PlainReporter:
    """One line per finished tender: readable in a CI log, no control characters."""

    def __init__(self) -> None:
        self.total = 0
        self.count = 0
        self.seen = SeenMessages()

    def start(self, total: int) -> None:
        self.total = total

    def done(self, outcome: Outcome) -> None:
        self.count += 1
        prefix = f"[{self.count}/{self.total}] "
        if outcome.ok:
            typer.echo(f"{prefix}✓ {outcome.tender} → {_path(outcome.output)}（{outcome.seconds:.2f} 秒）")
        else:
            print_failure(outcome, prefix, self.seen)

    def stop(self) -> None:
        pass


class RichReporter:
    """A progress bar on stderr; failures are printed above it as they happen."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(stderr=True, highlight=False)
        self.progress = Progress(TextColumn("生成中"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("失败 {task.fields[failed]}"), TimeElapsedColumn(),
                                 TextColumn("{task.description}"), console=self.console, transient=True)
        self.task: TaskID | None = None
        self.failed = 0
        self.seen = SeenMessages()

    def start(self, total: int) -> None:
        self.progress.start()
        self.task = self.progress.add_task("", total=total, failed=0)

    def done(self, outcome: Outcome) -> None:
        if not outcome.ok:
            self.failed += 1
            self.console.print(f"✗ {outcome.tender}（{_status(outcome)}）", markup=False, soft_wrap=True)
            self.console.print(self.seen.text(outcome), markup=False, soft_wrap=True)
        assert self.task is not None
        self.progress.update(self.task, advance=1, failed=self.failed, description=outcome.tender)

    def stop(self) -> None:
        self.progress.stop()


def make_reporter(interactive: bool) -> Reporter:
    if interactive:
        try:
            return RichReporter()
        except ImportError:  # rich comes with typer; without it, plain lines still work
            pass
    return PlainReporter()


def width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, columns: int, right: bool = False) -> str:
    space = " " * max(0, columns - width(text))
    return space + text if right else text + space


def summary_rows(outcomes: list[Outcome]) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for o in outcomes:
        if o.ok:
            remark = "；".join(o.notes)
        else:
            remark = o.message.splitlines()[0] if o.message else ""
        rows.append((
            o.tender,
            _status(o),
            f"{o.pages} 页" if o.pages else (f"{o.blocks} 块" if o.blocks is not None else "—"),
            str(o.findings) if o.findings is not None else "—",
            f"{o.seconds:.2f}",
            _path(o.output) if o.ok else "—",
            remark,
        ))
    return rows


HEADER = ("招标项目", "结果", "页数/块数", "发现/问题", "用时(秒)", "输出", "备注")
NUMERIC = {2, 3, 4}


def format_table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(width(row[i]) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    lines = []
    for index, row in enumerate([HEADER, *rows]):
        cells = [pad(cell, widths[i], right=i in NUMERIC) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def notice_lines(outcomes: list[Outcome]) -> list[str]:
    """The notices of built tenders, each told once with the tenders it concerns (a date copied into 100
    tender files is one line, not 100)."""
    by_notice: dict[str, list[str]] = {}
    for outcome in outcomes:
        for notice in outcome.notices:
            by_notice.setdefault(notice, []).append(outcome.tender)
    lines = ["提示："] if by_notice else []
    for notice, tenders in by_notice.items():
        shown = "、".join(tenders[:3]) + (f" 等 {len(tenders)} 个" if len(tenders) > 3 else "")
        lines.append(f"  ! {notice}（{shown}）")
    return lines


def print_summary(outcomes: list[Outcome], seconds: float, jobs: int) -> None:
    typer.echo("")
    for line in format_table(summary_rows(outcomes)):
        typer.echo(line)
    for line in notice_lines(outcomes):
        typer.echo(line)
    failed = sum(1 for o in outcomes if not o.ok)
    typer.echo(f"共 {len(outcomes)} 个招标项目：成功 {len(outcomes) - failed}，失败 {failed}；"
               f"总用时 {seconds:.2f} 秒（{jobs} 个进程）")
