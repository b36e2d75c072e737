"""`aftersales build --pdf`: the written .docx → PDF with the TOC and page fields updated.

The .docx itself is not touched: it stays exactly what the generator wrote (identical bytes for
identical inputs, our XML rather than LibreOffice's). Its TOC carries the section titles without
page numbers and the file asks Word/WPS to update fields when opened; the PDF carries the TOC
with page numbers as LibreOffice laid the pages out.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.office.libreoffice import Job, Rendered, find_office, render


def export_pdf(docx: Path, pdf: Path, timeout: float = 180.0) -> Rendered:
    """Write `pdf` atomically (a temporary file beside it, then rename)."""
    office = find_office()
    fd, temp = tempfile.mkstemp(prefix=f".{pdf.stem}.", suffix=".pdf", dir=pdf.parent)
    os.close(fd)
    try:
        [rendered] = render([Job(docx, pdf=Path(temp))], timeout=timeout, office=office)
        os.chmod(temp, 0o644)
        os.replace(temp, pdf)
    finally:
        Path(temp).unlink(missing_ok=True)
    return rendered
