"""A private copy of the project data for tests that edit inputs or write outputs (one way to make it)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_DIRS = ("clauses", "profiles", "templates", "tenders")


def copy_project(target: Path) -> Path:
    """`target` made a project: the data folders copied, an empty output folder."""
    target.mkdir(parents=True)
    for name in PROJECT_DIRS:
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, target / name)
    (target / "output").mkdir()
    return target
