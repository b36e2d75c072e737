"""Bidder profile and product type."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

if TYPE_CHECKING:
    from generator.models.tender import Tender

from generator.core.kinds import KINDS
from generator.models.commitments import CommitmentsInput

Text = Field(min_length=1)

_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str:
    """Check character of a 统一社会信用代码 (GB 32100-2015)."""
    total = sum(_CREDIT_CHARS.index(ch) * w for ch, w in zip(first17, _CREDIT_WEIGHTS, strict=True))
    return _CREDIT_CHARS[(31 - total % 31) % 31]


class Strict(BaseModel):
    # defer_build: the validator is built on a class's first validation, not at import (a build whose
    # inputs are cached, load/validated.py, never builds one)
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


class Reach(Strict):
    """How far an outlet is from a place it serves (a city or county named in delivery places)."""

    place: str = Text  # 湘源市: matched against the tender's delivery place
    distance_km: float = Field(gt=0, le=5000)
    travel: str = Text  # usual driving time: 1.5小时, 40分钟


class Outlet(Strict):
    city: str = Text  # 长沙: an outlet is local when its city is named in the delivery place
    address: str = Text
    phone: str = Text
    staff: int = Field(ge=1)
    reach: list[Reach] = []


# What a team member or certificate is for: product type ids (vehicles), a type's variant
# (vehicles:electric) or capabilities (onsite_repair, software…); empty means every proposal shows it.
Serves = list[str]


class TeamMember(Strict):
    role: str = Text
    name: str = Text
    qualification: str = Text
    years: int = Field(ge=0, le=60)
    duty: str = Text
    serves: Serves = []
    # may be stationed at the purchaser's site (驻场) when a tender asks for resident staff: the proposal
    # names the first such members whose `serves` fits the product type (resolve/presence.resident_members)
    resident: bool = False
    # where the member works from day to day (常驻地点): the `city` of one of the bidder's outlets (云泽), or its
    # `service_center` (the head office's 调度中心); the staffing table shows it and the proposal counts the members
    # based at the outlet serving the site against that outlet's staff (resolve/presence.based_problems)
    based_at: str | None = Field(default=None, min_length=1)


# issue 15 (it-equipment): who is on duty in a part of the week and who stands in, by the team's names; a
# proposal shows the shifts its product type wants, with each person's post (暗标: posts only)
class DutyShift(Strict):
    period: str = Text  # 工作日8:30至17:30; 夜间（17:30至次日8:30）和周末、法定节假日
    task: str = Text  # what the people on duty do then (受理报修、派单和跟踪工单)
    on_duty: list[str] = Field(min_length=1)  # names from `team`
    rotation: str = ""  # how several on duty share it (按周轮值); empty: together
    backup: list[str] = Field(min_length=1)  # names from `team`: who takes over when one on duty is away or out
    serves: Serves = []


class Warehouse(Strict):
    """Where the bidder keeps stock of supplies: its own licensed warehouse or one it contracts."""

    name: str = Text  # 康衡医疗临州配送仓库
    address: str = Text
    licence: str = Text  # the licence and scope it is kept under (危险化学品经营许可证（带储存）)
    serves: Serves = []


# issue 21 (agrochemicals): where the bidder serves a county's townships beside its outlets (a cooperating
# 农资门店 taking reports and empty containers, where technicians are stationed in the season), matched by
# `place` against the delivery place as an outlet's reach is
class ServicePoint(Strict):
    place: str = Text  # 禾丰县
    name: str = Text  # the store or station (禾丰县城关街道惠农农资门市部)
    covers: list[str] = Field(min_length=1)  # the townships its technicians serve, its own first
    phone: str = Text
    technicians: int = Field(ge=1, le=50)  # stationed there in the season, from the outlet serving the place
    serves: Serves = []


class Certificate(Strict):
    name: str = Text
    number: str = Text
    issuer: str = Text
    serves: Serves = []


# issue 15 (content): a maker's authorisation when the bidder sells and services products it does not make:
# the letter's number, what it covers, until when, and the after-sales backing the maker gives
class Authorisation(Strict):
    manufacturer: str = Text  # 深圳迈瑞生物医疗电子股份有限公司
    letter: str = Text  # the authorisation letter's number
    scope: str = Text  # the products and services authorised (销售、安装和售后服务)
    valid_until: dt.date
    backing: list[str] = Field(min_length=1)  # what the maker does behind the bidder (原厂工程师二线支持……)
    serves: Serves = []


class Charges(Strict):
    """Out-of-warranty prices the bidder quotes: labour, call-out fee and the parts discount."""

    labour: int = Field(gt=0, le=100000)  # 元 per labour_unit
    labour_unit: Literal["小时", "人天"] = "小时"
    call_out: int = Field(default=0, ge=0, le=100000)  # 元 per visit in the delivery city; 0: free
    parts_discount: int = Field(ge=50, le=100)  # parts at this percentage of the maker's list price


class Penalties(Strict):
    """违约金 the bidder accepts per breach of a time limit, in 元; a proposal lists those whose
    commitment it makes (no arrival penalty where nothing is repaired on site)."""

    response_per_hour: int | None = Field(default=None, gt=0, le=100000)
    arrival_per_hour: int | None = Field(default=None, gt=0, le=100000)
    resolution_per_day: int | None = Field(default=None, gt=0, le=1000000)
    delivery_per_day: int | None = Field(default=None, gt=0, le=1000000)
    # supplies: an urgent order promised in hours (紧急订单4小时) is late by the hour, not by the day
    urgent_delivery_per_hour: int | None = Field(default=None, gt=0, le=100000)
    # plants: each day a dead plant stays unreplaced past the deadline, per plant; and each
    # percentage point the survival rate falls short at the end of the care period, in 元
    replant_per_day: int | None = Field(default=None, gt=0, le=100000)
    survival_per_point: int | None = Field(default=None, gt=0, le=10000000)
    # supplies: a batch found unqualified costs this share of its price on top of the exchange
    quality_percent: int | None = Field(default=None, gt=0, le=100)
    # a repair promised in hours (一级故障4小时内排除) may be late by the hour instead of by the day
    resolution_per_hour: int | None = Field(default=None, gt=0, le=100000)
    # each scheduled visit (巡检、维护保养) not made in its period
    inspection_missed: int | None = Field(default=None, gt=0, le=1000000)

    @model_validator(mode="after")
    def _one_resolution_rate(self) -> Penalties:
        if self.resolution_per_hour and self.resolution_per_day:
            raise ValueError("resolution_per_hour（按小时）和 resolution_per_day（按天）只能写其一")
        # security (fifth read): a fault left unresolved keeps the units down, which weighs no less than an
        # engineer arriving late; an hour of the one cannot cost less than an hour of the other
        if self.resolution_per_hour and self.arrival_per_hour and self.resolution_per_hour < self.arrival_per_hour:
            raise ValueError(f"排除故障逾期每小时的违约金（resolution_per_hour：{self.resolution_per_hour}元）"
                             f"不能低于到场逾期每小时的违约金（arrival_per_hour：{self.arrival_per_hour}元）")
        return self


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
    warehouses: list[Warehouse] = []  # supplies: stock is kept there, never at an outlet's office
    service_points: list[ServicePoint] = []  # issue 21: township points beside the outlets
    duty_rota: list[DutyShift] = []  # issue 15 (it-equipment): 值班与替岗
    # issue 15 (content): the makers' authorisations of a distributor (none: the bidder makes what it sells)
    authorisations: list[Authorisation] = []
    charges: Charges | None = None
    penalties: Penalties | None = None
    commitments: CommitmentsInput = CommitmentsInput.model_construct()
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


class ServiceTarget(Strict):
    """An operating figure the type promises beside the commitments (software: 系统可用率, RTO, RPO)."""

    name: str = Text  # 系统可用率
    value: str = Text  # 不低于99.9%
    note: str = Text  # how it is measured or met


class MaintenanceCycle(Strict):
    period: str = Text  # 半月, 季度: a cycle the trade's rules prescribe (电梯: TSG T5002)
    items: str = Text


class SiteCrew(Strict):
    """Works cared for daily (绿化养护): the crew stationed on site for the care period, where it works
    from, and the machines it keeps there."""

    workers: int = Field(ge=1, le=500)
    station: str = Text  # 滨河公园内设立的养护工作站
    machinery: list[str] = Field(min_length=1)  # 洒水车2辆, 绿篱机4台


class Standard(Strict):
    item: str = Text  # 覆盖率, 修剪高度
    standard: str = Text  # what is committed for it


class SparePart(Strict):
    name: str = Text
    quantity: int = Field(ge=1, le=100000)
    unit: str = Text  # 个, 套, 株


class Variant(Strict):
    """What one kind of the type's products adds, chosen by words of the tender's `products`: an
    electric car's 三电系统 warranty and battery checks, a fuel car's engine oil and gearbox. A variant
    without `when` is the default, chosen when no other variant's words are there. Its lists are
    added to the type's own; its commitments are a layer between the type's defaults and the
    bidder's (a kind taken whole, as every layer)."""

    when: list[str] = []  # words of the tender's products (纯电动, 柴油)
    # words of the purchaser's name or the project's (中学, 幼儿园): a variant for the kind of site the goods
    # serve, chosen beside the goods' variants, never instead of them
    where: list[str] = []
    default: bool = False  # chosen when the tender's products name no variant
    commitments: CommitmentsInput = CommitmentsInput.model_construct()
    maintenance_items: list[str] = []
    maintenance_schedule: list[MaintenanceCycle] = []  # an escalator's own cycles beside a lift's
    spare_parts_list: list[SparePart] = []
    # security (fifth read): what a kind adds to the equipment lent while a repair overruns (an access-control
    # purchase's 人脸识别终端), so the lent equipment covers every kind whose failure is a level-one fault
    backup_items: list[str] = []
    exclusions: list[str] = []
    regulations: list[str] = []
    visit_topics: list[str] = []
    emergencies: list[str] = []
    # issue 15 (core-people): a variant's own duties, site rules and promises (an electric car's
    # high-voltage work), added to the type's as its other lists are
    team_duties: list[str] = []
    staff_rules: list[str] = []
    letter_promises: list[str] = []
    # issue 15 (variants): what a kind of the type's products says instead of the type's own wording:
    # its faults (by level), its phrases for the type's text fields (charged_items, first_measures …)
    # and its own breaches. The type's wording is written to fit every product of the type; where
    # two chosen variants give different wording for one level or field, the type's stays.
    faults: list[Fault] = []
    texts: dict[str, str] = {}
    liability_items: dict[str, str] = {}
    # issue 15 (variants2): a kind's own confidential matters and safeguards (a uniform's 量体数据), added to
    # the type's as its other lists are, and its own survey items (item: what is judged)
    confidential: list[str] = []
    confidential_measures: list[str] = []
    survey_items: dict[str, str] = {}
    # issue 15 (reader): a variant for one part of a purchase (a crane beside the machine tools, a robot
    # cell) that leaves the default variant chosen (a factory's production wording) rather than replacing it
    adds_to_default: bool = False
    # issue 15 (fixes): a kind's own service-quality targets (a display's 像素完好比例), added to the type's
    quality_targets: list[QualityTarget] = []
    # issue 15 (lighting): a kind's own training courses, replacing the type's course for the same
    # audience (as faults replace by level; where two chosen variants differ the type's stays, so the
    # hours the training commitment is checked against keep), and its own assessments, added to the type's
    training_topics: list[TrainingTopic] = []
    training_assessment: list[str] = []
    field_courses: list[FieldCourse] = []  # issue 21: a kind's own course for the users in the field (熏蒸作业)
    # issue 21 (agrochemicals, second read): a kind of goods' own rules of use and storage (pesticides: 桶混、
    # 安全间隔期; fertilisers: 测土定量、追施), so a purchase of one kind is not told how to use the other
    use_rules: list[UseRule] = []
    storage_rules: list[str] = []
    # issue 15 (display): a variant for products bought together (lamps and a display), chosen whenever
    # every variant it combines is: its commitments come after theirs (a warranty per product) and its
    # wording for a field takes the place of the other chosen variants' (a priority naming both); never
    # chosen by words
    combines: list[str] = []
    # issue 15 (display): a part bought beside either kind (poles beside lamps or a display) adds its phrase
    # to the field's wording, whichever variant's or the type's is chosen, instead of replacing it
    adds_texts: dict[str, str] = {}


