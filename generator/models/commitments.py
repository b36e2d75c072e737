"""Commitment kinds (stable names from DESIGN.md) and the commitments block of an input file.

A commitment is one value ("2小时") or, where it differs by tier (region, fault level, repair
category, time of day, component, phase — see tiers.py), a mapping of tier → value
({市区: 2小时, 省外: 24小时}, {小修: 2小时, 大修: 24小时}, {"一级、市区": 30分钟}). The long form
adds what the value counts from or a follow-up deadline:
{value: 2年, starts: 监督检验合格并交付使用之日}, {value: 95%, replant_within: 15天},
{tiers: {主机: 3年, 配件: 1年}, starts: 验收合格之日}.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, PlainValidator, create_model

from generator.core.kinds import FAULT_KINDS, ONSITE_ARRIVAL, REPLANTING_KINDS, RESOLUTION, RESPONSE, STARTING_KINDS
from generator.core.kinds import KINDS as KIND_TABLE
from generator.core.quantities import PARSERS, Duration, Quantity, QuantityError, QuantityType
from generator.models.tiers import tier_text

# The kinds themselves live in generator/core/kinds.py; this module derives the input model from them.
# What an editor may write for one kind (JSON Schema): a value, tier → value, or the long form.
_YAML_VALUE = str | int | float | dict[str, Any]
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
    expected: QuantityType = KIND_TABLE[kind].type
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = value.isoformat()  # YAML reads an unquoted 2027-03-31 as a date
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise QuantityError("应为一个值（如“2小时”）或“限定词: 值”的键值对")
    also = KIND_TABLE[kind].also_accepts + (KIND_TABLE[kind].requirement_also_accepts if requirement else ())
    forms = (expected, *also)
    for form in forms[1:]:
        if form == "alternative" and "或" not in str(value):
            continue
        try:
            return PARSERS[form](value)
        except QuantityError:
            continue
    return PARSERS[expected](value)


def _tiers(kind: str, value: dict[Any, Any]) -> dict[str | None, Quantity]:
    if not value:
        raise QuantityError("不能为空")
    return {tier_text(str(key)): _parse_value(kind, item) for key, item in value.items()}


def _named(names: frozenset[str]) -> str:
    """“质保期（warranty）和服务期（service_period）”."""
    shown = [f"{KIND_TABLE[n].label}（{n}）" for n in KIND_TABLE if n in names]
    return "和".join(shown) if len(shown) <= 2 else "、".join(shown)


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
        raise QuantityError(f"只有{_named(STARTING_KINDS)}可以写起算事件 starts")
    if "replant_within" in value and kind not in REPLANTING_KINDS:
        raise QuantityError(f"只有{_named(REPLANTING_KINDS)}可以写补植时限 replant_within")
    tiers = value.get("tiers")
    if tiers is not None and not isinstance(tiers, dict):
        raise QuantityError("tiers 应为“限定词: 值”的键值对，例如 {市区: 2小时, 省外: 24小时}")
    values: dict[str | None, Quantity] = _tiers(kind, tiers) if tiers is not None else \
        {None: _parse_value(kind, value["value"])}
    starts = normalise_start(value["starts"]) if "starts" in value else None
    replant = Duration.parse(value["replant_within"]) if "replant_within" in value else None
    return Tiers(values, starts, replant)


def _qualified_validator(kind: str) -> PlainValidator:
    return PlainValidator(lambda value: parse_commitment(kind, value), json_schema_input_type=_YAML_VALUE)


def _kind_validator(kind: str) -> PlainValidator:
    return PlainValidator(lambda value: _parse_value(kind, value), json_schema_input_type=str | int | float)


def _field(kind: str) -> Any:
    return Annotated[Qualified | None, _qualified_validator(kind)]


class FaultLevel(BaseModel):
    """Time limits for one fault level (一级 most urgent)."""

    # defer_build: validators are built on first validation, not at import (see load/validated.py)
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True)

    response: Annotated[Duration, _kind_validator(RESPONSE)]
    onsite_arrival: Annotated[Duration | None, _kind_validator(ONSITE_ARRIVAL)] = None
    resolution: Annotated[Duration, _kind_validator(RESOLUTION)]


assert tuple(FaultLevel.model_fields) == FAULT_KINDS, "FaultLevel has one field per fault-level kind"


class _CommitmentsBlock(BaseModel):
    """The `commitments:` block of a product type, bidder profile or tender override: one optional
    field per kind of core/kinds.py (generated below), plus the limits per fault level."""

    # defer_build: validators are built on first validation, not at import (see load/validated.py); a
    # default block is `CommitmentsInput.model_construct()`, every field at its default, for the same reason
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True)

    fault_levels: dict[str, FaultLevel] | None = None

    def given(self) -> dict[str, Any]:
        """Kinds this layer sets, in the order of the kinds table, then fault_levels."""
        names = (*KIND_TABLE, "fault_levels")
        return {name: getattr(self, name) for name in names if getattr(self, name) is not None}


if TYPE_CHECKING:
    CommitmentsInput = _CommitmentsBlock
else:
    CommitmentsInput = create_model(
        "CommitmentsInput", __base__=_CommitmentsBlock, __module__=__name__,
        __doc__=_CommitmentsBlock.__doc__,
        **{name: (_field(name), None) for name in KIND_TABLE})
