"""Score an extraction against a hand-written answer key (tenders/samples/<name>.key.yaml).

A key lists the requirements a careful reader finds in the sample, as kind, bound, value and,
where the text has one, qualifier and mark. A key requirement is recovered when an extracted one
has the same kind, bound, value (compared as quantities: 12个月 = 1年) and qualifier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.core.quantities import Quantity, compare
from generator.models.commitments import _parse_value
from generator.tender_extract.requirements import Draft


@dataclass(frozen=True)
class KeyRequirement:
    kind: str
    bound: str
    value: Quantity | None
    qualifier: str | None
    mark: str
    page: int | None

    def describe(self) -> str:
        value = str(self.value) if self.value is not None else "（无数值）"
        return f"{self.mark}{self.kind} {self.bound} {self.qualifier or ''}{value}"


@dataclass
class Score:
    name: str
    expected: int
    recovered: int
    marks_right: int
    extracted: int
    missed: list[KeyRequirement] = field(default_factory=list)
    extra: list[Draft] = field(default_factory=list)
    metadata_right: int = 0
    metadata_total: int = 0

    @property
    def recall(self) -> float:
        return self.recovered / self.expected if self.expected else 1.0

    @property
    def precision(self) -> float:
        return self.recovered / self.extracted if self.extracted else 1.0


def load_key(path: Path) -> tuple[dict, list[KeyRequirement]]:
    from ruamel.yaml import YAML

    raw = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    requirements = []
    for item in raw.get("requirements", []):
        value = item.get("value")
        requirements.append(KeyRequirement(
            item["kind"], item["bound"], _parse_value(item["kind"], value) if value is not None else None,
            item.get("qualifier"), item.get("mark", ""), item.get("page")))
    meta = {k: v for k, v in raw.items() if k != "requirements"}
    return meta, requirements


def matches(key: KeyRequirement, draft: Draft) -> bool:
    if (key.kind, key.bound, key.qualifier) != (draft.kind, draft.bound, draft.qualifier):
        return False
    if key.value is None or draft.value is None:
        return key.value is None and draft.value is None
    if type(key.value) is not type(draft.value):
        return False
    return compare(key.value, draft.value) == 0 or str(key.value) == str(draft.value)  # 3年或10万公里: both limits


def score(name: str, key: list[KeyRequirement], drafts: list[Draft]) -> Score:
    unused = list(drafts)
    result = Score(name, len(key), 0, 0, len(drafts))
    for wanted in key:
        hit = next((d for d in unused if matches(wanted, d)), None)
        if hit is None:
            result.missed.append(wanted)
            continue
        unused.remove(hit)
        result.recovered += 1
        result.marks_right += hit.mark == wanted.mark
    result.extra = unused
    return result
