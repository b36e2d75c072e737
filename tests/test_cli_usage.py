"""The console entry point: usage errors in Chinese with exit 2, Ctrl-C with exit 130."""

import sys

import pytest

from generator import cli


def run(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["aftersales", *args])
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    return exit_info.value.code, capsys.readouterr().err


def test_unknown_command_is_explained_in_chinese(monkeypatch, capsys):
    code, err = run(monkeypatch, capsys, "buld")
    assert code == 2
    assert "没有“buld”这个命令" in err and "是否想输入“build”" in err
    assert "Traceback" not in err and "No such command" not in err


def test_missing_argument_and_bad_choice(monkeypatch, capsys):
    code, err = run(monkeypatch, capsys, "build")
    assert code == 2 and "缺少参数" in err and "用法：aftersales build" in err
    code, err = run(monkeypatch, capsys, "check", "x.txt", "--format", "xml")
    assert code == 2 and "“xml”不在可选值" in err and "Value error" not in err


def test_interrupt_exits_130_with_a_chinese_message(monkeypatch, capsys):
    def interrupted(**_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "app_for", lambda _args: interrupted)
    code, err = run(monkeypatch, capsys, "build", "x.yaml")
    assert code == 130 and "已中断" in err


def test_a_command_line_gets_an_app_with_the_command_it_names():
    assert cli.app_for([]) is cli.app and cli.app_for(["buld"]) is cli.app and cli.app_for(["-h"]) is cli.app
    for name in cli.COMMANDS:
        narrowed = cli.app_for([name, "--help"])
        assert [c.name for c in narrowed.registered_commands] + [g.name for g in narrowed.registered_groups] == [name]


def test_help_lists_every_command(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["aftersales", "--help"])
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    out = capsys.readouterr().out
    assert exit_info.value.code == 0 and "命令：" in out
    assert all(f"  {name} " in out for name in cli.COMMANDS)


def test_success_exits_0(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["aftersales", "clauses", "list"])
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    assert exit_info.value.code == 0


def test_help_screens_are_in_chinese(monkeypatch, capsys):
    monkeypatch.setattr(sys, "argv", ["aftersales", "build", "--help"])
    with pytest.raises(SystemExit) as exit_info:
        cli.run()
    out = capsys.readouterr().out
    assert exit_info.value.code == 0
    assert out.startswith("用法：aftersales build") and "选项：" in out and "显示本帮助并退出" in out
    assert "Usage:" not in out and "Options:" not in out and "Show this message" not in out
