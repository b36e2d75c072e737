"""The self-check reads the package it is about to write from memory, through the checker's own .docx
reader: what it sees must be exactly what a reader of the written file sees. A build without
attachments does not import docxcompose (0.1 s)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from generator.load.project import load_inputs
from generator.pipeline.build import check_requirements, resolve
from generator.readers.docx import read_docx
from generator.render.context import build_context
from generator.render.proposal import render_proposal, select_clauses
from generator.write.docx_writer import WriteOptions, write_docx, write_docx_read_back


def demo_proposal(project: Path):
    inputs = load_inputs(project / "tenders" / "demo.yaml")
    commitments = resolve(inputs)
    deviations = check_requirements(inputs, commitments, allow_deviation=True)
    product = inputs.product.model
    sections, _ = select_clauses(inputs.outline.model, inputs.clauses, product.id, list(product.capabilities))
    context = build_context(inputs.tender.model, inputs.bidder.model, product, commitments, deviations)
    return render_proposal(inputs.outline.model, sections, context, draft=True), inputs


def test_content_read_from_memory_is_the_content_of_the_written_file(project: Path) -> None:
    proposal, inputs = demo_proposal(project)
    attachments = [project / "tenders" / "attachments" / "授权委托书.docx"]
    written = write_docx_read_back(proposal, inputs.reference_docx, attachments, WriteOptions(), "方案.docx")
    from_file = read_docx(written.data, "方案.docx")
    assert len(from_file.items) > 300
    assert written.content.items == from_file.items
    assert written.content.notices == from_file.notices
    assert written.content.heading_styles == from_file.heading_styles
    assert written.content.metadata == from_file.metadata
    assert written.data == write_docx(proposal, inputs.reference_docx, attachments)  # the same bytes either way


def test_a_build_without_attachments_does_not_import_docxcompose(project: Path) -> None:
    script = ("import sys; from pathlib import Path; from generator.pipeline.build import BuildOptions, build; "
              f"build(Path({str(project / 'tenders' / 'demo.yaml')!r}), "
              f"BuildOptions(output_root=Path({str(project / 'out')!r}))); "
              "print('docxcompose' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
