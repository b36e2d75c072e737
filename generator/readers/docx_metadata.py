"""What a .docx says besides its text: who wrote it (core and app properties), the identifiers
that tie it to other files (w14:docId, w15:docId, rsidRoot), and text a reader of the printed
page does not see (tracked insertions and deletions, comments, hidden text, pictures in headers).

`read_metadata` is called by readers/docx.py with the package it opened, within the same size
budget; a damaged property part is skipped (the text can still be checked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
W15 = "{http://schemas.microsoft.com/office/word/2012/wordml}"
DC = "{http://purl.org/dc/elements/1.1/}"
CP = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_FALSE = ("0", "false", "off")


@dataclass(frozen=True)
class Mark:
    """Text in the body that is not plain visible text."""

    kind: str  # insertion | deletion | comment | hidden
    text: str  # the marked text (a comment: its content)
    paragraph: str  # visible text of the paragraph it sits in, to find the block
    author: str = ""


@dataclass(frozen=True)
class DocxMetadata:
    properties: dict[str, str] = field(default_factory=dict)  # 作者 / 最后修改者 / 单位 / 经理 / 模板 → value
    application: str = ""
    identifiers: dict[str, str] = field(default_factory=dict)  # w14:docId / w15:docId / w:rsidRoot → value
    marks: tuple[Mark, ...] = ()
    header_pictures: int = 0  # pictures in headers and footers (a logo)


PROPERTY_LABELS = {"creator": "作者", "lastModifiedBy": "最后修改者", "Company": "单位", "Manager": "经理",
                   "Template": "模板"}


def _text(element: Any | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _visible_text(p: Any) -> str:
    """The paragraph's text as read_docx reads it (deleted text is not part of it)."""
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _on(element: Any | None) -> bool:
    return element is not None and element.get(f"{W}val", "true").lower() not in _FALSE


_MARKED = (f"{W}ins", f"{W}del", f"{W}vanish", f"{W}commentReference")  # no mark without one of these


def _marks(body: Any, comments: dict[str, tuple[str, str]]) -> list[Mark]:
    if next(body.iter(*_MARKED), None) is None:
        return []  # one walk of the tree instead of one per paragraph and kind (most documents have none)
    marks: list[Mark] = []
    for p in body.iter(f"{W}p"):
        paragraph = _visible_text(p)
        for ins in p.iter(f"{W}ins"):
            text = "".join(t.text or "" for t in ins.iter(f"{W}t"))
            if text.strip():
                marks.append(Mark("insertion", text, paragraph, ins.get(f"{W}author", "")))
        for deleted in p.iter(f"{W}del"):
            text = "".join(t.text or "" for t in deleted.iter(f"{W}delText"))
            if text.strip():
                marks.append(Mark("deletion", text, paragraph, deleted.get(f"{W}author", "")))
        hidden = "".join(t.text or "" for r in p.iter(f"{W}r") if _on(r.find(f"{W}rPr/{W}vanish"))
                         for t in r.iter(f"{W}t"))
        if hidden.strip():
            marks.append(Mark("hidden", hidden, paragraph))
        for ref in p.iter(f"{W}commentReference"):
            author, text = comments.get(ref.get(f"{W}id", ""), ("", ""))
            marks.append(Mark("comment", text, paragraph, author))
    return marks


def _comments(root: Any | None) -> dict[str, tuple[str, str]]:
    if root is None:
        return {}
    return {c.get(f"{W}id", ""): (c.get(f"{W}author", ""), "".join(t.text or "" for t in c.iter(f"{W}t")).strip())
            for c in root.iter(f"{W}comment")}


def read_metadata(document: Any, part: Callable[[str], Any | None], names: list[str]) -> DocxMetadata:
    """`document`: the parsed word/document.xml; `names`: the package's part names."""
    properties: dict[str, str] = {}
    core = part("docProps/core.xml")
    if core is not None:
        for tag, key in ((f"{DC}creator", "creator"), (f"{CP}lastModifiedBy", "lastModifiedBy")):
            properties[key] = _text(core.find(tag))
    app = part("docProps/app.xml")
    application = ""
    if app is not None:
        for key in ("Company", "Manager", "Template"):
            properties[key] = _text(app.find(f"{EP}{key}"))
        application = _text(app.find(f"{EP}Application"))
    identifiers: dict[str, str] = {}
    settings = part("word/settings.xml")
    if settings is not None:
        for tag, key in ((f"{W14}docId", "w14:docId"), (f"{W15}docId", "w15:docId"), (f"{W}rsids/{W}rsidRoot",
                                                                                        "w:rsidRoot")):
            node = settings.find(tag)
            value = (node.get(f"{W14}val") or node.get(f"{W15}val") or node.get(f"{W}val")) if node is not None else None
            if value:
                identifiers[key] = value
    body = document.find(f"{W}body")
    marks = _marks(body, _comments(part("word/comments.xml"))) if body is not None else []
    pictures = 0
    for name in names:
        if name.startswith(("word/header", "word/footer")) and name.endswith(".xml"):
            root = part(name)
            if root is not None:
                pictures += sum(1 for _ in root.iter(f"{W}drawing", f"{W}pict"))
    return DocxMetadata({k: v for k, v in properties.items() if v}, application, identifiers, tuple(marks), pictures)
