"""Page headers and footers: the project line, the draft mark, 第 X 页 共 Y 页 — on top of a letterhead.

A reference document may bring its own header (logo, company name) and footer (address): that
content is kept and the generator adds its lines after it. The cover page (different first page)
shows the letterhead's header and footer content but no project line and no page number.

A proposal pasted into a larger 投标文件 needs numbers that continue the bid's: `PageNumbering`
starts at a chosen number and/or makes the cover a section of its own so the page after it is
number one. "共 Y 页" (NUMPAGES) counts the pages of the whole file, which is then wrong, so such
footers show "第 X 页" only (LibreOffice 7.4 has no SECTIONPAGES to count one section).
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass

from generator.write.ns import qn
from generator.write.xmlorder import OxmlElement, insert_ordered, remove_child, set_child

_CONTENT = (qn("w:t"), qn("w:drawing"), qn("w:pict"), qn("w:object"), qn("w:fldSimple"), qn("w:instrText"))
_REL_ATTRS = (qn("r:embed"), qn("r:id"), qn("r:link"), qn("r:pict"))
_BLOCKS = (qn("w:p"), qn("w:tbl"), qn("w:sdt"))


def has_content(element) -> bool:
    """Text, a picture or a field somewhere below `element` (an empty paragraph is no content)."""
    for node in element.iter(*_CONTENT):
        if node.tag != qn("w:t") or (node.text or "").strip():
            return True
    return False


def _content_blocks(story) -> list:
    blocks = [child for child in story._element if child.tag in _BLOCKS]
    return blocks if any(has_content(b) for b in blocks) else []


def _clear(story) -> None:
    for child in list(story._element):
        if child.tag in _BLOCKS:
            story._element.remove(child)


def _has_page_field(blocks: list) -> bool:
    for block in blocks:
        for node in block.iter(qn("w:instrText"), qn("w:fldSimple")):
            code = node.text if node.tag == qn("w:instrText") else node.get(qn("w:instr"))
            if code and "PAGE" in code.upper():
                return True
    return False


def _max_drawing_id(package) -> int:
    highest = 0
    for part in package.iter_parts():
        element = getattr(part, "element", None)
        if element is None:
            continue
        for node in element.iter(qn("wp:docPr")):
            value = node.get("id", "0")
            highest = max(highest, int(value) if value.isdigit() else 0)
    return highest


def copy_blocks(blocks: list, source_part, target_story) -> None:
    """Copy header/footer blocks into another header/footer part, with their pictures' relationships
    and fresh drawing ids (Word repairs a file with duplicate wp:docPr ids)."""
    target_part = target_story.part
    next_id = _max_drawing_id(target_part.package) + 1
    for block in blocks:
        copied = deepcopy(block)
        for node in copied.iter():
            for attr in _REL_ATTRS:
                rel_id = node.get(attr)
                if rel_id and rel_id in source_part.rels:
                    rel = source_part.rels[rel_id]
                    if rel.is_external:
                        node.set(attr, target_part.relate_to(rel.target_ref, rel.reltype, is_external=True))
                    else:
                        node.set(attr, target_part.relate_to(rel.target_part, rel.reltype))
        for doc_pr in copied.iter(qn("wp:docPr")):
            doc_pr.set("id", str(next_id))
            next_id += 1
        target_story._element.append(copied)


@dataclass(frozen=True)
class PageNumbering:
    start: int = 1  # the number of the first numbered page
    after_cover: bool = False  # the cover is a section of its own; numbering starts on the next page

    @property
    def standalone(self) -> bool:
        """Numbers of a document that stands alone: "第 X 页 共 Y 页" is right."""
        return self.start == 1 and not self.after_cover


class PageFrame:
    """Writes headers and footers through `paragraph(style, text, parent)` of the DocxWriter."""

    def __init__(self, document, paragraph, numbering: PageNumbering = PageNumbering()) -> None:
        self.document = document
        self.paragraph = paragraph
        self.numbering = numbering

    def field(self, p, instruction: str, cached: str = "1") -> None:
        for kind in ("begin", "instr", "separate", "text", "end"):
            r = p.add_r()
            if kind == "instr":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = f" {instruction} "
                r.append(instr)
            elif kind == "text":
                r.text = cached
            else:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                r.append(char)

    def page_numbers(self, parent) -> None:
        p = self.paragraph("Footer", parent=parent)
        p.add_r().text = "第 "
        self.field(p, "PAGE")
        if self.numbering.standalone:
            p.add_r().text = " 页 共 "
            self.field(p, "NUMPAGES")
        p.add_r().text = " 页"

    def number_pages(self, cover_end) -> None:
        """Start number, and a section break after the cover (its last paragraph) when asked.
        Call after write(): the cover's section copies the finished header/footer references."""
        if self.numbering.standalone:
            return
        body_sect = self.document.sections[-1]._sectPr
        if self.numbering.after_cover and cover_end is not None:
            cover_sect = deepcopy(body_sect)
            remove_child(cover_sect, "w:pgNumType")
            insert_ordered(cover_end.get_or_add_pPr(), cover_sect)
            remove_child(body_sect, "w:titlePg")  # the page after the cover is numbered
        set_child(body_sect, "w:pgNumType", start=str(self.numbering.start))

    def write(self, header_text: str, draft_mark: str | None) -> None:
        section = self.document.sections[0]
        had_first_page = section.different_first_page_header_footer
        header, footer = section.header, section.footer
        letter_header = _content_blocks(header)
        letter_footer = _content_blocks(footer)
        if not letter_header:
            _clear(header)
        if not letter_footer:
            _clear(footer)
        self.paragraph("Header", header_text, parent=header._element)
        if draft_mark:
            self.paragraph("Header", f"【{draft_mark}】", parent=header._element)
        if not _has_page_field(letter_footer):
            self.page_numbers(footer._element)

        section.different_first_page_header_footer = True
        first_header, first_footer = section.first_page_header, section.first_page_footer
        own_first_header = _content_blocks(first_header) if had_first_page else []
        own_first_footer = _content_blocks(first_footer) if had_first_page else []
        _inherit(first_header, own_first_header, letter_header, header.part)
        _inherit(first_footer, own_first_footer, letter_footer, footer.part)
        if draft_mark:
            self.paragraph("Header", draft_mark, parent=first_header._element)
        stories = [first_header, first_footer]
        if self.document.settings.odd_and_even_pages_header_footer:
            stories += self._even_pages(section, header_text, draft_mark, letter_header, letter_footer, header, footer)
        for story in stories:
            if story._element.find(qn("w:p")) is None and story._element.find(qn("w:tbl")) is None:
                story._element.append(OxmlElement("w:p"))  # a header part needs one block

    def _even_pages(self, section, header_text: str, draft_mark: str | None, letter_header: list,
                    letter_footer: list, header, footer) -> list:
        """A letterhead with separate even-page headers: even pages get the same lines (and draft mark)."""
        even_header, even_footer = section.even_page_header, section.even_page_footer
        own_footer = _content_blocks(even_footer)
        _inherit(even_header, _content_blocks(even_header), letter_header, header.part)
        _inherit(even_footer, own_footer, letter_footer, footer.part)
        self.paragraph("Header", header_text, parent=even_header._element)
        if draft_mark:
            self.paragraph("Header", f"【{draft_mark}】", parent=even_header._element)
        if not _has_page_field(own_footer or letter_footer):
            self.page_numbers(even_footer._element)
        return [even_header, even_footer]


def _inherit(story, own_blocks: list, letter_blocks: list, part) -> None:
    """A header/footer without content of its own gets the letterhead's blocks."""
    if not own_blocks:
        _clear(story)
        copy_blocks(letter_blocks, part, story)
