"""Where the bidder really is: the outlet nearest the delivery place, and the promises that follow.

A proposal may only promise what its outlets can keep. The outlet nearest the delivery place is
the one in the same city (its `city` is named in the place), else the one whose `reach` lists the
place with the shortest travel time. A city-tier (市区) or untiered on-site promise shorter than the
travel time needs a local outlet or 驻场 staff (`resident_staff` in the tender); one of at most
SHORT_PROMISE_HOURS with no outlet known to reach the place is refused as well. A 直辖市 has no
province: its 省内 tier is read as the 郊区 tier (adapted in resolve.for_place). At a site in the city
of a local outlet, a product kept where it is installed is always visited within the city tier:
the farther region tiers of its promises can never apply and are left out (for_site), except the
ones the tender asks to be answered; the same holds at a site an outlet elsewhere reaches in less
than the city tier's time (reach: 青禾县, 1 hour, against 市区2小时). A fault level's arrival (一级
1小时) is a city-tier promise too, checked against the travel time like the others.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from generator.core.errors import Problem, display_path
from generator.core.kinds import BACKUP_EQUIPMENT, ONSITE_ARRIVAL, TRAINING
from generator.core.quantities import Duration, Quantity, QuantityError
from generator.models.commitments import Tiers
from generator.models.parties import Bidder, Outlet, ProductType, Reach, TeamMember
from generator.models.tiers import parse_tier

if TYPE_CHECKING:
    from generator.load.project import Inputs
    from generator.models.tender import Tender
    from generator.resolve.commitments import Commitments

MUNICIPALITIES = ("北京", "上海", "天津", "重庆")
CITY_REGIONS = frozenset({"市区", "主城区", "城区", "市内", "本市"})
# a delivery place naming one of these lies outside the city proper, whatever outlet is near
RURAL_WORDS = ("县", "乡", "镇")
HOURS_PER_TRAINING_DAY = (6, 8)  # a training day holds 6 to 8 class hours
# An on-site promise this short must be shown to be reachable (a local outlet, a known travel
# time, or 驻场 staff) even when no outlet states its reach; longer ones are only checked against
# a travel time the profile states (drafts from `tender extract` name places no profile knows).
SHORT_PROMISE_HOURS = 1


def is_municipality(place: str) -> bool:
    """A 直辖市 delivery place: “天津市南开区…”, “北京市海淀区…”."""
    return place.strip().startswith(tuple(f"{city}市" for city in MUNICIPALITIES))


@dataclass(frozen=True)
class Nearest:
    """The outlet that serves the delivery place, with how far it is when the profile says so."""

    outlet: Outlet
    local: bool  # in the delivery city
    reach: Reach | None

    @property
    def travel(self) -> Duration | None:
        return travel_time(self.reach)

    @property
    def distance(self) -> str:
        """“距禾丰县约36公里、车程约50分钟” from another city; “距交货地点约9公里、车程约30分钟” from
        an outlet in the delivery city (not “距临州市约9公里” of an outlet inside 临州市); “与交货地点位于
        同一城市” without figures."""
        if self.reach is None:
            return "与服务地点位于同一城市" if self.local else ""
        km = f"{self.reach.distance_km:g}"
        place = "服务地点" if self.local else self.reach.place
        return f"距{place}约{km}公里、车程约{self.reach.travel}"


def travel_time(reach: Reach | None) -> Duration | None:
    if reach is None:
        return None
    try:
        return Duration.parse(reach.travel)
    except QuantityError:
        return None


def nearest_outlet(bidder: Bidder, place: str) -> Nearest | None:
    """The local outlet, else the outlet whose reach names the place with the shortest travel."""
    reaches = [(o, r) for o in bidder.outlets for r in o.reach if r.place in place]
    local = [o for o in bidder.outlets if o.city in place]
    if local:
        outlet = local[0]
        reach = next((r for o, r in reaches if o is outlet), None)
        return Nearest(outlet, True, reach)
    if not reaches:
        return None
    outlet, reach = min(reaches, key=lambda pair: (travel_time(pair[1]) or Duration(9999, "小时")).hours or 0)
    return Nearest(outlet, False, reach)


def regions_of(qualifier: str | None) -> set[str]:
    return {word for dim, word in parse_tier(qualifier) if dim == "region"}


def city_tier(qualifier: str | None) -> bool:
    """A value that holds in the delivery city: untiered, or tiered by a city region word."""
    regions = regions_of(qualifier)
    return not regions or bool(regions & CITY_REGIONS)


def in_outlet_city(nearest: Nearest | None, place: str) -> bool:
    """The delivery place lies in the city of a local outlet, in none of its counties or towns:
    every visit to it is a visit within the city (the 市区 tier). Not said of a 直辖市, whose 郊区
    districts are part of the same city: which tier applies there depends on the district."""
    return (nearest is not None and nearest.local and not is_municipality(place)
            and not any(word in place for word in RURAL_WORDS))


def reached_within_city_tier(nearest: Nearest | None, place: str, commitments: Commitments) -> bool:
    """An outlet elsewhere whose stated travel time to the site is shorter than every city-tier arrival
    promise (临州 → 青禾县, 1 hour, against 市区2小时): the bidder serves the site at the city tier, and
    says so, rather than leave a county hospital to wonder whether 市区 or 省内 applies to it."""
    if nearest is None or nearest.local or is_municipality(place) or nearest.travel is None:
        return False
    arrival = commitments.kinds.get("onsite_arrival")
    city = [v for q, v in arrival.values.items() if city_tier(q) and regions_of(q)] if arrival else []
    return bool(city) and all(isinstance(v, Duration) and nearest.travel.compare(v) == -1 for v in city)


def for_site(commitments: Commitments, tender: Tender, product: ProductType, bidder: Bidder) -> Commitments:
    """The commitments as they apply at this tender's site. A product that stays where it is
    installed (repair_at site), delivered in the city of a local outlet or reached from an outlet
    elsewhere within the city tier's time, is always reached within the city tier: a kind tiered by
    region keeps its city tier and drops 省内、省外 and the like, which could never apply — unless the
    tender asks about that region (a requirement's or scoring item's qualifier names it), since the
    偏离表 and the 评分点 must answer it. At a site not reached within the city tier, every region tier
    stays and the backup unit's time follows the arrival's (backup_after_arrival). Vehicles (repair_at
    workshop) travel, so all their region tiers stay."""
    nearest = nearest_outlet(bidder, tender.delivery_place)
    if product.repair_at != "site":
        return commitments
    if not (in_outlet_city(nearest, tender.delivery_place)
            or reached_within_city_tier(nearest, tender.delivery_place, commitments)):
        return backup_after_arrival(commitments)
    asked = {(item.kind, word) for item in tender.requirements for word in regions_of(item.qualifier)}
    asked |= {(item.kind, word) for item in tender.scoring for word in regions_of(item.qualifier)}
    kinds = dict(commitments.kinds)
    for kind, resolved in commitments.kinds.items():
        if not any(regions_of(q) & CITY_REGIONS for q in resolved.values):
            continue  # no city tier to take (untiered, or tiered by level or component only)
        kept = {q: v for q, v in resolved.values.items()
                if city_tier(q) or any((kind, word) in asked for word in regions_of(q))}
        if len(kept) < len(resolved.values):
            kinds[kind] = replace(resolved, values=Tiers(kept, getattr(resolved.values, "starts", None),
                                                         getattr(resolved.values, "replant_within", None)))
    return replace(commitments, kinds=kinds)


def backup_after_arrival(commitments: Commitments) -> Commitments:
    """issue 15 (security, third reading): a backup unit is brought and installed by our own people, so it
    never comes earlier than they can arrive. Where the on-site promise is tiered by region and a tier's
    arrival is later than the backup time (省内6小时 against 2小时), the backup time is tiered alike and
    takes the arrival's time in that tier (“市区2小时、省内6小时”); nearer tiers keep the backup's own time."""
    backup, arrival = commitments.kinds.get(BACKUP_EQUIPMENT), commitments.kinds.get(ONSITE_ARRIVAL)
    if backup is None or arrival is None or list(backup.values) != [None]:
        return commitments
    own = backup.values[None]
    regions = {q: v for q, v in arrival.values.items() if regions_of(q)}
    if not isinstance(own, Duration) or not any(isinstance(v, Duration) and v.compare(own) == 1
                                                 for v in regions.values()):
        return commitments
    tiered: dict[str | None, Quantity] = {q: (v if isinstance(v, Duration) and v.compare(own) == 1 else own)
                                          for q, v in regions.items()}
    kinds = dict(commitments.kinds)
    kinds[BACKUP_EQUIPMENT] = replace(backup, values=Tiers(tiered))
    return replace(commitments, kinds=kinds)


def arrival_problem(bidder: Bidder, place: str, resident_staff: int,
                    arrivals: list[tuple[str | None, Duration]]) -> str | None:
    """Why the city on-site promise cannot stand (None when it can): no local outlet and no
    驻场 staff, and the nearest outlet is farther than the promise (or not known to reach it)."""
    if resident_staff > 0 or not arrivals:
        return None
    nearest = nearest_outlet(bidder, place)
    if nearest is not None and nearest.local:
        return None
    city = [(q, v) for q, v in arrivals if city_tier(q)]
    if not city:
        return None
    qualifier, promise = min(city, key=lambda pair: pair[1].hours or 0)
    stated = f"{qualifier or ''}{promise}"
    if nearest is None:
        if (promise.hours or 0) > SHORT_PROMISE_HOURS:
            return None
        return (f"到达现场承诺“{stated}”：投标人在交货地点“{place}”所在城市没有服务网点，"
                f"也没有网点在 reach 中写明到该地的距离和车程，无法说明如何按时到场")
    travel = nearest.travel
    if travel is not None and travel.compare(promise) == 1:
        return (f"到达现场承诺“{stated}”短于最近网点（{nearest.outlet.city}，{nearest.distance}）的车程，"
                f"且交货地点所在城市没有网点或驻场人员")
    return None


def training_problem(product: ProductType, training: Duration | None) -> str | None:
    """Whether the training days and the class hours of the training table agree."""
    if training is None or not product.training_topics:
        return None
    total = sum(t.hours for t in product.training_topics)
    if training.unit == "天":
        low, high = (training.value * h for h in HOURS_PER_TRAINING_DAY)
        if not low <= total <= high:
            return (f"培训承诺为{training}，按每天{HOURS_PER_TRAINING_DAY[0]}至{HOURS_PER_TRAINING_DAY[1]}课时应安排"
                    f"{low:g}至{high:g}课时，而培训课程（training_topics）合计{total:g}课时")
    elif training.hours is not None and abs(training.hours - total) > 0.01:
        return f"培训承诺为{training}，而培训课程（training_topics）合计{total:g}课时"
    return None


def base_of(bidder: Bidder, member: TeamMember) -> Outlet | str | None:
    """Where `member` is based: one of the bidder's outlets (by its `city`), the bidder's `service_center`, or
    None when the profile does not say (or names a place it lacks: base_problems)."""
    if member.based_at is None:
        return None
    outlet = next((o for o in bidder.outlets if o.city == member.based_at), None)
    if outlet is not None:
        return outlet
    return bidder.service_center if member.based_at == bidder.service_center else None


def based_at_outlet(bidder: Bidder, outlet: Outlet) -> list[TeamMember]:
    """The members of the bidder's team based at `outlet`."""
    return [m for m in bidder.team if m.based_at == outlet.city]


