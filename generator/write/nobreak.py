"""Where a line must not break: inside identifiers, phone numbers and standards' designations, and between
a number and its unit.

These are written as markup or as a visible character, never as an invisible one, so the text a
reader copies out of the document (or a tool extracts) is the text that was written:

- A hyphen between letters or digits joins an identifier, a phone or certificate number
  (HDWJ-2026-GK-031, 010-6288-1608, ZB-2026-017): Word and LibreOffice would break the line after it.
  It is Word's non-breaking hyphen, w:noBreakHyphen (ECMA-376 17.3.3.18: drawn as "-", never a line
  break); Word, WPS, python-docx and readers/docx read it as "-". LibreOffice 7.4 does not break at it
  but may break inside the letters or digits that follow (400-810-660 / 8): office/uno_worker joins
  those hyphens in the copy it lays out for a PDF.
- The space in a standard's or a certificate's designation (GB/T 16483, CJJ 45, ISO 9001) is a
  no-break space (U+00A0), the one character Word, WPS and LibreOffice all keep on one line: a line
  would otherwise end at "（GB/T" and begin with "16483）". It is a space to every reader (the checker
  normalises it to one); copied text keeps it.
- A number and the unit after it (30分钟, 2小时, 7×24小时, 2027年): the Chinese line-breaking rules
  (kinsoku) of the document, w:noLineBreaksAfter for zh-CN in settings.xml (ECMA-376 17.15.1.58),
  list the characters that may not end a line: Word's own list for Simplified Chinese (opening brackets
  and quotes, currency signs) and the digits, × and /. A line then breaks before a number, not between
  it and its unit. LibreOffice 7.4 does not read w:noLineBreaksAfter: office/uno_worker applies it, and
  joins a digit to the Chinese character after it (LibreOffice ends a line after a number, past its
  own rules, when the space it puts between Latin and Chinese text no longer fits).
"""

from __future__ import annotations

import re

from generator.write.xmlorder import set_child


def escape(data: str, entities: dict[str, str] | None = None) -> str:
    """xml.sax.saxutils.escape, written out: importing xml.sax.saxutils also imports urllib.request,
    http.client and ssl (~30 ms of every build)."""
    if "&" in data or "<" in data or ">" in data:  # most text has none: a build escapes ~2000 pieces
        data = data.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    if entities:
        for key, value in entities.items():
            data = data.replace(key, value)
    return data


_JOINING_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])")
# The space between a code of capitals (GB/T, CJJ, ISO/IEC) and the number after it
_CODE_SPACE = re.compile(r"(?<![A-Za-z])([A-Z]{1,5}(?:/[A-Z]{1,3})?) (?=\d)")
NO_BREAK_HYPHEN = "<w:noBreakHyphen/>"

# Word's default "cannot end a line" characters for Simplified Chinese, then the digits, × and /.
WORD_ZH_NOT_AT_LINE_END = "$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥"
NOT_AT_LINE_END = WORD_ZH_NOT_AT_LINE_END + "0123456789×/"
KINSOKU_LANG = "zh-CN"


def texts(value: str) -> str:
    """The w:t elements for text without tabs or breaks, identifiers' hyphens as w:noBreakHyphen and a
    standard's or certificate's code joined to its number by a no-break space."""
    if " " in value:
        value = _CODE_SPACE.sub("\\1\u00a0", value)
    if "-" in value and _JOINING_HYPHEN.search(value):
        return NO_BREAK_HYPHEN.join(plain_texts(piece) for piece in _JOINING_HYPHEN.split(value))
    return plain_texts(value)


def plain_texts(value: str) -> str:
    """The w:t element of text without tabs or breaks, as python-docx writes it (no non-breaking hyphens)."""
    if not value:
        return ""
    space = ' xml:space="preserve"' if value != value.strip() else ""
    if "&" in value or "<" in value or ">" in value:  # escape(value), in line: called for every run
        value = value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
    return f"<w:t{space}>{value}</w:t>"


def keep_numbers_with_units(document) -> None:
    """The document's line-breaking rules for Chinese: a digit, ×, / never ends a line (see above)."""
    set_child(document.settings.element, "w:noLineBreaksAfter", lang=KINSOKU_LANG, val=NOT_AT_LINE_END)