_VARIANT_LISTS = ("maintenance_items", "maintenance_schedule", "spare_parts_list", "backup_items", "exclusions", "regulations", "visit_topics", "emergencies",
                  "team_duties", "staff_rules", "letter_promises", "confidential", "confidential_measures",
                  "quality_targets",  # issue 15 (fixes)
                  "training_assessment",  # issue 15 (lighting)
                  "field_courses",  # issue 21
                  "use_rules", "storage_rules")  # issue 21 (second read)


# issue 15 (variants): the text fields of a product type a variant's `texts` may give its own wording for.
# issue 15 (lighting): `noun` may be reworded (灯具 → 灯具及显示屏 when a display is bought too): the type's
# `name`, id and vocabulary stay what the checker and the clause lint know the type by, and `measure_word`
# stays, so the counted noun (套灯具) keeps its measure word
_NOT_VARIANT_TEXTS = ("id", "name", "measure_word")


def variant_text_fields() -> frozenset[str]:
    return frozenset(name for name, info in ProductType.model_fields.items()
                     if info.annotation in (str, "str") and name not in _NOT_VARIANT_TEXTS)


# issue 21 (agrochemicals): a crop the supplies are bought for, named by words of the tender's project name
# or products, with its control windows (防治适期): what is controlled, with what, and what the field
# guidance in the window stresses; whole phrases without figures
class WindowTask(Strict):
    """What one kind of goods does in a control window: a proposal lists only the goods the tender buys."""

    supply: str = Text  # the goods, as the table names them (杀菌剂, 配方复合肥)
    when: list[str] = Field(min_length=1)  # words of the tender's goods naming it (杀菌剂; 复合肥, 配方肥)
    targets: str = Text  # what it is used against or for (纹枯病; 拔节期追肥)
    guidance: str = Text  # what the guidance stresses (施药时机、用量、桶混)
    # third read: a pesticide's mode-of-action group (三唑类（FRAC 3）): the type's `rotation_windows` limits
    # how many consecutive windows of a crop one group (else one `supply`) may be scheduled in; a fertiliser's
    # task (its `supply` names 肥) is not limited
    group: str = ""

    @property
    def rotation_key(self) -> str | None:
        """What the rotation rule counts this task as: its group, else its goods; None for a fertiliser."""
        if self.group:
            return self.group
        return None if "肥" in self.supply else self.supply


