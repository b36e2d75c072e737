"""manifest.json names files relative to the project root exactly as
`path.resolve().relative_to(root)` does, also through symlinked folders and files, for missing files
and for files outside the root (pipeline/manifest._Relative resolves each folder once)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.pipeline.manifest import _Relative


def _expected(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "clauses" / "sub").mkdir(parents=True)
    (root / "clauses" / "a.yaml").write_text("a", encoding="utf-8")
    (root / "clauses" / "sub" / "b.yaml").write_text("b", encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "c.yaml").write_text("c", encoding="utf-8")
    os.symlink(root / "clauses" / "sub", root / "linked-folder")
    os.symlink(root / "clauses" / "a.yaml", root / "clauses" / "link-to-a.yaml")
    os.symlink(outside / "c.yaml", root / "clauses" / "link-outside.yaml")
    os.symlink(outside, root / "outside-folder")
    return root


def test_relative_paths_match_resolve(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tree.resolve()
    monkeypatch.chdir(tree)
    paths = [
        tree / "clauses" / "a.yaml",
        tree / "clauses" / "sub" / "b.yaml",
        tree / "linked-folder" / "b.yaml",
        tree / "clauses" / "link-to-a.yaml",
        tree / "clauses" / "link-outside.yaml",
        tree / "outside-folder" / "c.yaml",
        tree / "clauses" / "missing.yaml",
        tree / "clauses" / "sub" / ".." / "a.yaml",
        tree / "clauses" / "..",
        tree,
        Path("clauses/a.yaml"),
        Path("linked-folder/b.yaml"),
        Path("/etc/hostname"),
    ]
    rel = _Relative(root)
    got = [rel(p) for p in paths]
    assert got == [_expected(p, root) for p in paths]
    assert got[2] == "clauses/sub/b.yaml" and got[3] == "clauses/a.yaml"  # through the symlinks
    assert got[4] == paths[4].as_posix()  # resolves outside the root: named as given
    assert got[9] == "."
    assert [rel(p) for p in reversed(paths)] == got[::-1]  # answered again from the manifest's own memo
