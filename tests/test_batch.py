"""`aftersales build A.yaml B.yaml … --jobs N`: every tender built or explained, a summary, one exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.commands.batch_report import format_table, summary_rows, width
from generator.pipeline.batch import Outcome, batch_exit_code, flag_shared_outputs

DOCX = "售后服务方案.docx"


def tender_copies(project: Path, count: int) -> list[Path]:
    text = (project / "tenders" / "demo.yaml").read_text(encoding="utf-8")
    paths = []
    for index in range(1, count + 1):
        path = project / "tenders" / f"copy-{index}.yaml"
        path.write_text(text.replace("id: demo", f"id: copy-{index}", 1), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_builds_every_tender_and_prints_a_summary(project: Path, cli, jobs: str) -> None:
    tenders = tender_copies(project, 3)
    code, out, err = cli("build", *tenders, "--allow-draft", "--jobs", jobs)
    assert code == 0, err
    for index in range(1, 4):
        assert (project / "output" / f"copy-{index}" / DOCX).is_file()
    assert "招标项目" in out and "用时(秒)" in out
    assert "共 3 个招标项目：成功 3，失败 0" in out
    assert out.count("成功") >= 3
    assert "Traceback" not in out + err


def test_a_notice_shared_by_many_tenders_is_told_once_after_the_table(project: Path, cli) -> None:
    tenders = tender_copies(project, 4)
    for path in tenders:  # a signing date copied from last year's bid: a notice, not a refusal
        text = path.read_text(encoding="utf-8")
        path.write_text("\n".join("date: 2020-01-02" if line.startswith("date:") else line
                                  for line in text.splitlines()) + "\n", encoding="utf-8")
    code, out, err = cli("build", *tenders, "--allow-draft", "--jobs", "1")
    assert code == 0, err
    assert out.count("提示 1 条（见表后）") == 4
    assert "图" not in out.split("提示：")[1].split("共 4 个")[0]  # no chart was replaced by a table
    told = [line for line in out.splitlines() if "落款日期为2020年1月2日" in line]
    assert len(told) == 1 and "copy-1.yaml" in told[0] and "等 4 个" in told[0]


def test_one_bad_tender_does_not_stop_the_others_and_exits_2(project: Path, cli) -> None:
    good = tender_copies(project, 2)
    bad = project / "tenders" / "bad.yaml"
    bad.write_text("id: [broken\n", encoding="utf-8")
    code, out, err = cli("build", good[0], bad, good[1], "--allow-draft", "--jobs", "2")
    assert code == 2, out + err
    assert (project / "output" / "copy-1" / DOCX).is_file() and (project / "output" / "copy-2" / DOCX).is_file()
    assert "bad.yaml" in err and "YAML 语法错误" in err
    assert "输入有误" in out and "失败 1" in out
    rows = [line for line in out.splitlines() if line.startswith(str(project))]
    assert [row.split()[0] for row in rows] == [str(good[0]), str(bad), str(good[1])], "summary in input order"


def test_a_refused_tender_makes_the_batch_exit_1(project: Path, cli) -> None:
    good, refused = tender_copies(project, 2)
    refused.write_text(refused.read_text(encoding="utf-8").replace("warranty: 3年", "warranty: 1年"),
                       encoding="utf-8")
    bad = project / "tenders" / "bad.yaml"
    bad.write_text("", encoding="utf-8")
    code, out, err = cli("build", good, refused, bad, "--allow-draft")
    assert code == 1, out + err
    assert "被拒绝" in out and "输入有误" in out
    assert "不满足" in err


def test_same_shared_problem_is_explained_once(project: Path, cli) -> None:
    tenders = tender_copies(project, 3)
    (project / "profiles" / "bidders" / "huachen.yaml").write_text("", encoding="utf-8")
    code, out, err = cli("build", *tenders, "--allow-draft")
    assert code == 2
    assert err.count("文件为空") == 1
    assert err.count("的问题相同（见上）") == 2


def test_two_tenders_with_the_same_id_are_both_failed(project: Path, cli) -> None:
    first, second = tender_copies(project, 2)
    second.write_text(second.read_text(encoding="utf-8").replace("id: copy-2", "id: copy-1"), encoding="utf-8")
    code, out, err = cli("build", first, second, "--allow-draft", "--force")
    assert code == 1
    assert "互相覆盖" in err and out.count("被拒绝") == 2


def test_the_same_file_named_twice_is_built_once(project: Path, cli) -> None:
    (tender,) = tender_copies(project, 1)
    other = project / "tenders" / "demo.yaml"
    code, out, err = cli("build", tender, other, tender, "--allow-draft")
    assert code == 0, err
    assert "共 2 个招标项目" in out


def test_an_internal_error_is_reported_with_its_traceback_and_the_rest_go_on(project: Path, cli, monkeypatch) -> None:
    import generator.pipeline.build

    real = generator.pipeline.build.build

    def flaky(path, options):
        if path.name == "copy-1.yaml":
            raise RuntimeError("boom")
        return real(path, options)

    monkeypatch.setattr(generator.pipeline.build, "build", flaky)
    tenders = tender_copies(project, 2)
    code, out, err = cli("build", *tenders, "--allow-draft")
    assert code == 1
    assert "内部错误" in out and "RuntimeError: boom" in err
    assert (project / "output" / "copy-2" / DOCX).is_file()


def test_exit_code_rules() -> None:
    ok = Outcome("a.yaml", 0, 0.1, output="x")
    bad_input = Outcome("b.yaml", 2, 0.1)
    refused = Outcome("c.yaml", 1, 0.1)
    assert batch_exit_code([ok, ok]) == 0
    assert batch_exit_code([ok, bad_input, bad_input]) == 2
    assert batch_exit_code([ok, bad_input, refused]) == 1
    assert batch_exit_code([refused]) == 1


def test_shared_output_flagging_leaves_distinct_outputs_alone() -> None:
    a = Outcome("a.yaml", 0, 0.1, output="out/a/x.docx")
    b = Outcome("b.yaml", 0, 0.1, output="out/b/x.docx")
    c = Outcome("c.yaml", 0, 0.1, output="out/a/x.docx")
    flagged = flag_shared_outputs([a, b, c])
    assert [o.ok for o in flagged] == [False, True, False]
    assert "c.yaml" in flagged[0].message and "a.yaml" in flagged[2].message


def test_table_columns_line_up_with_chinese_text() -> None:
    rows = summary_rows([Outcome("tenders/甲.yaml", 0, 1.234, output="out/甲.docx", blocks=57, findings=0),
                         Outcome("tenders/b.yaml", 2, 0.01, message="输入文件有误\n  - 详情")])
    lines = format_table(rows)
    starts = [width(line[:line.index(status)]) for line, status in zip(lines[2:], ("成功", "输入有误"), strict=True)]
    assert starts[0] == starts[1] == width(lines[0][:lines[0].index("结果")]), "the second column lines up"
    assert "1.23" in lines[2] and "57 块" in lines[2]
    with_pages = format_table(summary_rows([Outcome("a.yaml", 0, 1.0, output="a.docx", blocks=57, pages=31)]))
    assert "31 页" in with_pages[2] and "57 块" not in with_pages[2]
    assert "输入有误" in lines[3] and "输入文件有误" in lines[3] and "详情" not in lines[3]
    assert width("招标") == 4 and width("ab") == 2


def test_ctrl_c_stops_every_worker_and_leaves_no_partial_file(project: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    tenders = tender_copies(project, 40)
    process = subprocess.Popen(
        [sys.executable, "-c", "from generator.cli import run; run()", "build", *map(str, tenders),
         "--allow-draft", "--jobs", "2"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    assert process.stdout is not None
    first = process.stdout.readline()  # one tender finished: the workers are busy with the next ones
    assert first.startswith("[1/40] ✓"), first
    os.killpg(process.pid, signal.SIGINT)  # what a terminal sends on Ctrl-C: the whole process group
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130, out + err
    assert "已中断" in err and "Traceback" not in out + err
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # no worker left behind
    output = project / "output"
    assert not [p for p in output.rglob("*") if p.name.endswith(".tmp")]
    built = [p for p in output.rglob(DOCX)]
    assert 1 <= len(built) < 40
