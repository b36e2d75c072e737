"""Is this file a Word document python-docx can open? Checked while loading inputs, so a bad
letterhead or attachment is reported with the YAML line that names it instead of a traceback.
Imports only zipfile and ElementTree: loading inputs must stay fast."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from generator.core.bounded_memo import BoundedMemo
from generator.core.file_version import version

DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


MAX_PART_BYTES = 1 << 20  # [Content_Types].xml and relationship parts are a few kilobytes
_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# What a letterhead or attachment would carry into the proposal that runs or fetches something:
# refused, so the bid never ships a macro, an embedded program or a link that calls home.
_ACTIVE_PARTS = (("vbaproject.bin", "含有宏（VBA），请另存为不含宏的 .docx"),
                 ("/activex/", "含有 ActiveX 控件，请删除后另存"),
                 ("/embeddings/", "含有嵌入的 OLE 对象或文件，请删除后另存"))
_ACTIVE_TYPES = (("/oleObject", "含有 OLE 对象，请删除后另存"), ("/aFChunk", "含有嵌入的外部文档块（altChunk），请删除后另存"),
                 ("/package", "含有嵌入的文件，请删除后另存"))


def _small_part(archive: zipfile.ZipFile, name: str) -> bytes:
    with archive.open(name) as part:
        data = part.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise zipfile.BadZipFile(name)
    return data


def _active_content(archive: zipfile.ZipFile, names: list[str]) -> str | None:
    for name in names:
        lowered = "/" + name.lower()
        for marker, reason in _ACTIVE_PARTS:
            if marker in lowered:
                return reason
    for name in names:
        if not name.endswith(".rels"):
            continue
        try:
            root = ElementTree.fromstring(_small_part(archive, name))
        except ElementTree.ParseError:
            return "内部关系文件损坏，无法确认内容是否安全"
        for relation in root.iter(_RELATIONSHIPS):
            kind = relation.get("Type", "")
            for marker, reason in _ACTIVE_TYPES:
                if kind.endswith(marker):
                    return reason
            if relation.get("TargetMode") == "External" and not kind.endswith("/hyperlink"):
                what = kind.rsplit("/", 1)[-1]
                return (f"引用了外部资源（{what}：{relation.get('Target', '')[:60]}），"
                        "打开文档时会访问网络或其他文件，请删除该引用后另存")
    return None


# The verdict for each file version (core/file_version.py): every build checks the same reference document.
_verdicts: BoundedMemo[tuple[str | None]] = BoundedMemo(256)


def docx_problem(path: Path) -> str | None:
    """None for a usable .docx; otherwise what is wrong, in words for the user."""
    if path.suffix.lower() == ".doc":
        return "是旧版 Word 格式（.doc），请用 Word 或 WPS 另存为 .docx"
    try:
        current, still = version(path)
    except OSError:
        return _docx_problem(path)
    kept = _verdicts.lookup(current)
    if kept is not None:
        return kept[0]
    verdict = _docx_problem(path)
    if still and _same_version(path, current):  # not changed while it was read
        _verdicts.put(current, (verdict,))
    return verdict


def _same_version(path: Path, current: tuple) -> bool:
    try:
        return version(path)[0] == current
    except OSError:
        return False


def _docx_problem(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            types = _small_part(archive, "[Content_Types].xml").decode("utf-8", "replace") \
                if "[Content_Types].xml" in names else ""
            if TEMPLATE_TYPE in types:
                return "是 Word 模板（.dotx），请另存为 .docx 后使用"
            if DOCUMENT_TYPE not in types:
                return "不是 Word 文档（.docx）"
            return _active_content(archive, names)
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, EOFError, ValueError):
        return "不是有效的 .docx 文件（无法按 Word 文档解压）"
