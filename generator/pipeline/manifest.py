"""manifest.json: what went into a proposal, so legal can say which wording every bid contained."""

from __future__ import annotations

import hashlib
import json
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


def _rel(path: Path, root: Path) -> str:
    """`path` relative to `root`, which the caller has resolved (make_manifest does it once, not per path)."""
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def clause_entry(loaded: Loaded, root: Path) -> dict[str, Any]:
    """The clause's manifest entry; `root` resolved."""
    clause: Clause = loaded.model
    approval = clause.approval
    return {
        "id": clause.id,
        "version": clause.version,
        "title": clause.title,
        "file": _rel(loaded.path, root),
        "sha256": clause.body_sha256,
        "status": clause.status,
        "approved": clause.is_approved,
        "changed_since_approval": clause.changed_since_approval,
        "approved_by": approval.by if approval else None,
        "approved_on": approval.date.isoformat() if approval else None,
    }


def make_manifest(*, root: Path, tender_id: str, template: str, input_files: list[Path],
                  clauses: list[Loaded], commitments: Commitments, deviations: list[Deviation],
                  output_name: str, output_bytes: bytes, draft: bool, findings: int) -> dict[str, Any]:
    root = root.resolve()
    return {
        "tool": {"name": "aftersales", "version": __version__},
        "tender": tender_id,
        "template": template,
        "draft": draft,
        "inputs": [{"path": _rel(p, root), "sha256": sha256_file(p)} for p in input_files],
        "clauses": [clause_entry(c, root) for c in clauses],
        "commitments": [
            {"kind": r.kind, "label": r.label,
             "values": [{"qualifier": q, "text": str(v)} for q, v in r.values.items()],
             "source": f"{_rel(r.source.path, root)}:{r.source.line}" if r.source.line else _rel(r.source.path, root)}
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
