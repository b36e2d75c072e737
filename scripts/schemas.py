#!/usr/bin/env python3
"""Regenerate schemas/*.schema.json from the models and the `# yaml-language-server` first line of
every YAML input (see generator/models/schemas.py).

    .venv/bin/python scripts/schemas.py           # write what is out of date
    .venv/bin/python scripts/schemas.py --check   # exit 1 and list what is out of date
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.core.layout import Layout  # noqa: E402
from generator.models.schemas import stale, write  # noqa: E402


def main(argv: list[str]) -> int:
    layout = Layout(Path(__file__).resolve().parent.parent)
    if "--check" in argv:
        out_of_date = [path for path, _ in stale(layout)]
        for path in out_of_date:
            print(f"需要更新：{path.relative_to(layout.root).as_posix()}")
        if out_of_date:
            print("运行 .venv/bin/python scripts/schemas.py 更新")
        return 1 if out_of_date else 0
    for path in write(layout):
        print(f"已更新：{path.relative_to(layout.root).as_posix()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
