"""The same inputs give a byte-identical .docx: fixed zip order and timestamps, properties from the tender."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from generator.pipeline.build import BuildOptions, build


def _with_attachment(project: Path) -> Path:
    tender = project / "tenders" / "demo.yaml"
    text = tender.read_text(encoding="utf-8").replace("id: demo", "id: demo-attached", 1)
    target = project / "tenders" / "demo-attached.yaml"
    target.write_text(text + "attachments:\n  - attachments/授权委托书.docx\n", encoding="utf-8")
    return target


def _build(tender: Path, output: Path) -> bytes:
    return build(tender, BuildOptions(allow_draft=True, output_root=output)).docx_path.read_bytes()


def test_two_builds_give_identical_bytes(project: Path) -> None:
    for tender in (project / "tenders" / "demo.yaml", _with_attachment(project)):
        first = _build(tender, project / "output" / "first")
        second = _build(tender, project / "output" / "second")
        assert first == second, f"{tender.name}: 两次生成的 .docx 字节不同"


def test_zip_entries_carry_the_tender_date_and_core_properties_too(project: Path) -> None:
    data = _build(_with_attachment(project), project / "output")
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert {info.date_time for info in archive.infolist()} == {(2026, 11, 20, 0, 0, 0)}
    core = archive.read("docProps/core.xml").decode()
    assert "2026-11-20T00:00:00Z" in core and core.count("2026-11-20T00:00:00Z") == 2
    custom = archive.read("docProps/custom.xml").decode()
    assert "aftersales.fingerprint" in custom and "aftersales.clause_count" not in custom
    names = [info.filename for info in archive.infolist()]
    assert names[0] == "[Content_Types].xml" and len(names) == len(set(names))
