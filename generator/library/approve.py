"""`clauses approve`: record legal's approval in the clause file, touching nothing else.

ruamel.yaml's round-trip parser locates the `status`, `version` and `approval` entries; the file
is then edited line by line. Re-dumping the whole document through ruamel would normalise things
reviewers wrote on purpose (flow-list spacing, sequence indentation, quoting), so only the status
line, the version line (when the approved text changed) and the approval block are rewritten; every
other byte — comments included — stays as it was. The result is parsed again and must validate.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from generator.core.errors import InputError, Problem
from generator.core.findings import Finding
from generator.core.output import write_atomic
from generator.library.history import append_record
from generator.library.repository import Library
from generator.load.yamlio import Loaded, load_model, read_yaml
from generator.models.clause import Clause

_STATUS_LINE = re.compile(r"^(\s*status\s*:\s*)(['\"]?)(draft|approved|retired)\2(\s*(?:#.*)?)$")
_VERSION_LINE = re.compile(r"^(\s*version\s*:\s*)(\d+)(\s*(?:#.*)?)$")
_PLAIN_SAFE = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^:#\[\]{},]*(?<!\s)$")
_RESERVED = re.compile(r"^(?:true|false|yes|no|on|off|null|~|[-+.\d].*)$", re.IGNORECASE)


@dataclass(frozen=True)
class Approved:
    clause_id: str
    path: Path
    version: int
    sha256: str
    bumped: bool  # version raised because the approved text changed


def yaml_scalar(text: str) -> str:
    """A YAML scalar for free text: plain when that reads back unchanged, else double-quoted."""
    if _PLAIN_SAFE.match(text) and not _RESERVED.match(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _approval_lines(indent: str, by: str, date: dt.date, sha256: str, note: str) -> list[str]:
    lines = ["approval:", f"{indent}by: {yaml_scalar(by)}", f"{indent}date: {date.isoformat()}",
             f"{indent}sha256: {sha256}"]
    if note:
        lines.append(f"{indent}note: {yaml_scalar(note)}")
    return lines


def _indent_of(raw: CommentedMap) -> str:
    """The file's own mapping indentation, from its first nested mapping (default two spaces)."""
    for key in raw:
        value = raw[key]
        if isinstance(value, CommentedMap) and value and value.lc.line != raw.lc.key(key)[0]:
            first = next(iter(value))
            return " " * value.lc.key(first)[1]
    return "  "


def _block_end(lines: list[str], raw: CommentedMap, key: str) -> int:
    """Index of the last line of a top-level entry's value (comments after it are not part of it)."""
    start = raw.lc.key(key)[0]
    value = raw[key]
    last = start
    if isinstance(value, CommentedMap):
        for child in value:
            last = max(last, value.lc.key(child)[0], value.lc.value(child)[0])
    index = last + 1
    while index < len(lines):  # continuation lines of a multi-line scalar
        text = lines[index]
        if not text.strip() or not text[:1].isspace() or text.strip().startswith("#"):
            break
        last = index
        index += 1
    return last


