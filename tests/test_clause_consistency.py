"""Text that must follow what a proposal actually contains: a clause's list of its own sub-sections,
and the flowchart's follow-up box against the return-visit clause."""

import pytest

from generator.render.figures import flow_steps
from generator.render.jinja import make_environment, render_bounded


def render(body: str) -> str:
    env = make_environment()
    return render_bounded(env.from_string(body), {"more": True})


def test_a_clause_lists_and_counts_the_subsections_it_actually_writes():
    body = ("提供{{ subsections }}{{ subsection_count }}种方式。\n\n# 电话支持\n\n甲\n\n# 远程支持\n\n乙\n\n"
            "## 细项\n\n丙\n\n{% if more %}# 现场服务\n\n丁\n{% endif %}")
    assert render(body).startswith("提供电话支持、远程支持和现场服务三种方式。")
    assert render(body.replace("{% if more %}", "{% if not more %}")).startswith("提供电话支持和远程支持两种方式。")


def test_a_subsection_list_without_subsections_is_an_error():
    with pytest.raises(ValueError, match="小节"):
        render("共{{ subsection_count }}项。")


def test_the_follow_up_box_says_what_the_return_visit_clause_promises():
    context = {"c": {"return_visit": "每季度一次"}, "has": {"onsite_repair": True, "software": False, "consumable": False}}
    assert flow_steps(context)[-1] == ("回访", ("关单后事后回访", "定期回访", "每季度一次", "记录归档"))
    context["c"] = {}
    assert flow_steps(context)[-1] == ("回访", ("关单后事后回访", "记录归档"))
