"""A clause of the library and a template outline."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from generator.core.bounded_memo import BoundedMemo
from generator.core.kinds import KINDS
from generator.models.parties import Capability

# Clause categories in the order of listings and catalogs, with their Chinese labels.
Category = Literal[
    "principles", "organisation", "network", "summary", "warranty", "response", "service_modes",
    "fault_handling", "maintenance", "spare_parts", "out_of_warranty", "software_upgrade",
    "installation", "training", "return_visit", "complaint", "quality_returns", "emergency",
    "confidentiality", "commitment_letter", "deviation", "liability", "product_service", "service_quality",
]
CATEGORY_LABELS: dict[str, str] = {
    "principles": "服务理念与原则", "organisation": "服务组织与人员", "network": "服务网络与网点",
    "summary": "服务承诺一览", "warranty": "质保期与质保范围", "response": "响应时间与故障分级",
    "service_modes": "服务方式", "fault_handling": "故障处理流程", "maintenance": "预防性维护与巡检",
    "spare_parts": "备品备件", "out_of_warranty": "保修期外服务", "software_upgrade": "软件升级",
    "installation": "安装调试与验收", "training": "培训", "return_visit": "回访与满意度调查",
    "complaint": "投诉处理", "quality_returns": "质量问题处理与退换货", "emergency": "应急预案",
    "confidentiality": "保密承诺", "commitment_letter": "售后服务承诺书", "deviation": "响应及偏离表",
    "liability": "违约责任", "product_service": "产品类型专项服务",
    "service_quality": "服务质量指标",  # issue 15 (content)
}
assert tuple(CATEGORY_LABELS) == get_args(Category), "one label per category"
Status = Literal["draft", "approved", "retired"]


class Strict(BaseModel):
    # defer_build: the validator is built on a class's first validation, not at import (a build whose
    # inputs are cached, load/validated.py, never builds one)
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


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
    applies_to: AppliesTo = AppliesTo.model_construct()  # the defaults, no validator built at import
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
        """In scope for this product type (whatever its status; see `in_use_for`)."""
        scope = self.applies_to
        if scope.product_types != "all" and product_type not in scope.product_types:
            return False
        if any(cap not in capabilities for cap in scope.capabilities):
            return False
        return not any(cap in capabilities for cap in scope.without)


    def in_use_for(self, product_type: str, capabilities: list[str]) -> bool:
        """A proposal for this product type takes the clause: in scope and not retired."""
        return self.status != "retired" and self.applies(product_type, capabilities)


# Digests by body text: a build asks for each clause's digest several times (manifest entry, approval
# state), and a batch or the web server for the same bodies build after build.
_body_hashes: BoundedMemo[str] = BoundedMemo(1024)


def body_hash(body: str) -> str:
    """sha256 of a clause body, normalised so line endings and trailing spaces do not count."""
    return _body_hashes.get(body, lambda: _body_hash(body))


def _body_hash(body: str) -> str:
    normal = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


class Section(Strict):
    title: str = Field(min_length=1)
    clauses: list[str] = Field(min_length=1)  # candidate clause ids; those that apply are used
    required: bool = True  # at least one candidate must apply
    page_break_before: bool = False

    def applicable(self, clauses: Mapping[str, Clause], product_type: str, capabilities: list[str]) -> list[str]:
        """The ids of this section's candidates (those known in `clauses`) a proposal for this product
        type takes, in outline order: the one answer to “which clauses apply”."""
        return [cid for cid in self.clauses if cid in clauses and clauses[cid].in_use_for(product_type, capabilities)]


class Outline(Strict):
    name: str = Field(min_length=1)
    title: str = "售后服务方案"
    sections: list[Section] = Field(min_length=1)
