"""Hostile or careless input through the web pages: a bad file in tenders/ is one error row, never a
500 for everyone; a form value that no proposal can carry is a Chinese message next to its field."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

BAD_TENDER_FILES = {
    "huge-int": "id: zz\nproject_name: " + "9" * 5000 + "\n",
    "deep-nesting": "id: zz\nzz: " + "[" * 2000 + "]" * 2000 + "\n",
    "deep-100k": "id: zz\nzz: " + "[" * 100_000 + "]" * 100_000 + "\n",
    "control-char": 'id: zz\nproject_name: "名\\x01称"\n',
    "surrogate": 'id: zz\nproject_name: "名\\ud800称"\n',
    "bidi-override": 'id: zz\nproject_name: "名\\u202e称"\n',
    "tuple-key": "id: zz\n? [a, b]\n: 1\n",
    "not-utf8": "id: zz\nproject_name: 名称\n".encode("gbk"),
}


def _put(project: Path, name: str, content: str | bytes) -> Path:
    path = project / "tenders" / f"zz-{name}.yaml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", list(BAD_TENDER_FILES))
def test_one_bad_tender_file_does_not_break_the_pages(page, project: Path, name: str) -> None:
    _put(project, name, BAD_TENDER_FILES[name])
    start = time.monotonic()
    listing = page.get("/tenders")
    assert listing.status_code == 200
    html = listing.get_data(as_text=True)
    assert f"zz-{name}.yaml" in html and "文件有误" in html  # a visible error row
    assert "海淀区卫生健康委员会" in html  # the good tenders are still listed
    assert page.get("/check").status_code == 200
    opened = page.get(f"/tenders/form?file=zz-{name}.yaml")
    assert opened.status_code == 200 and "Traceback" not in opened.get_data(as_text=True)
    assert time.monotonic() - start < 20


def test_fifo_in_tenders_does_not_hang_the_pages(page, project: Path) -> None:
    os.mkfifo(project / "tenders" / "zz-fifo.yaml")
    start = time.monotonic()
    listing = page.get("/tenders")
    assert listing.status_code == 200 and "zz-fifo.yaml" in listing.get_data(as_text=True)
    assert page.get("/check").status_code == 200
    assert time.monotonic() - start < 20


def form_inputs(html: str) -> dict[str, str]:
    """name → value of every text, date and hidden input and every select of a page, as a browser
    would submit the form."""
    from html.parser import HTMLParser

    found: dict[str, str] = {}
    select: list[str] = []

    class Inputs(HTMLParser):
        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag == "input" and a.get("name") and a.get("type", "text") in ("text", "date", "hidden"):
                found[a["name"]] = a.get("value") or ""
            elif tag == "select" and a.get("name"):
                select[:] = [a["name"]]
                found.setdefault(a["name"], "")
            elif tag == "option" and select and ("selected" in a or found[select[0]] == ""):
                if "selected" in a or select[0] not in selected_once:
                    found[select[0]] = a.get("value") or ""
                    if "selected" in a:
                        selected_once.add(select[0])

        def handle_endtag(self, tag):
            if tag == "select":
                select.clear()

    selected_once: set[str] = set()

    Inputs().feed(html)
    return found


def _form(page, project: Path) -> dict:
    form = page.get("/tenders/form?file=demo.yaml").get_data(as_text=True)
    fields = form_inputs(form.split("<template", 1)[0])
    fields.update({"bidder": "huachen", "product_type": "it-equipment", "template": "standard", "source": "demo.yaml",
                   "overwrite": "yes"})
    return fields


FORM_VALUES = [
    ("project_name", "海淀\x0b区项目", None),  # Word's Shift+Enter: a space, saved and built
    ("project_name", "长" * 300, "文字过长"),
    ("project_name", "名\x01称", "控制字符"),
    ("project_name", "名\u202e称", "文字方向控制字符"),
    ("date", "2999-01-01", "不在合理范围内"),
    ("date", "1900-01-01", "不在合理范围内"),
]


@pytest.mark.parametrize(("field", "value", "fragment"), [v for v in FORM_VALUES if v[1] is not None],
                         ids=["vertical-tab", "300-chars", "control", "bidi", "year-2999", "year-1900"])
def test_form_values_give_chinese_errors_or_a_clean_file(page, project: Path, field: str, value: str,
                                                         fragment: str | None) -> None:
    fields = _form(page, project)
    fields[field] = value
    before = (project / "tenders" / "demo.yaml").read_bytes()
    saved = page.post("/tenders/save", fields)
    html = saved.get_data(as_text=True)
    assert "Traceback" not in html and "Internal Server Error" not in html
    if fragment is None:
        assert saved.status_code == 302, html
        text = (project / "tenders" / "demo.yaml").read_text(encoding="utf-8")
        assert "\x0b" not in text and "海淀 区项目" in text
        built = page.post("/tenders/build", {"file": "demo.yaml", "allow_draft": "yes", "force": "yes"})
        assert built.status_code == 302, built.get_data(as_text=True)
    else:
        assert saved.status_code == 422, html
        assert fragment in html
        assert (project / "tenders" / "demo.yaml").read_bytes() == before


@pytest.mark.parametrize(("label", "old", "new", "fragment"), [
    ("vertical-tab-in-file", "project_name: 海淀区", 'project_name: "海淀\\v区', None),
    ("year-2999", "date: 2026-11-20", "date: 2999-11-20", "不在合理范围内"),
    ("long-name", "project_name: 海淀区", "project_name: " + "长" * 300 + "海淀区", "文字过长"),
])
def test_build_from_a_bad_file_is_a_chinese_page(page, project: Path, label: str, old: str, new: str,
                                                 fragment: str | None) -> None:
    path = project / "tenders" / "demo.yaml"
    text = path.read_text(encoding="utf-8")
    if fragment is None:  # close the quote the replacement opened
        line = next(line for line in text.splitlines() if line.startswith("project_name:"))
        text = text.replace(line, line.replace(old, new) + '"')
    else:
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    built = page.post("/tenders/build", {"file": "demo.yaml", "allow_draft": "yes"})
    html = built.get_data(as_text=True)
    assert "Traceback" not in html and "Internal Server Error" not in html
    if fragment is None:
        assert built.status_code == 302, html
    else:
        assert built.status_code == 422, html
        assert fragment in html and "demo.yaml" in html


# -- the real server (waitress) ------------------------------------------------------------------

def _request(server, raw: bytes, timeout: float = 10) -> bytes:
    import socket

    with socket.create_connection((server.host, server.port), timeout=timeout) as connection:
        connection.sendall(raw)
        return connection.recv(4096)


def test_huge_body_is_refused_before_it_is_buffered(live) -> None:
    start = time.monotonic()
    answer = _request(live, b"POST /check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                            b"Content-Length: 200000000\r\n\r\n" + b"x" * 1024)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:100]
    assert time.monotonic() - start < 5
    assert not any(live.upload_dir.iterdir())


def test_idle_connections_do_not_lock_out_the_page(live) -> None:
    import socket

    idle = [socket.create_connection((live.host, live.port), timeout=5) for _ in range(120)]
    try:
        answer = _request(live, b"GET /tenders HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        assert answer.startswith(b"HTTP/1.1 200"), answer[:100]
    finally:
        for connection in idle:
            connection.close()


def test_sigterm_removes_the_upload_folder(project: Path, tmp_path: Path) -> None:
    import signal
    import socket
    import subprocess
    import sys

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    temp = tmp_path / "tmp"
    temp.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-c", "import sys; from generator.cli import run; sys.argv[0] = 'aftersales'; run()",
         "serve", "--port", str(port), "--no-browser", "--root", str(project)],
        env={**os.environ, "TMPDIR": str(temp)}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not list(temp.glob("aftersales-web-*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert list(temp.glob("aftersales-web-*")), "the server made its upload folder"
        time.sleep(0.3)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert "Traceback" not in err
    assert not list(temp.glob("aftersales-web-*")), "SIGTERM must not leave the upload folder behind"
