"""The hostile-input corpus (issue 17): each case edits a private copy of the project and expects its exit
code, a Chinese message naming the file, no traceback, nothing written or changed, within a time bound."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from cases_hostile import CATEGORIES, HOSTILE
from corpus_support import Case, assert_refused, files

SECONDS = 15  # the slowest case is a clause stopped by the 2-second render budget


@pytest.mark.parametrize("case", HOSTILE, ids=[c.id for c in HOSTILE])
def test_hostile_input(case: Case, project: Path, cli) -> None:
    for edit in case.edits:
        edit(project)
    before = files(project)
    start = time.monotonic()
    code, out, err = cli(*case.command(project))
    elapsed = time.monotonic() - start
    assert_refused(case, out + err, code, before, project)
    assert not any((project / "output").iterdir()), "not even an empty output folder"
    assert elapsed < SECONDS, f"took {elapsed:.1f} s"


def test_hostile_corpus_covers_every_category() -> None:
    assert len(HOSTILE) >= 150
    assert len({c.id for c in HOSTILE}) == len(HOSTILE), "case ids must be unique"
    assert all(len(table.cases) >= 5 for table in CATEGORIES.values())
