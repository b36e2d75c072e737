"""资料 pages: bidder profiles and product types added and edited in the browser, checked exactly as
their YAML files are (the same loader and checks as a build)."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest
from test_web_hostile import form_inputs

NEW_BIDDER = {
    "legal_name": "某省新创服务有限公司", "short_name": "新创服务", "credit_code": "91110108MA01N3K2TB",
    "legal_representative": "张三", "address": "某市某路1号", "hotline": "400-000-0000", "email": "a@b.cn",
    "service_center": "新创客户服务中心",
    "outlets.0.city": "某市", "outlets.0.address": "某市某路1号", "outlets.0.phone": "0000-1234567", "outlets.0.staff": "5",
    "team.0.role": "售后经理", "team.0.name": "李四", "team.0.qualification": "工程师", "team.0.years": "8",
    "team.0.duty": "统筹售后服务",
    "commitments.0.kind": "warranty", "commitments.0.value": "3年", "commitments.0.starts": "验收合格之日",
}


def _fields(page, url: str) -> dict:
    text = page.get(url).get_data(as_text=True)
    fields = form_inputs(text)
    for match in re.finditer(r'<textarea name="([^"]+)"[^>]*>(.*?)</textarea>', text, re.S):
        fields[match.group(1)] = html_lib.unescape(match.group(2))
    return fields


@pytest.mark.parametrize("what", ["bidders", "products"])
def test_every_profile_saves_back_unchanged(page, project: Path, what: str) -> None:
    for path in sorted((project / "profiles" / what).glob("*.yaml")):
        before = path.read_bytes()
        saved = page.post(f"/profiles/{what}/edit", _fields(page, f"/profiles/{what}/edit?name={path.stem}"))
        assert saved.status_code == 302, (path.name, re.findall(r"<li>(.*?)</li>", saved.get_data(as_text=True)))
        assert path.read_bytes() == before, path.name


def test_new_bidder_is_checked_like_its_yaml_file_and_offered_to_tenders(page, project: Path) -> None:
    bad = page.post("/profiles/bidders/edit", {**NEW_BIDDER, "credit_code": "91110108MA01N3K2TC",
                                               "commitments.0.value": "三年多"})
    text = bad.get_data(as_text=True)
    assert bad.status_code == 422
    assert "统一社会信用代码校验位不正确，按前 17 位计算应为“B”" in text  # the model's own message
    assert "三年多" in text and 'id="err-commitments.0.value"' in text
    before = sorted(p.name for p in (project / "profiles" / "bidders").glob("*.yaml"))
    good = page.post("/profiles/bidders/edit", NEW_BIDDER)
    assert good.status_code == 302
    made = sorted(set(p.name for p in (project / "profiles" / "bidders").glob("*.yaml")) - set(before))
    assert made == ["bidder-n3k2tb.yaml"]  # the id is made for the clerk
    saved = (project / "profiles" / "bidders" / made[0]).read_text(encoding="utf-8")
    assert "warranty: {value: 3年, starts: 验收合格之日}" in saved or "starts: 验收合格之日" in saved
    assert "新创服务" in page.get("/tenders/form").get_data(as_text=True)  # offered at once (cache invalidated)
    assert "新创服务" in page.get("/check").get_data(as_text=True)


def test_check_page_refuses_a_bidder_that_has_no_profile(page) -> None:
    response = page.upload("/check", "a.txt", "售后服务方案\n质保期3年。\n".encode(), {"bidder": "made-up"})
    assert response.status_code == 422
    assert "没有名为“made-up”的投标人资料" in response.get_data(as_text=True)
