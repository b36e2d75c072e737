"""Clause provenance written into the .docx custom properties (Word: 文件 → 属性 → 自定义)."""

from __future__ import annotations

import dataclasses

from generator.render.blocks import Proposal
from generator.yamlio import Loaded


def provenance_properties(proposal: Proposal, used: list[Loaded], unapproved: list[str]) -> Proposal:
    properties = {
        "aftersales.clauses": ";".join(f"{c.model.id}@v{c.model.version}" for c in used),
        "aftersales.unapproved": ";".join(unapproved) if unapproved else "无",
    }
    for loaded in used:
        properties[f"clause.{loaded.model.id}"] = f"v{loaded.model.version} sha256:{loaded.model.body_sha256[:16]}"
    return dataclasses.replace(proposal, properties=properties)
