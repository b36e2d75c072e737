"""A clause of the library and a template outline."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from generator.models.commitments import KINDS
from generator.models.parties import Capability

Category = Literal[
    "principles", "organisation", "network", "summary", "warranty", "response", "service_modes",
    "fault_handling", "maintenance", "spare_parts", "out_of_warranty", "software_upgrade",
    "installation", "training", "return_visit", "complaint", "quality_returns", "emergency",
    "confidentiality", "commitment_letter", "deviation", "liability", "product_service",
]
Status = Literal["draft", "approved", "retired"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Approval(Strict):
    by: str = Field(min_length=1)
    date: dt.date
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    note: str = ""


class AppliesTo(Strict):
    """Which proposals a clause belongs in: all product types unless narrowed."""

    product_types: list[str] | Literal["all"] = "all"
    capabilities: list[Capability] = []  # all of these must be present
    without: list[Capability] = []  # none of these may be present


class Clause(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=1)
    category: Category
    version: int = Field(ge=1)
    status: Status
    approval: Approval | None = None
    applies_to: AppliesTo = AppliesTo()
    uses: list[Literal[tuple(KINDS)]] = []  # type: ignore[valid-type]
    body: str = Field(min_length=1)

    @property
    def body_sha256(self) -> str:
        return body_hash(self.body)

    @property
    def changed_since_approval(self) -> bool:
        return self.approval is not None and self.approval.sha256 != self.body_sha256

    @property
    def is_approved(self) -> bool:
        return self.status == "approved" and self.approval is not None and not self.changed_since_approval

    def applies(self, product_type: str, capabilities: list[str]) -> bool:
        scope = self.applies_to
        if scope.product_types != "all" and product_type not in scope.product_types:
            return False
        if any(cap not in capabilities for cap in scope.capabilities):
            return False
        return not any(cap in capabilities for cap in scope.without)


def body_hash(body: str) -> str:
    """sha256 of a clause body, normalised so line endings and trailing spaces do not count."""
    normal = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


class Section(Strict):
    title: str = Field(min_length=1)
    clauses: list[str] = Field(min_length=1)  # candidate clause ids; those that apply are used
    required: bool = True  # at least one candidate must apply
    page_break_before: bool = False


class Outline(Strict):
    name: str = Field(min_length=1)
    title: str = "售后服务方案"
    sections: list[Section] = Field(min_length=1)
