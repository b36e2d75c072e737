"""CLI command groups; each module exposes `register(app)` or a sub-`app`."""

from __future__ import annotations

import typer


def fail(error: Exception) -> None:
    """Print a user error (no traceback) and exit with its code."""
    from generator.core.errors import UserError

    assert isinstance(error, UserError)
    typer.echo(error.render(), err=True)
    raise typer.Exit(error.exit_code)
