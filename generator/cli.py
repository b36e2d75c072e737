"""The `aftersales` command. Each command group lives in generator/commands/; those modules import
only typer at start-up and everything heavy inside the command, so --help and check start fast."""

from __future__ import annotations

import sys

import typer

from generator.commands import build as build_commands
from generator.commands import check as check_commands
from generator.commands import clauses as clause_commands
from generator.commands import tender as tender_commands

app = typer.Typer(
    name="aftersales",
    help="生成并检查投标文件中的《售后服务方案》。\n\n"
         "退出码：0 成功/无问题；1 生成被拒绝或检查发现错误；2 输入或用法有误。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
build_commands.register(app)
check_commands.register(app)
app.add_typer(clause_commands.app, name="clauses")
app.add_typer(tender_commands.app, name="tender")


def run() -> None:
    """Console entry point."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("已中断", err=True)
        sys.exit(130)
