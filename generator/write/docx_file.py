"""Is this file a Word document python-docx can open? Checked while loading inputs, so a bad
letterhead or attachment is reported with the YAML line that names it instead of a traceback.
Imports only zipfile: loading inputs must stay fast."""

from __future__ import annotations

import zipfile
from pathlib import Path

DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


def docx_problem(path: Path) -> str | None:
    """None for a usable .docx; otherwise what is wrong, in words for the user."""
    if path.suffix.lower() == ".doc":
        return "是旧版 Word 格式（.doc），请用 Word 或 WPS 另存为 .docx"
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace") \
                if "[Content_Types].xml" in names else ""
    except (zipfile.BadZipFile, OSError):
        return "不是有效的 .docx 文件（无法按 Word 文档解压）"
    if TEMPLATE_TYPE in types:
        return "是 Word 模板（.dotx），请另存为 .docx 后使用"
    if DOCUMENT_TYPE not in types:
        return "不是 Word 文档（.docx）"
    return None
