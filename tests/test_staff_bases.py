"""Where the bidder's people are based (team `based_at`): the staffing table's 常驻地点, the count of the people at
the outlet serving the site against its staff, and the refusals when a base is unknown or an outlet is overfilled.

Three evaluator readings (security, IT equipment, agrochemicals) found a table of people with no place, next to an
outlet "with 4 staff" and a 7×24 hotline kept by one or two of them."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.models.parties import Bidder
from generator.pipeline.build import BuildOptions, build
from generator.render.context import UNBASED_CELL
from generator.resolve.presence import stationed_problem
from generator.text.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
SECURITY = Path("tenders") / "examples" / "security-systems.yaml"
IT = Path("tenders") / "examples" / "it-equipment.yaml"
AGRO = Path("tenders") / "examples" / "agrochemicals.yaml"
HUACHEN = Path("profiles") / "bidders" / "huachen.yaml"
LUHE = Path("profiles") / "bidders" / "luhe.yaml"


def profile(path: Path) -> Bidder:
    return Bidder.model_validate(YAML(typ="safe").load((ROOT / path).read_text(encoding="utf-8")))


def text_of(docx: Path) -> str:
    text = "\n".join(block.text for block in read_document(docx).blocks).replace("\u00a0", " ")
    start = text.rindex("、人员配置\n")  # past the table of contents
    return text[start:text.index("、人员管理\n", start)]


@pytest.fixture(scope="module")
def security(tmp_path_factory) -> str:
    return text_of(build(ROOT / SECURITY, BuildOptions(output_root=tmp_path_factory.mktemp("bases"))).docx_path)


def test_the_table_says_where_each_person_is_based(security):
    huachen = profile(HUACHEN)
    team = [m for m in huachen.team if not m.serves or "security-systems" in m.serves]
    assert "常驻地点" in security
    for member in team:
        place = f"{member.based_at}服务网点" if member.based_at != huachen.service_center else huachen.service_center
        assert f"\n{member.name}\n" in security and f"\n{member.years}\n{place}\n" in security, member.name


def test_the_local_people_are_counted_against_the_outlets_staff(security):
    huachen = profile(HUACHEN)
    team = [m for m in huachen.team if not m.serves or "security-systems" in m.serves]
    local = [m for m in team if m.based_at == "云泽"]
    staff = next(o.staff for o in huachen.outlets if o.city == "云泽")
    assert len(local) >= 3 and len(local) < len(team)
    assert f"上表人员中，{len(local)}名常驻负责本项目日常服务的云泽服务网点" in security
    assert f"常驻云泽服务网点的{len(local)}名人员包含在该服务网点现有的{staff}名服务人员之内" in security
    assert len([m for m in huachen.team if m.based_at == "云泽"]) <= staff  # the other types' people there too


@pytest.mark.parametrize(("tender", "people"), [(SECURITY, "周启航、马骁、钟文涛"), (IT, "刘嘉宁、孙晓东、梁振宇")])
def test_nights_are_rotated_among_three_local_engineers(tmp_path, tender, people):
    text = text_of(build(ROOT / tender, BuildOptions(output_root=tmp_path)).docx_path)
    assert f"{people}（技术支持工程师，按周轮值）" in text
    bases = {m.name: m.based_at for m in profile(HUACHEN).team}
    assert {bases[name] for name in people.split("、")} == {"云泽"}


def test_the_agro_hotline_has_a_rota():
    luhe = profile(LUHE)
    nights = [s for s in luhe.duty_rota if "夜间" in s.period and "agrochemicals" in s.serves]
    assert nights and len(nights[0].on_duty) >= 3 and nights[0].rotation


def test_a_sealed_bid_shows_bases_without_the_bidders_names(tmp_path):
    text = text_of(build(ROOT / AGRO, BuildOptions(output_root=tmp_path, anonymous=True)).docx_path)
    luhe = profile(LUHE)
    assert luhe.service_center not in text and "孙浩然" not in text
    assert "\n18\n售后服务中心\n" in text and "\n9\n寿光服务网点\n" in text
    assert "名常驻售后服务中心" in text


def test_a_member_without_a_base_is_dispatched(project):
    path = project / HUACHEN
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    based_at: 北京\n", ""), encoding="utf-8")  # the trainer
    shown = text_of(build(project / SECURITY, BuildOptions(output_root=project / "out")).docx_path)
    assert f"\n5\n{UNBASED_CELL}\n" in shown and f"，1名{UNBASED_CELL}。" in shown


def test_an_unknown_base_is_refused_with_file_line_and_field(project, cli):
    path = project / HUACHEN
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    based_at: 北京\n", "    based_at: 石家庄\n", 1), encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("    based_at: 石家庄") + 1
    code, _, err = cli("build", project / SECURITY)
    assert code == 1
    assert f"huachen.yaml:{line} 字段 team[" in err and "].based_at" in err
    assert "常驻地点“石家庄”既不是 outlets 中某一网点的所在地（city），也不是 service_center" in err


def test_more_people_based_at_an_outlet_than_its_staff_is_refused(project, cli):
    path = project / HUACHEN
    text = path.read_text(encoding="utf-8")
    based = text.count("    based_at: 云泽\n")
    path.write_text(text.replace("    phone: 0311-8562-7013\n    staff: 9\n",
                                 f"    phone: 0311-8562-7013\n    staff: {based - 1}\n"), encoding="utf-8")
    code, _, err = cli("build", project / IT)
    assert code == 1
    assert f"team 中常驻云泽网点（based_at: 云泽）的有{based}名" in err and f"多于该网点的服务人员{based - 1}名" in err
    assert "outlets[2].staff" in err


def test_stationed_technicians_count_only_the_people_based_at_the_outlet():
    """Members based at the dispatch centre or elsewhere are not the outlet's staff; the old check counted them."""
    data = YAML(typ="safe").load((ROOT / LUHE).read_text(encoding="utf-8"))
    from generator.models.parties import ProductType

    product = ProductType.model_validate(
        YAML(typ="safe").load((ROOT / "profiles" / "products" / "agrochemicals.yaml").read_text(encoding="utf-8")))
    place = "山东省禾丰县各乡镇农资配送点"
    shouguang = next(o for o in data["outlets"] if o["city"] == "寿光")
    based = sum(1 for m in data["team"] if m.get("based_at") == "寿光")
    stationed = sum(p["technicians"] for p in data["service_points"] if p["place"] in place)
    shouguang["staff"] = based + stationed  # exactly full: every named person elsewhere is not counted
    assert stationed_problem(Bidder.model_validate(data), product, place) is None
    shouguang["staff"] = based + stationed - 1
    assert "多于该网点的服务人员" in (stationed_problem(Bidder.model_validate(data), product, place) or "")


def test_a_profile_without_bases_keeps_the_table_as_before(project):
    path = project / HUACHEN
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("    based_at:")), encoding="utf-8")
    shown = text_of(build(project / SECURITY, BuildOptions(output_root=project / "out")).docx_path)
    assert "常驻地点" not in shown and "上表人员中" not in shown and UNBASED_CELL not in shown
