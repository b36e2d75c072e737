"""Inputs `check` and `tender extract` must refuse at once: exit 2, the file named, a Chinese reason,
no traceback, within a wall-clock bound — never reading a huge, endless or blocking file into memory.

Run as real processes (a hang would otherwise hang the test run; the timeout fails it instead)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

AFTERSALES = Path(sys.executable).with_name("aftersales")
GB = 1024 * 1024 * 1024
MB = 1024 * 1024


def run(*args: str | Path, env: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, str, float]:
    started = time.monotonic()
    result = subprocess.run([str(AFTERSALES), *map(str, args)], capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, "NO_COLOR": "1", **(env or {})}, stdin=subprocess.DEVNULL)
    return result.returncode, result.stdout + result.stderr, time.monotonic() - started


def small_docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("★质保期不少于3年。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb(path: Path) -> None:
    """A .docx of about 1 MB whose document.xml inflates to 1 GB."""
    source = zipfile.ZipFile(io.BytesIO(small_docx()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info.filename))
        with target.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                       b"<w:body><w:p><w:r><w:t>")
            chunk = "质保期不少于3年。".encode() * (MB // 24)
            for _ in range(1024):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")


def sparse(size: int) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with path.open("wb") as handle:
            handle.truncate(size)
    return make


def fifo(path: Path) -> None:
    os.mkfifo(path)


def link_to(device: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.symlink_to(device)
    return make


def scanned_pdf(path: Path) -> None:
    from PIL import Image  # installed with pdfplumber

    Image.new("RGB", (600, 800), "white").save(path)  # an image-only page, as a scanner writes it


def text_pdf() -> bytes:
    """A one-page PDF with a text layer, written by hand (fonts and offsets as a PDF needs them)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    stream = b"BT /F1 12 Tf 72 720 Td (Warranty 3 years.) Tj ET"
    objects[3] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def encrypted_pdf(path: Path) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(text_pdf()))
    writer.encrypt(user_password="secret", algorithm="AES-128")
    writer.write(path)


def write(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# (id, file name, how to make it, fragment of the reason, seconds allowed)
CASES = [
    ("fifo", "管道.txt", fifo, "命名管道", 10),
    ("fifo-docx", "管道.docx", fifo, "命名管道", 10),
    ("dev-zero", "zero.txt", link_to("/dev/zero"), "设备文件", 10),
    ("dev-urandom", "random.docx", link_to("/dev/urandom"), "设备文件", 10),
    ("directory", "目录.pdf", lambda p: p.mkdir(), "目录", 10),
    ("sparse-3gb-txt", "巨大.txt", sparse(3 * GB), "文件过大", 10),
    ("sparse-3gb-docx", "巨大.docx", sparse(3 * GB), "文件过大", 10),
    ("sparse-3gb-pdf", "巨大.pdf", sparse(3 * GB), "文件过大", 10),
    ("zip-bomb", "炸弹.docx", zip_bomb, "压缩炸弹", 15),
    ("scanned-pdf", "扫描件.pdf", scanned_pdf, "没有文字层", 15),
    ("not-a-pdf", "假的.pdf", write("这不是 PDF。".encode()), "不是有效的 PDF", 10),
    ("truncated-pdf", "残缺.pdf", lambda p: p.write_bytes(text_pdf()[:200]), "PDF", 15),
    ("garbled-pdf", "乱码.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 400), "已损坏", 15),
    ("encrypted-pdf", "加密.pdf", encrypted_pdf, "已加密", 15),
    ("not-a-doc", "假的.doc", write("一封信".encode()), "不是有效的 .doc", 10),
    ("broken-doc", "残缺.doc", write(OLE + b"\0" * 4096), "LibreOffice 无法打开", 60),
    ("broken-wps", "残缺.wps", write(OLE + b"\1" * 4096), "LibreOffice 无法打开", 60),
]


def _assert_refused(code: int, output: str, seconds: float, name: str, fragment: str, bound: float) -> None:
    assert "Traceback" not in output, output
    assert code == 2, output
    assert name in output, output
    assert fragment in output, output
    assert seconds < bound, f"took {seconds:.1f} s (bound {bound} s)"


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_check_refuses(case, tmp_path: Path) -> None:
    _, name, make, fragment, bound = case
    make(tmp_path / name)
    code, output, seconds = run("check", tmp_path / name)
    _assert_refused(code, output, seconds, name, fragment, bound)


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_tender_extract_refuses(case, tmp_path: Path) -> None:
    _, name, make, fragment, bound = case
    make(tmp_path / name)
    out = tmp_path / "draft.yaml"
    code, output, seconds = run("tender", "extract", tmp_path / name, "-o", out)
    _assert_refused(code, output, seconds, name, fragment, bound)
    assert not out.exists()


def test_the_hand_written_pdf_is_readable(tmp_path: Path) -> None:
    """The refusals above are about damage, not about a reader that cannot read this PDF at all."""
    path = tmp_path / "ok.pdf"
    path.write_bytes(text_pdf())
    code, output, _ = run("check", path)
    assert code == 0 and "ok.pdf" in output, output


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_missing_libreoffice_is_named(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"旧版{suffix}"
    path.write_bytes(OLE + b"\0" * 4096)  # the format is never looked at: the converter is missing
    env = {"AFTERSALES_SOFFICE": str(tmp_path / "no-such-soffice")}
    for args in (("check", path), ("tender", "extract", path, "-o", tmp_path / "d.yaml")):
        code, output, seconds = run(*args, env=env)
        _assert_refused(code, output, seconds, path.name, "需要 LibreOffice", 10)


def test_a_hanging_libreoffice_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A soffice that never finishes is killed at the timeout (here shortened) with a clear message."""
    from generator.office import convert

    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 60\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("AFTERSALES_SOFFICE", str(fake))
    started = time.monotonic()
    with pytest.raises(convert.ConversionError, match="秒内未完成"):
        convert.to_docx(OLE + b"\0" * 512, ".doc", timeout=1.0)
    assert time.monotonic() - started < 10
