"""The checker: read a proposal back (docx, txt, md), extract every commitment, apply the rules.

    from generator.check import check_document, check_path
    result = check_path(Path("方案.docx"), Expectations(bidder_names=["北京华辰智联科技有限公司"]))
    result.findings, result.mentions
"""

from __future__ import annotations

from pathlib import Path

from generator.check.expectations import Expectations
from generator.check.findings import DocumentResult, Finding
from generator.readers.errors import DocumentError
from generator.text.document import Document

__all__ = ["DocumentError", "Expectations", "DocumentResult", "Finding", "check_document", "check_documents",
           "check_path", "check_bytes"]


def check_document(document: Document, expectations: Expectations | None = None) -> DocumentResult:
    from generator.check.extract import extract_all
    from generator.check.rules import CheckContext, run_rules

    expectations = expectations or Expectations()
    mentions = extract_all(document)
    stated = [m for m in mentions if m.stated]  # the rules compare values; a kind named alone has none
    findings = run_rules(CheckContext(document, stated, expectations))
    return DocumentResult(document.path, findings, mentions)


def check_documents(documents: list[Document], expectations: Expectations | None = None) -> list[DocumentResult]:
    """Each document checked, plus what only shows across them: identifiers two files share."""
    from generator.check.rules.metadata import shared_identifiers

    results = [check_document(document, expectations) for document in documents]
    shared = shared_identifiers(documents)
    for result in results:
        result.findings.extend(shared.get(result.path, []))
    return results


def check_path(path: Path, expectations: Expectations | None = None) -> DocumentResult:
    from generator.text.reader import read_document

    return check_document(read_document(path), expectations)


def check_bytes(data: bytes, name: str, expectations: Expectations | None = None) -> DocumentResult:
    from generator.text.reader import read_bytes

    return check_document(read_bytes(data, name), expectations)