def base_problems(inputs: Inputs) -> list[Problem]:
    """A member's `based_at` must name one of the bidder's outlets (its `city`) or its `service_center`."""
    bidder: Bidder = inputs.bidder.model
    known = [o.city for o in bidder.outlets]
    problems = []
    for index, member in enumerate(bidder.team):
        if member.based_at is None or base_of(bidder, member) is not None:
            continue
        problems.append(Problem(
            inputs.bidder.path,
            f"人员“{member.name}”的常驻地点“{member.based_at}”既不是 outlets 中某一网点的所在地（city），"
            f"也不是 service_center（{bidder.service_center}）",
            inputs.bidder.line_of("team", index, "based_at"), field=f"team[{index}].based_at",
            hint=f"based_at 写网点的 city（{'、'.join(known)}）或 service_center 的全称；常驻地点不定的，删去 based_at"))
    return problems


def stationed_problem(bidder: Bidder, product: ProductType, place: str) -> str | None:
    """issue 21: the technicians the township points of the place are given in the season come from the outlet
    serving it; with the team members based at that outlet (`based_at`), more than its staff would be people the
    bidder does not have. Members based elsewhere, or whose base is not given, are not counted there."""
    points = [p for p in bidder.service_points if p.place in place and product.wants(p.serves)]
    if not points:
        return None
    stationed = sum(p.technicians for p in points)
    nearest = nearest_outlet(bidder, place)
    if nearest is None:
        return f"服务点（service_points）驻点技术人员共{stationed}名，但没有服务网点在“{place}”当地或在 reach 中写明到该地的车程"
    # every member based there is one of its staff, whatever product type the member serves
    team = len(based_at_outlet(bidder, nearest.outlet))
    if stationed + team > nearest.outlet.staff:
        return (f"服务点（service_points）驻点技术人员共{stationed}名，与 team 中常驻{nearest.outlet.city}网点（based_at）的"
                f"{team}名人员合计{stationed + team}名，多于该网点的服务人员{nearest.outlet.staff}名")
    return None


