"""Reading rendered PDFs back with poppler's command-line tools (pdftotext, pdffonts, pdfimages)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout


def page_texts(pdf: Path) -> list[str]:
    """One string per page, laid out (pdftotext -layout); pages are separated by form feeds."""
    pages = _run("pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squeeze(text: str) -> str:
    """Without any whitespace: pdftotext puts spaces between CJK and Latin runs and across columns."""
    return re.sub(r"\s+", "", text)


@dataclass(frozen=True)
class PdfFont:
    name: str
    type: str
    embedded: bool


def fonts(pdf: Path) -> list[PdfFont]:
    lines = _run("pdffonts", str(pdf)).splitlines()[2:]
    out = []
    for line in lines:
        parts = line.split()
        # name, type (may be two words: "Type 1", "CID TrueType"), encoding, emb, sub, uni, object, id
        emb = parts[-5]
        out.append(PdfFont(parts[0], " ".join(parts[1:-6]), emb == "yes"))
    return out


def images_per_page(pdf: Path) -> dict[int, int]:
    counts: dict[int, int] = {}
    for line in _run("pdfimages", "-list", str(pdf)).splitlines()[2:]:
        page = int(line.split()[0])
        counts[page] = counts.get(page, 0) + 1
    return counts


def _is_cjk(ch: str) -> bool:
    return "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


def cjk_in_fallback_fonts(pdf: Path, fallback: str = "DejaVu") -> list[tuple[str, str]]:
    """(font, text) of every text run with Chinese characters drawn in a fallback font (pdftohtml -xml)."""
    import xml.etree.ElementTree as ET

    root = ET.fromstring(_run("pdftohtml", "-xml", "-i", "-stdout", "-q", str(pdf)))
    families = {spec.get("id"): spec.get("family", "") for spec in root.iter("fontspec")}
    bad = []
    for text in root.iter("text"):
        family = families.get(text.get("font"), "")
        content = "".join(text.itertext())
        if fallback in family and any(_is_cjk(ch) for ch in content):
            bad.append((family, content))
    return bad


_TOC_LINE = re.compile(r"^\s*(?P<title>\S.*?)\s*(?:\.{2,}|…+|\s{2,})\s*(?P<page>\d+)\s*$")


def toc_entries(pages: list[str], first: int, last: int) -> list[tuple[str, int]]:
    """(title without whitespace, page number) of the dotted TOC lines on pages first..last (0-based)."""
    entries = []
    for text in pages[first:last + 1]:
        for line in text.splitlines():
            match = _TOC_LINE.match(line)
            if match and "." in line:
                entries.append((squeeze(match["title"]), int(match["page"])))
    return entries
