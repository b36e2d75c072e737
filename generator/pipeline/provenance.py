"""What the .docx custom properties (Word: 文件 → 属性 → 自定义) say about where the text came from.

A submission copy carries one opaque build fingerprint, explained by manifest.json: the purchaser
must not read clause ids, approval states or the names of the bidder's reviewers. `--provenance`
writes the full record into the file as well (for internal copies).

Desktop Word truncates a custom property value after 255 characters (and the format allows no
more), so long lists are split over numbered properties and each clause gets its own property
with its version, the full sha256 of its body and its approval state.
"""

from __future__ import annotations

import dataclasses

from generator.load.yamlio import Loaded
from generator.models.clause import Clause
from generator.render.blocks import Proposal

MAX_VALUE = 255


def approval_state(clause: Clause) -> str:
    """已审定 张三 2026-05-01 / 正文审定后已修改 / 未审定 (draft)."""
    if clause.is_approved and clause.approval:
        return f"已审定 {clause.approval.by} {clause.approval.date.isoformat()}"
    if clause.changed_since_approval:
        return "正文审定后已修改，未重新审定"
    return f"未审定（{clause.status}）"


def chunked(name: str, items: list[str], separator: str = ";") -> dict[str, str]:
    """name, name.2, name.3 … each holding as many items as fit in MAX_VALUE characters."""
    chunks: list[str] = []
    for item in items:
        if chunks and len(chunks[-1]) + len(separator) + len(item) <= MAX_VALUE:
            chunks[-1] += separator + item
        else:
            chunks.append(item[:MAX_VALUE])
    return {name if index == 0 else f"{name}.{index + 1}": chunk for index, chunk in enumerate(chunks)}


FINGERPRINT = "aftersales.fingerprint"


def provenance_properties(proposal: Proposal, used: list[Loaded], unapproved: list[str], fingerprint: str,
                          full: bool = False) -> Proposal:
    if not full:
        return dataclasses.replace(proposal, properties={FINGERPRINT: fingerprint})
    properties = {FINGERPRINT: fingerprint, "aftersales.clause_count": str(len(used))}
    properties |= chunked("aftersales.clauses", [f"{c.model.id}@v{c.model.version}" for c in used])
    properties |= chunked("aftersales.unapproved", unapproved) if unapproved else {"aftersales.unapproved": "无"}
    for loaded in used:
        clause: Clause = loaded.model
        value = f"v{clause.version} sha256:{clause.body_sha256} {approval_state(clause)}"
        properties[f"clause.{clause.id}"] = value[:MAX_VALUE]
    return dataclasses.replace(proposal, properties=properties)
