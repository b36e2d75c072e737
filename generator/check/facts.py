"""What the checker works out from a block's normalised text alone, in one record per text.

Several rules read a fact of every block that depends on nothing but its text: the company names in it
(foreign-entity, metadata, anonymity), whether it may hold a blank (placeholder), its fingerprint
(duplicate-text), the vocabulary words and short names in it (foreign-entity) and whether it can state a
commitment at all (the extractor). The build checks every document it writes and repeats the same clause
texts: the record of a text is worked out once (`_compute`, the one place that does, but for what the
rules' own scans leave in it) and kept in a bounded memo;
a block keeps its record on first use, so each block costs one lookup however many rules ask.
"""

from __future__ import annotations

from generator.check.memo import per_text
from generator.text.document import Block

# A record's kept scans (foreign-entity's vocabulary words and short names, per pattern): a process sees
# one or two vocabularies (the project's, an edited one); a record holding more forgets them all rather
# than grow.
_MAX_SCANS = 6


class TextFacts:
    """The text-only facts of one normalised text. Shared by every block with that text (kept in the
    memo): never changed once made, but for `silent`, set once, and `scans`, which only gains entries (the
    same in every thread)."""

    __slots__ = ("silent", "names", "may_hold_blank", "fingerprint", "scans")

    def __init__(self, names: tuple[tuple[str, int, int], ...], may_hold_blank: bool, fingerprint: str) -> None:
        # True: no value and no word naming a kind, so no mention under any heading or in any column. The
        # extractor finds it out as it first analyses the text (None until then): a separate scan would
        # repeat the most costly part of that analysis for every text a process sees first.
        self.silent: bool | None = None
        self.names = names  # company names: (normalised name, start, end)
        self.may_hold_blank = may_hold_blank  # a pattern the placeholder rule reports matches somewhere
        self.fingerprint = fingerprint  # the text without numbering, spaces and punctuation
        self.scans: dict[str, tuple[tuple[str, int, int], ...]] = {}  # pattern → (word, start, end)

    def scanned(self, pattern: str) -> tuple[tuple[str, int, int], ...] | None:
        """What a scan for `pattern` (a key naming it) found in the text, if it was kept."""
        return self.scans.get(pattern)

    def keep_scan(self, pattern: str, found: tuple[tuple[str, int, int], ...]) -> None:
        if len(self.scans) >= _MAX_SCANS:
            self.scans.clear()
        self.scans[pattern] = found


@per_text
def text_facts(text: str) -> TextFacts:
    """The record of a normalised text (kept up to memo.TEXT_MAX_CHARS, worked out afresh beyond)."""
    return _compute(text)


def _compute(text: str) -> TextFacts:
    # the rule modules import this one (through the rules package): their functions are looked up here
    from generator.check.entities import names_in
    from generator.check.rules.duplicate_text import text_fingerprint
    from generator.check.rules.placeholder import may_hold_blank

    return TextFacts(names_in(text), may_hold_blank(text), text_fingerprint(text))


def facts(block: Block) -> TextFacts:
    """The block's record: looked up once, then kept on the block (a block's text never changes)."""
    found = block.facts
    if found is None:
        found = block.facts = text_facts(block.norm)
    return found
