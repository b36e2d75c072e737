"""Put WordprocessingML property elements where the schema wants them.

LibreOffice reads elements in any order; Word does not, and offers to "repair" a file whose
w:tblLayout follows w:tblLook or whose w:updateFields sits at the end of w:settings. python-docx
orders what it writes itself; everything this project adds by hand goes through `set_child`.
Sequences from ECMA-376 Part 1 (transitional), wml.xsd.
"""

from __future__ import annotations

from typing import Any

from generator.write.ns import qn

SEQUENCES: dict[str, tuple[str, ...]] = {
    "w:pPr": (
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
        "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
        "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
        "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
        "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"),
    "w:rPr": (
        "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
        "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
        "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
        "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"),
    "w:tblPr": (
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
        "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption",
        "tblDescription", "tblPrChange"),
    "w:sectPr": (
        "headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
        "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
        "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"),
    "w:pBdr": ("top", "left", "bottom", "right", "between", "bar"),
    # CT_TrPrBase is a repeated choice (any order is valid); this is the order Word writes.
    "w:trPr": (
        "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit", "trHeight", "tblHeader",
        "tblCellSpacing", "jc", "hidden", "ins", "del", "trPrChange"),
    "w:tcPr": (
        "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
        "tcFitText", "vAlign", "hideMark", "headers", "cellIns", "cellDel", "cellMerge", "tcPrChange"),
    "w:settings": (
        "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
        "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
        "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts", "embedSystemFonts",
        "saveSubsetFonts", "saveFormsData", "mirrorMargins", "alignBordersAndEdges", "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter", "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors",
        "activeWritingStyle", "proofState", "formsDesign", "attachedTemplate", "linkStyles",
        "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge", "revisionView",
        "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
        "styleLockTheme", "styleLockQFSet", "defaultTabStop", "autoHyphenation", "consecutiveHyphenLimit",
        "hyphenationZone", "doNotHyphenateCaps", "showEnvelope", "summaryLength", "clickAndTypeStyle",
        "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting", "bookFoldPrinting",
        "bookFoldPrintingSheets", "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin", "drawingGridVerticalOrigin",
        "doNotShadeFormData", "noPunctuationKerning", "characterSpacingControl", "printTwoOnOne",
        "strictFirstAndLastChars", "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
        "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent", "alwaysShowPlaceholderText",
        "doNotDemarcateInvalidXml", "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt", "showXMLTags",
        "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults", "footnotePr", "endnotePr", "compat",
        "docVars", "rsids", "mathPr", "attachedSchema", "themeFontLang", "clrSchemeMapping",
        "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade", "captions",
        "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
        "decimalSymbol", "listSeparator"),
}
_W = qn("w:pPr").split("}")[0] + "}"
_RANKS = {qn(parent): {_W + name: rank for rank, name in enumerate(names)} for parent, names in SEQUENCES.items()}
# Header and footer references are one repeated choice (any order).
_RANKS[qn("w:sectPr")][qn("w:footerReference")] = _RANKS[qn("w:sectPr")][qn("w:headerReference")]


def OxmlElement(name: str) -> Any:
    """A python-docx element (its classes know their children), imported only when a tree is edited:
    the build writes strings and never needs python-docx once its reference is prepared."""
    from docx.oxml import OxmlElement as make

    return make(name)


def _rank(parent, tag: str) -> int:
    ranks = _RANKS.get(parent.tag, {})
    return ranks.get(tag, len(ranks))  # unknown (extension) elements stay last


def set_child(parent, name: str, **attrs: str):
    """Get or create child `w:name` of a property element, in schema position; set `w:` attributes."""
    tag = qn(name)
    child = parent.find(tag)
    if child is None:
        child = OxmlElement(name)
        insert_ordered(parent, child)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    return child


def insert_ordered(parent, child) -> None:
    """Insert `child` before the first sibling that the schema puts after it."""
    rank = _rank(parent, child.tag)
    ranks = _RANKS.get(parent.tag, {})
    for index, sibling in enumerate(parent):
        if isinstance(sibling.tag, str) and sibling.tag in ranks and ranks[sibling.tag] > rank:
            parent.insert(index, child)
            return
    parent.append(child)


def remove_child(parent, name: str) -> None:
    for child in parent.findall(qn(name)):
        parent.remove(child)


def out_of_order(parent) -> list[str]:
    """Child tags that appear after a sibling the schema puts later (for tests)."""
    ranks = _RANKS.get(parent.tag)
    if ranks is None:
        return []
    problems, highest = [], -1
    for child in parent:
        if not isinstance(child.tag, str) or child.tag not in ranks:
            continue  # comments, and elements of other namespaces (m:mathPr, w14:…) have their own rules
        rank = ranks[child.tag]
        if rank < highest:
            problems.append(child.tag.split("}")[-1])
        highest = max(highest, rank)
    return problems