class ControlWindow(Strict):
    stage: str = Text  # 返青至拔节期
    tasks: list[WindowTask] = Field(min_length=1)

    def bought(self, purchased: str) -> ControlWindow | None:
        """The window with only the tasks of goods `purchased` names; None when it names none of them."""
        tasks = [task for task in self.tasks if any(word in purchased for word in task.when)]
        return self.model_copy(update={"tasks": tasks}) if tasks else None


class Crop(Strict):
    name: str = Text  # 小麦
    when: list[str] = Field(min_length=1)  # words naming it in the tender (小麦, 冬小麦)
    windows: list[ControlWindow] = Field(min_length=1)
    # fifth read: when the crop's supplies are in demand (返青拔节期的追肥和穗期的集中防治), in place of the
    # type's all-season `peak_demand` (春耕、夏管和秋冬种) when the proposal lists the crop
    peak_demand: str = ""

    def bought(self, purchased: str) -> Crop:
        """The crop's windows as a purchase of `purchased` serves them: only the tasks of the goods bought and
        the windows that have some. Goods named in words no task knows keep every task (the tender says too
        little to choose)."""
        windows = [w for w in (window.bought(purchased) for window in self.windows) if w is not None]
        return self.model_copy(update={"windows": windows}) if windows else self


# issue 21 (agrochemicals): a rule of using the products (桶混与复配, 安全间隔期, 轮换用药), and a course for the
# users in the field, timed by the season rather than by days of a classroom course (hence no hours)
class UseRule(Strict):
    name: str = Text
    text: str = Text  # whole sentences without figures
    # fifth read: words of the control windows' stages a rule belongs to (播种, 苗期): listed, the rule is given
    # only when a window of a crop the proposal lists names one (a wheat crop sown before the purchase, guided
    # from 返青 on, is told nothing of 基肥 and 种肥); a proposal listing no crop gives every rule
    stages: tuple[str, ...] = ()  # a tuple: rules are told apart by hashing

    def applies(self, crops: list[Crop]) -> bool:
        return not self.stages or not crops or any(
            word in window.stage for crop in crops for window in crop.windows for word in self.stages)


