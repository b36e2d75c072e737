"""Several builds of one tender at once (separate processes): the output folder's lock and its atomic
exchange keep the .docx and the manifest that describes it together, and --force-less builds race safely."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

DOCX = "售后服务方案.docx"
BUILDS = 8
RUN = "import sys; from generator.cli import run; sys.argv[0] = 'aftersales'; run()"


def _start(project: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", RUN, "build", str(project / "tenders" / "demo.yaml"),
                             "--allow-draft", *extra], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _pair_matches(folder: Path) -> bool:
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    return manifest["output"]["sha256"] == hashlib.sha256((folder / DOCX).read_bytes()).hexdigest()


def _run_all(project: Path, *extra: str) -> list[tuple[int, str]]:
    processes = [_start(project, *extra) for _ in range(BUILDS)]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=240)
        results.append((process.returncode, out + err))
    return results


def test_simultaneous_forced_builds_all_succeed_and_pair_stays_consistent(project: Path) -> None:
    folder = project / "output" / "demo"
    mismatches: list[str] = []
    stop = threading.Event()

    def watch() -> None:  # a reader looking at the folder while the builds replace it
        while not stop.is_set():
            try:
                if folder.is_dir() and not _pair_matches(folder):
                    mismatches.append("manifest does not describe the .docx beside it")
            except (FileNotFoundError, json.JSONDecodeError):
                pass  # the folder's first appearance
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    start = time.monotonic()
    try:
        results = _run_all(project, "--force")
    finally:
        stop.set()
        watcher.join()
    assert all(code == 0 for code, _ in results), [text for code, text in results if code]
    assert not any("Traceback" in text for _, text in results)
    assert not mismatches, mismatches[:1]
    assert _pair_matches(folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted([DOCX, "manifest.json"])
    assert not list((project / "output").glob(".demo.*.tmp")), "no staged folder left behind"
    assert time.monotonic() - start < 240


def test_simultaneous_builds_without_force_exactly_one_wins(project: Path) -> None:
    results = _run_all(project)
    winners = [text for code, text in results if code == 0]
    refused = [text for code, text in results if code != 0]
    assert len(winners) == 1, results
    assert all(code == 2 for code, _ in results if code != 0)
    assert all("已存在" in text and "Traceback" not in text for text in refused), refused[:1]
    assert _pair_matches(project / "output" / "demo")
