"""What a clerk sees before generating: the resolved commitments with the file each value came from,
the 偏离表, contradictions between commitments, and the clauses that are not yet approved.

Only reads: the same steps as generator.pipeline.build (load_inputs, commitments_for, evaluate, select_clauses,
approval_gate), stopped before anything is rendered or written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.core.errors import Problem, UserError
from generator.resolve.commitments import (
    Deviation,
    Source,
    evaluate,
    logic_problems,
)


@dataclass(frozen=True)
class CommitmentRow:
    kind: str
    label: str
    value: str
    layer: str  # 产品类型默认 / 投标人资料 / 本项目调整
    source: str  # file:line relative to the project


@dataclass(frozen=True)
class FaultRow:
    level: str
    response: str
    onsite_arrival: str
    resolution: str


@dataclass
class Preview:
    tender_id: str = ""
    project_name: str = ""
    bidder: str = ""
    product: str = ""
    commitments: list[CommitmentRow] = field(default_factory=list)
    faults: list[FaultRow] = field(default_factory=list)
    faults_source: str = ""
    deviations: list[Deviation] = field(default_factory=list)
    deviation_sources: list[str] = field(default_factory=list)
    contradictions: list[Problem] = field(default_factory=list)
    beyond_presence: list[Problem] = field(default_factory=list)  # promises the bidder's outlets and people cannot back
    unapproved: list[str] = field(default_factory=list)
    error: UserError | None = None  # the inputs cannot be loaded: nothing else is filled

    @property
    def negative(self) -> list[Deviation]:
        return [d for d in self.deviations if d.negative]

    @property
    def starred_negative(self) -> list[Deviation]:
        return [d for d in self.negative if d.requirement.mark == "★"]


def relative(path: Path | str, root: Path) -> str:
    if isinstance(path, Path):
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return path.name
    return str(path)


def source_text(source: Source | None, root: Path) -> str:
    if source is None:
        return ""
    where = relative(source.path, root)
    return f"{where}:{source.line}" if source.line else where


def make_preview(tender_path: Path, root: Path) -> Preview:
    from generator.load.project import load_inputs
    from generator.pipeline.build import approval_gate, commitments_for
    from generator.render.proposal import select_clauses
    from generator.resolve.presence import presence_problems

    preview = Preview()
    try:
        inputs = load_inputs(tender_path, root)
    except UserError as error:
        preview.error = error
        return preview
    tender, bidder, product = inputs.tender.model, inputs.bidder.model, inputs.product.model
    preview.tender_id, preview.project_name = tender.id, tender.project_name
    preview.bidder, preview.product = bidder.legal_name, product.name
    layers = {inputs.product.path: "产品类型默认", inputs.bidder.path: "投标人资料", inputs.tender.path: "本项目调整"}
    commitments = commitments_for(inputs)
    for resolved in commitments.kinds.values():
        preview.commitments.append(CommitmentRow(resolved.kind, resolved.label, resolved.describe(),
                                                 layers.get(resolved.source.path, ""),
                                                 source_text(resolved.source, root)))
    for name, level in commitments.fault_levels.items():
        preview.faults.append(FaultRow(name, str(level.response), str(level.onsite_arrival or "同总体承诺"),
                                       str(level.resolution)))
    preview.faults_source = source_text(commitments.fault_levels_source, root)
    preview.contradictions = logic_problems(commitments)
    preview.beyond_presence = presence_problems(inputs, commitments)
    preview.deviations = [evaluate(r, commitments) for r in tender.requirements]
    preview.deviation_sources = [source_text(d.source, root) for d in preview.deviations]
    sections, problems = select_clauses(inputs.outline.model, inputs.clauses, product.id, list(product.capabilities))
    if not problems:
        preview.unapproved = approval_gate([c for _, group in sections for c in group], allow_draft=True)
    return preview
