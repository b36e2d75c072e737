"""aftersales serve: the local web page. Flask and waitress are imported only when it runs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def serve_command(
    host: Annotated[str, typer.Option("--host", help="监听地址；默认只允许本机访问", metavar="ADDR")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="端口（1–65535）", metavar="PORT")] = 8000,
    no_browser: Annotated[bool, typer.Option("--no-browser", help="启动后不自动打开浏览器")] = False,
    root: Annotated[Path | None, typer.Option(
        "--root", help="项目目录（含 clauses/、profiles/、tenders/；默认：当前目录或其上级）", show_default=False,
        metavar="DIR")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="方案输出目录（默认：项目下的 output/）", show_default=False, metavar="DIR")] = None,
) -> None:
    """启动本机网页：填写招标项目、预览偏离表、生成并下载方案、检查文档、审定条款。

    启动后在浏览器中打开 http://127.0.0.1:8000 （默认会自动打开）。按 Ctrl-C 停止。

    示例：aftersales serve --port 8080 --no-browser
    """
    import errno

    try:
        import flask  # noqa: F401
        import waitress  # noqa: F401
    except ImportError:
        typer.echo("网页功能所需的组件未安装。请在项目目录运行：.venv/bin/pip install -e '.[web]'", err=True)
        raise typer.Exit(2) from None
    from generator.core.layout import Layout
    from generator.load.project import find_root
    from generator.web.server import Server

    base = (root or find_root(Path.cwd())).resolve()
    if not Layout(base).is_project():
        typer.echo(f"{base} 不是项目目录（缺少 clauses/ 或 profiles/）：请在项目目录中运行，或用 --root 指定", err=True)
        raise typer.Exit(2)
    import signal

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(0)  # unwinds to close(): the temporary upload folder is removed

    # Before the server makes its upload folder: a SIGTERM from then on unwinds through close()
    # (one during Server() unwinds through its own clean-up).
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    try:
        server = Server(base, output, host, port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            typer.echo(f"端口 {port} 已被占用：本工具可能已在运行（请直接打开 http://127.0.0.1:{port}），"
                       f"或用 --port 换一个端口", err=True)
        else:
            typer.echo(f"无法在 {host}:{port} 上启动：{exc.strerror or exc}", err=True)
        raise typer.Exit(2) from None
    try:
        if host not in LOOPBACK:
            typer.echo(f"注意：正在监听 {host}，同一网络中的其他电脑也能打开本工具并生成、审定。只在可信网络中这样做。", err=True)
        typer.echo(f"已启动：{server.url}  （项目目录 {base}；按 Ctrl-C 停止）")
        if not no_browser:
            import threading
            import webbrowser

            threading.Timer(0.6, webbrowser.open, [server.url]).start()
        server.run()
    finally:
        server.close()


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_command)
