"""Read any supported document (.docx, .txt, .md) into a Document; bad input → DocumentError."""

from __future__ import annotations

from pathlib import Path

from generator.check.document import Document, DocumentError

SUFFIXES = (".docx", ".txt", ".md", ".markdown")


def read_bytes(data: bytes, name: str) -> Document:
    document = _read(data, name)
    if not document.blocks:
        raise DocumentError(name, "文件中没有可检查的文字（空文件，或只有图片、扫描件）")
    return document


def _read(data: bytes, name: str) -> Document:
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        from generator.check.read_docx import read_docx

        return read_docx(data, name)
    if suffix in (".txt", ".md", ".markdown", ""):
        from generator.check.read_text import read_text

        return read_text(data, name, markdown=suffix in (".md", ".markdown"))
    if suffix == ".doc":
        raise DocumentError(name, "不支持旧版 .doc 文件，请在 Word 中另存为 .docx")
    if suffix == ".pdf":
        raise DocumentError(name, "不支持直接读取 PDF，请先导出为文本（.txt）或在 Word 中另存为 .docx")
    raise DocumentError(name, f"不支持的文件类型“{suffix}”，请提供 .docx、.txt 或 .md 文件")


def read_document(path: Path) -> Document:
    try:
        if path.is_dir():
            raise DocumentError(path, "是目录，不是文件")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DocumentError(path, "文件不存在") from exc
    except PermissionError as exc:
        raise DocumentError(path, "没有读取权限") from exc
    except OSError as exc:
        raise DocumentError(path, f"无法读取文件（{exc.strerror}）") from exc
    return read_bytes(data, str(path))
