"""A requirement row read from its pasted 原文: what the extractor makes of the sentence (kind,
bound, value, qualifier), offered as the row's starting values and compared with what the row says.

“接到报修后2小时内到达现场” with 数值 2小时 saved as a 质保期 is a promise nobody meant; a row whose
kind, value or bound differs from the reading of its own text is shown before it is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.core.judge import bounds_agree
from generator.core.kinds import KINDS
from generator.models.commitments import _parse_value
from generator.models.requirement import BOUND_WORDS


@dataclass(frozen=True)
class Reading:
    kind: str
    bound: str
    value: str  # as the form writes it (“2小时”), "" when the sentence gives none
    qualifier: str

    def words(self) -> str:
        label = KINDS[self.kind].label
        value = f" {self.value}" if self.value else ""
        tier = f"（{self.qualifier}）" if self.qualifier else ""
        return f"{label}{tier} {BOUND_WORDS[self.bound]}{value}"


def read_text(text: str) -> Reading | None:
    """The first requirement the extractor reads in `text`, or None when it reads none."""
    from generator.tender_extract.draft import yaml_value
    from generator.tender_extract.requirements import extract_requirements
    from generator.text.text_blocks import TextBlock

    text = text.strip()
    if len(text) < 4:
        return None
    drafts = extract_requirements([TextBlock(text, "", None)]).requirements
    if not drafts:
        return None
    first = drafts[0]
    value = yaml_value(first.value) if first.value is not None else ""
    return Reading(first.kind, first.bound, str(value), first.qualifier or "")


def _same_value(kind: str, typed: str, read: str) -> bool:
    if not read:
        return True
    if not typed:
        return False
    from generator.core.quantities import compare

    try:
        a, b = _parse_value(kind, typed, requirement=True), _parse_value(kind, read, requirement=True)
    except (ValueError, TypeError):
        return typed == read
    try:
        return a == b or compare(a, b) == 0
    except (ValueError, TypeError, AttributeError):
        return False


def _quantity(kind: str, value: str) -> Any:
    try:
        return _parse_value(kind, value, requirement=True) if kind in KINDS and value else None
    except (ValueError, TypeError):
        return None


def mismatch(row: dict[str, str], reading: Reading | None) -> str:
    """Why the row does not say what its 原文 says, or "" when it agrees (or the text reads as nothing)."""
    if reading is None:
        return ""
    kind = row.get("kind", "")
    differs = kind != reading.kind or (reading.bound != "present" and not bounds_agree(
        row.get("bound", ""), reading.bound, _quantity(kind, reading.value), kind))
    if not differs and kind in KINDS:
        differs = not _same_value(kind, row.get("value", ""), reading.value)
    if not differs and reading.qualifier and row.get("qualifier", "") != reading.qualifier:
        differs = True
    if not differs:
        return ""
    return f"原文读作“{reading.words()}”，与本行所填不一致，请核对承诺项、要求方式、数值和限定词"


def row_readings(rows: list[dict[str, str]]) -> dict[int, dict[str, Any]]:
    """Per row with text: the reading (to fill an untouched row) and the mismatch, if any."""
    out: dict[int, dict[str, Any]] = {}
    for index, row in enumerate(rows):
        text = row.get("original") or row.get("text", "")
        reading = read_text(text) if text else None
        if reading is None:
            continue
        out[index] = {"kind": reading.kind, "bound": reading.bound, "value": reading.value,
                      "qualifier": reading.qualifier, "words": reading.words(), "mismatch": mismatch(row, reading)}
    return out


def fill_blank_rows(rows: list[dict[str, str]]) -> list[int]:
    """Rows with 原文 but no 承诺项 chosen yet take the reading of their text; their indexes."""
    filled = []
    for index, row in enumerate(rows):
        text = row.get("original") or row.get("text", "")
        if row.get("kind") or not text:
            continue
        reading = read_text(text)
        if reading is None:
            continue
        row.update({"kind": reading.kind, "bound": reading.bound})
        for key in ("value", "qualifier"):
            if not row.get(key) and getattr(reading, key):
                row[key] = getattr(reading, key)
        filled.append(index)
    return filled
