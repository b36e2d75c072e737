"""Inputs kept by file version (issue 19): a profile, clause or reference document still since it was
loaded is not read again; an edit, a new or removed clause file, or a file changed just now is seen."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.core.errors import ProblemCollector
from generator.load import project, yamlio
from generator.models.clause import Clause
from generator.readers import docx_file

ROOT = Path(__file__).resolve().parent.parent


def age(path: Path, seconds: float = 60.0) -> None:
    """Date the file (or folder) `seconds` back: one nobody is editing."""
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - int(seconds * 1e9)))


@pytest.fixture(autouse=True)
def empty():
    for memo in (yamlio._loaded, project._clause_trees, docx_file._verdicts):
        memo.clear()
    yield


def clause(tmp_path: Path, title: str = "标题甲") -> Path:
    source = ROOT / "clauses" / "core" / "service-network.yaml"
    path = tmp_path / "service-network.yaml"
    path.write_text(source.read_text(encoding="utf-8").replace("title:", f"title: {title}  #", 1), encoding="utf-8")
    return path


def test_a_still_file_is_not_read_again(tmp_path, monkeypatch):
    path = clause(tmp_path)
    age(path)
    first, problems = yamlio.load_model(path, Clause)
    assert first is not None and not problems

    def no_reading(_path):
        raise AssertionError("read again")

    monkeypatch.setattr(yamlio, "_read_input", no_reading)
    again, _ = yamlio.load_model(path, Clause)
    assert again is first


def test_an_edited_file_is_loaded_again(tmp_path):
    path = clause(tmp_path)
    age(path, 120)
    first, _ = yamlio.load_model(path, Clause)
    path.write_text(path.read_text(encoding="utf-8").replace("标题甲", "标题乙"), encoding="utf-8")  # same size
    age(path, 60)
    second, _ = yamlio.load_model(path, Clause)
    assert first is not None and second is not None
    assert "标题乙" in second.text and second.model.title == first.model.title.replace("标题甲", "标题乙")


def test_a_file_changed_just_now_is_not_kept(tmp_path):
    path = clause(tmp_path)  # written now: another edit could follow within the timestamp granularity
    loaded, _ = yamlio.load_model(path, Clause)
    assert loaded is not None and len(yamlio._loaded) == 0


def test_clause_files_see_a_new_and_a_removed_file(tmp_path):
    library = tmp_path / "clauses"
    shutil.copytree(ROOT / "clauses" / "core", library / "core")
    for folder in (library / "core", library):
        age(folder)
    before = project.clause_files(tmp_path, ProblemCollector())
    assert project.clause_files(tmp_path, ProblemCollector()) == before and len(project._clause_trees) == 1
    (library / "core" / "extra.yaml").write_text("id: extra\n", encoding="utf-8")
    with_new = project.clause_files(tmp_path, ProblemCollector())
    assert library / "core" / "extra.yaml" in with_new and len(with_new) == len(before) + 1
    (library / "core" / "extra.yaml").unlink()
    age(library / "core")
    assert project.clause_files(tmp_path, ProblemCollector()) == before


def test_a_replaced_reference_document_is_checked_again(tmp_path):
    path = tmp_path / "reference.docx"
    shutil.copy(ROOT / "templates" / "standard" / "reference.docx", path)
    age(path, 120)
    assert docx_file.docx_problem(path) is None
    path.write_bytes(b"not a zip at all")
    age(path, 60)
    assert docx_file.docx_problem(path) == "不是有效的 .docx 文件（无法按 Word 文档解压）"
