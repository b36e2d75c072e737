"""Approval history of a clause: every approval, append-only, in a file beside the clause.

`clauses/core/warranty.yaml` keeps its history in `clauses/core/warranty.history.jsonl`, one JSON
object per line: who approved, when, which version, the body's sha256 and the approved body itself
(so the changes since can be shown word by word). Lines are only ever appended; the clause file's
own `approval:` block still holds the latest approval, as the build and the linter read it.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from generator.models.clause import Clause, body_hash

SUFFIX = ".history.jsonl"
# Tokens a reader sees as one unit: a Jinja tag, a Latin word or number, one CJK character or
# punctuation mark, a run of spaces.
_TOKEN = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|[A-Za-z0-9_.%]+|\s+|.", re.DOTALL)


@dataclass(frozen=True)
class Record:
    version: int
    by: str
    date: str
    sha256: str
    note: str
    body: str | None  # None for an approval made before the history was kept


def history_path(clause_path: Path) -> Path:
    return clause_path.with_name(clause_path.stem + SUFFIX)


def read_history(clause_path: Path) -> list[Record]:
    """The recorded approvals, oldest first; unreadable lines are skipped (the file is a log)."""
    path = history_path(clause_path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out = []
    for line in lines:
        try:
            item = json.loads(line)
            out.append(Record(int(item["version"]), str(item["by"]), str(item["date"]), str(item["sha256"]),
                              str(item.get("note", "")), item.get("body")))
        except (ValueError, KeyError, TypeError):
            continue
    return out


def append_record(clause_path: Path, clause: Clause, by: str, date: dt.date, note: str) -> Record:
    """Add one approval at the end of the history (O_APPEND: earlier lines are never rewritten)."""
    record = Record(clause.version, by, date.isoformat(), clause.body_sha256, note, clause.body)
    line = json.dumps(record.__dict__, ensure_ascii=False) + "\n"
    descriptor = os.open(history_path(clause_path), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(descriptor, line.encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return record


def approvals(clause_path: Path, clause: Clause) -> list[Record]:
    """The history to show: the recorded approvals, or — for a clause approved before the history
    was kept — its current approval block as the one known entry (without its body)."""
    records = read_history(clause_path)
    current = clause.approval
    if current is not None and not any(r.sha256 == current.sha256 and r.date == current.date.isoformat()
                                       for r in records):
        records.insert(0, Record(clause.version, current.by, current.date.isoformat(), current.sha256,
                                 current.note, None))
    return records


def approved_body(clause_path: Path, clause: Clause) -> str | None:
    """The body as last approved, when the history holds it."""
    if clause.approval is None:
        return None
    for record in reversed(read_history(clause_path)):
        if record.body is not None and body_hash(record.body) == clause.approval.sha256:
            return record.body
    return None


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) pieces from `old` to `new`: op is "same", "ins" or "del"."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(("same", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            out.append(("ins", "".join(b[j1:j2])))
    return out
