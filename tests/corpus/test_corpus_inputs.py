"""The bad-input corpus for `aftersales build`: each case edits a private copy of the project and expects
its exit code, a message naming the file, no traceback and no output file."""

from __future__ import annotations

from pathlib import Path

import pytest
from cases_inputs import ALL
from corpus_support import Case, assert_refused, files


@pytest.mark.parametrize("case", ALL, ids=[c.id for c in ALL])
def test_bad_input(case: Case, project: Path, cli) -> None:
    for edit in case.edits:
        edit(project)
    before = files(project)
    code, out, err = cli(*case.command(project))
    assert_refused(case, out + err, code, before, project)

def test_corpus_is_large_enough() -> None:
    assert len(ALL) >= 150
    assert len({c.id for c in ALL}) == len(ALL), "case ids must be unique"
