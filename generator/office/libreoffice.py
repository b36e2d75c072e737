"""Headless LibreOffice through UNO: update the TOC and fields, export PDF (and a .docx if asked).

LibreOffice's `uno` module belongs to the Python it was built for (Debian: /usr/bin/python3 with
python3-uno), not to the project's venv, so the work runs in a child process: uno_worker.py under
that Python, which starts its own soffice with a private profile in a temporary directory and a
named pipe, and quits it when done. The whole process group is killed on timeout.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.core.errors import InputError, Problem, UserError

HERE = Path(__file__).resolve().parent
WORKER = HERE / "uno_worker.py"
FONTS_CONF = HERE / "fonts.conf"
INSTALL_HINT = ("Debian/Ubuntu：apt-get install --no-install-recommends libreoffice-writer-nogui python3-uno "
                "fonts-noto-cjk；其他系统请安装 LibreOffice，并用环境变量 AFTERSALES_SOFFICE / "
                "AFTERSALES_UNO_PYTHON 指明 soffice 和带 uno 模块的 Python")
SOFFICE_CANDIDATES = ("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice")


class OfficeUnavailable(InputError):
    """LibreOffice (or its Python bridge) is not installed: exit 2, like any unusable input."""


class OfficeFailed(UserError):
    """LibreOffice is installed but the conversion failed or timed out."""

    exit_code = 1


@dataclass(frozen=True)
class Office:
    soffice: Path
    python: Path


@dataclass(frozen=True)
class Job:
    source: Path
    pdf: Path | None = None
    docx: Path | None = None
    update: bool = True  # update indexes and fields first (False: a plain round trip)
    join_units: bool = True  # the PDF's layout copy joins digits to their units (False: the tests' control)


@dataclass(frozen=True)
class Rendered:
    source: Path
    pages: int
    indexes: int  # tables of contents and other indexes updated
    seconds: float


def find_soffice() -> Path | None:
    configured = os.environ.get("AFTERSALES_SOFFICE")
    if configured:
        return Path(configured) if Path(configured).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in SOFFICE_CANDIDATES:
        if Path(candidate).is_file():
            return Path(candidate)
    return None


def _has_uno(python: Path) -> bool:
    try:
        result = subprocess.run([str(python), "-c", "import uno"], env=_clean_env(), capture_output=True,
                                timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def _find_python(soffice: Path) -> Path | None:
    configured = os.environ.get("AFTERSALES_UNO_PYTHON")
    if configured:
        return Path(configured) if _has_uno(Path(configured)) else None
    candidates: list[Path] = []
    if importlib.util.find_spec("uno") is not None:
        candidates.append(Path(sys.executable))
    candidates.append(soffice.resolve().parent / "python")  # LibreOffice's own build (Windows, macOS)
    candidates += [Path("/usr/bin/python3"), Path("/usr/local/bin/python3")]
    for candidate in candidates:
        if candidate.is_file() and _has_uno(candidate):
            return candidate
    return None


@functools.lru_cache(maxsize=1)
def find_office() -> Office:
    """Where soffice and a Python with `uno` are; OfficeUnavailable (exit 2) otherwise."""
    soffice = find_soffice()
    if soffice is None:
        raise OfficeUnavailable("未找到 LibreOffice（soffice），无法导出 PDF", [
            Problem("LibreOffice", "系统中没有 soffice 命令", hint=INSTALL_HINT)])
    python = _find_python(soffice)
    if python is None:
        raise OfficeUnavailable("未找到 LibreOffice 的 Python 接口（uno 模块），无法导出 PDF", [
            Problem(str(soffice), "已安装 LibreOffice，但没有可导入 uno 的 Python", hint=INSTALL_HINT)])
    return Office(soffice, python)


def _clean_env() -> dict[str, str]:
    """The child runs another Python: none of this venv's settings may leak into it."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONHOME", "PYTHONPATH", "VIRTUAL_ENV")}
    env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    return env


def render(jobs: list[Job], timeout: float = 180.0, office: Office | None = None) -> list[Rendered]:
    """Open each .docx in one headless LibreOffice, update TOC and fields, write the requested files."""
    office = office or find_office()
    with tempfile.TemporaryDirectory(prefix="aftersales-lo-") as temp:
        spec = {"soffice": str(office.soffice), "profile": str(Path(temp) / "profile"), "timeout": timeout,
                "jobs": [{"source": str(j.source), "pdf": str(j.pdf) if j.pdf else None,
                          "docx": str(j.docx) if j.docx else None, "update": j.update,
                          "join_units": j.join_units} for j in jobs]}
        spec_path = Path(temp) / "jobs.json"
        spec_path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        process = subprocess.Popen([str(office.python), str(WORKER), str(spec_path)], env=_clean_env(),
                                   stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   start_new_session=True)
        try:
            out, err = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the worker's own group: it and its soffice
            process.communicate()
            raise OfficeFailed(f"LibreOffice 在 {timeout:.0f} 秒内未完成转换，已终止", [
                Problem(str(j.source), "转换超时") for j in jobs]) from None
    answer = _parse(out)
    if process.returncode != 0 or "results" not in answer:
        detail = answer.get("error") or err.decode("utf-8", "replace").strip()[-500:] or f"退出码 {process.returncode}"
        raise OfficeFailed("LibreOffice 转换失败", [Problem(str(jobs[0].source) if jobs else "LibreOffice", detail)])
    return [Rendered(Path(r["source"]), int(r["pages"]), int(r["indexes"]), float(r["seconds"]))
            for r in answer["results"]]


def _parse(out: bytes) -> dict:
    for line in reversed(out.decode("utf-8", "replace").splitlines()):
        if line.startswith("{"):
            try:
                return json.loads(line)
            except json.JSONDecodeError:
                break
    return {}
