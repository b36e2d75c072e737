"""`clauses impact ID`: which generated proposals contain which text of a clause.

Every build writes manifest.json beside the proposal, listing each clause with its version and the
sha256 of its body. Comparing those with the library today says, for each bid already produced,
whether it carries the currently approved wording, an older text, or a text never approved.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from generator.core.errors import display_path
from generator.library.describe import text_table
from generator.library.repository import Library
from generator.models.clause import Clause

# How the text in a proposal relates to the library today.
VERDICTS = {
    "current": "现行审定文本",
    "approved-since-edited": "现行审定文本（条款库中的正文此后又有修改，待重新审定）",
    "unapproved-current": "与条款库当前正文相同，但该正文未经审定",
    "outdated": "旧文本，与现行审定文本不同",
    "unapproved-outdated": "旧文本，且条款库当前正文也未经审定",
    "removed": "条款库中已没有该条款",
}


@dataclass(frozen=True)
class Use:
    manifest: str
    tender: str
    document: str
    version: int | None
    sha256: str
    approved_at_build: bool
    draft: bool
    verdict: str

    @property
    def verdict_text(self) -> str:
        return VERDICTS[self.verdict]


@dataclass(frozen=True)
class Impact:
    clause_id: str
    current_version: int | None
    current_sha256: str | None
    approved_sha256: str | None
    uses: list[Use]
    scanned: int  # manifests read
    unreadable: list[str]

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        for use, item in zip(self.uses, data["uses"], strict=True):
            item["verdict_text"] = use.verdict_text
        return data


def verdict(sha256: str, clause: Clause | None) -> str:
    if clause is None:
        return "removed"
    approval = clause.approval if clause.status == "approved" else None
    if approval is not None and sha256 == approval.sha256:
        return "current" if clause.is_approved else "approved-since-edited"
    if approval is not None:
        return "outdated"
    return "unapproved-current" if sha256 == clause.body_sha256 else "unapproved-outdated"


def impact(library: Library, clause_id: str, outputs: Path | None = None) -> Impact:
    directory = outputs or library.root / "output"
    loaded = library.clause_map().get(clause_id)
    clause: Clause | None = loaded.model if loaded else None
    uses: list[Use] = []
    unreadable: list[str] = []
    manifests = sorted(directory.rglob("manifest.json")) if directory.is_dir() else []
    for path in manifests:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = [e for e in data.get("clauses", []) if e.get("id") == clause_id]
        except (OSError, ValueError, AttributeError, TypeError):
            unreadable.append(display_path(path))
            continue
        output = data.get("output") or {}
        for entry in entries:
            sha = str(entry.get("sha256", ""))
            uses.append(Use(
                manifest=display_path(path), tender=str(data.get("tender", path.parent.name)),
                document=display_path(path.parent / str(output.get("file", ""))),
                version=entry.get("version"), sha256=sha, approved_at_build=bool(entry.get("approved")),
                draft=bool(data.get("draft")), verdict=verdict(sha, clause)))
    approval = clause.approval if clause else None
    return Impact(clause_id, clause.version if clause else None, clause.body_sha256 if clause else None,
                  approval.sha256 if approval else None, uses, len(manifests), unreadable)


def render_text(result: Impact) -> str:
    lines = []
    if result.current_version is None:
        lines.append(f"条款“{result.clause_id}”已不在条款库中；以下按生成记录列出。")
    else:
        approved = result.approved_sha256[:12] if result.approved_sha256 else "无"
        lines.append(f"条款 {result.clause_id}：当前第 {result.current_version} 版，正文 sha256 "
                     f"{(result.current_sha256 or '')[:12]}，审定文本 sha256 {approved}")
    if not result.uses:
        lines.append(f"在 {result.scanned} 份生成记录（manifest.json）中，没有方案包含该条款。")
    else:
        rows = [[u.tender, u.document, f"v{u.version}", u.sha256[:12], "是" if u.approved_at_build else "否",
                 "是" if u.draft else "否", u.verdict_text] for u in result.uses]
        lines += ["", text_table(["招标项目", "方案文件", "版本", "sha256", "生成时已审定", "草稿", "与条款库对照"], rows)]
        stale = sum(1 for u in result.uses if u.verdict != "current")
        lines += ["", f"共 {len(result.uses)} 份方案包含该条款（检查了 {result.scanned} 份生成记录）；"
                      f"其中 {stale} 份不是现行审定文本。"]
    for path in result.unreadable:
        lines.append(f"无法读取：{path}")
    return "\n".join(lines)
