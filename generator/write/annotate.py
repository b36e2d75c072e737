"""check --annotate: the checked .docx back, with every finding location as a native Word comment
anchored on the quoted text, so the writer fixes them in Word or WPS (审阅 → 批注).

The quote of a location is searched in the body paragraphs (table cells included) in document
order; the runs around it are split so the comment covers exactly the quote. A location that is
not in the body (document properties, headers and footers — Word anchors comments in the body
only) is commented on the first paragraph with text, its quote in the comment.
"""

from __future__ import annotations

import io
from copy import deepcopy

from docx import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from generator.core.findings import Finding, Location
from generator.readers.docx import WORD_JOINER

AUTHOR = "aftersales 检查"
INITIALS = "AS"
SEVERITY = {"error": "错误", "warning": "警告"}


def _paragraphs(document) -> list[Paragraph]:
    body = document.element.body
    return [Paragraph(p, document._body) for p in body.iter(qn("w:p"))]


def _split(run: Run, at: int) -> Run:
    """Split a text run at character `at`; the left part becomes a new run before it; returns it."""
    left = deepcopy(run._r)
    run._r.addprevious(left)
    text = run.text
    left_run = Run(left, run._parent)
    left_run.text = text[:at]
    run.text = text[at:]
    return left_run


def _simple(run: Run) -> bool:
    """Only text children (w:t, w:noBreakHyphen): its text can be split without losing a field or a
    picture (a non-breaking hyphen in a split run becomes a plain one in the annotated copy)."""
    return all(child.tag in (qn("w:rPr"), qn("w:t"), qn("w:noBreakHyphen")) for child in run._r)


def _isolate(paragraph: Paragraph, start: int, end: int) -> list[Run]:
    """The runs that hold paragraph characters [start, end), split at both ends where possible."""
    covered: list[Run] = []
    offset = 0
    for run in list(paragraph.runs):
        length = len(run.text)
        run_start, run_end = offset, offset + length
        offset = run_end
        if run_end <= start or run_start >= end or length == 0:
            continue
        if _simple(run):
            if run_start < start:
                _split(run, start - run_start)
                run_start = start
            if run_end > end:
                left = _split(run, end - run_start)
                covered.append(left)
                continue
        covered.append(run)
    return covered


class Annotator:
    def __init__(self, data: bytes) -> None:
        self.document = Document(io.BytesIO(data))
        self.paragraphs = _paragraphs(self.document)
        self.used: dict[str, int] = {}  # quote → occurrences already commented

    def _find(self, quote: str) -> tuple[Paragraph, int, int] | None:
        """The next paragraph (after those already used for this quote) whose run text holds it, and
        where in its run text: word joiners (invisible, read as nothing) are skipped in the search."""
        skip = self.used.get(quote, 0)
        for paragraph in self.paragraphs:
            raw = "".join(run.text for run in paragraph.runs)
            where = [i for i, char in enumerate(raw) if char != WORD_JOINER] + [len(raw)]
            text = raw.replace(WORD_JOINER, "")
            position = text.find(quote)
            while position != -1:
                if skip == 0:
                    self.used[quote] = self.used.get(quote, 0) + 1
                    return paragraph, where[position], where[position + len(quote) - 1] + 1
                skip -= 1
                position = text.find(quote, position + 1)
        return None

    def _fallback_runs(self) -> list[Run]:
        for paragraph in self.paragraphs:
            if paragraph.runs and paragraph.text.strip():
                return paragraph.runs
        paragraph = self.paragraphs[0] if self.paragraphs else self.document.add_paragraph()
        return [paragraph.add_run("")]

    def comment(self, finding: Finding, location: Location) -> None:
        text = f"【{SEVERITY.get(finding.severity, finding.severity)}·{finding.rule}】{finding.message}"
        quote = location.text.strip()
        found = self._find(quote) if quote and location.block else None
        if found is not None:
            paragraph, start, end = found
            runs = _isolate(paragraph, start, end)
            if runs:
                self.document.add_comment(runs, text=text, author=AUTHOR, initials=INITIALS)
                return
        where = f"（{location.section}：“{quote}”）" if quote else ""
        self.document.add_comment(self._fallback_runs(), text=text + where, author=AUTHOR, initials=INITIALS)

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def annotate_docx(data: bytes, findings: list[Finding]) -> tuple[bytes, int]:
    """The document with one comment per finding location; returns the bytes and the comment count."""
    annotator = Annotator(data)
    count = 0
    for finding in findings:
        for location in finding.locations or (Location("", 0, ""),):
            annotator.comment(finding, location)
            count += 1
    return annotator.save(), count
