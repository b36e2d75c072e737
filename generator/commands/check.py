"""aftersales check (see issue: the checker)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """The checker registers its command here."""
