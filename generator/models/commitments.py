"""Commitment kinds (stable names from DESIGN.md) and the commitments block of an input file.

A commitment is one value ("2小时") or, where it differs by tier (region, fault level, repair
category, time of day, component, phase — see tiers.py), a mapping of tier → value
({市区: 2小时, 省外: 24小时}, {小修: 2小时, 大修: 24小时}, {"一级、市区": 30分钟}). The long form
adds what the value counts from or a follow-up deadline:
{value: 2年, starts: 监督检验合格并交付使用之日}, {value: 95%, replant_within: 15天},
{tiers: {主机: 3年, 配件: 1年}, starts: 验收合格之日}.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainValidator, model_validator

from generator.models.tiers import tier_text
from generator.quantities import PARSERS, Duration, Quantity, QuantityError, QuantityType

# kind → (quantity type, Chinese label used in tables and messages)
KINDS: dict[str, tuple[QuantityType, str]] = {
    "response": ("duration", "响应时间"),
    "onsite_arrival": ("duration", "到达现场时间"),
    "resolution": ("duration", "故障解决时间"),
    "backup_equipment": ("duration", "提供备用设备时限"),
    "hotline": ("schedule", "服务热线时段"),
    "warranty": ("duration", "质保期"),
    "shelf_life": ("duration", "保质期"),
    "delivery": ("duration", "供货期"),
    "installation": ("duration", "安装调试完成时限"),
    "training": ("duration", "培训时长"),
    "return_visit": ("frequency", "回访频次"),
    "inspection": ("frequency", "巡检频次"),
    "satisfaction_survey": ("frequency", "满意度调查频次"),
    "spare_parts": ("duration", "备件供应年限"),
    "repair_turnaround": ("duration", "返修周期"),
    "complaint_response": ("duration", "投诉处理时限"),
    "records_retention": ("duration", "服务记录保存期限"),
    "software_upgrade": ("duration", "免费软件升级期限"),
    "remaining_shelf_life": ("duration", "到货时剩余有效期"),
    "survival_rate": ("percentage", "成活率"),
    "uptime": ("percentage", "年开机率"),
    "service_period": ("duration", "服务期"),
}

# Other forms a kind may take besides its quantity type.
ALSO_ACCEPTS: dict[str, tuple[str, ...]] = {
    "warranty": ("alternative",),  # 3年或10万公里（以先到者为准）
    "remaining_shelf_life": ("percentage",),  # 总有效期的2/3
}
# A requirement may also set a calendar deadline (交货期：2026年3月1日前); the bidder answers with a
# period, judged from the tender's date.
# A tender may also ask for a satisfaction rate (满意率不低于90%) where a bidder states a survey frequency.
REQUIREMENT_ALSO_ACCEPTS: dict[str, tuple[str, ...]] = {"delivery": ("date",), "installation": ("date",),
                                                        "satisfaction_survey": ("percentage",)}
# Kinds that count from a start event (验收合格之日 …), and the ones with a replanting deadline.
STARTING_KINDS = frozenset({"warranty", "service_period"})
REPLANTING_KINDS = frozenset({"survival_rate"})
_LONG_FORM_KEYS = frozenset({"value", "tiers", "starts", "replant_within"})


class Tiers(dict[str | None, Quantity]):
    """The values of one kind by tier, plus what they count from (`starts`) and, for 成活率, the
    deadline for replacing dead plants (`replant_within`)."""

    def __init__(self, values: dict[str | None, Quantity], starts: str | None = None,
                 replant_within: Duration | None = None) -> None:
        super().__init__(values)
        self.starts = starts
        self.replant_within = replant_within


def normalise_start(text: Any) -> str:
    """“自验收合格之日起计算” → “验收合格之日”."""
    if not isinstance(text, str) or not text.strip():
        raise QuantityError("starts 应为起算事件，例如“验收合格之日”“监督检验合格并交付使用之日”")
    event = text.strip().removeprefix("自").removeprefix("从")
    for suffix in ("起计算", "起算", "开始计算", "起"):
        event = event.removesuffix(suffix)
    return event

Qualified = dict[str | None, Quantity]
"""Values of one kind: key None for an unqualified value, else the qualifier (市区, 主机, 一级…)."""


def _parse_value(kind: str, value: Any, requirement: bool = False) -> Quantity:
    expected: QuantityType = KINDS[kind][0]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise QuantityError("应为一个值（如“2小时”）或“限定词: 值”的键值对")
    forms = (expected, *ALSO_ACCEPTS.get(kind, ()), *(REQUIREMENT_ALSO_ACCEPTS.get(kind, ()) if requirement else ()))
    for form in forms[1:]:
        if form == "alternative" and "或" not in str(value):
            continue
        try:
            return PARSERS[form](value)  # type: ignore[no-any-return]
        except QuantityError:
            continue
    return PARSERS[expected](value)  # type: ignore[no-any-return]


def _tiers(kind: str, value: dict[Any, Any]) -> dict[str | None, Quantity]:
    if not value:
        raise QuantityError("不能为空")
    return {tier_text(str(key)): _parse_value(kind, item) for key, item in value.items()}


def parse_commitment(kind: str, value: Any) -> Tiers:
    """One kind's YAML value (short or long form) → Tiers."""
    if not isinstance(value, dict) or not _LONG_FORM_KEYS & {str(k) for k in value}:
        return Tiers(_tiers(kind, value) if isinstance(value, dict) else {None: _parse_value(kind, value)})
    unknown = [str(k) for k in value if str(k) not in _LONG_FORM_KEYS]
    if unknown:
        raise QuantityError(f"不认识的键“{'、'.join(unknown)}”；可用 value、tiers、starts、replant_within")
    if ("value" in value) == ("tiers" in value):
        raise QuantityError("value（单一值）和 tiers（分档值）须写且只写其一")
    if "starts" in value and kind not in STARTING_KINDS:
        raise QuantityError("只有质保期（warranty）和服务期（service_period）可以写起算事件 starts")
    if "replant_within" in value and kind not in REPLANTING_KINDS:
        raise QuantityError("只有成活率（survival_rate）可以写补植时限 replant_within")
    tiers = value.get("tiers")
    if tiers is not None and not isinstance(tiers, dict):
        raise QuantityError("tiers 应为“限定词: 值”的键值对，例如 {市区: 2小时, 省外: 24小时}")
    values = _tiers(kind, tiers) if tiers is not None else {None: _parse_value(kind, value["value"])}
    starts = normalise_start(value["starts"]) if "starts" in value else None
    replant = Duration.parse(value["replant_within"]) if "replant_within" in value else None
    return Tiers(values, starts, replant)


