"""Bytes of a .txt / .md file → str: the one decoder and size limit of both commands' text readers.

UTF-8 (with or without BOM), UTF-16 with a BOM, else GB 18030 (which covers GBK and GB 2312);
binary content and files over files.TEXT_LIMIT are refused with a DocumentError.
"""

from __future__ import annotations

from pathlib import Path

from generator.readers.errors import DocumentError
from generator.readers.files import MB, TEXT_LIMIT


def decode_text(data: bytes, path: Path | str) -> str:
    if len(data) > TEXT_LIMIT:
        raise DocumentError(path, f"文件过大（{len(data) // MB} MB），文本文件不应超过 {TEXT_LIMIT // MB} MB")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DocumentError(path, "不是文本文件（含二进制内容）；请提供 .docx、.txt 或 .md 文件")
    for encoding in ("utf-8-sig", "utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig",):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise DocumentError(path, f"无法识别文件编码（第 {exc.start + 1} 字节），请另存为 UTF-8 编码") from exc
