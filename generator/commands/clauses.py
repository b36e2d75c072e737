"""aftersales clauses …"""

from __future__ import annotations

import typer

app = typer.Typer(help="条款库：列出、查看、检查、审定条款。", no_args_is_help=True)
