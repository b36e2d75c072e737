"""The proposal's two charts: the service flow (报修 → 响应 → 到场 → 处理 → 验收 → 回访, with the
commitments' own times) and the service organisation (service centre, head, team, outlets).

Each chart is a PNG picture when a font that draws Chinese is found (generator.pictures.fonts);
otherwise it is given as a Word table with the same content, and the build says so: a chart with
tofu boxes must never reach a submitted bid. The org chart goes at the end of the first subsection
of the organisation clause (组织架构), the flowchart at the end of the first subsection of the
fault-handling clause (处理流程) or, for trades without one, of the quality/returns or service-modes
clause.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.core.kinds import HOTLINE, ONSITE_ARRIVAL, RESOLUTION, RESPONSE
from generator.pictures import CHART_WIDTH_CM
from generator.render.blocks import Block, Heading, Paragraph, Picture, Table
from generator.render.context import team_head

ORG_CATEGORIES = ("organisation",)
FLOW_CATEGORIES = ("fault_handling", "quality_returns", "service_modes")  # first present wins
HIDDEN = "略"  # a 暗标 shows no names
NO_FONT_NOTICE = ("未找到可显示中文的字体，服务流程图和组织机构图改以表格形式给出；安装中文字体"
                  "（如 Debian/Ubuntu 的 fonts-noto-cjk）或设置环境变量 AFTERSALES_CJK_FONT 后重新生成，即可得到图片")


TOO_WIDE_NOTICE = "服务团队岗位较多，组织机构图画不下，已改以表格形式给出"


@dataclass(frozen=True)
class Figures:
    """The charts of one proposal as blocks, how each was made ("png" or "table"), and what the
    build should tell the user about it."""

    org: tuple[Block, ...]
    flow: tuple[Block, ...]
    notice: str | None = None
    # what each chart shows, said in the sentence that introduces it (本项目由…全面负责，下设…)
    org_lead: str = "本项目的售后服务组织机构"
    flow_lead: str = "每一次服务的处理流程"

    def record(self) -> dict[str, object]:
        """manifest.json's `pictures`."""
        def form(blocks: tuple[Block, ...]) -> str:
            return "png" if isinstance(blocks[0], Picture) else "table"

        return {"organisation": form(self.org), "flow": form(self.flow), "notice": self.notice}


def flow_steps(context: dict[str, Any]) -> list[tuple[str, tuple[str, ...]]]:
    """(title, short phrases) of each step, in the commitments' own values: one phrase per tier."""
    c, has = context["c"], context["has"]
    repair = has["onsite_repair"]  # a fault someone comes to clear; software is diagnosed remotely first
    remote = has["software"] and not repair

    def within(kind: str) -> tuple[str, ...]:
        return tuple(f"{qualifier}{value}内" for qualifier, value in c[kind].items())

    steps: list[tuple[str, tuple[str, ...]]] = [("报修受理" if repair else "问题受理",
              (f"{c[HOTLINE]}" if HOTLINE in c else "电话或书面", "受理登记"))]
    if RESPONSE in c:
        steps.append(("响应", (*within(RESPONSE), "远程诊断" if repair or remote else "核实情况")))
    if ONSITE_ARRIVAL in c:  # only equipment repaired on site is always visited; others when needed
        steps.append(("到场", (*within(ONSITE_ARRIVAL), "到达现场")) if repair
                     else ("按需到场", ("远程无法解决时" if remote else "需现场处置时", *within(ONSITE_ARRIVAL))))
    if RESOLUTION in c:
        steps.append(("处理", (*within(RESOLUTION), "排除故障" if repair else "恢复正常使用" if remote else "处理完毕")))
    elif has["consumable"]:
        steps.append(("处理", ("核查原因", "按约定退换货")))
    else:
        steps.append(("处理", ("按约定处理",)))
    steps.append(("验收", ("采购人确认", "签字后关单")))
    # what the return-visit clause promises: a follow-up after every closed order (事后回访) and,
    # when the commitments set a frequency, a periodic visit besides
    periodic = ("定期回访", f"{c['return_visit']}") if "return_visit" in c else ()
    steps.append(("回访", ("关单后事后回访", *periodic, "记录归档")))
    return steps


def org_parts(context: dict[str, Any]) -> tuple[str, tuple[str, ...], list[tuple[str, ...]], list[str]]:
    """Service centre, the head's lines, one box per post under the head, one text per outlet."""
    bidder = context["bidder"]
    team = list(bidder.team)
    head = team_head(team)
    posts: dict[str, list[str]] = {}
    for member in team:
        if member is not head:
            posts.setdefault(member.role, []).append(member.name)
    groups = [(role, *_people(names)) for role, names in posts.items()]
    head_lines = (head.role,) if head.name == HIDDEN else (head.role, head.name)
    outlets = [f"{o.city}网点（{o.staff}人）" for o in bidder.outlets]
    return bidder.service_center, head_lines, groups, outlets


