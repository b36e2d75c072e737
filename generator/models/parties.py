"""Bidder profile and product type."""

from __future__ import annotations

import re
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator

from generator.models.commitments import CommitmentsInput

Text = Field(min_length=1)

_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str:
    """Check character of a 统一社会信用代码 (GB 32100-2015)."""
    total = sum(_CREDIT_CHARS.index(ch) * w for ch, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Outlet(Strict):
    city: str = Text
    address: str = Text
    phone: str = Text
    staff: int = Field(ge=1)


class TeamMember(Strict):
    role: str = Text
    name: str = Text
    qualification: str = Text
    years: int = Field(ge=0, le=60)
    duty: str = Text


class Certificate(Strict):
    name: str = Text
    number: str = Text
    issuer: str = Text


class Bidder(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    legal_name: str = Text
    short_name: str = Text
    credit_code: str
    legal_representative: str = Text
    address: str = Text
    hotline: str = Text
    email: str = Text
    service_center: str = Text
    outlets: list[Outlet] = Field(min_length=1)
    team: list[TeamMember] = Field(min_length=1)
    certificates: list[Certificate] = []
    commitments: CommitmentsInput = CommitmentsInput()
    # The bidder's own reference .docx (logo in the header, its fonts and colours), relative to
    # this profile; replaces the template's reference.docx. Styles it lacks are added.
    letterhead: str | None = None

    @field_validator("credit_code")
    @classmethod
    def _valid_credit_code(cls, value: str) -> str:
        value = value.strip().upper()
        if not re.fullmatch(rf"[{_CREDIT_CHARS}]{{18}}", value):
            raise ValueError("统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）")
        if credit_code_check_char(value[:17]) != value[17]:
            raise ValueError(f"统一社会信用代码校验位不正确，按前 17 位计算应为“{credit_code_check_char(value[:17])}”")
        return value


# What a product type involves (clauses apply by them), with the labels of listings.
Capability = Literal["installation", "onsite_repair", "software", "consumable", "construction", "training"]
CAPABILITY_LABELS: dict[str, str] = {"installation": "需安装", "onsite_repair": "上门维修", "software": "软件",
                                     "consumable": "耗材", "construction": "工程施工", "training": "培训"}
assert tuple(CAPABILITY_LABELS) == get_args(Capability), "one label per capability"


class TrainingTopic(Strict):
    audience: str = Text
    content: str = Text
    hours: float = Field(gt=0, le=200)
    method: str = Text


class Fault(Strict):
    level: str = Text  # must match a key of commitments.fault_levels
    name: str = Text
    examples: str = Text


class ProductType(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Text  # 信息化设备
    noun: str = Text  # 设备
    measure_word: str = Text  # 台
    warranty_word: Literal["质保期", "保修期", "保质期", "养护期"]
    uptime_word: Literal["开机率", "完好率"] = "开机率"  # how the trade names uptime (电梯: 完好率)
    capabilities: list[Capability] = Field(min_length=1)
    vocabulary: list[str] = Field(min_length=1)
    commitments: CommitmentsInput
    training_topics: list[TrainingTopic] = []
    maintenance_items: list[str] = []
    faults: list[Fault] = []
    exclusions: list[str] = []  # 除外责任 specific to the trade

    def has(self, capability: str) -> bool:
        return capability in self.capabilities
