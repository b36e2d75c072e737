"""The console entry point (generator/entry.py): exit statuses, flushed output and exit callbacks survive
the direct exit; a process with other threads still running exits normally and waits for them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})


def test_statuses_of_commands(tmp_path: Path) -> None:
    def status(*args: str) -> int:
        return subprocess.run([sys.executable, "-m", "generator", *args], cwd=ROOT, capture_output=True,
                              timeout=120).returncode

    assert status("--help") == 0
    assert status("no-such-command") == 2
    assert status("build", str(tmp_path / "missing.yaml"), "-o", str(tmp_path)) == 2


def test_build_through_the_entry_point_writes_whole_files(tmp_path: Path) -> None:
    import zipfile

    result = subprocess.run([sys.executable, "-m", "generator", "build", "tenders/demo.yaml", "--allow-draft",
                             "-o", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    docx = tmp_path / "demo" / "售后服务方案.docx"
    with zipfile.ZipFile(docx) as package:
        assert package.testzip() is None
    assert (tmp_path / "demo" / "manifest.json").read_text(encoding="utf-8").rstrip().endswith("}")


def test_output_is_flushed_and_exit_callbacks_run(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    result = child("import atexit, sys\n"
                   f"atexit.register(lambda: open({str(marker)!r}, 'w').write('ran'))\n"
                   "sys.stdout.write('unflushed output')\n"
                   "from generator.entry import exit_now\n"
                   "exit_now(3)\n", tmp_path)
    assert result.returncode == 3
    assert result.stdout == "unflushed output"
    assert marker.read_text() == "ran"


def test_a_message_as_exit_code_is_printed_and_fails(tmp_path: Path) -> None:
    result = child("from generator.entry import exit_now\nexit_now('出错了')\n", tmp_path)
    assert result.returncode == 1
    assert "出错了" in result.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    result = child("import os, sys\n"
                   "read, write = os.pipe()\n"
                   "os.dup2(write, 1); os.close(read); os.close(write)\n"  # stdout: a pipe nobody reads
                   "sys.stdout.write('x' * 100)\n"
                   "from generator.entry import exit_now\n"
                   "exit_now(0)\n", tmp_path)
    assert result.returncode == 0
    assert result.stderr == ""


def test_a_running_thread_is_waited_for(tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    result = child("import threading, time\n"
                   f"def late(): time.sleep(0.3); open({str(marker)!r}, 'w').write('done')\n"
                   "threading.Thread(target=late).start()\n"
                   "from generator.entry import exit_now\n"
                   "exit_now(0)\n", tmp_path)
    assert result.returncode == 0
    assert marker.read_text() == "done"
