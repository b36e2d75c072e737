"""Fixtures for the clause library tests: an approved project copy and small inline library trees."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from generator.models.clause import body_hash

ROOT = Path(__file__).resolve().parents[2]

APPROVER = "李敏"


def reset_to_draft(path: Path) -> None:
    """Drop a clause's approval record and mark it draft, as if legal had never seen it."""
    out: list[str] = []
    skipping = False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("approval:"):
            skipping = True
            continue
        if skipping and line.startswith((" ", "\t")):
            continue
        skipping = False
        out.append("status: draft\n" if line.startswith("status:") else line)
    path.write_text("".join(out), encoding="utf-8")


@pytest.fixture
def drafts(project: Path) -> Path:
    """The project copy with every clause back in draft."""
    for path in (project / "clauses").rglob("*.yaml"):
        reset_to_draft(path)
    return project


@pytest.fixture
def approved(drafts: Path) -> Path:
    """The project copy with every clause approved by APPROVER, file by file (no lint: `approve`
    itself, with its lint gate, is tested on its own)."""
    from generator.library.approve import approvable, approve_file
    from generator.library.repository import load_library

    project = drafts
    for loaded in load_library(project).clauses:
        if approvable(loaded):
            approve_file(loaded, APPROVER)
    return project


def clause_yaml(clause_id: str, body: str, *, uses: str = "[]", extra: str = "", status: str = "draft",
                category: str = "principles") -> str:
    """A clause file; `body` is dedented and indented under `body: |`."""
    lines = textwrap.dedent(body).strip("\n").splitlines()
    indented = "\n".join(f"  {line}" if line.strip() else "" for line in lines)
    return (f"id: {clause_id}\ntitle: 测试条款{clause_id}\ncategory: {category}\nversion: 1\nstatus: {status}\n"
            f"{extra}uses: {uses}\nbody: |\n{indented}\n")


PRODUCT_ALPHA = """\
id: alpha
name: 甲类设备
noun: 设备
measure_word: 台
warranty_word: 质保期
capabilities: [onsite_repair, installation]
vocabulary: [服务器, 交换机]
commitments:
  response: 30分钟
  onsite_arrival: 2小时
  resolution: 24小时
  hotline: 7×24
  warranty: 3年
"""

PRODUCT_BETA = """\
id: beta
name: 乙类物资
noun: 物资
measure_word: 批
warranty_word: 保质期
capabilities: [consumable]
vocabulary: [消毒液, 有效氯]
commitments:
  response: 2小时
  hotline: 5×8
  shelf_life: 2年
"""


def bidder_yaml() -> str:
    from generator.models.parties import credit_code_check_char

    first17 = "91110108MA01RT7K0"
    return f"""\
id: testco
legal_name: 测试科技有限公司
short_name: 测试科技
credit_code: {first17}{credit_code_check_char(first17)}
legal_representative: 张三
address: 北京市海淀区测试路1号
hotline: 400-000-0000
email: service@example.com
service_center: 测试科技客户服务中心
outlets:
  - {{city: 北京, address: 北京市海淀区测试路1号, phone: 010-0000-0000, staff: 3}}
team:
  - {{role: 服务经理, name: 王五, qualification: 工程师, years: 5, duty: 统筹售后服务}}
"""


@pytest.fixture
def mini(tmp_path: Path):
    """A factory for a tiny project: two product types, one bidder, and the given clause files."""

    def make(clauses: dict[str, str]) -> Path:
        root = tmp_path / "mini"
        (root / "profiles" / "products").mkdir(parents=True)
        (root / "profiles" / "bidders").mkdir(parents=True)
        (root / "clauses").mkdir()
        (root / "profiles" / "products" / "alpha.yaml").write_text(PRODUCT_ALPHA, encoding="utf-8")
        (root / "profiles" / "products" / "beta.yaml").write_text(PRODUCT_BETA, encoding="utf-8")
        (root / "profiles" / "bidders" / "testco.yaml").write_text(bidder_yaml(), encoding="utf-8")
        for name, text in clauses.items():
            path = root / "clauses" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return make


def sha(text: str) -> str:
    return body_hash(text)
