"""Fixtures of the web tests: the app on a private copy of the project, a Flask test client that
behaves like the page (same origin, CSRF token), and — for tests/web/test_browser*.py — the server
on a free loopback port driven by headless Debian Chromium through Playwright.

Chromium missing is a failure, never a skip: `make test` installs it (scripts/ensure-browser.sh)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=zh-CN"]
MISSING = ("浏览器测试无法运行（不会跳过）：{detail}\n"
           "请以 root 运行 `make test`（scripts/ensure-browser.sh 会用 apt-get 安装 chromium chromium-driver），"
           "或手动安装这两个软件包；并确认已安装开发依赖（pip install -e '.[dev]'，含 playwright）。")
DEFECTIVE_TEXT = """售后服务方案

一、服务承诺
我公司承诺质保期为3年，接到报修后2小时内响应。
服务热线：XXXX-XXXXXXX，7×24小时有人值守。

二、质保期
本项目质保期为 年，自验收合格之日起计算。本项目质保期为5年。

三、培训
（供应商根据项目情况自行编制培训计划）
"""


@pytest.fixture
def web_app(project: Path, tmp_path: Path):
    from generator.web.app import WebConfig, create_app

    uploads = tmp_path / "uploads"
    uploads.mkdir()
    app = create_app(WebConfig(root=project, output_root=project / "output", upload_dir=uploads,
                               max_upload_bytes=1024 * 1024))
    app.config["TESTING"] = True
    return app


class Page:
    """A test client that acts like the page: sends the Host and Origin of the site and the token."""

    ORIGIN = "http://127.0.0.1:8000"

    def __init__(self, app) -> None:
        self.app = app
        self.client = app.test_client()
        self.token = ""

    def get(self, url: str, **kwargs):
        kwargs.setdefault("base_url", self.ORIGIN)
        response = _closed(self.client.get(url, **kwargs))
        html = response.mimetype == "text/html"
        found = re.search(r'name="csrf-token" content="([^"]+)"', response.get_data(as_text=True)) if html else None
        if found:
            self.token = found.group(1)
        return response

    def post(self, url: str, data: dict | None = None, token: str | None = None, origin: str | None = ORIGIN,
             **kwargs):
        if not self.token:
            self.get("/tenders")
        data = dict(data or {})
        data.setdefault("csrf_token", self.token if token is None else token)
        headers = dict(kwargs.pop("headers", {}))
        if origin is not None:
            headers["Origin"] = origin
        kwargs.setdefault("base_url", self.ORIGIN)
        return _closed(self.client.post(url, data=data, headers=headers, **kwargs))

    def upload(self, url: str, name: str, content: bytes, fields: dict | None = None):
        """A multipart POST built here (Werkzeug's builder spools to a file it never closes)."""
        if not self.token:
            self.get("/tenders")
        boundary = "----aftersales-test-boundary"
        parts = []
        for key, value in {"csrf_token": self.token, **(fields or {})}.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="document"; filename="{name}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return _closed(self.client.post(url, data=b"".join(parts), base_url=self.ORIGIN,
                                        content_type=f"multipart/form-data; boundary={boundary}",
                                        headers={"Origin": self.ORIGIN}))


def _closed(response):
    """The response with its body read and its file (send_file) closed."""
    response.get_data()
    response.close()
    return response


@pytest.fixture
def page(web_app) -> Page:
    return Page(web_app)


# ---- real browser -----------------------------------------------------------------------------

@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(MISSING.format(detail=f"找不到 {CHROMIUM}"), pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        pytest.fail(MISSING.format(detail=f"无法导入 playwright：{exc}"), pytrace=False)
    manager = sync_playwright().start()
    try:
        browser = manager.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as exc:
        manager.stop()
        pytest.fail(MISSING.format(detail=f"Chromium 无法启动：{exc}"), pytrace=False)
    yield browser
    browser.close()
    manager.stop()


@pytest.fixture
def live(project: Path) -> Iterator:
    """The real server (waitress) on a free loopback port, in a thread, against the project copy."""
    from generator.web.server import Server

    server = Server(project, host="127.0.0.1", port=0)
    server.start_thread()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def browser_page(chromium, tmp_path: Path):
    context = chromium.new_context(viewport={"width": 1366, "height": 900}, accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture
def defective_txt(tmp_path: Path) -> Path:
    path = tmp_path / "同事的草稿.txt"
    path.write_text(DEFECTIVE_TEXT, encoding="utf-8")
    return path

