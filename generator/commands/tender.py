"""aftersales tender …"""

from __future__ import annotations

import typer

app = typer.Typer(help="招标项目：从招标文件提取要求、交互式新建项目文件。", no_args_is_help=True)
