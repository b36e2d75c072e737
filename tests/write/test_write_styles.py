"""ensure_styles on reference documents that name styles differently (WPS, LibreOffice, Chinese Word)."""

from __future__ import annotations

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from generator.write.styles import ensure_styles, find_style


def _paragraph_names(document) -> list[str]:
    return [s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH]


def test_localized_names_are_found_not_duplicated() -> None:
    document = Document()
    document.styles["Heading 1"].name = "标题 1"
    document.styles["Heading 2"].name = "标题2"
    document.styles["Normal"].name = "正文"
    ids = ensure_styles(document)
    names = _paragraph_names(document)
    assert "Heading 1" not in names and "Heading 2" not in names and "Normal" not in names
    assert ids["Heading 1"] == document.styles["标题 1"].style_id
    assert ids["Heading 2"] == document.styles["标题2"].style_id
    assert document.styles["Table Text"].base_style.name == "正文"


def test_libreoffice_names_and_case_are_found() -> None:
    document = Document()
    added = document.styles.add_style("Contents 1", WD_STYLE_TYPE.PARAGRAPH)
    ids = ensure_styles(document)
    assert ids["toc 1"] == added.style_id
    assert find_style(document, "TOC 1").style_id == added.style_id


def test_heading_styles_lose_list_numbering_and_gain_an_outline_level() -> None:
    document = Document()
    ppr = document.styles["Heading 1"].element.get_or_add_pPr()
    ppr.append(OxmlElement("w:numPr"))
    for level in ppr.findall(qn("w:outlineLvl")):
        ppr.remove(level)
    ensure_styles(document)
    assert ppr.find(qn("w:numPr")) is None
    assert ppr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"


def test_missing_table_grid_is_added_with_borders() -> None:
    document = Document()
    document.styles["Table Grid"].delete()
    ids = ensure_styles(document)
    style = find_style(document, "Table Grid", WD_STYLE_TYPE.TABLE)
    assert style is not None and ids["Table Grid"] == style.style_id
    borders = style.element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    assert [b.tag.split("}")[1] for b in borders] == ["top", "left", "bottom", "right", "insideH", "insideV"]


def test_added_styles_do_not_inherit_the_body_indent() -> None:
    document = Document()
    ensure_styles(document, overwrite=True)
    assert document.styles["Normal"].paragraph_format.first_line_indent.pt == 24
    for name in ("Table Text", "Table Header", "Signature Line", "Cover Title"):
        assert document.styles[name].paragraph_format.first_line_indent == 0, name


def test_standard_reference_has_chinese_typesetting(root) -> None:
    """小四 宋体 body at 1.5 lines with a 2-character indent; 黑体 headings; 五号 tables; no theme fonts."""
    document = Document(str(root / "templates" / "standard" / "reference.docx"))
    expected = {"Normal": ("宋体", 12), "Heading 1": ("黑体", 16), "Heading 2": ("黑体", 14),
                "Heading 3": ("黑体", 12), "Table Text": ("宋体", 10.5), "Table Header": ("黑体", 10.5)}
    for name, (font, size) in expected.items():
        style = document.styles[name]
        fonts = style.element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == font, name
        assert not any(k.endswith("Theme") for k in fonts.keys()), name
        assert style.font.size.pt == size, name
    body = document.styles["Normal"].paragraph_format
    assert body.line_spacing == 1.5 and body.first_line_indent.pt == 24
    lang = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    # Latin letters and digits in English: LibreOffice would break "30分钟" after "3" in zh-CN
    assert lang.get(qn("w:val")) == "en-US"


def test_reference_with_chinese_latin_language_gets_english() -> None:
    """A letterhead saved in a Chinese locale may say w:val="zh-CN"; its eastAsia language is kept."""
    document = Document()
    lang = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-TW")
    ensure_styles(document)
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-US", "zh-TW")


def test_reference_with_other_latin_language_keeps_it() -> None:
    document = Document()
    lang = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
    lang.set(qn("w:val"), "de-DE")
    ensure_styles(document)
    assert lang.get(qn("w:val")) == "de-DE"
