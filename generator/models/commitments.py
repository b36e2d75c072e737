"""Commitment kinds (stable names from DESIGN.md) and the commitments block of an input file.

A commitment is one value ("2小时") or, where it differs by region, severity or component,
a mapping of qualifier → value ({市区: 2小时, 省外: 24小时}).
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainValidator, model_validator

from generator.quantities import Duration, Frequency, Quantity, QuantityError, QuantityType, Schedule

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
}

Qualified = dict[str | None, Quantity]
"""Values of one kind: key None for an unqualified value, else the qualifier (市区, 主机, 一级…)."""


def _parse_value(kind: str, value: Any) -> Quantity:
    expected = KINDS[kind][0]
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise QuantityError("应为一个值（如“2小时”）或“限定词: 值”的键值对")
    parser = {"duration": Duration.parse, "frequency": Frequency.parse, "schedule": Schedule.parse}[expected]
    return parser(value)  # type: ignore[operator]


def _qualified_validator(kind: str) -> PlainValidator:
    def validate(value: Any) -> Qualified:
        if isinstance(value, dict):
            if not value:
                raise QuantityError("不能为空")
            return {str(key): _parse_value(kind, item) for key, item in value.items()}
        return {None: _parse_value(kind, value)}

    return PlainValidator(validate)


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
    fault_levels: dict[str, FaultLevel] | None = None

    @model_validator(mode="after")
    def _kinds_complete(self) -> CommitmentsInput:
        assert set(KINDS) <= set(type(self).model_fields), "every kind needs a field"
        return self

    def given(self) -> dict[str, Any]:
        """Kinds this layer sets (fault_levels included), in declaration order."""
        return {name: getattr(self, name) for name in type(self).model_fields if getattr(self, name) is not None}
