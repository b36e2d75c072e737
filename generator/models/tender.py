"""One bid: the tender file a clerk writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, ValidationError, field_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from generator.models.commitments import CommitmentsInput
from generator.models.requirement import ID_PATTERN, Requirement, Strict
from generator.models.scoring import ScoringItem


class Purchaser(Strict):
    name: str = Field(min_length=1)
    contact_address: str = ""


# the Chinese name of each SupplyItem field, in the order a clerk fills them: the web form's columns and
# errors, `tender new`'s questions and the extract draft's notes all name the fields by these
ITEM_LABELS = {"name": "货物名称", "model": "品牌型号", "quantity": "数量", "unit": "单位", "registration": "注册证编号",
               "note": "备注"}


class SupplyItem(Strict):
    """One line of the tender's 采购清单 as the bid answers it: what is supplied, which model, how many."""

    name: str = Field(min_length=1, max_length=60)  # 货物名称: 纯电动轿车（5座）
    model: str = Field(default="", max_length=80)  # 品牌型号/规格; empty: not stated
    quantity: float  # how many `unit`s; positive, whole or not (0.5 批 is odd but allowed)
    unit: str = Field(min_length=1, max_length=8)  # 台, 辆, 套, 批
    note: str = Field(default="", max_length=120)  # 备注: 含充电桩、配置见技术响应表
    # issue 20: the goods' registration where the trade has one (医疗器械注册证编号 and class); any row
    # with one gives the 供货范围 table a 注册证编号 column. issue 21: a type with goods_classes (农药登记证号,
    # 肥料登记证号) states it in its own per-product table instead, and never makes one up where it is empty
    registration: str = Field(default="", max_length=60)  # 国械注准20233070000（第三类）

    @field_validator("quantity", mode="before")
    @classmethod
    def _positive(cls, value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("数量应为数字（如 12），不带单位，单位另行填写")
        if value <= 0:
            raise ValueError(f"数量应大于0，现为 {value}：不供货的货物请从采购清单中删除")
        if value > 1_000_000:
            raise ValueError(f"数量 {value} 超出合理范围（不超过1000000）")
        return value

    @property
    def quantity_text(self) -> str:
        """12, not 12.0; 2.5 stays 2.5."""
        return str(int(self.quantity)) if self.quantity == int(self.quantity) else f"{self.quantity:g}"


def distinct_names(items: list[SupplyItem]) -> list[SupplyItem]:
    """Each name once: two lines with one name leave the reader unsure which the count means."""
    seen: dict[str, int] = {}
    errors = []
    for index, item in enumerate(items):
        if item.name in seen:
            errors.append(InitErrorDetails(
                type=PydanticCustomError("duplicate_item", "货物名称“{name}”与第 {first} 项重复：同一货物请合并为一项，"
                                         "型号不同的请在名称中区分（如“纯电动轿车（5座）”“纯电动轿车（7座）”）",
                                         {"name": item.name, "first": seen[item.name] + 1}),
                loc=(index, "name"), input=item.name))
        else:
            seen[item.name] = index
    if errors:
        raise ValidationError.from_exception_data("items", errors)
    return items


class Tender(Strict):
    id: str = Field(pattern=ID_PATTERN)
    project_name: str = Field(min_length=1)
    project_number: str = Field(min_length=1)
    lot: str = ""
    purchaser: Purchaser
    delivery_place: str = Field(min_length=1)
    # ids, never paths: a file name can only be formed inside profiles/ and templates/
    bidder: str = Field(pattern=ID_PATTERN)  # profiles/bidders/<id>.yaml
    product_type: str = Field(pattern=ID_PATTERN)  # profiles/products/<id>.yaml
    products: str = Field(min_length=1)  # what is supplied, e.g. 台式计算机、打印机等信息化设备
    template: str = Field(default="standard", pattern=ID_PATTERN)  # templates/<name>/
    date: dt.date
    requirements: list[Requirement] = []
    overrides: CommitmentsInput = CommitmentsInput.model_construct()
    # 驻场: technicians the bidder keeps at the purchaser's site for this project (0: none); lets
    # a short on-site promise stand where no outlet is in the delivery city
    resident_staff: int = Field(default=0, ge=0, le=200)
    # the hours the resident staff are on site (工作日8:30至17:30), as the tender or purchaser sets them: the
    # proposal's 工作时间; empty: the purchaser's working hours, unnamed
    resident_hours: str = Field(default="", max_length=60)
    # 违约金累计上限（合同总价的百分比），只在招标文件或其合同条款规定时写：投标人自己不为违约责任设上限
    penalty_cap_percent: int | None = Field(default=None, ge=1, le=100)
    security_level: str = ""  # software: the system's 等级保护 level the tender names (第三级); empty: not given
    # issue 15 (it-equipment): the operating systems and processor platforms the goods run, as the tender names them
    # (Windows 11 专业版和统信UOS桌面操作系统); empty: not given, the models' factory configuration
    platforms: str = Field(default="", max_length=80)
    attachments: list[str] = []
    scoring: list[ScoringItem] = []  # the after-sales 评分标准 (generator/models/scoring.py)
    # 采购清单 as bid: the proposal's 供货范围 table; empty: the document names only `products`
    items: list[SupplyItem] = Field(default=[], max_length=200)

    _items_distinct = field_validator("items")(distinct_names)

    @property
    def purchased(self) -> str:
        """The words a product type's variants are chosen by: `products` and the 采购清单's goods (a list
        naming 自动扶梯 brings the escalator wording even where `products` says only 电梯)."""
        return "、".join([self.products, *(item.name for item in self.items)])

    @property
    def site(self) -> str:
        """The words a variant for the kind of site is chosen by (中学, 医院): the purchaser's and the project's names."""
        return "、".join([self.purchaser.name, self.project_name])

