"""Legacy Word (.doc) and WPS (.wps) files → .docx through headless LibreOffice, so they can be read
like any .docx. Runs soffice with a private profile in a temporary folder (it never touches the
user's LibreOffice), kills its whole process group on timeout, and leaves nothing behind."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from pathlib import Path

from generator.office.libreoffice import INSTALL_HINT, find_soffice

TIMEOUT = 120.0
MAX_DOCX_BYTES = 50 * 1024 * 1024


class ConversionError(Exception):
    """The message, in Chinese, says why the file could not be converted."""


def _import_filter(data: bytes) -> str:
    """Name the format: left to guess, LibreOffice imports an unreadable binary file as plain text.
    WPS Writer's .wps is the same compound-file format as Word 97–2003's .doc."""
    return "Rich Text Format" if data.startswith(b"{\\rtf") else "MS Word 97"


def to_docx(data: bytes, suffix: str, timeout: float = TIMEOUT) -> bytes:
    """The .docx LibreOffice makes of a .doc/.wps file's bytes; ConversionError otherwise."""
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(f"读取 {suffix} 文件需要 LibreOffice，但系统中未找到 soffice；"
                              f"请安装 LibreOffice（{INSTALL_HINT}），或在 Word/WPS 中另存为 .docx")
    with tempfile.TemporaryDirectory(prefix="aftersales-convert-") as temp:
        folder = Path(temp)
        source = folder / f"source{suffix}"
        source.write_bytes(data)
        command = [str(soffice), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nologo", "--nodefault", f"--infilter={_import_filter(data)}", "--convert-to", "docx:MS Word 2007 XML",
                   "--outdir", str(folder / "out"), str(source)]
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, start_new_session=True)
        except OSError as exc:
            raise ConversionError(f"无法启动 LibreOffice（{soffice}：{exc.strerror or exc}）") from None
        try:
            process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # soffice and the helper processes it started
            process.communicate()
            raise ConversionError(f"LibreOffice 在 {timeout:.0f} 秒内未完成 {suffix} 文件的转换，已终止；"
                                  "请在 Word/WPS 中另存为 .docx 后再试") from None
        result = folder / "out" / "source.docx"
        if process.returncode != 0 or not result.is_file():
            raise ConversionError(f"LibreOffice 无法打开此 {suffix} 文件（文件已损坏，或不是 Word/WPS 文档）；"
                                  "请在 Word/WPS 中打开后另存为 .docx 再试")
        if result.stat().st_size > MAX_DOCX_BYTES:
            raise ConversionError(f"{suffix} 文件转换后过大，不应超过 {MAX_DOCX_BYTES // 1024 // 1024} MB")
        return result.read_bytes()
