"""The one result type of every check (`check`, `clauses lint`, the build's self-check) and the rule
registry, in the style of vale and ruff: each rule module declares its id, title, default severity
and documentation next to its code (`RULE = Rule(...)` plus a `check` function); a package's rules
are discovered by importing its modules, never listed by hand.

`errors.Problem` stays the type of input errors (bad YAML, a missing file): those stop a command
with exit code 2 before any rule runs, and carry a field path and column a finding has no use for.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"


@dataclass(frozen=True)
class Location:
    """Where a finding is: a span of a document (section, block, quote) or a line of an input file."""

    section: str = ""
    block: int = 0  # 1-based block number in the document; 0 = document properties or not a document
    text: str = ""  # verbatim span of the original text
    line: int | None = None  # text files and input files (SARIF, lint); not part of the check JSON
    page: int | None = None  # when the file records pages (PDF, .docx with page breaks)
    path: Path | str | None = None  # the input file, for findings about clause and profile files
    # the exact span found, as offsets in the block's original text (for highlighting; not reported)
    span: tuple[int, int] | None = field(default=None, compare=False)

    @classmethod
    def of(cls, block: Any, start: int, end: int, context: int = 10) -> Location:
        return cls(block.section, block.index, block.quote(start, end, context), block.line, block.page,
                   span=block.original_span(start, end))

    @classmethod
    def whole(cls, block: Any, limit: int = 60) -> Location:
        text = block.text.strip()
        first_line = text.split("\n", 1)[0]
        return cls(block.section, block.index, first_line[:limit], block.line, block.page)

    @classmethod
    def in_file(cls, path: Path | str, line: int | None) -> Location:
        return cls(line=line, path=path)


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str  # error | warning
    message: str  # Chinese, for the reader
    locations: tuple[Location, ...] = ()
    kind: str | None = None  # commitment kind, where the finding is about one
    clause: str = ""  # clause id, where the finding is about one
    hint: str = ""  # what to do about it

    @classmethod
    def in_file(cls, rule: str, path: Path | str, line: int | None, message: str, clause: str = "",
                hint: str = "", severity: str = ERROR) -> Finding:
        """A finding about a line of an input file (clauses lint)."""
        return cls(rule, severity, message, (Location.in_file(path, line),), clause=clause, hint=hint)

    @property
    def path(self) -> Path | str:
        return next((loc.path for loc in self.locations if loc.path is not None), "")

    @property
    def line(self) -> int | None:
        return self.locations[0].line if self.locations else None

    def location(self) -> str:
        from generator.core.errors import display_path

        where = display_path(self.path)
        return f"{where}:{self.line}" if self.line else where

    def __str__(self) -> str:
        text = f"{self.location()}：[{self.rule}] {self.message}"
        return text + (f"（提示：{self.hint}）" if self.hint else "")

    def sort_key(self) -> tuple[str, int, str, str]:
        return (str(self.path), self.line or 0, self.rule, self.message)


@dataclass(frozen=True)
class Rule:
    """A rule as users and CI systems see it. `order` places it in reports (lower first)."""

    id: str
    title: str  # Chinese, one line
    severity: Severity  # default level (SARIF defaultConfiguration); a finding may be milder
    order: int
    doc: str = ""  # what it covers and what it leaves out: the module docstring
    check: Callable[..., list[Finding]] | None = None

    def finding(self, message: str, locations: tuple[Location, ...] = (), kind: str | None = None,
                severity: str | None = None) -> Finding:
        return Finding(self.id, severity or self.severity, message, locations, kind)


def discover(package: str) -> tuple[Rule, ...]:
    """Every `RULE` (or `RULES`) declared by the modules of `package`, with the module's `check`
    attached and its docstring as documentation, in report order. Ids must be unique."""
    found: list[Rule] = []
    root = importlib.import_module(package)
    for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{package}.{info.name}")
        declared = getattr(module, "RULES", None) or ([module.RULE] if hasattr(module, "RULE") else [])
        for rule in declared:
            check = rule.check or getattr(module, "check", None)
            found.append(replace(rule, doc=rule.doc or (module.__doc__ or "").strip(), check=check))
    ids = [rule.id for rule in found]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise AssertionError(f"rule ids declared twice in {package}: {', '.join(duplicates)}")
    return tuple(sorted(found, key=lambda rule: rule.order))
