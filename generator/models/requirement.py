"""A requirement of the tender (招标要求) and the bound it sets; the base model of every tender input."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, model_validator

from generator.core.bounds import AFTER_AT_START, BEFORE_AT_END
from generator.core.kinds import KINDS, STARTING_KINDS
from generator.core.quantities import (
    Alternative,
    Deadline,
    Duration,
    Frequency,
    Mileage,
    Proportion,
    Quantity,
    QuantityError,
    Schedule,
)
from generator.models.commitments import _parse_value, normalise_start

Bound = Literal["at_most", "at_least", "equals", "present"]
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
BOUND_WORDS = {"at_most": "不超过", "at_least": "不少于", "equals": "等于", "present": "须承诺"}


class Strict(BaseModel):
    # defer_build: the validator is built on a class's first validation, not at import (a build whose
    # inputs are cached, load/validated.py, never builds one)
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True,
                              arbitrary_types_allowed=True, defer_build=True)


class RequirementSource(Strict):
    section: str = ""
    page: int | None = Field(default=None, ge=1)


class Requirement(Strict):
    """One after-sales requirement of the 招标文件, e.g. ★质保期不少于2年."""

    text: str = Field(min_length=1)  # verbatim from the 招标文件, or a clerk's short form of it
    original: str | None = None  # the 招标文件's full sentence when `text` shortens it
    kind: Literal[tuple(KINDS)]  # type: ignore[valid-type]
    bound: Bound
    value: Annotated[Any, PlainValidator(lambda v: v)] = None
    # The distance limit of a warranty that ends at whichever comes first: 3年或10万公里 is value 3年 and
    # mileage 10万公里 (value may also be written whole, “3年或10万公里”); `value` then holds both limits.
    mileage: str | None = None
    qualifier: str | None = None  # the tier it is about: 市区, 小修, 一级、市区 …
    starts: str | None = None  # what a warranty or service period counts from: 监督检验合格并交付使用之日
    mark: Literal["★", "▲", ""] = ""
    source: RequirementSource = RequirementSource.model_construct()  # the defaults, no validator built at import

    @model_validator(mode="after")
    def _parse(self) -> Requirement:
        lead = self.text[0]
        if lead in "★▲" and not self.mark:
            object.__setattr__(self, "mark", lead)  # “★质保期…” is starred even if mark was left out
        elif lead in "★▲" and lead != self.mark:
            raise ValueError(f"要求“{self.text}”以“{lead}”开头，但 mark 为“{self.mark}”，请统一")
        if self.starts is not None:
            if self.kind not in STARTING_KINDS:
                raise ValueError(f"要求“{self.text}”：只有质保期（warranty）和服务期（service_period）可以写 starts")
            object.__setattr__(self, "starts", normalise_start(self.starts))
        if self.bound == "present":
            if self.mileage is not None:
                raise ValueError(f"要求“{self.text}”：须承诺（present）的要求不写里程 mileage")
            if self.value is not None:
                object.__setattr__(self, "value", _parse_value(self.kind, self.value, requirement=True))
            return self
        if self.value is None:
            if self.relative:
                return self  # 不低于国家“三包”规定: the rule the text names is the limit
            raise ValueError(f"要求“{self.text}”缺少 value（例如“2小时”“2年”）；以规定或标准为限的要求，"
                             "请在 text 中写明所依据的规定或标准")
        object.__setattr__(self, "value", _parse_value(self.kind, self.value, requirement=True))
        if self.mileage is not None:
            self._add_mileage(self.mileage)
        return self

    def _add_mileage(self, given: str) -> None:
        if "alternative" not in KINDS[self.kind].also_accepts:
            raise ValueError(f"要求“{self.text}”：只有质保期（warranty）可以写里程 mileage")
        if not isinstance(self.value, Duration):
            raise ValueError(f"要求“{self.text}”：写了里程 mileage 时，value 只写时长（例如“3年”）")
        try:
            mileage = Mileage.parse(given)
        except QuantityError as error:
            raise ValueError(f"要求“{self.text}”的 mileage：{error}") from None
        object.__setattr__(self, "mileage", str(mileage))
        object.__setattr__(self, "value", Alternative((self.value, mileage)))

    @property
    def quantity(self) -> Quantity | None:
        return self.value

    @property
    def relative(self) -> bool:
        """A bound set by a rule its text names instead of a figure (质保期不低于国家“三包”规定,
        按厂家标准执行): it has no value to compare, like a “须承诺” requirement."""
        return self.bound != "present" and self.value is None and bool(_RULE_BASIS.search(self.original or self.text))

    @property
    def wanted(self) -> str:
        """The bound in words: “不超过4小时”, “不少于3年”, “不低于7×24小时”."""
        return wanted_text(self.bound, self.value)

    @property
    def own_bound(self) -> str | None:
        """The bound in the 招标文件's own words (“1小时内”, “不少于3年”), found around the value in the
        requirement's text; None when the text does not spell the value the way it is normalised."""
        if self.value is None or self.bound == "present":
            return None
        quoted = self.original or self.text
        figure = str(self.value)
        for match in re.finditer(re.escape(figure), quoted):
            if match.start() and (quoted[match.start() - 1].isdigit() or quoted[match.start() - 1] == "."):
                continue  # 30分钟 inside 130分钟
            before = BEFORE_AT_END.search(quoted, 0, match.start())
            after = AFTER_AT_START.match(quoted, match.end())
            return (before[0] if before else "") + figure + (after[0] if after else "")
        return None

    @property
    def display(self) -> str:
        """The requirement as quoted in the proposal: its mark once, then the verbatim text
        (the 招标文件's own sentence when it is given)."""
        quoted = self.original or self.text
        if not self.mark or quoted.startswith(self.mark):
            return quoted
        return f"{self.mark}{quoted}"


# what a bound without a figure can rest on: 国家“三包”规定, 厂家标准, 行业规范, 法规
_RULE_BASIS = re.compile(r"规定|标准|规范|三包|法规")
def wanted_text(bound: str, value: Quantity | None) -> str:
    if bound == "present" or value is None:
        return BOUND_WORDS["present"]
    if bound == "equals":
        return str(value)
    if isinstance(value, (Frequency, Schedule, Proportion)):  # “不少于每季度一次” reads badly
        return ("不低于" if bound == "at_least" else "不高于") + str(value)
    if isinstance(value, Deadline):
        return str(value) if bound == "at_most" else f"不早于{value.date.year}年{value.date.month}月{value.date.day}日"
    return BOUND_WORDS[bound] + str(value)
