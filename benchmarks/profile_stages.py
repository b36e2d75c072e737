#!/usr/bin/env python3
"""Where the time of one whole-process `aftersales build` goes: interpreter, imports, and each named
step of the pipeline (a script, not a test). Each figure is the median over fresh processes.

    .venv/bin/python benchmarks/profile_stages.py [--runs 5] [--tender tenders/demo.yaml]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The children import this checkout's code (a work tree sharing another checkout's editable venv included).
CHILD_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}

# Runs in a fresh interpreter: times the imports, then one build with each named step wrapped.
CHILD = r"""
import json, sys, time
start = time.perf_counter()
timings = {}
def mark(name, since):
    now = time.perf_counter()
    timings[name] = timings.get(name, 0.0) + now - since
    return now
t = time.perf_counter()
import generator.cli
t = mark("import: cli (typer, command modules)", t)
import generator.pipeline.build
t = mark("import: build pipeline (pydantic models, jinja2, ruamel)", t)
import generator.write.docx_writer
t = mark("import: writer (python-docx, lxml)", t)
import generator.pipeline.selfcheck
t = mark("import: self-check / checker", t)

import generator.pipeline.build as b
from pathlib import Path

def wrap(module, name, label):
    real = getattr(module, name)
    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            mark(label, t0)
    setattr(module, name, timed)

import generator.write.docx_writer as w
wrap(b, "load_inputs", "step: load inputs (YAML → models)")
wrap(b, "resolve", "step: resolve commitments")
wrap(b, "select_clauses", "step: select clauses")
wrap(b, "render_proposal", "step: render clauses (Jinja → blocks)")
wrap(w, "write_docx_read_back", "step: write .docx and read it back from memory")
wrap(b, "run_self_check", "step: self-check the document")
wrap(b, "make_manifest", "step: manifest (hashes)")
wrap(b, "write_all", "step: write files (atomic)")
t = time.perf_counter()
b.build(Path(sys.argv[1]), b.BuildOptions(force=True, allow_draft=True, output_root=Path(sys.argv[2])))
mark("build total (all steps)", t)
timings["in-process total after interpreter start"] = time.perf_counter() - start
print(json.dumps(timings))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tender", default="tenders/demo.yaml")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aftersales-profile-") as temp_name:
        temp = Path(temp_name)
        for name in ("clauses", "profiles", "templates", "tenders"):
            shutil.copytree(ROOT / name, temp / name)
        samples: dict[str, list[float]] = {}
        bare = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-c", CHILD, str(temp / args.tender), str(temp / "out")],
                                    cwd=temp, capture_output=True, text=True, env=CHILD_ENV)
            wall = time.perf_counter() - start
            if result.returncode != 0:
                raise SystemExit(result.stderr)
            for key, value in json.loads(result.stdout.splitlines()[-1]).items():
                samples.setdefault(key, []).append(value)
            samples.setdefault("whole process (wall)", []).append(wall)
        samples["python interpreter start-up (python -c pass)"] = bare
    width = max(len(k) for k in samples)
    for key, values in samples.items():
        print(f"{key:<{width}}  {statistics.median(values) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