def edit_text(text: str, raw: CommentedMap, clause: Clause, by: str, date: dt.date, note: str,
              path: Path) -> tuple[str, bool]:
    """The file text with the clause approved; (text, version bumped)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.split(newline)
    status_index = raw.lc.key("status")[0]
    match = _STATUS_LINE.match(lines[status_index])
    if not match:
        raise InputError("无法在原位修改该条款文件", [Problem(
            path, "status 不是“status: 值”单独一行的写法", status_index + 1, field="status",
            hint="把 status 改成单独一行（如 status: draft）后重试")])
    lines[status_index] = f"{match.group(1)}{match.group(2)}approved{match.group(2)}{match.group(4)}"
    bumped = False
    if clause.changed_since_approval:
        version_index = raw.lc.key("version")[0]
        vmatch = _VERSION_LINE.match(lines[version_index])
        if not vmatch:
            raise InputError("无法在原位修改该条款文件", [Problem(
                path, "version 不是“version: 数字”单独一行的写法", version_index + 1, field="version")])
        lines[version_index] = f"{vmatch.group(1)}{int(vmatch.group(2)) + 1}{vmatch.group(3)}"
        bumped = True
    block = _approval_lines(_indent_of(raw), by, date, clause.body_sha256, note)
    if "approval" in raw:
        start = raw.lc.key("approval")[0]
        lines[start:_block_end(lines, raw, "approval") + 1] = block
    else:
        lines[status_index + 1:status_index + 1] = block
    return newline.join(lines), bumped


def approve_file(loaded: Loaded, by: str, note: str = "", today: dt.date | None = None) -> Approved:
    path = loaded.path
    by, note = by.strip(), note.strip()
    if not by:
        raise InputError("审定人不能为空", [Problem(path, "--by 需要填写审定人姓名")])
    clause: Clause = loaded.model
    if clause.status == "retired":
        raise InputError(f"条款“{clause.id}”已废止，不能审定", [Problem(
            path, "状态为 retired", loaded.line_of("status"), field="status",
            hint="如需恢复使用，先把 status 改回 draft")])
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    raw, problems = read_yaml(path)
    if problems or not isinstance(raw, CommentedMap):
        raise InputError(f"条款文件 {path} 无法读取", problems)
    date = today or dt.date.today()
    new_text, bumped = edit_text(text, raw, clause, by, date, note, path)
    encoded = (b"\xef\xbb\xbf" if bom else b"") + new_text.encode("utf-8")
    mode = path.stat().st_mode & 0o777
    write_atomic(path, encoded)
    os.chmod(path, mode)
    reloaded, problems = load_model(path, Clause)
    if reloaded is None or not reloaded.model.is_approved:
        write_atomic(path, data)  # put the original back: never leave a half-edited clause
        os.chmod(path, mode)
        raise InputError(f"审定条款“{clause.id}”失败，文件已恢复原样", problems or [
            Problem(path, "修改后的文件未能通过校验")])
    append_record(path, reloaded.model, by, date, note)  # the history keeps every approval and its text
    return Approved(clause.id, path, reloaded.model.version, reloaded.model.body_sha256, bumped)


def approvable(loaded: Loaded) -> bool:
    """Clauses `approve --all` takes: drafts, changed-since-approval and records missing."""
    return loaded.model.status != "retired" and not loaded.model.is_approved


@dataclass
class ApproveOutcome:
    approved: list[Approved]
    refused: list[tuple[Loaded, list[Finding]]]
    already: list[Loaded]  # approved as they stand: nothing to do


def approve(library: Library, clause_ids: list[str], by: str, note: str = "", every: bool = False,
            ignore_lint: bool = False) -> ApproveOutcome:
    """Approve the named clauses (or, with `every`, each draft or changed one).

    A clause with lint findings in its own file is refused: legal approves wording that renders
    for every product type it applies to. `ignore_lint` approves it anyway and says so in the note.
    """
    from generator.library.lint import lint

    targets = [c for c in library.clauses if approvable(c)] if every else [library.find(i) for i in clause_ids]
    outcome = ApproveOutcome([], [], [])
    pending = [t for t in targets if not t.model.is_approved]
    outcome.already = [t for t in targets if t.model.is_approved]
    findings = lint(library).findings if pending else []
    for loaded in pending:
        own = [f for f in findings if f.severity == "error" and Path(f.path).resolve() == loaded.path.resolve()]
        if own and not ignore_lint:
            outcome.refused.append((loaded, own))
            continue
        text = note
        if own:
            text = f"{note}（审定时有 {len(own)} 个条款检查问题未处理）" if note else f"审定时有 {len(own)} 个条款检查问题未处理"
        outcome.approved.append(approve_file(loaded, by, text))
    return outcome
