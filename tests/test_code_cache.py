"""The disk cache of compiled clause bodies (generator/render/code_cache.py): a warm cache gives the
same code and the same document, a changed body or environment misses, a damaged entry or an
unwritable directory falls back to compiling, and a syntax error is never cached."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2 import TemplateSyntaxError

from generator.core.bounded_memo import BoundedMemo
from generator.pipeline.build import BuildOptions, build
from generator.render import code_cache, proposal
from generator.render.code_cache import compile_cached, environment_fingerprint
from generator.render.jinja import make_environment

BODY = "质保期 {{ w }} 个月，{% for i in range(n) %}巡检{% endfor %}。\n"
EXPECTED = "质保期 24 个月，巡检巡检。\n"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(code_cache.ENV_VAR, str(tmp_path / "cache"))
    return tmp_path / "cache" / code_cache.SUBDIR


def _render(code, env) -> str:
    template = env.template_class.from_code(env, code, env.make_globals(None))
    return template.render(w=24, n=2)


def test_second_compile_is_read_from_disk(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = make_environment()
    first = compile_cached(env, BODY, "a.yaml", environment_fingerprint(env))
    assert len(list(cache.glob("*.code"))) == 1

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again although the cache holds the entry")

    fresh = make_environment()
    monkeypatch.setattr(fresh, "compile", refuse)
    second = compile_cached(fresh, BODY, "a.yaml", environment_fingerprint(fresh))
    assert second is not first
    assert _render(second, fresh) == _render(first, env) == EXPECTED


def test_changed_body_name_or_environment_misses(cache: Path) -> None:
    env = make_environment()
    fingerprint = environment_fingerprint(env)
    compile_cached(env, BODY, "a.yaml", fingerprint)
    compile_cached(env, BODY + "另加一句。\n", "a.yaml", fingerprint)
    compile_cached(env, BODY, "b.yaml", fingerprint)
    env.filters["extra"] = str
    changed = environment_fingerprint(env)
    assert changed != fingerprint
    compile_cached(env, BODY, "a.yaml", changed)
    assert len(list(cache.glob("*.code"))) == 4


def test_damaged_entry_is_compiled_again(cache: Path) -> None:
    env = make_environment()
    compile_cached(env, BODY, "a.yaml", environment_fingerprint(env))
    (entry,) = cache.glob("*.code")
    entry.write_bytes(b"not marshalled code")
    code = compile_cached(env, BODY, "a.yaml", environment_fingerprint(env))
    assert _render(code, env) == EXPECTED
    assert entry.read_bytes() != b"not marshalled code"  # replaced by the good entry


def test_syntax_error_is_reported_and_not_cached(cache: Path) -> None:
    env = make_environment()
    for _ in range(2):
        with pytest.raises(TemplateSyntaxError):
            compile_cached(env, "{% if %}", "bad.yaml", environment_fingerprint(env))
    assert not list(cache.glob("*.code"))


def test_empty_variable_turns_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(code_cache.ENV_VAR, "")
    monkeypatch.chdir(tmp_path)
    assert code_cache.cache_dir() is None
    env = make_environment()
    code = compile_cached(env, BODY, "a.yaml", environment_fingerprint(env))
    assert _render(code, env) == EXPECTED
    assert not list(tmp_path.rglob("*.code"))


def test_unwritable_cache_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv(code_cache.ENV_VAR, str(blocker))
    env = make_environment()
    code = compile_cached(env, BODY, "a.yaml", environment_fingerprint(env))
    assert _render(code, env) == EXPECTED


def test_document_is_the_same_with_cold_warm_and_no_cache(project: Path, cache: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    tender = project / "tenders" / "demo.yaml"
    options = {name: BuildOptions(output_root=project / name, allow_draft=True) for name in ("cold", "warm", "off")}
    monkeypatch.setattr(proposal, "_CODE_CACHE", BoundedMemo(proposal.MAX_TEMPLATES))
    cold = build(tender, options["cold"]).docx_bytes
    assert list(cache.glob("*.code"))
    monkeypatch.setattr(proposal, "_CODE_CACHE", BoundedMemo(proposal.MAX_TEMPLATES))  # as a new process: only the disk cache is left
    warm = build(tender, options["warm"]).docx_bytes
    monkeypatch.setenv(code_cache.ENV_VAR, "")
    monkeypatch.setattr(proposal, "_CODE_CACHE", BoundedMemo(proposal.MAX_TEMPLATES))
    off = build(tender, options["off"]).docx_bytes
    assert cold == warm == off
