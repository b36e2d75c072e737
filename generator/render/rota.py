"""issue 15 (it-equipment): the duty rota (值班与替岗) as the organisation section prints it.

A shift names people of the bidder's team; the proposal shows the shifts its product type wants, each
person with their post (陈思远（售后服务经理）). A 暗标 names no one: posts only, with how many hold it.
Whether every named person is in the proposal's team is checked before rendering (presence.rota_problem)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.models.parties import Bidder, ProductType, TeamMember


@dataclass(frozen=True)
class RotaRow:
    period: str
    task: str
    on_duty: str  # 刘嘉宁、孙晓东（技术支持工程师，按周轮值）
    backup: str


def _people(names: list[str], team: list[TeamMember], anonymous: bool, rotation: str = "") -> str:
    """The people with their posts, in the order the shift names them (王一鸣（客服专员）；韩立峰（网点负责人）),
    and how several share the shift: 刘嘉宁、孙晓东（技术支持工程师，按周轮值）, 暗标 技术支持工程师（2名，按周轮值）."""
    by_name = {m.name: m for m in team}
    posts: dict[str, list[str]] = {}
    for name in names:
        posts.setdefault(by_name[name].role, []).append(name)
    shared = rotation if rotation and len(names) > 1 else ""
    if anonymous:
        notes = {role: "，".join(x for x in (f"{len(held)}名" if len(held) > 1 else "", shared) if x)
                 for role, held in posts.items()}
        return "、".join(f"{role}（{notes[role]}）" if notes[role] else role for role in posts)
    # names first: a narrow cell then breaks after a name, not inside one (售后服务经理：陈 / 思远)
    return "；".join(f"{'、'.join(held)}（{role}{'，' + shared if shared else ''}）" for role, held in posts.items())


def rota_rows(bidder: Bidder, product: ProductType, anonymous: bool) -> list[RotaRow]:
    """The shifts `product` wants, for a `bidder` whose team is already the one this proposal shows."""
    rows = []
    for shift in bidder.duty_rota:
        if not product.wants(shift.serves):
            continue
        rows.append(RotaRow(shift.period, shift.task, _people(shift.on_duty, bidder.team, anonymous, shift.rotation),
                            _people(shift.backup, bidder.team, anonymous)))
    return rows