def overstaffed_problems(inputs: Inputs) -> list[Problem]:
    """More team members based at an outlet (`based_at`) than the outlet's `staff`: the proposal would name
    people at the outlet beyond those it says it has."""
    bidder: Bidder = inputs.bidder.model
    problems = []
    for index, outlet in enumerate(bidder.outlets):
        based = based_at_outlet(bidder, outlet)
        if len(based) > outlet.staff:
            problems.append(Problem(
                inputs.bidder.path,
                f"team 中常驻{outlet.city}网点（based_at: {outlet.city}）的有{len(based)}名（"
                + "、".join(m.name for m in based) + f"），多于该网点的服务人员{outlet.staff}名",
                inputs.bidder.line_of("outlets", index, "staff"), field=f"outlets[{index}].staff",
                hint="在 outlets 中写明该网点的实际人数，或改正这些人员的 based_at"))
    return problems


def total_training_hours(product: ProductType) -> float:
    return sum(t.hours for t in product.training_topics)


def resident_members(bidder: Bidder, product: ProductType, count: int) -> list[TeamMember]:
    """Who is stationed at the purchaser's site (驻场) when the tender asks for `count` resident staff: the
    first `count` members of the team marked `resident: true` whose `serves` fits the product type (an
    empty `serves` fits every type), in the profile's order. Fewer than `count`: see resident_problem."""
    return [m for m in bidder.team if m.resident and product.wants(m.serves)][:count]


