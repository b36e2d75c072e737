"""The cache of validated inputs (generator/load/validated.py): bytes validated cleanly before into the
same model are neither parsed nor validated again, in this process or a later one; an edited file,
a change of the models' code, a damaged or foreign entry all mean validating again, with the same
result and the same errors as without a cache."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest
from pydantic import BaseModel

from generator.core import disk_cache
from generator.load import validated, yamlio
from generator.models.parties import Bidder
from generator.models.tender import Tender

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(disk_cache.ENV_VAR, str(tmp_path / "cache"))
    monkeypatch.setattr(yamlio, "_parsed", {})
    monkeypatch.setattr(validated, "_memory", {})
    return tmp_path / "cache"


@pytest.fixture
def misses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files load_model had to parse and validate (a hit skips both)."""
    seen: list[Path] = []
    real = yamlio._data_of

    def counting(path: Path, data: bytes):
        seen.append(path)
        return real(path, data)

    monkeypatch.setattr(yamlio, "_data_of", counting)
    return seen


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a fresh process starts with: nothing in memory, fingerprints computed again."""
    monkeypatch.setattr(yamlio, "_parsed", {})
    monkeypatch.setattr(validated, "_memory", {})
    monkeypatch.setattr(validated, "_fingerprints", {})
    monkeypatch.setattr(validated, "_shared", [])


@pytest.fixture
def tender(tmp_path: Path) -> Path:
    path = tmp_path / "tender.yaml"
    path.write_bytes((ROOT / "tenders" / "demo.yaml").read_bytes())
    return path


def _state(value: object) -> object:
    """Everything a loaded model holds, nested models and the attributes of Tiers included (== on
    models compares their fields, and a Tiers compares as a dict only)."""
    if isinstance(value, BaseModel):
        return (type(value), _state(value.__dict__), _state(value.__pydantic_private__),
                sorted(value.model_fields_set))
    if isinstance(value, dict):
        return (type(value), [(_state(k), _state(v)) for k, v in value.items()], _state(getattr(value, "__dict__", None)))
    if isinstance(value, (list, tuple)):
        return (type(value), [_state(item) for item in value])
    return (type(value), repr(value))


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / validated.DISK_SUBDIR).glob("*.bin"))


def test_a_validated_file_is_taken_from_disk_in_a_fresh_process(cache: Path, tender: Path, misses: list[Path],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    first, problems = yamlio.load_model(tender, Tender)
    assert problems == [] and first is not None
    assert len(_entries(cache)) == 1 and misses == [tender]
    assert stat.S_IMODE((cache / validated.DISK_SUBDIR).stat().st_mode) == 0o700
    _new_process(monkeypatch)
    second, problems = yamlio.load_model(tender, Tender)
    assert problems == [] and second is not None
    assert misses == [tender]  # neither parsed nor validated the second time
    assert second.model is not first.model and second.model == first.model
    assert _state(second.model) == _state(first.model)
    assert second.text == first.text == tender.read_text(encoding="utf-8")
    # what error messages need: the lines of fields, from the file's text
    assert second.line_of("bidder") == first.line_of("bidder") is not None
    assert second.line_of("requirements", 0, "kind") == first.line_of("requirements", 0, "kind") is not None


def test_in_one_process_the_same_bytes_give_the_same_model(cache: Path, tender: Path, misses: list[Path]) -> None:
    first, _ = yamlio.load_model(tender, Tender)
    second, _ = yamlio.load_model(tender, Tender)
    assert first is not None and second is not None
    assert second.model is first.model and misses == [tender]


def test_an_edited_file_is_validated_again(cache: Path, tender: Path, misses: list[Path],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    first, _ = yamlio.load_model(tender, Tender)
    assert first is not None
    tender.write_text(tender.read_text(encoding="utf-8").replace(first.model.project_name, "改过的项目名称"),
                      encoding="utf-8")
    edited, problems = yamlio.load_model(tender, Tender)
    assert problems == [] and edited is not None and edited.model.project_name == "改过的项目名称"
    assert len(misses) == 2 and len(_entries(cache)) == 2
    _new_process(monkeypatch)
    again, _ = yamlio.load_model(tender, Tender)
    assert again is not None and again.model.project_name == "改过的项目名称" and len(misses) == 2


def test_the_same_bytes_as_another_model_are_validated_on_their_own(cache: Path, tender: Path) -> None:
    assert yamlio.load_model(tender, Tender)[0] is not None
    loaded, problems = yamlio.load_model(tender, Bidder)
    assert loaded is None and problems  # a tender is not a bidder profile, cache or not


def test_a_file_with_errors_is_not_cached_and_gives_the_same_errors(cache: Path, tender: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    text = tender.read_text(encoding="utf-8")
    tender.write_text(text.replace("\nbidder:", "\nbiddr:", 1), encoding="utf-8")
    reports = []
    for _ in range(2):
        loaded, problems = yamlio.load_model(tender, Tender)
        assert loaded is None
        reports.append([(p.path, p.message, p.line, p.field) for p in problems])
        _new_process(monkeypatch)
    assert reports[0] == reports[1]
    assert ("不认识这个字段（是否拼写错误？）", "biddr") in [(m, f) for _, m, _, f in reports[0]]
    assert all(line is not None for _, _, line, _ in reports[0])
    assert _entries(cache) == []


@pytest.mark.parametrize("damage", ["garbage", "truncated", "function", "other model", "not ours"])
def test_a_damaged_or_foreign_entry_is_a_miss(cache: Path, tender: Path, misses: list[Path],
                                              monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    expected, _ = yamlio.load_model(tender, Tender)
    assert expected is not None
    (entry,) = _entries(cache)
    if damage == "garbage":
        entry.write_bytes(b"not an entry")
    elif damage == "truncated":
        entry.write_bytes(entry.read_bytes()[:-7])
    elif damage == "function":  # well formed and checksummed, but it would call a function when loaded
        disk_cache.store(entry, pickle.dumps(os.system))
    elif damage == "other model":  # a model of another class under this name
        bidder, _ = yamlio.load_model(ROOT / "profiles" / "bidders" / "huachen.yaml", Bidder)
        assert bidder is not None
        disk_cache.store(entry, pickle.dumps(bidder.model))
    else:  # another account could have written it
        entry.chmod(0o666)
    _new_process(monkeypatch)
    loaded, problems = yamlio.load_model(tender, Tender)
    assert problems == [] and loaded is not None
    assert _state(loaded.model) == _state(expected.model)
    assert misses.count(tender) == 2


def test_a_change_of_the_models_code_is_a_miss(cache: Path, tender: Path, misses: list[Path], tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path / "code"
    code.mkdir()
    module = code / "extra_model.py"
    module.write_text("LIMIT = 1\n", encoding="utf-8")
    monkeypatch.setattr(validated, "_CODE_FOLDERS", (*validated._CODE_FOLDERS, code))
    _new_process(monkeypatch)
    assert yamlio.load_model(tender, Tender)[0] is not None
    _new_process(monkeypatch)
    assert yamlio.load_model(tender, Tender)[0] is not None
    assert len(misses) == 1  # same code: taken from the cache
    module.write_text("LIMIT = 2\n", encoding="utf-8")
    _new_process(monkeypatch)
    loaded, problems = yamlio.load_model(tender, Tender)
    assert problems == [] and loaded is not None
    assert len(misses) == 2 and len(_entries(cache)) == 2


def test_the_fingerprint_covers_the_models_and_the_kinds_table() -> None:
    files = {path.name for folder in validated._CODE_FOLDERS for path in folder.glob("*.py")}
    assert {"parties.py", "commitments.py", "tender.py", "kinds.py", "quantities.py"} <= files


def test_without_a_disk_cache_the_process_still_remembers(tmp_path: Path, tender: Path, misses: list[Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(disk_cache.ENV_VAR, "")
    _new_process(monkeypatch)
    assert yamlio.load_model(tender, Tender)[0] is not None
    assert yamlio.load_model(tender, Tender)[0] is not None
    assert misses == [tender]
    _new_process(monkeypatch)
    assert yamlio.load_model(tender, Tender)[0] is not None
    assert misses.count(tender) == 2
