"""Shared fixtures: the project root, an isolated copy of it, and a CLI runner."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from project_copy import copy_project
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def _private_code_cache(tmp_path_factory: pytest.TempPathFactory):
    """Compiled clause bodies go to a cache of this run (and of the processes it starts), not ~/.cache."""
    previous = os.environ.get("AFTERSALES_CACHE_DIR")
    os.environ["AFTERSALES_CACHE_DIR"] = str(tmp_path_factory.mktemp("aftersales-cache"))
    yield
    if previous is None:
        del os.environ["AFTERSALES_CACHE_DIR"]
    else:
        os.environ["AFTERSALES_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project data, so tests may edit inputs and write outputs freely."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def cli():
    """Invoke `aftersales` in-process with a fixed terminal width; returns (exit_code, stdout, stderr)."""
    from generator.cli import app

    runner = CliRunner(env={"COLUMNS": "120", "NO_COLOR": "1"})

    def invoke(*args: str, input: str | None = None):  # CliRunner's name; feeds stdin to prompts
        result = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return invoke
