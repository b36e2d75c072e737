"""Time the web pages over real HTTP (waitress in a thread, as `aftersales serve` runs it).

    .venv/bin/python benchmarks/web_pages.py            # /tenders, 15 requests, median
    .venv/bin/python benchmarks/web_pages.py -n 30 /tenders /clauses /check

Runs on a private copy of the project (clauses/, profiles/, templates/, tenders/), so edits in the
working tree do not disturb it. The first request of each page warms the cache and is not counted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def copy_project(target: Path) -> Path:
    for name in ("clauses", "profiles", "templates", "tenders"):
        shutil.copytree(ROOT / name, target / name)
    return target


def measure(url: str, count: int) -> list[float]:
    with urllib.request.urlopen(url) as response:  # warm-up
        response.read()
    times = []
    for _ in range(count):
        start = time.perf_counter()
        with urllib.request.urlopen(url) as response:
            response.read()
            assert response.status == 200, response.status
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=["/tenders"])
    parser.add_argument("-n", type=int, default=15, help="requests per page (default 15)")
    args = parser.parse_args()
    from generator.web.server import Server

    with tempfile.TemporaryDirectory(prefix="aftersales-bench-web-") as tmp:
        project = copy_project(Path(tmp))
        server = Server(project, host="127.0.0.1", port=0)
        server.start_thread()
        try:
            print(f"load average {os.getloadavg()[0]:.2f}; {args.n} requests per page")
            for page in args.pages:
                times = measure(server.url.rstrip("/") + page, args.n)
                print(f"{page}: median {statistics.median(times):.1f} ms "
                      f"(min {min(times):.1f}, max {max(times):.1f})")
        finally:
            time.sleep(0.2)  # let waitress finish the last connection before closing
            server.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
