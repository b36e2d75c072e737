"""Who may approve clauses on the web page: a project setting, `profiles/reviewers.yaml`.

    reviewers:
      - name: 王敏
        role: 法务部

The page offers these names only; a name typed into a request that is not listed is refused.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from generator.core.errors import Problem


class Reviewer(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    name: str = Field(min_length=1)
    role: str = ""


class Reviewers(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    reviewers: list[Reviewer] = []


def reviewers_path(root: Path) -> Path:
    return root / "profiles" / "reviewers.yaml"


def load_reviewers(root: Path) -> tuple[list[Reviewer], list[Problem]]:
    """The listed reviewers; a missing file is no reviewers (and no problem), a bad one is problems."""
    from generator.load.yamlio import load_model

    path = reviewers_path(root)
    if not path.exists():
        return [], []
    loaded, problems = load_model(path, Reviewers)
    if loaded is None:
        return [], problems
    names = [r.name for r in loaded.model.reviewers]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    problems = [Problem(path, f"审定人“{n}”重复", field="reviewers") for n in duplicates]
    return list(loaded.model.reviewers), problems
