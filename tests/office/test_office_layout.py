"""Page-breaking rules, proven on fixture documents that cross page boundaries on purpose."""

from __future__ import annotations

import re

from officedocs import (
    LONG_TABLE_HEADER,
    NUMBERS,
    NUMBERS_ID,
    NUMBERS_TEXT,
    NUMBERS_TITLE_LINES,
    ROOT,
    SWEEP,
    UNITS_TEXTS,
    UNITS_WIDTHS,
)
from pdftools import squeeze


def _row_pages(pages: list[str], marker: str) -> dict[int, set[int]]:
    """Row number → pages on which `第{n}行{marker}` appears."""
    found: dict[int, set[int]] = {}
    for index, text in enumerate(pages):
        for match in re.finditer(rf"第(\d+)行{marker}", squeeze(text)):
            found.setdefault(int(match.group(1)), set()).add(index)
    return found


def test_long_table_repeats_its_header_row_on_every_page(rendered) -> None:
    doc = rendered["long-table"].require()
    first_lines = _row_pages(doc.pages, "首段")
    assert len(first_lines) == 90, "每一行都应出现"
    table_pages = sorted({page for pages in first_lines.values() for page in pages})
    assert len(table_pages) >= 3, f"表格应跨页（实际 {len(table_pages)} 页）"
    header = "".join(LONG_TABLE_HEADER)
    for page in table_pages:
        text = squeeze(doc.pages[page])
        first_row = min(n for n, pages in first_lines.items() if page in pages)
        assert header in text, f"第 {page + 1} 页没有重复表头"
        assert text.index(header) < text.index(f"第{first_row}行首段"), f"第 {page + 1} 页表头不在首行之上"


def test_long_table_rows_never_split_across_pages(rendered) -> None:
    doc = rendered["long-table"].require()
    first, second = _row_pages(doc.pages, "首段"), _row_pages(doc.pages, "续段")
    split = [n for n in first if first[n] != second.get(n)]
    assert not split, f"这些行被拆到了两页：{split}"


def _signature_pages(pages: list[str]) -> dict[int, set[int]]:
    """Sweep group → the pages its three signature lines are on."""
    found: dict[int, set[int]] = {}
    for index, text in enumerate(pages):
        flat = squeeze(text)
        for n in SWEEP:
            for line in (f"投标人（盖章）：样例{n}号公司", f"日期：第{n}组日期"):
                if line in flat:
                    found.setdefault(n, set()).add(index)
    return found


def test_signature_block_is_never_split_across_pages(rendered) -> None:
    doc = rendered["signature"].require()
    pages = _signature_pages(doc.pages)
    assert sorted(pages) == list(SWEEP)
    split = [n for n, where in pages.items() if len(where) > 1]
    assert not split, f"签章被拆开的组：{split}"


def test_sweep_reaches_a_page_boundary_without_keep_rules(rendered) -> None:
    """The control: the same letters with plain paragraphs do split, so the test above can fail."""
    doc = rendered["signature-control"].require()
    pages = _signature_pages(doc.pages)
    assert any(len(where) > 1 for where in pages.values()), "对照文档中没有跨页的签章，测试覆盖不到分页"


def _broken_numbers(pages: list[str]) -> list[str]:
    """Digit runs on a rendered line that are not whole numbers of NUMBERS_TEXT (a number broken
    across lines leaves a piece at a line end and another at the next line's start), hyphens at a line
    end, and numbers at a line end: every number of NUMBERS_TEXT is followed by its unit or by
    punctuation, which may not start a line, so a number ending a line was parted from its unit."""
    found = []
    for text in pages[1:]:  # after the cover
        for line in text.splitlines():
            if "页" in line:
                continue  # the footer's page numbers
            found += [run for run in re.findall(r"[A-Za-z0-9]+", line) if run not in NUMBERS]
            if re.search(r"[-\u2011]\s*$", line.rstrip()) or re.search(r"[A-Za-z0-9][-\u2011]\s{2,}", line):
                found.append(f"行尾连字符：{line.strip()[-12:]}")
            for cell in re.split(r"\s{2,}", line.strip()):
                if re.search(r"[0-9×]$", cell):
                    found.append(f"数字与单位分开：{cell[-12:]}")
    return found


