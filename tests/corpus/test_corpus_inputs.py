"""The bad-input corpus for `aftersales build`: each case edits a private copy of the project and expects
its exit code, a message naming the file, no traceback and no output file."""

from __future__ import annotations

from pathlib import Path

import pytest
from cases_inputs import ALL
from corpus_support import Case


@pytest.fixture(scope="module", autouse=True)
def parsed_once():
    """Unchanged files are parsed once for the whole corpus (keyed by content, so edits are seen)."""
    from generator.yamlio import parse_cache

    with parse_cache():
        yield


def files(project: Path) -> dict[str, tuple[int, int]]:
    """Every file of the project copy with its size and modification time."""
    return {str(p.relative_to(project)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in project.rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", ALL, ids=[c.id for c in ALL])
def test_bad_input(case: Case, project: Path, cli) -> None:
    for edit in case.edits:
        edit(project)
    before = files(project)
    code, out, err = cli(*case.command(project))
    text = out + err
    assert "Traceback" not in text, text
    assert code == case.exit_code, text
    assert case.names in text, f"the message should name {case.names}:\n{text}"
    for fragment in case.fragments:
        assert fragment in text, f"missing {fragment!r}:\n{text}"
    for leak in case.forbidden:
        assert leak not in text, f"{leak!r} leaked:\n{text}"
    assert files(project) == before, "a failed build must not write, change or leave any file"


def test_corpus_is_large_enough() -> None:
    assert len(ALL) >= 150
    assert len({c.id for c in ALL}) == len(ALL), "case ids must be unique"
