"""Bad documents for `aftersales check`: each is refused with exit 2 and a message naming the file,
never a traceback and never an attempt to inflate a bomb or read a huge file into a document."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

MB = 1024 * 1024


def valid_docx() -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph("我公司承诺接到报修后30分钟内响应。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(replace: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    """The valid document with some parts replaced (None = removed) or added."""
    source = zipfile.ZipFile(io.BytesIO(valid_docx()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    target.writestr(info.filename, replace[info.filename])
            else:
                target.writestr(info, source.read(info.filename))
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


def zip_bomb(path: Path) -> None:
    """A .docx whose document.xml inflates to 400 MB (about 400 KB on disk)."""
    source = zipfile.ZipFile(io.BytesIO(valid_docx()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info, source.read(info.filename))
        with target.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                       b'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>')
            chunk = b" " * MB
            for _ in range(400):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")


def huge_sparse(path: Path, tail: bytes = b"") -> None:
    """200 MB on paper, almost nothing on disk; `tail` (a real .docx) makes it a readable zip."""
    with path.open("wb") as handle:
        handle.truncate(200 * MB)
        handle.seek(200 * MB)
        handle.write(tail)


def write(data: bytes | str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    return make


BILLION_LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                             for i in range(1, 10))
                  + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                    b'<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>')
XXE = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
       b'<w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>')

# (id, file name, how to make it, expected exit, fragment of the message, text that must not appear)
CASES = [
    ("zero-bytes", "empty.docx", write(b""), 2, "不是有效的 .docx", ()),
    ("random-bytes", "noise.docx", write(bytes(range(256)) * 64), 2, "不是有效的 .docx", ()),
    ("text-not-zip", "letter.docx", write("这是一封信，不是 Word 文档。"), 2, "不是 zip", ()),
    ("legacy-doc", "old.docx", write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048), 2, ".doc", ()),
    ("truncated", "cut.docx", lambda p: p.write_bytes(valid_docx()[:3000]), 2, "损坏", ()),
    ("no-document-part", "parts.docx", lambda p: p.write_bytes(rezip({"word/document.xml": None})), 2, "缺少",
     ()),
    ("malformed-xml", "bad-xml.docx", lambda p: p.write_bytes(rezip({"word/document.xml": b"<w:document><w:body"})),
     2, "XML", ()),
    ("zip-bomb", "bomb.docx", zip_bomb, 2, "压缩炸弹", ()),
    ("sparse-200mb", "huge.docx", huge_sparse, 2, "过大", ()),
    ("sparse-200mb-valid-zip", "huge-valid.docx", lambda p: huge_sparse(p, valid_docx()), 2, "过大", ()),
    ("missing", "absent.docx", lambda p: None, 2, "不存在", ()),
    ("pdf", "scan.pdf", write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"), 2, "PDF", ()),
    ("legacy-doc-suffix", "old.doc", write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), 2, ".doc", ()),
    ("billion-laughs", "laughs.docx", lambda p: p.write_bytes(rezip({"word/document.xml": BILLION_LAUGHS})), None,
     "laughs.docx", ("lollollol",)),
    ("xxe", "xxe.docx", lambda p: p.write_bytes(rezip({"word/document.xml": XXE})), None, "xxe.docx", ("root:",)),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_bad_document(case, tmp_path: Path, cli) -> None:
    _, name, make, exit_code, fragment, forbidden = case
    path = tmp_path / name
    make(path)
    before = sorted(p.name for p in tmp_path.iterdir())
    code, out, err = cli("check", path)
    text = out + err
    assert "Traceback" not in text, text
    if exit_code is not None:
        assert code == exit_code, text
    else:  # read without expanding anything: findings or not, but no crash
        assert code in (0, 1, 2), text
    assert name in text, text
    assert fragment in text, text
    for leak in forbidden:
        assert leak not in text, f"{leak!r} leaked:\n{text}"
    assert sorted(p.name for p in tmp_path.iterdir()) == before, "check never writes beside the document"


def test_one_unreadable_document_does_not_hide_the_others(tmp_path: Path, cli) -> None:
    good, bad = tmp_path / "good.docx", tmp_path / "bad.docx"
    good.write_bytes(valid_docx())
    bad.write_bytes(b"")
    code, out, err = cli("check", bad, good)
    assert code == 2
    assert "bad.docx" in err and "good.docx" in out
    assert "Traceback" not in out + err