# issue 21 (second read): a class of the type's goods, known by words of an item's name, with the document
# that carries its registration (农药登记证): the proposal's per-product table names each item's class and,
# unless the tender's item gives the number itself, where the number is given; registrations are never made up
class GoodsClass(Strict):
    when: list[str] = Field(min_length=1)  # words of an item's name (杀菌剂; 复合肥, 配方肥)
    category: str = Text  # 农药（杀菌剂）, 肥料（复混肥料）
    certificate: str = Text  # where its number is given: 农药登记证, 肥料登记证或所执行的产品标准
    # third read: what the sample of each delivery of the class is tested for (复混肥料: 总养分、单一养分、
    # 氯离子): the proposal's arrival-sampling plan lists it for the classes bought; "" for none of its own
    checks: str = ""


class FieldCourse(Strict):
    audience: str = Text  # 农户和种植大户
    timing: str = Text  # 每个防治适期开始前
    venue: str = Text  # 各乡镇配送点和田间地头
    content: str = Text
    method: str = Text


# issue 15 (supplies): a quality problem a supply meets in use, how it is verified and what is done
class QualityIssue(Strict):
    problem: str = Text  # 无菌包装破损、漏气
    check: str = Text  # 对照实物与封存的同批次产品查看包装
    remedy: str = Text  # 整批停用，免费换发新批次


# issue 15 (content): a way the trade serves beside the hotline and the visit on request, in the place
# of 远程支持 where problems are not judged from afar (巡查养护, 上门更换, 送货到科室, 田间技术指导)
class ServiceMode(Strict):
    name: str = Text  # the sub-section's title in 服务方式
    text: str = Text  # what is done, whole sentences without figures


# issue 15 (content): a measurable service target of the trade (按时到达率, 一次修复率, 按时交货率), shown in
# 服务质量指标 with how it is counted; a target that is itself a commitment (成活率, 年开机率) names its kind
# instead of a value, so the figure is the committed one wherever it is stated
PERCENT_KINDS = tuple(name for name, kind in KINDS.items() if kind.type == "percentage")


class QualityTarget(Strict):
    name: str = Text  # 一次修复率
    value: str = ""  # 不低于90%; empty when `kind` gives it
    kind: str = ""  # a percentage commitment (survival_rate, uptime)
    measure: str = Text  # what is counted, from which records

    @model_validator(mode="after")
    def _value_or_kind(self) -> QualityTarget:
        if bool(self.value) == bool(self.kind):
            raise ValueError("服务质量指标须写明目标值（value）或所对应的承诺种类（kind），二者只写其一")
        if self.kind and self.kind not in PERCENT_KINDS:
            raise ValueError(f"承诺种类“{self.kind}”不是比例类承诺，可写：" + "、".join(PERCENT_KINDS))
        return self


Item = TypeVar("Item", bound=BaseModel)


def _replaced(own: list[Item], given: list[list[Item]], key: Callable[[Item], str],
              preferred: list[list[Item]] | None = None) -> list[Item]:
    """The type's items with each one the chosen variants give for its key (a fault's level, a course's
    audience) in its place, when they give one or all give the same; keys only variants give are added.
    issue 15 (it-equipment): what a chosen combination (`preferred`) gives for a key takes the place of what
    the variants it combines give, as its texts do (a scanner's and an array's 二级 in one wording)."""
    preferred = preferred or []
    by_key = {key(item): item for item in own}
    for name in dict.fromkeys(key(item) for items in [*given, *preferred] for item in items):
        pool = [items for items in preferred if any(key(item) == name for item in items)] or given
        # distinct by equality of their fields (model_dump_json would build each class's serializer first)
        alike: list[Item] = []
        for item in (item for items in pool for item in items if key(item) == name):
            if item not in alike:
                alike.append(item)
        if len(alike) == 1:
            by_key[name] = alike[0]
    return list(by_key.values())


def _lent(items: list[str]) -> str:
    """security (fifth read): the equipment lent while a repair overruns, from its kinds (摄像机、硬盘录像机)."""
    listed = "、".join(items[:-1]) + "或" + items[-1] if len(items) > 1 else items[0]
    return "性能不低于原配置的备用" + listed


def _with_phrases(wording: str, phrases: list[str]) -> str:
    """A field's wording with the phrases variants add to it, before its closing full stop."""
    stop = "。" if wording.endswith("。") else ""
    return "，".join([wording.removesuffix("。"), *dict.fromkeys(phrases)]) + stop


