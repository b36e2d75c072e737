"""A build killed while writing leaves the previous outputs exactly as they were."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

DOCX = "售后服务方案.docx"

# Runs `aftersales` with os.fsync slowed down: once the named file is complete on disk inside the staged
# folder (`.demo.*.tmp`), it touches a marker (so the test knows the build is inside write_all) and
# sleeps until killed.
STALLED_BUILD = """
import os, sys, time
marker, stall_on = sys.argv[1], sys.argv[2]
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    path = os.readlink(f"/proc/self/fd/{fd}")
    if os.path.basename(path) == stall_on and os.path.dirname(path).endswith(".tmp"):
        open(marker, "w").close()
        time.sleep(120)
os.fsync = fsync
sys.argv = ["aftersales", *sys.argv[3:]]
from generator.cli import run
run()
"""

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc (Linux)")


def outputs(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.iterdir()) if p.is_file()}


def start_stalled(project: Path, stall_on: str) -> tuple[subprocess.Popen, Path]:
    marker = project / "stalled"
    process = subprocess.Popen(
        [sys.executable, "-c", STALLED_BUILD, str(marker), stall_on,
         "build", str(project / "tenders" / "demo.yaml"), "--allow-draft", "--force"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not marker.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            out, err = process.communicate()
            pytest.fail(f"the build never reached the write: {out.decode()} {err.decode()}")
        time.sleep(0.02)
    return process, marker


@pytest.fixture
def previous(project: Path, cli) -> dict[str, bytes]:
    """A finished build, then a changed tender, so a new build would write different bytes."""
    tender = project / "tenders" / "demo.yaml"
    assert cli("build", tender, "--allow-draft")[0] == 0
    text = tender.read_text(encoding="utf-8")
    tender.write_text(text.replace("project_name: ", "project_name: 变更后的", 1), encoding="utf-8")
    return outputs(project / "output" / "demo")


@pytest.mark.parametrize("stall_on", ["manifest.json", DOCX])
def test_sigkill_during_write_keeps_previous_outputs(project: Path, previous, cli, stall_on: str) -> None:
    process, _ = start_stalled(project, stall_on)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    directory = project / "output" / "demo"
    after = outputs(directory)
    visible = {name: data for name, data in after.items() if not name.startswith(".")}
    assert visible == previous, "the previous document and manifest must be untouched"
    assert after == visible, "nothing half-written inside the output folder"
    assert list((project / "output").glob(".demo.*.tmp")), "the kill happened while the staged folder existed"
    # the next build finishes the job and clears what the killed one left
    assert cli("build", project / "tenders" / "demo.yaml", "--allow-draft", "--force")[0] == 0
    final = outputs(directory)
    assert set(final) == {DOCX, "manifest.json"}
    assert final[DOCX] != previous[DOCX]
    assert not list((project / "output").glob(".demo.*.tmp")), "the staged folder of the killed build is cleared"


def test_ctrl_c_during_write_keeps_previous_outputs_and_cleans_up(project: Path, previous) -> None:
    process, _ = start_stalled(project, DOCX)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Traceback" not in err.decode()
    assert outputs(project / "output" / "demo") == previous, "nothing replaced"
    assert not list((project / "output").glob(".demo.*.tmp")), "no staged folder left"
