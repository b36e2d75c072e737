"""Fitted column widths kept on disk (`columns/`): a stored result equals a fresh one, a damaged entry is
fitted again, another table content is another entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.core import disk_cache
from generator.render.blocks import Table
from generator.write import docx_writer

TABLE = Table(("序号", "服务项目", "响应时间（小时）", "说明"),
              (("1", "电话技术支持", "0.5", "工作日全天有工程师值守，接到报修后半小时内回电并给出初步判断"),
               ("2", "上门维修", "4", "市区内四小时到场，郊县八小时到场，备件随车携带")))
WIDTH = 5_400_000  # EMU


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(disk_cache.ENV_VAR, str(tmp_path / "cache"))
    docx_writer._fitted_widths.cache_clear()
    yield tmp_path / "cache" / "columns"
    docx_writer._fitted_widths.cache_clear()


def test_stored_widths_equal_fresh_ones(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = docx_writer._fitted_widths(TABLE, WIDTH)
    assert len(list(cache.glob("*.bin"))) == 1
    docx_writer._fitted_widths.cache_clear()
    monkeypatch.setattr(docx_writer, "ColumnFit", None)  # a hit must not fit again
    assert docx_writer._fitted_widths(TABLE, WIDTH) == first
    monkeypatch.undo()
    monkeypatch.setenv(disk_cache.ENV_VAR, "")  # cache off: fitted afresh
    docx_writer._fitted_widths.cache_clear()
    assert docx_writer._fitted_widths(TABLE, WIDTH) == first


@pytest.mark.parametrize("payload", [b"\x00garbage", b"", None])
def test_a_damaged_entry_is_fitted_again(cache: Path, payload: bytes | None) -> None:
    first = docx_writer._fitted_widths(TABLE, WIDTH)
    (entry,) = cache.glob("*.bin")
    if payload is None:
        import marshal

        disk_cache.store(entry, marshal.dumps((1, 2)))  # a sound entry with the wrong number of columns
    else:
        entry.write_bytes(payload)
    docx_writer._fitted_widths.cache_clear()
    assert docx_writer._fitted_widths(TABLE, WIDTH) == first


def test_other_content_or_width_is_another_entry(cache: Path) -> None:
    docx_writer._fitted_widths(TABLE, WIDTH)
    longer = Table(TABLE.header, (*TABLE.rows, ("3", "年度巡检", "24", "每年两次，出具巡检报告")))
    docx_writer._fitted_widths(longer, WIDTH)
    docx_writer._fitted_widths(TABLE, WIDTH - 600_000)
    assert len(list(cache.glob("*.bin"))) == 3