def resident_problem(inputs: Inputs) -> Problem | None:
    """A tender asking for more resident staff than the bidder's team can name: refused rather than
    promise people the profile does not have."""
    tender: Tender = inputs.tender.model
    product = inputs.product.model.for_tender(tender)
    named = resident_members(inputs.bidder.model, product, tender.resident_staff)
    if len(named) >= tender.resident_staff:
        return None
    return Problem(inputs.bidder.path,
                   f"招标项目要求驻场人员{tender.resident_staff}名（{display_path(inputs.tender.path)} 的 resident_staff），"
                   f"而投标人资料的 team 中可驻场（resident: true）且适用于产品类型“{product.name}”的人员只有{len(named)}名",
                   inputs.bidder.line_of("team"), field="team",
                   hint=(f"在 team 中为能够常驻采购人现场的人员写 resident: true（其 serves 应为空或含“{product.id}”），"
                         "或增加这样的人员；不能派驻的，减少招标项目文件的 resident_staff"))


def rota_problem(bidder: Bidder, product: ProductType) -> str | None:
    """issue 15 (it-equipment): a shift the proposal shows must name people of its staffing table: not a name the
    team lacks, not a member whose `serves` is another type's, and not one person both on duty and standing in.
    Checked here rather than in the model, so that a bad name (a template payload) is reported as itself."""
    shown = {m.name for m in bidder.team if product.wants(m.serves)}
    known = {m.name for m in bidder.team}
    faults = []
    for index, shift in enumerate(bidder.duty_rota):
        if not product.wants(shift.serves):
            continue
        names = list(dict.fromkeys([*shift.on_duty, *shift.backup]))
        unknown = [n for n in names if n not in known]
        unshown = [n for n in names if n in known and n not in shown]
        both = [n for n in shift.on_duty if n in shift.backup]
        if unknown:
            faults.append(f"第{index + 1}项的" + "、".join(unknown) + "不在 team 中")
        if unshown:
            faults.append(f"第{index + 1}项的" + "、".join(unshown) + f"其 serves 不适用于产品类型“{product.name}”，方案的人员配置表中没有")
        if both:
            faults.append(f"第{index + 1}项中" + "、".join(both) + "既是值班人员又是备班人员")
    return "值班表（duty_rota）" + "；".join(faults) if faults else None


def rotation_problems(inputs: Inputs) -> list[Problem]:
    """agrochemicals, third read: the control windows the proposal schedules (the crops the tender names, the
    tasks of the goods it buys) must keep the type's 轮换用药 rule: one mode-of-action group (else one kind of
    goods) in no more consecutive windows of a crop than `rotation_windows` allows. Fertilisers are not counted."""
    tender: Tender = inputs.tender.model
    product: ProductType = inputs.product.model
    limit = product.rotation_windows
    if limit is None:
        return []
    problems: list[Problem] = []
    words = f"{tender.project_name}、{tender.purchased}"
    for index, crop in enumerate(product.crops):
        if not any(word in words for word in crop.when):
            continue
        shown = crop.bought(tender.purchased)
        stages = [w.stage for w in shown.windows]
        keys = [{t.rotation_key for t in w.tasks} - {None} for w in shown.windows]
        for key in sorted({k for ks in keys for k in ks if k}):
            run: list[str] = []
            longest: list[str] = []
            for stage, ks in zip(stages, keys, strict=True):
                run = [*run, stage] if key in ks else []
                longest = run if len(run) > len(longest) else longest
            if len(longest) <= limit:
                continue
            first = next(i for i, w in enumerate(crop.windows) if w.stage == longest[0])
            problems.append(Problem(
                inputs.product.path,
                f"crops 中“{crop.name}”的“{key}”排在连续{len(longest)}个防治适期（" + "、".join(longest) + "），"
                f"多于 rotation_windows 允许的{limit}个，与轮换用药的规则不符",
                inputs.product.line_of("crops", index, "windows", first), field=f"crops[{index}].windows",
                hint=("相邻适期改用作用机理不同的药剂：为各适期的 tasks 写明 group（作用机理类别）并按有效成分写 when，"
                      "或调整 rotation_windows 与用药规则“轮换用药”的说法一致")))
    return problems


