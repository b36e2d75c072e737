"""评分标准: the tender model, the points the commitments earn, the 评分点对照表, and extraction."""

from __future__ import annotations

import json

from ruamel.yaml import YAML

from generator.pipeline.build import BuildOptions, build
from generator.tender_extract.scoring import scoring_items
from generator.text.reader import read_document
from generator.text.text_blocks import TextBlock


def test_demo_reports_points_per_item_and_what_earns_more(project, cli):
    code, out, _ = cli("build", project / "tenders" / "demo.yaml", "--output", project / "out")
    assert code == 0
    assert "响应时间：3/3 分（承诺30分钟）" in out
    assert "到场时间：2/3 分（承诺市区2小时）；承诺市区不超过1小时可得 3 分" in out
    assert "质保期：0/2 分（承诺3年）；承诺不少于4年可得 1 分" in out
    assert "本地化服务：由评标专家评定（满分 2 分）" in out
    manifest = json.loads((project / "out" / "demo" / "manifest.json").read_text(encoding="utf-8"))
    scoring = manifest["scoring"]
    assert (scoring["earned"], scoring["max_scored"], scoring["judged_by_evaluators"]) == (5, 8, 4)
    arrival = scoring["items"][1]
    assert arrival["earned"] == 2 and arrival["better"] == "承诺市区不超过1小时可得 3 分"
    assert arrival["section"].endswith("响应时间与故障分级")


def test_better_commitments_earn_more(project):
    path = project / "tenders" / "demo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  warranty: 3年", "  warranty: 5年"), encoding="utf-8")
    result = build(path, BuildOptions(output_root=project / "out"))
    warranty = next(s for s in result.scores if s.item.item == "质保期")
    assert warranty.earned == 2 and warranty.better is None


def test_proposal_opens_with_the_table_pointing_at_real_sections(project):
    result = build(project / "tenders" / "demo.yaml", BuildOptions(output_root=project / "out"))
    blocks = read_document(result.docx_path).blocks
    texts = [b.text for b in blocks]
    first = next(i for i, t in enumerate(texts) if t == "第一节 评分点对照表" and i > 10)  # after the TOC
    assert texts[first + 1].startswith("为便于评审")
    headings = {t for t in texts[first:] if t.startswith("第") and "节 " in t}
    table = texts[first:first + 40]
    assert any("到达现场时间≤1小时得3分" in t for t in table)
    response = next(h for h in headings if h.endswith("响应时间与故障分级"))
    assert response in table  # a cell naming a real section


def test_bad_scoring_item_is_a_located_error(project, cli):
    path = project / "tenders" / "demo.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("value: 30分钟, points: 3", "value: 三十, points: 3"),
                    encoding="utf-8")
    code, _, err = cli("build", path, "--output", project / "out")
    assert code == 2
    assert "demo.yaml" in err and "scoring" in err and "Traceback" not in err
    assert "第 1 档" in err


def test_kind_without_bands_is_refused(project, cli):
    yaml = YAML()
    path = project / "tenders" / "demo.yaml"
    data = yaml.load(path)
    del data["scoring"][0]["bands"]
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    code, _, err = cli("build", path, "--output", project / "out")
    assert code == 2 and "缺少 bands" in err


def test_extract_reads_bands_increments_and_table_rows():
    section = "第四章 评标办法 二、评分标准"
    blocks = [
        TextBlock("▲响应时间：承诺10分钟内响应的得3分，承诺15分钟内响应的得1分。", section, 30),
        TextBlock("质保期 | 质保期在满足招标要求基础上每延长1年加1分，最高3分 | 3", section, 30,
                  cells=("质保期", "质保期在满足招标要求基础上每延长1年加1分，最高3分", "3")),
        TextBlock("接到报修后2小时内响应。", "第三章 采购需求", 12),
    ]
    items = scoring_items(blocks)
    assert [i["item"] for i in items] == ["响应时间", "质保期"]
    assert items[0]["kind"] == "response"
    assert [(b["bound"], b["value"], b["points"]) for b in items[0]["bands"]] == [
        ("at_most", "10分钟", 3), ("at_most", "15分钟", 1)]
    assert "bands" not in items[1] and items[1]["points"] == 3 and items[1]["category"] == "warranty"


def test_tender_extract_writes_the_scoring_section(root, tmp_path):
    from generator.models.scoring import ScoringItem
    from generator.tender_extract import extract_to_file

    out = tmp_path / "draft.yaml"
    extract_to_file(root / "tenders" / "samples" / "his-software-scored.txt", out, force=False, root=root)
    draft = YAML(typ="safe").load(out.read_text(encoding="utf-8"))
    items = [ScoringItem.model_validate(item) for item in draft["scoring"]]
    response = next(i for i in items if i.kind == "response")
    bands = [(str(response.band_requirement(i).value), b.points) for i, b in enumerate(response.bands)]
    assert bands == [("10分钟", 3), ("15分钟", 1)]
    increment = next(i for i in items if "每增加1年" in i.text)
    assert not increment.bands and increment.points == 4  # “最高得4分”: for the clerk to split into bands
