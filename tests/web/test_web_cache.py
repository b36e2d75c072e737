"""The project cache: pages reuse parsed files until one changes (mtime or size), then read again."""

from __future__ import annotations

import os
from pathlib import Path


def test_tender_list_is_cached_until_a_file_changes(page, web_app, project: Path) -> None:
    cache = web_app.extensions["project_cache"]
    page.get("/tenders")
    first = cache.computed
    page.get("/tenders")
    assert cache.computed == first  # nothing changed: nothing parsed again

    tender = sorted((project / "tenders").glob("*.yaml"))[0]
    text = tender.read_text(encoding="utf-8")
    tender.write_text(text.replace("project_name: ", "project_name: 改名后的", 1), encoding="utf-8")
    body = page.get("/tenders").get_data(as_text=True)
    assert cache.computed > first
    assert "改名后的" in body


def test_a_touched_file_is_read_again(page, web_app, project: Path) -> None:
    """Same size, new mtime (an editor that saves the same length): read again."""
    page.get("/tenders")
    tender = sorted((project / "tenders").glob("*.yaml"))[0]
    stat = tender.stat()
    os.utime(tender, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    before = web_app.extensions["project_cache"].computed
    page.get("/tenders")
    assert web_app.extensions["project_cache"].computed == before + 1


def test_new_tender_file_appears(page, project: Path) -> None:
    page.get("/tenders")
    source = sorted((project / "tenders").glob("*.yaml"))[0]
    copy = project / "tenders" / "zz-copy.yaml"
    copy.write_text(source.read_text(encoding="utf-8").replace("project_name: ", "project_name: 复制的", 1),
                    encoding="utf-8")
    assert "复制的" in page.get("/tenders").get_data(as_text=True)
