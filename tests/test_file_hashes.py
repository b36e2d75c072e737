"""sha256 of input files memoised per file version (issue 19): equal to a fresh hash, a changed file
is hashed again, a file changed just now is not kept, the memo is bounded."""

from __future__ import annotations

import hashlib
import os

import pytest

from generator.pipeline import file_hashes


@pytest.fixture(autouse=True)
def empty():
    file_hashes.clear()
    yield
    file_hashes.clear()


def settled(path, content: bytes, age: float = 60.0) -> None:
    """Write the file and date it `age` seconds back (a file not being edited)."""
    path.write_bytes(content)
    st = os.stat(path)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns - int(age * 1e9)))


def test_equal_to_fresh_and_kept(tmp_path):
    path = tmp_path / "a.yaml"
    settled(path, b"id: a\n")
    assert file_hashes.sha256_file(path) == hashlib.sha256(b"id: a\n").hexdigest() == file_hashes.sha256_fresh(path)
    assert len(file_hashes._digests) == 1
    assert file_hashes.sha256_file(path) == hashlib.sha256(b"id: a\n").hexdigest()


def test_changed_file_hashed_again(tmp_path):
    path = tmp_path / "a.yaml"
    settled(path, b"id: a\n", age=120)
    file_hashes.sha256_file(path)
    settled(path, b"id: b\n", age=60)  # same size, another mtime
    assert file_hashes.sha256_file(path) == hashlib.sha256(b"id: b\n").hexdigest()


def test_same_size_same_mtime_replacement_seen_by_inode(tmp_path):
    path, other = tmp_path / "a.yaml", tmp_path / "b.yaml"
    settled(path, b"id: a\n")
    file_hashes.sha256_file(path)
    other.write_bytes(b"id: b\n")
    st = os.stat(path)
    os.utime(other, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(other, path)  # an editor's atomic save: another inode
    assert file_hashes.sha256_file(path) == hashlib.sha256(b"id: b\n").hexdigest()


def test_recently_modified_file_not_kept(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"id: a\n")  # modified just now: an edit within the timestamp granularity could follow
    assert file_hashes.sha256_file(path) == hashlib.sha256(b"id: a\n").hexdigest()
    assert len(file_hashes._digests) == 0


def test_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(file_hashes._digests, "maxsize", 3)
    for i in range(5):
        path = tmp_path / f"{i}.yaml"
        settled(path, f"id: {i}\n".encode())
        file_hashes.sha256_file(path)
    assert len(file_hashes._digests) == 3


def test_missing_file_still_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        file_hashes.sha256_file(tmp_path / "missing.yaml")


def test_build_inputs_named_by_the_hash_of_their_bytes(tmp_path):
    """The build hashes its inputs once (pipeline/build.input_hashes): a loaded file by the bytes it was
    loaded from, however it was loaded (read and validated, or kept from an earlier load)."""
    from pathlib import Path

    from generator.load.project import load_inputs
    from generator.load.yamlio import load_model
    from generator.models.clause import Clause
    from generator.pipeline.build import input_hashes

    root = Path(__file__).resolve().parent.parent
    inputs = load_inputs(root / "tenders" / "demo.yaml")
    used = list(inputs.clauses.values())[:5]
    hashes = input_hashes(inputs, used)
    assert [path for path, _ in hashes] == inputs.files() + [c.path for c in used]
    assert all(digest == file_hashes.sha256_fresh(path) for path, digest in hashes)
    clause = tmp_path / "x.yaml"
    clause.write_bytes(used[0].path.read_bytes())
    first, _ = load_model(clause, Clause)
    again, _ = load_model(clause, Clause)
    assert first is not None and again is not None
    assert first.sha256 == again.sha256 == used[0].sha256 == hashlib.sha256(clause.read_bytes()).hexdigest()
