"""Documents for the reader tests, converted by the LibreOffice the project uses.

LibreOffice missing is a failure, never a skip: `make test` installs it (scripts/ensure-office.sh)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest


def convert(source: Path, target_format: str, out_dir: Path) -> Path:
    """`source` converted by headless LibreOffice (private profile) to pdf, doc, …; returns the new file."""
    from generator.office.libreoffice import find_soffice

    soffice = find_soffice()
    if soffice is None:
        pytest.fail("LibreOffice（soffice）未安装：请以 root 运行 `make test`（scripts/ensure-office.sh 会安装）",
                    pytrace=False)
    profile = (out_dir / ".lo-profile").as_uri()
    subprocess.run([str(soffice), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", target_format, "--outdir", str(out_dir), str(source)],
                   check=True, capture_output=True, timeout=120)
    result = out_dir / f"{source.stem}.{target_format.split(':')[0]}"
    assert result.is_file(), f"LibreOffice did not write {result}"
    return result
