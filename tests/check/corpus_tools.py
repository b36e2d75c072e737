"""The labelled corpus: documents under corpus/ with a sidecar <name>.expected.yaml each.

Sidecar:
    format: docx            # optional: the Markdown document is written as a .docx first
    header: …  footer: …    # optional, for docx
    author: …               # optional, for docx: the core property 作者
    options: {bidder, product_type, tender, bidder_profile, sections, anonymous, identifying}
    expected:
      - {rule: placeholder, text: "XX"}          # text: a substring of a location's quote or the message
      - {rule: conflicting-commitment, kind: warranty, text: "2年"}

A finding matches an expected entry with the same rule (and kind, when given) whose text occurs
in one of its locations or its message; each is matched at most once. Precision and recall per rule
follow from the matches."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.check import check_document
from generator.check.findings import RULES, Finding
from generator.text.reader import read_bytes

CORPUS = Path(__file__).resolve().parent / "corpus"
DOC_SUFFIXES = (".txt", ".md")


@dataclass
class Case:
    path: Path
    sidecar: dict[str, Any]

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class Score:
    tp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RULES, 0))
    fp: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RULES, 0))
    fn: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RULES, 0))
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def precision(self, rule: str) -> float:
        found = self.tp[rule] + self.fp[rule]
        return self.tp[rule] / found if found else 1.0

    def recall(self, rule: str) -> float:
        wanted = self.tp[rule] + self.fn[rule]
        return self.tp[rule] / wanted if wanted else 1.0


def cases() -> list[Case]:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    found = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix in DOC_SUFFIXES:
            sidecar = path.with_name(path.stem + ".expected.yaml")
            found.append(Case(path, yaml.load(sidecar.read_text(encoding="utf-8")) or {}))
    return found


def markdown_to_docx(text: str, header: str = "", footer: str = "", author: str = "") -> bytes:
    """A .docx made the way a clerk would: Heading styles, real tables, header and footer."""
    from docx import Document

    document = Document()
    rows: list[list[str]] = []

    def flush_table() -> None:
        if not rows:
            return
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        table.style = document.styles["Table Grid"]
        for r, cells in enumerate(rows):
            for c, value in enumerate(cells):
                table.cell(r, c).text = value
        rows.clear()

    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("|"):
            if not re.match(r"^\|(\s*:?-+:?\s*\|)+$", stripped):
                rows.append([c.strip() for c in stripped.strip("|").split("|")])
            continue
        flush_table()
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if heading:
            document.add_heading(heading[2], level=len(heading[1]))
        elif stripped:
            document.add_paragraph(stripped)
    flush_table()
    section = document.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    if author:
        from generator.write.package import core_namespace

        with core_namespace():
            document.core_properties.author = author
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def document_of(case: Case):  # Document
    data = case.path.read_bytes()
    if case.sidecar.get("format") == "docx":
        text = data.decode("utf-8")
        docx = markdown_to_docx(text, case.sidecar.get("header", ""), case.sidecar.get("footer", ""),
                                case.sidecar.get("author", ""))
        return read_bytes(docx, case.path.with_suffix(".docx").name)
    return read_bytes(data, case.path.name)


def expectations_of(case: Case):  # Expectations
    from generator.check.load import from_options

    options = case.sidecar.get("options") or {}
    tender = CORPUS / options["tender"] if options.get("tender") else None
    profile = CORPUS / options["bidder_profile"] if options.get("bidder_profile") else None
    expectations = from_options(tender, options.get("bidder"), profile, options.get("product_type"))
    expectations.sections = list(options.get("sections") or [])
    expectations.anonymous = bool(options.get("anonymous"))
    expectations.identifying = list(options.get("identifying") or [])
    return expectations


def run_case(case: Case) -> list[Finding]:
    return check_document(document_of(case), expectations_of(case)).findings


def _matches(finding: Finding, wanted: dict[str, Any]) -> bool:
    if finding.rule != wanted["rule"] or (wanted.get("kind") and finding.kind != wanted["kind"]):
        return False
    text = str(wanted.get("text", ""))
    return any(text in loc.text for loc in finding.locations) or text in finding.message


def score(results: list[tuple[Case, list[Finding]]]) -> Score:
    total = Score()
    for case, findings in results:
        unmatched = list(findings)
        for wanted in case.sidecar.get("expected") or []:
            hit = next((f for f in unmatched if _matches(f, wanted)), None)
            if hit is None:
                total.fn[wanted["rule"]] += 1
                total.misses.append(f"{case.name}: {wanted['rule']} “{wanted.get('text', '')}”")
            else:
                unmatched.remove(hit)
                total.tp[wanted["rule"]] += 1
        for finding in unmatched:
            total.fp[finding.rule] += 1
            quote = finding.locations[0].text if finding.locations else ""
            total.extras.append(f"{case.name}: {finding.rule} {finding.message} “{quote}”")
    return total