def test_numbers_never_break_inside_their_digits(rendered) -> None:
    """Nor between a number and its unit (30分钟, 7×24小时, 031号), nor at an identifier's hyphen."""
    doc = rendered["numbers"].require()
    assert not _broken_numbers(doc.pages), f"数字被拆到两行：{_broken_numbers(doc.pages)[:10]}"
    assert squeeze(doc.pages[1]).count(squeeze(NUMBERS_TEXT)) >= 10
    assert NUMBERS_ID in squeeze(doc.pages[1]), "编号应原样显示（连字符为普通连字符）"


def test_numbers_sweep_would_catch_a_broken_number(rendered) -> None:
    """The control: with Latin text in zh-CN, plain hyphens and no line-breaking rules, LibreOffice
    breaks numbers and identifiers inside and parts numbers from their units, and the sweep sees it."""
    doc = rendered["numbers-control"].require()
    assert _broken_numbers(doc.pages), "对照文档中应有被拆开的数字，否则扫描没有覆盖行尾"


def _typeset_faults():
    """scripts/typeset_faults.py, the detector also run by hand on the examples' PDFs."""
    import importlib.util
    import sys

    if "typeset_faults" not in sys.modules:
        spec = importlib.util.spec_from_file_location("typeset_faults", ROOT / "scripts" / "typeset_faults.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules["typeset_faults"]


def _splits(doc) -> list[str]:
    return [f"{fault.before}/{fault.after}" for fault in _typeset_faults().faults(doc.pdf) if fault.kind == "split"]


def test_quoted_numbers_keep_their_units_in_a_narrow_column(rendered) -> None:
    """A number that ends a line within LibreOffice's Latin/Asian spacing of a narrow cell's edge still
    moves to the next line with its unit (30分钟, “30天内”)."""
    doc = rendered["units"].require()
    assert not _splits(doc), f"数字与单位被拆到两行：{_splits(doc)}"
    text = re.sub(r"第\d+表\d", "", squeeze("".join(doc.pages)))  # without the 序号 cells beside the lines
    assert {quoted: text.count(quoted) for quoted in UNITS_TEXTS} == dict.fromkeys(UNITS_TEXTS, len(UNITS_WIDTHS))


def test_units_sweep_would_catch_a_split(rendered) -> None:
    """The control: laid out with the line-breaking rules but without joining digits to their units,
    some table of the sweep parts a number from its unit, so the test above can fail."""
    doc = rendered["units-control"].require()
    assert _splits(doc), "对照文档中应有与单位分开的数字，否则扫描没有覆盖到窄列的行尾"


def test_long_cover_title_breaks_between_words(rendered) -> None:
    doc = rendered["numbers"].require()
    lines = [squeeze(line) for line in doc.pages[0].splitlines() if line.strip()]
    assert lines[:2] == list(NUMBERS_TITLE_LINES), lines[:3]


INVISIBLE = {"\u2060": "U+2060", "\u200b": "U+200B", "\ufeff": "U+FEFF", "\u2011": "U+2011"}


def test_text_copied_from_the_pdfs_holds_no_invisible_characters(rendered) -> None:
    """The PDFs' text (what a reader copies, what pdftotext extracts) is the written text: identifiers
    keep their plain hyphen (LibreOffice lays them out with word joiners, which have no glyph)."""
    found = {name: sorted({code for page in doc.pages for char, code in INVISIBLE.items() if char in page})
             for name, doc in rendered.items() if doc.pages}
    assert not {name: codes for name, codes in found.items() if codes}
    assert "服务热线400-810-6608" in squeeze(rendered["numbers"].require().pages[1])
    demo = squeeze("".join(rendered["demo"].require().pages))
    assert "400-810-6608" in demo and "HDWJ-2026-GK-031" in demo
