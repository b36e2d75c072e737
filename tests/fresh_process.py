"""Builds in processes of their own: what a command-line build imports depends on what the disk caches
already hold, which a test process (with everything imported) cannot show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.core import disk_cache

ROOT = Path(__file__).resolve().parent.parent


def modules_after_builds(tenders: list[Path], output: Path, cache: Path, watched: tuple[str, ...],
                         runs: int = 2) -> list[str]:
    """For each of `runs` fresh processes sharing the disk cache `cache`: the modules among `watched` (a
    package and its submodules) loaded after building every tender, as the printed sorted list."""
    script = ("import sys\nfrom pathlib import Path\nfrom generator.pipeline.build import BuildOptions, build\n"
              f"for tender in {[str(t) for t in tenders]!r}:\n"
              f"    build(Path(tender), BuildOptions(force=True, allow_draft=True, output_root=Path({str(output)!r})))\n"
              f"watched = {watched!r}\n"
              "print(sorted(m for m in sys.modules if any(m == w or m.startswith(w + '.') for w in watched)))\n")
    env = {**os.environ, disk_cache.ENV_VAR: str(cache), "PYTHONPATH": str(ROOT)}
    return [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT,
                           check=True).stdout.strip().splitlines()[-1] for _ in range(runs)]