def _qualified_validator(kind: str) -> PlainValidator:
    return PlainValidator(lambda value: parse_commitment(kind, value))


def _field(kind: str) -> Any:
    return Annotated[Qualified | None, _qualified_validator(kind)]


class FaultLevel(BaseModel):
    """Time limits for one fault level (一级 most urgent)."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    response: Annotated[Duration, PlainValidator(lambda v: _parse_value("response", v))]
    onsite_arrival: Annotated[Duration | None, PlainValidator(lambda v: _parse_value("onsite_arrival", v))] = None
    resolution: Annotated[Duration, PlainValidator(lambda v: _parse_value("resolution", v))]


class CommitmentsInput(BaseModel):
    """The `commitments:` block of a product type, bidder profile or tender override."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)

    response: _field("response") = None
    onsite_arrival: _field("onsite_arrival") = None
    resolution: _field("resolution") = None
    backup_equipment: _field("backup_equipment") = None
    hotline: _field("hotline") = None
    warranty: _field("warranty") = None
    shelf_life: _field("shelf_life") = None
    delivery: _field("delivery") = None
    installation: _field("installation") = None
    training: _field("training") = None
    return_visit: _field("return_visit") = None
    inspection: _field("inspection") = None
    satisfaction_survey: _field("satisfaction_survey") = None
    spare_parts: _field("spare_parts") = None
    repair_turnaround: _field("repair_turnaround") = None
    complaint_response: _field("complaint_response") = None
    records_retention: _field("records_retention") = None
    software_upgrade: _field("software_upgrade") = None
    remaining_shelf_life: _field("remaining_shelf_life") = None
    survival_rate: _field("survival_rate") = None
    uptime: _field("uptime") = None
    service_period: _field("service_period") = None
    fault_levels: dict[str, FaultLevel] | None = None

    @model_validator(mode="after")
    def _kinds_complete(self) -> CommitmentsInput:
        assert set(KINDS) <= set(type(self).model_fields), "every kind needs a field"
        return self

    def given(self) -> dict[str, Any]:
        """Kinds this layer sets (fault_levels included), in declaration order."""
        return {name: getattr(self, name) for name in type(self).model_fields if getattr(self, name) is not None}
