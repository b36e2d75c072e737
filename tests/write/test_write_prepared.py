"""The prepared reference (write/prepared.py): kept in memory and on disk, named by the reference's bytes
and the preparing code; an edited reference is prepared again; a damaged entry is a miss, never a crash
or a wrong package; a build whose reference is prepared does not import python-docx."""

from __future__ import annotations

import io
import marshal
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt

from generator.core import disk_cache
from generator.core.bounded_memo import BoundedMemo
from generator.render.blocks import Cover, Heading, Paragraph, Proposal, Toc
from generator.write import prepared
from generator.write.docx_writer import write_docx
from tests.fresh_process import modules_after_builds

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "templates" / "standard" / "reference.docx"
PROPOSAL = Proposal(blocks=(Cover("某项目", "售后服务方案", (("投标人：", "某公司"),)),
                            Toc("目录", (Heading(1, "第一节", "总则"),)), Heading(1, "第一节", "总则"),
                            Paragraph("正文。")),
                    header_text="某项目　售后服务方案", title="某项目", author="某公司", date_iso="2026-11-20",
                    properties={"aftersales.fingerprint": "0123"})


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of this test, and nothing prepared in memory."""
    monkeypatch.setenv(disk_cache.ENV_VAR, str(tmp_path / "cache"))
    monkeypatch.setattr(prepared, "_references", BoundedMemo(prepared.MAX_REFERENCES))
    monkeypatch.setattr(prepared, "_frames", BoundedMemo(prepared.MAX_FRAMES))
    return tmp_path / "cache" / prepared.CACHE_SUBDIR


def _forget_memory() -> None:
    prepared._references.clear()
    prepared._frames.clear()


def _count_preparations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    for name in ("_prepare_reference", "_prepare_frame"):
        real = getattr(prepared, name)

        def counted(*args, _real=real, _name=name):
            calls.append(_name)
            return _real(*args)

        monkeypatch.setattr(prepared, name, counted)
    return calls


def test_a_prepared_reference_is_found_in_memory_and_on_disk(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_preparations(monkeypatch)
    first = write_docx(PROPOSAL, REFERENCE)
    assert calls == ["_prepare_reference", "_prepare_frame"]
    assert len(list(cache.glob("*.bin"))) == 2
    assert write_docx(PROPOSAL, REFERENCE) == first and len(calls) == 2, "内存中已有，不应再准备"
    _forget_memory()
    assert write_docx(PROPOSAL, REFERENCE) == first and len(calls) == 2, "磁盘上已有，不应再准备"


def test_a_draft_is_another_frame_of_the_same_reference(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _count_preparations(monkeypatch)
    write_docx(PROPOSAL, REFERENCE)
    draft = Proposal(**{**PROPOSAL.__dict__, "draft": True})
    assert b"\xe8\x8d\x89\xe7\xa8\xbf" in _part(write_docx(draft, REFERENCE), "word/header1.xml")  # 草稿
    assert calls == ["_prepare_reference", "_prepare_frame", "_prepare_frame"]


def _part(data: bytes, name: str) -> bytes:
    import zipfile

    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def test_an_edited_reference_is_prepared_again_and_changes_the_output(cache: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    reference = tmp_path / "reference.docx"
    reference.write_bytes(REFERENCE.read_bytes())
    before = write_docx(PROPOSAL, reference)
    calls = _count_preparations(monkeypatch)
    document = Document(str(reference))
    document.styles["Normal"].font.size = Pt(13.5)  # the bidder changes the body size of its template
    document.save(str(reference))
    after = write_docx(PROPOSAL, reference)
    assert calls == ["_prepare_reference", "_prepare_frame"]
    assert after != before
    assert b'<w:sz w:val="27"/>' in _part(after, "word/styles.xml")
    assert b'<w:sz w:val="27"/>' not in _part(before, "word/styles.xml")


@pytest.mark.parametrize("damage", ["truncated", "flipped", "foreign", "old format", "empty"])
def test_a_damaged_entry_is_a_miss_and_the_package_is_the_same(cache: Path, monkeypatch: pytest.MonkeyPatch,
                                                                damage: str) -> None:
    expected = write_docx(PROPOSAL, REFERENCE)
    entries = sorted(cache.glob("*.bin"))
    assert len(entries) == 2
    for entry in entries:
        data = entry.read_bytes()
        if damage == "truncated":
            entry.write_bytes(data[: len(data) // 2])
        elif damage == "flipped":
            entry.write_bytes(data[:-10] + bytes(b ^ 0xFF for b in data[-10:]))
        elif damage == "foreign":  # a sound entry of the cache, but not a prepared reference
            disk_cache.store(entry, b"\x00not marshal data")
        elif damage == "old format":  # marshal data of another version of this code
            disk_cache.store(entry, marshal.dumps((prepared.FORMAT + 1, "Reference", {"key": b""})))
        else:
            entry.write_bytes(b"")
    _forget_memory()
    calls = _count_preparations(monkeypatch)
    assert write_docx(PROPOSAL, REFERENCE) == expected
    assert calls == ["_prepare_reference", "_prepare_frame"]


def test_an_entry_of_another_reference_is_not_taken(cache: Path) -> None:
    """A sound entry stored under the wrong name (another reference's) is refused by its key."""
    write_docx(PROPOSAL, REFERENCE)
    own = prepared.reference_key(REFERENCE.read_bytes())
    entry = disk_cache.entry(prepared.CACHE_SUBDIR, [b"reference", own])
    other = prepared.reference_key(b"another reference")
    assert prepared._decode(prepared.Reference, disk_cache.load(entry), other) is None
    assert prepared._decode(prepared.Reference, disk_cache.load(entry), own) is not None


def test_memory_caches_are_bounded(cache: Path, tmp_path: Path) -> None:
    for index in range(prepared.MAX_REFERENCES + 2):
        reference = tmp_path / f"reference{index}.docx"
        document = Document(str(REFERENCE))
        document.core_properties.comments = f"副本 {index}"  # other bytes, the same styles
        document.save(str(reference))
        write_docx(PROPOSAL, reference)
    assert len(prepared._references) == prepared.MAX_REFERENCES
    assert len(prepared._frames) <= prepared.MAX_FRAMES


def test_a_build_whose_reference_is_prepared_imports_no_python_docx(tmp_path: Path) -> None:
    """The second build runs in a fresh process: the prepared reference comes from the disk cache."""
    runs = modules_after_builds([ROOT / "tenders" / "demo.yaml"], tmp_path / "out", tmp_path / "cache",
                                ("docx", "docxcompose"))
    assert runs[0] != "[]", "第一次生成须用 python-docx 准备参考文档"
    assert runs[1] == "[]", f"参考文档已准备好，第二次生成不应导入 python-docx：{runs[1]}"


def test_a_reference_that_does_not_declare_the_drawing_prefix_still_gets_a_valid_body(cache: Path,
                                                                                      tmp_path: Path) -> None:
    """The body goes into document.xml as text: the prefixes it uses are declared on the root if missing."""
    import zipfile

    from lxml import etree

    from generator.render.blocks import Picture

    source = zipfile.ZipFile(REFERENCE)
    reference = tmp_path / "reference.docx"
    wp = b' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    with zipfile.ZipFile(reference, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                assert wp in data
                data = data.replace(wp, b"")
            target.writestr(info, data)
    from generator.write.prepared import _placeholder_png  # any valid PNG

    proposal = Proposal(**{**PROPOSAL.__dict__, "blocks": (*PROPOSAL.blocks, Picture(_placeholder_png(40), 5.0, "图"))})
    data = write_docx(proposal, reference)
    root = etree.fromstring(_part(data, "word/document.xml"))
    docpr = root.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    assert [d.get("descr") for d in docpr] == ["图"]