def presence_problems(inputs: Inputs, commitments: Commitments) -> list[Problem]:
    """Promises the bidder's outlets, people and training plan cannot back, each with its file."""
    tender: Tender = inputs.tender.model
    bidder: Bidder = inputs.bidder.model
    product: ProductType = inputs.product.model
    problems: list[Problem] = []
    arrival = commitments.kinds.get("onsite_arrival")
    if arrival is not None:
        durations = [(q, v) for q, v in arrival.values.items() if isinstance(v, Duration)]
        # a fault level's arrival (一级 1小时, in the city tier) is a city promise as well, often the strictest
        durations += [(f"{name}故障", level.onsite_arrival) for name, level in commitments.fault_levels.items()
                      if isinstance(level.onsite_arrival, Duration)]
        message = arrival_problem(bidder, tender.delivery_place, tender.resident_staff, durations)
        if message:
            problems.append(Problem(arrival.source.path, message, arrival.source.line, field="onsite_arrival",
                                    hint=(f"在投标人资料 {display_path(inputs.bidder.path)} 的 outlets 中增设当地网点或写明 reach"
                                          "（到该地的距离和车程），或在招标项目文件中写明驻场人员 resident_staff，"
                                          "或在 overrides 中放宽到场时限")))
    training = commitments.kinds.get(TRAINING)
    if training is not None:
        value = next(iter(training.values.values()), None)
        # issue 15 (lighting): the courses as the proposal shows them (a variant's course replaces the type's)
        message = training_problem(product.for_tender(tender), value if isinstance(value, Duration) else None)
        if message:
            problems.append(Problem(inputs.product.path, message, inputs.product.line_of("training_topics"),
                                    field="training_topics",
                                    hint=f"调整课程课时，或把培训承诺（{training.source}）改为与课时相符的天数"))
    # issue 15 (content): a maker's authorisation the proposal states must still hold on the bid's date
    for index, auth in enumerate(bidder.authorisations):
        if product.wants(auth.serves) and auth.valid_until < tender.date:
            problems.append(Problem(inputs.bidder.path,
                                    f"{auth.manufacturer}的授权书（{auth.letter}）有效期至{auth.valid_until:%Y年%-m月%-d日}，"
                                    f"早于投标日期{tender.date:%Y年%-m月%-d日}，方案不能以其作为原厂授权",
                                    inputs.bidder.line_of("authorisations", index, "valid_until"),
                                    field=f"authorisations[{index}].valid_until",
                                    hint="取得续期的授权书后更新 letter 和 valid_until，或删去该授权"))
    problems += base_problems(inputs)
    problems += overstaffed_problems(inputs)
    resident = resident_problem(inputs)
    if resident is not None:
        problems.append(resident)
    message = stationed_problem(bidder, product, tender.delivery_place)
    if message:
        problems.append(Problem(inputs.bidder.path, message, inputs.bidder.line_of("service_points"),
                                field="service_points",
                                hint="减少服务点的驻点技术人员（technicians）或常驻该网点的人员，或在 outlets 中写明该网点的实际人数"))
    problems += rotation_problems(inputs)
    message = rota_problem(bidder, product.for_tender(tender))
    if message:
        problems.append(Problem(inputs.bidder.path, message, inputs.bidder.line_of("duty_rota"), field="duty_rota",
                                hint="值班和备班人员写 team 中适用于本产品类型的人员的姓名，同一时段不重复，"
                                     "或为该时段写明 serves"))
    if not [m for m in bidder.team if product.wants(m.serves)]:
        problems.append(Problem(inputs.bidder.path, f"投标人资料中没有适用于产品类型“{product.name}”的服务人员",
                                inputs.bidder.line_of("team"), field="team",
                                hint=f"在 team 中增加人员，或在某人员的 serves 中加上“{product.id}”"))
    return problems
