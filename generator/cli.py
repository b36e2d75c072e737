"""The `aftersales` command. Each command group lives in generator/commands/; those modules import
only typer at start-up and everything heavy inside the command, so --help and check start fast."""

from __future__ import annotations

import sys
from collections.abc import Callable

from generator.core.generated_code import install as install_generated_code
from generator.core.regex_cache import install as install_regex_cache

install_regex_cache()  # before anything compiles its patterns (see generator/core/regex_cache.py)
install_generated_code()  # before anything defines its dataclasses (see generator/core/generated_code.py)

import typer  # noqa: E402

from generator.commands import build as build_commands  # noqa: E402
from generator.commands import check as check_commands  # noqa: E402
from generator.commands import clauses as clause_commands  # noqa: E402
from generator.commands import serve as serve_commands  # noqa: E402
from generator.commands import tender as tender_commands  # noqa: E402
from generator.commands.help_zh import install as install_chinese_help  # noqa: E402

# Each command by its name, and how it joins an app (in the order of the help screen).
COMMANDS: dict[str, Callable[[typer.Typer], None]] = {
    "build": build_commands.register,
    "check": check_commands.register,
    "serve": serve_commands.register,
    "clauses": lambda app: app.add_typer(clause_commands.app, name="clauses"),
    "tender": lambda app: app.add_typer(tender_commands.app, name="tender"),
}


def make_app(only: str | None = None) -> typer.Typer:
    """The `aftersales` app: every command, or only the one named (see `app_for`)."""
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
    for name, add in COMMANDS.items():
        if only is None or name == only:
            add(app)
    if only is not None:
        # a callback keeps an app of one command a group: still `aftersales build …`, not `aftersales …`
        app.callback()(_no_options)
    return app


def _no_options() -> None:
    """生成并检查投标文件中的《售后服务方案》。"""


install_chinese_help()
app = make_app()


def app_for(args: list[str]) -> typer.Typer:
    """What one invocation runs: typer turns the signature of every command of an app into click
    parameters before it runs any (about 20 ms for all of them), so a command line naming a command
    gets an app with that command only; anything else (help, a misspelt command) gets the whole app."""
    if args and args[0] in COMMANDS:
        return make_app(args[0])
    return app


def run() -> None:
    """Console entry point. Click's own handling would print English ("Aborted!") and exit 1 on
    Ctrl-C; here an interrupted command says so in Chinese and exits 130, usage errors exit 2."""
    try:  # recent typer vendors click; older releases re-export click's own exceptions
        from typer import TyperException as CommandLineError
    except ImportError:  # pragma: no cover - depends on the installed typer
        from click import ClickException as CommandLineError  # type: ignore[assignment]

    try:
        code = app_for(sys.argv[1:])(prog_name="aftersales", standalone_mode=False)
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("\n已中断：未写出任何新文件，已有的输出保持不变", err=True)
        sys.exit(130)
    except CommandLineError as error:
        from generator.commands.usage_errors import render

        typer.echo(render(error), err=True)
        sys.exit(getattr(error, "exit_code", 2))
    sys.exit(code if isinstance(code, int) else 0)
