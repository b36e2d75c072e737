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


def write_tender(project: Path, data: dict) -> Path:
    """`data` written as the tender file tenders/<id>.yaml of `project`."""
    from ruamel.yaml import YAML

    path = project / "tenders" / f"{data['id']}.yaml"
    yaml = YAML()
    yaml.allow_unicode = True
    with path.open("w", encoding="utf-8") as f:
        yaml.dump(data, f)
    return path


def changed_tender(example: Path, project: Path, tender_id: str, **changes: object) -> Path:
    """A copy of the tender file `example` in `project`, with another id and some fields changed."""
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(example.read_text(encoding="utf-8"))
    data.update(id=tender_id, **changes)
    return write_tender(project, data)