class ProductType(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str = Text  # 信息化设备
    noun: str = Text  # 设备
    measure_word: str = Text  # 台
    warranty_word: Literal["质保期", "保修期", "保质期", "有效期", "养护期"]  # 有效期: 医疗器械、消毒产品
    uptime_word: Literal["开机率", "完好率"] = "开机率"  # how the trade names uptime (电梯: 完好率)
    capabilities: list[Capability] = Field(min_length=1)
    vocabulary: list[str] = Field(min_length=1)
    commitments: CommitmentsInput
    training_topics: list[TrainingTopic] = []
    maintenance_items: list[str] = []
    faults: list[Fault] = []
    exclusions: list[str] = []  # 除外责任 specific to the trade
    spare_parts_list: list[SparePart] = []  # stocked for the project at the outlet nearest the site
    maintenance_schedule: list[MaintenanceCycle] = []  # items per prescribed maintenance cycle
    regulations: list[str] = []  # laws, rules and standards of the trade the proposal is written to
    # the basic laws beside 民法典 and 政府采购法 (software: 网络安全法, 数据安全法; plants: 种子法), and the
    # documents the work follows beside them; empty: the maker's technical documents
    laws: list[str] = Field(default=["《中华人民共和国产品质量法》"], min_length=1)
    basis_documents: str = ""
    # the trade's word for the scheduled visits (电梯: 维护保养, 绿化: 巡查); empty: 巡检
    inspection_word: str = ""
    delivery_word: str = ""  # what the delivery period is called (软件: 交付期, 绿化: 施工工期); empty: 供货期
    installation_word: str = ""  # what setting it up is called (软件: 部署调试); empty: 安装调试
    delivery_until: str = ""  # what ends it (完成软件交付); empty: 送达指定地点
    # works: what counts as an urgent and as an ordinary problem, and what is done first at a
    # hazard (绿化: 倒伏的树木、断枝); empty: the wording of the clause family
    urgent_problems: str = ""
    minor_problems: str = ""
    first_aid: str = ""
    # works: what a repair or replanting uses, and the standard the upkeep follows (绿化: 同品种、规格不低于
    # 原设计的苗木, CJJ/T 287 一级养护); empty: the wording of building works (与原工程相同或更优的材料)
    repair_materials: str = ""
    work_standard: str = ""
    material_check: str = ""  # what is shown and checked before they are used; empty: 合格证明
    site_crew: SiteCrew | None = None
    # areas judged by cover, not by count (草坪、地被): what is committed for them, row by row
    area_standards: list[Standard] = []
    # what a service record identifies each unit by, and what is lent while a repair overruns
    record_fields: str = "型号、序列号、安装位置"
    backup_item: str = "性能不低于原配置的备用品"
    # security (fifth read): the kinds of equipment lent, the type's and its chosen variants' together; when
    # given, they make `backup_item` (性能不低于原配置的备用摄像机、硬盘录像机或人脸识别终端)
    backup_items: list[str] = []
    backup_word: str = ""  # the short noun for what is lent (代步车, 备用机); empty: the generic 备用品
    # what a return visit asks about, and what the trade keeps confidential (patient data, building
    # plans, source code); empty: the wording of the clause family
    visit_topics: list[str] = []
    confidential: list[str] = []
    # issue 15 (core-trust): the trade's own matters in the clauses every type shares (服务理念与原则,
    # 保密承诺, 投诉处理程序, 回访与满意度调查, 服务方式); each empty: the wording of the clause family.
    # 服务理念与原则: what a failure costs the purchaser (the opening), how the family's service idea
    # (先预防、快响应、闭环办) reads for the trade, the service goal
    service_stakes: str = ""
    service_idea: str = ""
    service_goal: str = ""
    # 保密: where the staff work and what they see there; the trade's own safeguards (标签：内容。);
    # where the staff go only with the purchaser's people; what the service report's photographs may show
    confidential_setting: str = ""
    confidential_measures: list[str] = []
    restricted_areas: str = ""
    site_photos: str = ""
    # 投诉: what the purchaser may complain of, what an investigation checks, what a complaint of the
    # trade's regulated matters (不良事件, 电梯安全隐患, 药害) also sets off (a whole sentence)
    complaint_matters: str = ""
    complaint_evidence: str = ""
    complaint_report: str = ""
    # 回访: the follow-up after a job (a whole sentence); the survey's own items (item: what is judged)
    visit_after: str = ""
    survey_items: dict[str, str] = {}
    # 服务方式: what the purchaser's staff check first on the phone, what the hotline answers, how a
    # problem is judged from afar, what is done on site (equipment: on finishing a repair; goods and
    # consumables: on checking the goods), what is done without being asked, what the technicians
    # bring to the site
    phone_checks: str = ""
    phone_questions: str = ""
    remote_means: str = ""
    onsite_practice: str = ""
    proactive_service: str = ""
    site_kit: str = ""
    service_targets: list[ServiceTarget] = []  # operating figures shown in the type's own section
    cold_chain: bool = False  # some products need refrigerated storage and transport
    hazardous: bool = False  # some products are hazardous chemicals (flammable, corrosive, oxidising)
    emergencies: list[str] = []  # situations of the trade that start the emergency plan
    # where a repair is done: on site (the default) or at the maker's authorised service station,
    # where the unit is driven or towed (vehicles): 进站、试车、交车 rather than 上门、演示、送回原处
    repair_at: Literal["site", "workshop"] = "site"
    # 特种设备 (elevators): only licensed maintenance workers troubleshoot; the purchaser's staff only
    # take the steps of `user_first_steps` and wait, and remote means monitoring and dispatch
    special_equipment: bool = False
    user_first_steps: str = ""  # 安抚被困乘客、在层站设置警示标志: all the purchaser's staff may do
    # what the law requires around an installation (电梯: 施工告知, 监督检验申请); empty: nothing
    installation_formalities: list[str] = []
    # rules the trade's products are not bound by in a public purchase but that the bidder follows
    # by reference (公务用车: 家用汽车三包规定); cited as 参照, never as the basis
    reference_rules: list[str] = []
    # issue 15 (core-people): what the trade's own people do and are bound by, what its training aims
    # at and how it is assessed, the trade's own breaches and the promises of its 承诺书; each is
    # written as whole sentences without figures (figures come from the commitments); empty: the
    # wording of the clause family
    team_duties: list[str] = []  # 服务组织: what the executing staff do for this trade, one duty each
    staff_rules: list[str] = []  # 人员管理: certificates and site rules of the trade (持证、作业规定)
    training_aim: str = ""  # 培训计划: what the purchaser's staff can do afterwards
    training_assessment: list[str] = []  # 培训计划: how each audience is assessed
    # 违约责任: situation → what the bidder bears (冷链中断的批次 → 整批退换), without figures
    liability_items: dict[str, str] = {}
    letter_promises: list[str] = []  # 售后服务承诺书: the trade's own promises beside the figures
    dispatch_rule: str = ""  # 服务网络: what the dispatcher sends first, and whom (困人报警不排队…)
    # 服务承诺一览表: when the arrival time applies (车辆: 需道路救援或到场处置时); empty: 远程无法解决、需到现场处理时
    arrival_when: str = ""
    batch_documents: str = ""  # consumables: the papers each batch comes with; empty: 合格证明和检验报告
    # issue 15 (supplies): the trade's own quality, storage, supply and return matters, so the consumables'
    # and goods' general clauses say what this trade meets instead of the same words for every supply
    quality_standard: str = ""  # consumables: what the products' quality is measured against
    price_rule: str = ""  # consumables: how the price follows a public price (集中带量采购) during the contract
    label_items: str = ""  # consumables: what each package is labelled with
    arrival_checks: list[str] = []  # consumables: what makes a delivery refused on arrival
    quality_issues: list[QualityIssue] = []  # consumables: the quality problems of the trade in use
    test_body: str = ""  # consumables: who tests a disputed batch, and for what
    exchange_rule: str = ""  # consumables: what may be exchanged without a quality fault
    storage_rules: list[str] = []  # consumables: how the products are stored
    peak_demand: str = ""  # consumables: when the purchaser's use peaks (stock is raised ahead of it)
    transport_care: str = ""  # consumables: what carrying the products guards against
    order_details: str = ""  # consumables: what an urgent order is confirmed by (品种、适配机型、数量…)
    quality_criteria: str = ""  # goods: what counts as a quality problem in normal use
    repair_scope: str = ""  # goods: what is repaired on site and what is taken away
    replacement_match: str = ""  # goods: what a replacement matches (同款同色, 同批次面料)
    acceptance_papers: str = ""  # goods: the test reports and papers handed over for acceptance
    wear_items: str = ""  # goods: the parts that wear in normal use and are not warranted
    # issue 15 (it-equipment): the one rule for what the parts replaced within the warranty and the stocked spares
    # are (同型号的原厂全新部件), stated alike in both sections; empty: the clauses' general wording
    parts_rule: str = ""
    # issue 15 (it-equipment, third reading): the maker's support a fault the bidder cannot clear in time is
    # escalated to (所供设备生产企业的原厂技术支持), named by kind, never by a maker's name; empty: the type states
    # none, and only a bidder's authorisations (their manufacturers) bring an escalation step
    maker_support: str = ""
    # issue 15 (equipment): what the equipment clauses say of the trade itself rather than of any
    # product; each is a phrase that fits the clause's sentence, empty: the clause's general wording.
    # first_measures, drills and charged_items serve the general clauses of goods and works as well;
    # the equipment warranty's wear parts come from wear_items above.
    site_checks: str = ""  # what the survey before installation checks (安装位置、空间尺寸、供电容量……)
    installers: str = ""  # who installs and what they hold (持证电工、生产企业授权工程师……)
    # the care of the purchaser's premises while installing, a phrase ending in who repairs a damage; empty: the
    # wording of trades that work on walls and floors (墙面、地面). IT equipment is set on desks and in racks
    site_care: str = ""
    # how a repair's safety-relevant work is done; empty: the wording of trades that work at height or on live
    # installations (警示标识、两名以上人员协同作业)
    safe_work: str = ""
    acceptance_documents: str = ""  # what is handed in for acceptance beside the packing list
    handover_documents: str = ""  # the technical records handed over after acceptance
    remote_diagnosis: str = ""  # how a fault is looked into before anyone is sent (故障代码、运行日志……)
    repair_check: str = ""  # what shows a repair is done before the purchaser signs (试运行、检测……)
    charged_items: str = ""  # what is usually charged for once the warranty is over
    first_measures: str = ""  # what the purchaser's staff do first in an emergency, before we arrive
    unpacking_checks: str = ""  # what is checked as the units are unpacked, beside the count (倾斜指示标签……)
    repair_precautions: str = ""  # which steps of a repair need the purchaser's consent first
    trial_run: str = ""  # what commissioning and the trial run consist of (保压检漏、空运转和负荷试车……)
    site_rules: str = ""  # how a repair visit behaves where the unit stands (院感要求、机房登记……)
    # what becomes of the parts a site repair replaces, where not all are simply taken away (a
    # ventilator's filters and flow sensors are clinical waste of the hospital's)
    used_parts: str = ""
    # the bidder installs the lightning protection and earthing of outdoor parts (cameras' poles, street lights):
    # lightning damage is then not excluded where that protection fell short of its design
    installs_lightning_protection: bool = False
    # security (fifth read): the goods make one system (安防系统), whose warranty is the whole system's: a batch
    # accepted early does not start its own warranty before the final acceptance of the whole
    warranty_whole_system: bool = False
    analysis_topics: str = ""  # what the periodic operating analysis reports on (亮灯率、录像完整率……)
    outside_checks: str = ""  # checks by others the acceptance may need (计量检定、放射防护检测……)
    busy_periods: str = ""  # when the purchaser leans on the units most and asks for a check first
    drills: str = ""  # what the emergency drills rehearse (困人救援、制冷剂泄漏……)
    priorities: str = ""  # what an emergency restores first (急诊和手术使用的设备……)
    incident_reporting: str = ""  # what the report after an emergency adds for the trade (不良事件上报……)
    warranty_covers: str = ""  # what the warranty takes in (室内外机、管路和控制系统……)
    free_support: str = ""  # a service of the trade still free once the warranty is over
    # issue 15 (content): 服务方式 follows the trade. 远程支持 is written only where a problem can be
    # judged from afar (software, 特种设备 monitoring, or `remote_means`: logs, fault codes, a platform);
    # plants, textiles, furniture and supplies instead send photos on the hotline and have their own modes
    service_modes: list[ServiceMode] = []
    # 服务质量指标: the trade's measurable targets, and the report they are stated in (empty: 季度服务报告)
    quality_targets: list[QualityTarget] = []
    quality_report: str = ""
    # issue 21 (second read): the period the service's statistics are gathered in where the service is organised by
    # season rather than by quarter (防治适期); empty: 季度
    report_period: str = Field(default="", max_length=12)
    # issue 20 (medical): the scheduled visit's own note and scope, the wear parts it renews free within
    # the warranty, and how the training reaches every shift and goes on afterwards; each a phrase or
    # whole sentence without figures, empty: the clause's general wording
    inspection_note: str = ""  # 服务承诺一览表: the visit row's 说明 (empty: 上门检查，出具书面记录)
    inspection_scope: str = ""  # the visit's section: what every visit covers and how each unit is recorded
    maintenance_parts: str = ""  # 免费服务内容: the maintenance parts the scheduled visits renew free
    training_batches: str = ""  # 培训计划: how the courses reach every shift and each kind of unit
    training_followup: str = ""  # 后续培训: what follows within the warranty (refresher, newcomers), after "保修期内，"
    # issue 20 (goods): how a goods trade settles a problem and names its own work, so the goods clauses
    # keep one figure per fact (repair, adjustment and exchange from stock within the resolution time; the
    # delivery period only for what is made anew) and use the trade's words; each a phrase without
    # figures, empty: the goods clauses' general wording
    stock_exchange: str = ""  # what is exchanged from stock within the resolution time (常规款式的桌椅、柜体)
    made_to_order: str = ""  # what has to be made anew, within the delivery period (按房间尺寸定制的柜体)
    stand_in: str = ""  # what is lent free while it is made (同类临时桌椅); empty: nothing is lent
    request_word: str = ""  # what a problem report is called (质量反馈; its work is then 返修, not 维修); empty: 报修
    spares_word: str = ""  # what the stocked parts are called (备用成品与辅料); empty: 备品备件
    piece_rates: str = ""  # how work after the warranty is priced (按件计价……); empty: the bidder's hourly labour charge
    warranty_restart: str = ""  # what restarts the warranty, a whole sentence; empty: a repaired part's
    # consumables: the one rule for products near their expiry (who warns, what is exchanged free), whole
    # sentences stated once in 储存与使用指导 and referred to elsewhere; empty: the family's wording
    near_expiry: str = ""
    # issue 20 (outlets): what the bidder's outlets are called in this trade; the one serving the project
    # is named the same way in every section (湘源授权服务站, not 湘源服务网点 here and 湘源服务站 there)
    outlet_word: str = Field(default="服务网点", min_length=2, max_length=8)
    # the goods family's motto in the trade's words (纺织品不“修”: 送装到位、调换及时、件件有回音); empty: the family's
    service_motto: str = Field(default="", max_length=30)
    # issue 21 (agrochemicals): supplies timed by the crop calendar: the crops (chosen by the tender's words),
    # the rules of use, the courses for the users in the field, and when a replacement goes as an urgent
    # order (a phrase, 防治适期内: a window closes before a regular delivery would arrive); empty: none
    crops: list[Crop] = []
    # third read: the most consecutive control windows of a crop that one mode-of-action group may be scheduled
    # in (1: never in two adjacent windows), as the type's 轮换用药 rule says; a build refuses a schedule that
    # exceeds it (resolve/presence.rotation_problem). None: not checked
    rotation_windows: int | None = Field(default=None, ge=1, le=6)
    use_rules: list[UseRule] = []
    field_courses: list[FieldCourse] = []
    season_exchange: str = ""
    goods_classes: list[GoodsClass] = []  # issue 21 (second read): the classes of the type's goods, by item name
    variants: dict[str, Variant] = {}  # kinds of the type's products (vehicles: electric, fuel)
    _chosen: tuple[str, ...] = PrivateAttr(default=())  # the variants for_products() added

    @property
    def remote_support(self) -> bool:
        """issue 15 (content): whether 服务方式 offers 远程支持 (a problem judged from logs, codes or a platform)."""
        return self.has("software") or self.special_equipment or bool(self.remote_means)

    @property
    def lends_backup(self) -> bool:
        """Whether a stand-in is lent while a repair overruns: not for 特种设备 (a lift is not lent)."""
        return not self.special_equipment

    @property
    def ships_for_repair(self) -> bool:
        """Whether a unit may be taken away to a repair centre (返修周期 from 取件): not a lift, and
        not a car, which is driven or towed to the service station and repaired there."""
        return self.repair_at == "site" and not self.special_equipment

    @model_validator(mode="after")
    def _no_commitment_the_trade_cannot_keep(self) -> ProductType:
        given = self.commitments.given()
        wrong = [kind for kind, allowed in (("backup_equipment", self.lends_backup),
                                            ("repair_turnaround", self.ships_for_repair))
                 if kind in given and not allowed]
        if wrong:
            raise ValueError(f"该产品类型（{'特种设备' if self.special_equipment else '进站维修'}）不应设置承诺："
                             + "、".join(wrong))
        return self

    # issue 15 (content): a quality target stated by its commitment needs that commitment in the type's defaults
    @model_validator(mode="after")
    def _quality_targets_name_given_commitments(self) -> ProductType:
        given = self.commitments.given()
        wrong = [t.kind for t in self.quality_targets if t.kind and t.kind not in given]
        if wrong:
            raise ValueError("服务质量指标所对应的承诺在本产品类型的默认承诺中没有：" + "、".join(wrong))
        return self

    # issue 15 (variants): a variant's texts name text fields of the type (not its id, name or measure word)
    @model_validator(mode="after")
    def _variant_texts_name_text_fields(self) -> ProductType:
        wrong = [f"{name}.texts.{key}" for name, v in self.variants.items() for key in v.texts
                 if key not in variant_text_fields()]
        if wrong:
            raise ValueError("变体的 texts 只能改写产品类型的文字字段（如 charged_items、first_measures），"
                             "以下不是：" + "、".join(wrong))
        return self

    # issue 15 (display): a combination names other variants of the type, and a part's phrases name text fields
    @model_validator(mode="after")
    def _variant_combinations_and_phrases(self) -> ProductType:
        wrong = [f"{name}.combines.{part}" for name, v in self.variants.items() for part in v.combines
                 if part not in self.variants or part == name or self.variants[part].combines]
        wrong += [f"{name}.adds_texts.{key}" for name, v in self.variants.items() for key in v.adds_texts
                  if key not in variant_text_fields()]
        if wrong:
            raise ValueError("变体的 combines 只能列出本类型其他不是组合的变体，adds_texts 只能为产品类型的文字字段"
                             "补充措辞，以下不是：" + "、".join(wrong))
        return self

    def crops_for(self, words: str, purchased: str) -> list[Crop]:
        """issue 21: the crops the tender's project name and products name (小麦“一喷三防”物资), each with the
        tasks of the goods `purchased` in its control windows."""
        return [crop.bought(purchased) for crop in self.crops if any(word in words for word in crop.when)]

    # security (fifth read): the type's own kinds of lent equipment make its wording (the variants' are added
    # to them in for_products)
    @model_validator(mode="before")
    @classmethod
    def _lent_from_kinds(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("backup_items") and "backup_item" not in data:
            return {**data, "backup_item": _lent(list(data["backup_items"]))}
        return data

    def in_season(self, crops: list[Crop]) -> ProductType:
        """fifth read: the type as a proposal listing `crops` shows it: only the rules of use for the stages
        their windows cover, and the crops' times of demand in place of the type's."""
        update: dict[str, object] = {}
        rules = [rule for rule in self.use_rules if rule.applies(crops)]
        if rules != self.use_rules:
            update["use_rules"] = rules
        if crops and all(crop.peak_demand for crop in crops):
            update["peak_demand"] = "、".join(dict.fromkeys(crop.peak_demand for crop in crops))
        return self.model_copy(update=update) if update else self

    def goods_class(self, name: str) -> GoodsClass | None:
        """issue 21 (second read): the class an item named `name` belongs to, the first whose words it contains."""
        return next((c for c in self.goods_classes if any(word in name for word in c.when)), None)

    def variants_for(self, products: str, site: str = "") -> list[str]:
        """The variants a tender's `products` (纯电动公务轿车) names, else the default ones, then those its
        `site` (the purchaser's and the project's names: 第三中学) names, then the combinations of those."""
        named = [name for name, v in self.variants.items() if any(word in products for word in v.when)]
        if all(self.variants[name].adds_to_default for name in named):  # none named, or only add-ons
            named += [name for name, v in self.variants.items() if v.default and name not in named]
        named += [name for name, v in self.variants.items() if name not in named and any(word in site for word in v.where)]
        return named + [name for name, v in self.variants.items() if v.combines and set(v.combines) <= set(named)]

    def variants_for_tender(self, tender: Tender) -> list[str]:
        return self.variants_for(tender.purchased, tender.site)

    def for_tender(self, tender: Tender) -> ProductType:
        """The type as the tender's proposal shows it: the variants its goods and its site choose."""
        return self.for_products(tender.purchased, tender.site)

    def for_products(self, products: str, site: str = "") -> ProductType:
        """The type as a proposal for these products (at this site) shows it: the chosen variants' lists added."""
        names = self.variants_for(products, site)
        chosen = [self.variants[name] for name in names]
        if not chosen:
            return self
        update: dict[str, object] = {
            field: list(dict.fromkeys([*getattr(self, field), *(x for v in chosen for x in getattr(v, field))]))
            for field in _VARIANT_LISTS}
        # issue 15 (variants): texts and faults one chosen variant gives (or all give alike) replace the type's;
        # issue 15 (display): a chosen combination's wording replaces the other chosen variants'
        for key in dict.fromkeys(key for v in chosen for key in v.texts):
            giving = [v for v in chosen if key in v.texts]
            given = {v.texts[key] for v in ([v for v in giving if v.combines] or giving)}
            if len(given) == 1:
                update[key] = given.pop()
        for key in dict.fromkeys(key for v in chosen for key in v.adds_texts):  # a part's phrase after the wording
            phrases = [v.adds_texts[key] for v in chosen if key in v.adds_texts]
            wording = str(update.get(key, getattr(self, key)) or "")
            # security (fifth read): a field the type leaves empty (wear_items) is the phrases alone, listed
            update[key] = _with_phrases(wording, phrases) if wording else "、".join(dict.fromkeys(phrases))
        lent = [str(kind) for kind in cast("list[object]", update["backup_items"])]
        if lent:
            update["backup_item"] = _lent(lent)
        update["faults"] = _replaced(self.faults, [v.faults for v in chosen if not v.combines], lambda f: f.level,
                                     [v.faults for v in chosen if v.combines])
        # issue 15 (lighting): a course one chosen variant gives (or all give alike) for an audience replaces the type's
        update["training_topics"] = _replaced(self.training_topics, [v.training_topics for v in chosen],
                                              lambda t: t.audience)
        update["liability_items"] = {**self.liability_items, **{k: x for v in chosen for k, x in v.liability_items.items()}}
        update["survey_items"] = {**self.survey_items, **{k: x for v in chosen for k, x in v.survey_items.items()}}
        specialised = self.model_copy(update=update)
        specialised._chosen = tuple(names)
        return specialised

    @property
    def backup_noun(self) -> str:
        return self.backup_word or "备用品"

    def has(self, capability: str) -> bool:
        return capability in self.capabilities

    def wants(self, serves: Serves) -> bool:
        """Whether a team member or certificate declared for `serves` belongs in this type's proposal."""
        return (not serves or self.id in serves or any(cap in self.capabilities for cap in serves)
                or any(f"{self.id}:{variant}" in serves for variant in self._chosen))
