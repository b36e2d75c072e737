"""manifest.json: what went into a proposal, so legal can say which wording every bid contained."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

from generator import __version__
from generator.core.kinds import FAULT_KINDS
from generator.load.yamlio import Loaded
from generator.models.clause import Clause
from generator.pipeline.file_hashes import sha256_file
from generator.resolve.commitments import Commitments, Deviation

__all__ = ["clause_entry", "dumps", "make_manifest", "sha256_file"]


def _text(value: object) -> str | None:
    return None if value is None else str(value)


class _Relative:
    """Paths relative to a resolved root, as `path.resolve().relative_to(root).as_posix()` gives them
    (the path itself where it lies outside the root). The manifest names some sixty files from a few
    folders, most of them twice or more (an input, its clause entry, the commitments it sets): each
    folder is resolved once per manifest and each path answered once (kept by its string, cheaper
    to hash than a Path); a file only costs an lstat to see that it is not a symlink itself (a
    symlink is resolved in full)."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.prefix = self.root.rstrip("/") + "/"
        self.folders: dict[str, str] = {}
        self.answers: dict[str, str] = {}

    def _resolved(self, path: Path) -> str:
        name = path.name
        if name in ("", ".", ".."):
            return str(path.resolve())
        parent = path.parent
        key = str(parent)
        folder = self.folders.get(key)
        if folder is None:
            folder = self.folders[key] = str(parent.resolve())
        joined = os.path.join(folder, name)
        try:
            if stat.S_ISLNK(os.lstat(joined).st_mode):
                return str(Path(joined).resolve())
        except (OSError, ValueError):
            pass  # not there (or not a valid name): resolve() keeps such a last part as it is
        return joined

    def __call__(self, path: Path) -> str:
        key = str(path)
        answer = self.answers.get(key)
        if answer is None:
            answer = self.answers[key] = self._relative(path)
        return answer

    def _relative(self, path: Path) -> str:
        resolved = self._resolved(path)
        if resolved == self.root:
            return "."
        if resolved.startswith(self.prefix):
            return resolved[len(self.prefix):]
        return path.as_posix()


def clause_entry(loaded: Loaded, root: Path, rel: _Relative | None = None) -> dict[str, Any]:
    """The clause's manifest entry; `root` resolved."""
    rel = rel or _Relative(root)
    clause: Clause = loaded.model
    approval = clause.approval
    return {
        "id": clause.id,
        "version": clause.version,
        "title": clause.title,
        "file": rel(loaded.path),
        "sha256": clause.body_sha256,
        "status": clause.status,
        "approved": clause.is_approved,
        "changed_since_approval": clause.changed_since_approval,
        "approved_by": approval.by if approval else None,
        "approved_on": approval.date.isoformat() if approval else None,
    }


def make_manifest(*, root: Path, tender_id: str, template: str, input_files: list[tuple[Path, str]],
                  clauses: list[Loaded], commitments: Commitments, deviations: list[Deviation],
                  output_name: str, output_bytes: bytes, draft: bool, findings: int) -> dict[str, Any]:
    root = root.resolve()
    rel = _Relative(root)
    return {
        "tool": {"name": "aftersales", "version": __version__},
        "tender": tender_id,
        "template": template,
        "draft": draft,
        "inputs": [{"path": rel(path), "sha256": digest} for path, digest in input_files],  # with their sha256
        "clauses": [clause_entry(c, root, rel) for c in clauses],
        "commitments": [
            {"kind": r.kind, "label": r.label,
             "values": [{"qualifier": q, "text": str(v)} for q, v in r.values.items()],
             "source": f"{rel(r.source.path)}:{r.source.line}" if r.source.line else rel(r.source.path)}
            for r in commitments.kinds.values()
        ],
        "fault_levels": [
            {"level": name, **{kind: _text(getattr(lvl, kind)) for kind in FAULT_KINDS}}
            for name, lvl in commitments.fault_levels.items()
        ],
        "deviations": [
            {"requirement": d.requirement.text, "mark": d.requirement.mark, "status": d.status, "note": d.note}
            for d in deviations
        ],
        "output": {"file": output_name, "sha256": hashlib.sha256(output_bytes).hexdigest(),
                   "bytes": len(output_bytes)},
        "self_check_findings": findings,
    }


def dumps(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
