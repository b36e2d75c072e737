"""What a document is checked against: who the bidder is, the product type, the tender's
requirements and sections, the resolved commitments. Plain data: the CLI fills it from files,
the build fills it from the inputs it already loaded."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.check.profiles import Vocabularies
from generator.core.quantities import Quantity


@dataclass(frozen=True)
class ExpectedRequirement:
    text: str
    kind: str
    bound: str  # at_most | at_least | equals | present
    value: Quantity | None
    qualifier: str | None = None
    mark: str = ""
    starts: str | None = None  # the start event a warranty or service period must count from


@dataclass
class Expectations:
    bidder_names: list[str] = field(default_factory=list)  # legal name first, then short names
    allowed_names: list[str] = field(default_factory=list)  # purchaser and other companies that may appear
    purchaser: str | None = None
    product_type: str | None = None
    product_terms: list[str] = field(default_factory=list)  # words that name the goods of this tender
    vocabularies: Vocabularies | None = None
    # kind → qualifier (None = unqualified) → value; from product < bidder < tender
    resolved: dict[str, dict[str | None, Quantity]] | None = None
    fault_levels: dict[str, dict[str, Quantity]] = field(default_factory=dict)  # 一级 → kind → value
    resolved_sources: dict[str, str] = field(default_factory=dict)  # kind → file:line that set it
    requirements: list[ExpectedRequirement] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # section titles the template requires
    tender_source: str = ""
    # the bid's date: a period promised (交货期90天) is judged against a calendar deadline (2027年2月28日前) from it
    tender_date: dt.date | None = None
    anonymous: bool = False  # 暗标: nothing may identify the bidder (check --anonymous)
    identifying: list[str] = field(default_factory=list)  # the bidder's hotline, address, people … (its profile)