def _people(names: list[str]) -> tuple[str, ...]:
    """The lines under a post: its people (one line for two, one each for more), or their count in a 暗标."""
    if any(n == HIDDEN for n in names):
        return (f"{len(names)}人",)
    return ("、".join(names),) if len(names) <= 2 else tuple(names)


def make_figures(context: dict[str, Any]) -> Figures:
    from generator.pictures.cached import charts

    steps = flow_steps(context)
    centre, head, groups, outlets = org_parts(context)
    org_table = _org_table(centre, head, groups, outlets)
    leads = {"org_lead": _org_lead(head, groups, outlets), "flow_lead": _flow_lead(steps)}
    drawn = charts((steps, centre, head, groups, outlets), lambda: _draw(steps, centre, head, groups, outlets))
    if drawn is None:
        return Figures(org_table, _flow_table(steps), NO_FONT_NOTICE, **leads)
    flow_png, org_png = drawn
    flow = Picture(flow_png, CHART_WIDTH_CM, "售后服务流程图：" + "→".join(t for t, _ in steps))
    if org_png is None:  # never a clipped chart
        return Figures(org_table, (flow,), TOO_WIDE_NOTICE, **leads)
    org = Picture(org_png, CHART_WIDTH_CM, "售后服务组织机构图：" + "，".join([centre, *head, *(r for r, *_ in groups)]))
    return Figures((org,), (flow,), **leads)


def _draw(steps: list[tuple[str, tuple[str, ...]]], centre: str, head: tuple[str, ...],
          groups: list[tuple[str, ...]], outlets: list[str]) -> tuple[bool, tuple[bytes, bytes | None] | None]:
    """(whether the result may be cached, (flow PNG, org PNG or None when too wide) or None without a font)."""
    from generator.pictures.cached import known_font
    from generator.pictures.fonts import cjk_font, covers

    every_text = "".join([*(t + "".join(d) for t, d in steps), centre, *head, *("".join(g) for g in groups), *outlets])
    font = cjk_font()
    if font is None or not covers(font, every_text):
        return known_font(font), None
    from generator.pictures.charts import ChartTooWide, FlowStep, OrgChart, flowchart_png, orgchart_png

    flow_png = flowchart_png([FlowStep(t, d) for t, d in steps], font)
    try:
        org_png: bytes | None = orgchart_png(OrgChart(centre, head, tuple(groups), tuple(outlets)), font)
    except ChartTooWide:
        org_png = None
    return known_font(font), (flow_png, org_png)


def _org_lead(head: tuple[str, ...], groups: list[tuple[str, ...]], outlets: list[str]) -> str:
    """本项目的售后服务由项目负责人全面负责，下设维修工程师、培训讲师等岗位，依托2个服务网点就近提供服务，
    组织机构 (the caller adds 如图1所示)."""
    posts = "、".join(group[0] for group in groups[:3]) + ("等" if len(groups) > 3 else "")
    text = f"本项目的售后服务由{head[0]}全面负责" + (f"，下设{posts}岗位" if posts else "")
    return text + (f"，依托{len(outlets)}个服务网点就近提供服务" if outlets else "") + "，组织机构"


def _flow_lead(steps: list[tuple[str, tuple[str, ...]]]) -> str:
    """每一次服务的主要节点（报修受理、响应、到场、处理、验收和回访）及其时限 (the chart's own boxes; the clause
    beside it may list finer steps, so no count is given)."""
    titles = [title for title, _ in steps]
    return f"每一次服务的主要节点（{'、'.join(titles[:-1])}和{titles[-1]}）及其时限"


def _flow_table(steps: list[tuple[str, tuple[str, ...]]]) -> tuple[Block, ...]:
    rows = tuple((str(i), title, "，".join(phrases)) for i, (title, phrases) in enumerate(steps, 1))
    return (Table(("序号", "环节", "时限与要求"), rows),)


def _org_table(centre: str, head: tuple[str, ...], groups: list[tuple[str, ...]],
               outlets: list[str]) -> tuple[Block, ...]:
    rows = [("调度与监督", centre), ("项目负责", "　".join(head))]
    rows += [("服务人员", lines[0] + "　" + "、".join(lines[1:])) for lines in groups]
    rows.append(("服务网点", "、".join(outlets)))
    return (Table(("层级", "组成"), tuple(rows)),)


def numbered(blocks: tuple[Block, ...], number: int, name: str, lead: str) -> list[Block]:
    """A chart with its lead-in sentence and caption: 图1　售后服务组织机构图."""
    if isinstance(blocks[0], Picture):
        picture = blocks[0]
        return [Paragraph(f"{lead}如图{number}所示。"),
                Picture(picture.png, picture.width_cm, picture.alt, f"图{number}　{name}")]
    return [Paragraph(f"{lead}见下表。"), *blocks]


def place(blocks: list[Block], figure: list[Block]) -> list[Block]:
    """The clause's blocks with the figure at the end of its first subsection (before its second
    heading), or at the end of the clause when it has fewer than two headings."""
    headings = [i for i, block in enumerate(blocks) if isinstance(block, Heading)]
    at = headings[1] if len(headings) >= 2 else len(blocks)
    return blocks[:at] + figure + blocks[at:]
