"""Security of the local page: loopback binding, host check, CSRF token + Origin on every state-changing
action, downloads confined to the output folder, uploads size-limited and kept in a temporary folder."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from generator.pipeline.build import BuildOptions, build

# no id: the page makes it from the project number (csrf-probe-1)
SAVE_FORM = {"project_name": "探测项目", "project_number": "CSRF-PROBE-1", "purchaser.name": "某单位",
             "delivery_place": "某地", "bidder": "huachen", "product_type": "it-equipment", "products": "计算机",
             "date": "2026-11-20"}


def _clause(project: Path) -> Path:
    return project / "clauses" / "equipment" / "warranty-scope.yaml"


def _edit_body(path: Path) -> None:
    """Make an approved clause 'changed since approval' so that approving it changes the file."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("body: |\n", "body: |\n  本条款经修订。\n", 1), encoding="utf-8")


# ---- binding and host ----------------------------------------------------------------------------

def test_serve_binds_loopback_by_default() -> None:
    import inspect

    from generator.commands.serve import serve_command
    from generator.web.server import Server

    assert inspect.signature(serve_command).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(Server).parameters["host"].default == "127.0.0.1"


def test_server_listens_on_loopback_only(project: Path) -> None:
    from generator.web.server import Server

    server = Server(project, port=0)
    try:
        assert server.url.startswith("http://127.0.0.1:")
        assert server.server.socket.getsockname()[0] == "127.0.0.1"  # type: ignore[union-attr]
        assert server.app.config["WEB"].loopback_only is True
    finally:
        server.close()


def test_foreign_host_header_is_refused(page) -> None:
    response = page.client.get("/tenders", base_url="http://attacker.example:8000")
    assert response.status_code == 400
    assert "不是本机地址" in response.get_data(as_text=True)
    assert page.client.get("/tenders", base_url="http://localhost:8000").status_code == 200


def test_port_in_use_is_explained(cli, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen(1)
    port = holder.getsockname()[1]
    monkeypatch.chdir(project)
    try:
        code, out, err = cli("serve", "--port", str(port), "--no-browser")
    finally:
        holder.close()
    assert code == 2
    assert f"端口 {port} 已被占用" in err


# ---- cross-site requests -------------------------------------------------------------------------

def _actions(project: Path) -> list[tuple[str, dict]]:
    return [("/tenders/save", SAVE_FORM), ("/tenders/build", {"file": "demo.yaml"}),
            ("/clauses/warranty-scope/approve", {"by": "攻击者"})]


@pytest.mark.parametrize("index", [0, 1, 2], ids=["save", "generate", "approve"])
def test_state_changes_need_the_session_token(page, project: Path, index: int) -> None:
    _edit_body(_clause(project))
    before = _clause(project).read_bytes()
    url, data = _actions(project)[index]
    for token in ("", "forged-token"):
        response = page.post(url, data, token=token)
        assert response.status_code == 403, (url, token)
        assert "安全校验未通过" in response.get_data(as_text=True)
    assert not (project / "tenders" / "csrf-probe-1.yaml").exists()
    assert not (project / "output" / "demo" / "售后服务方案.docx").exists()
    assert _clause(project).read_bytes() == before


@pytest.mark.parametrize("index", [0, 1, 2], ids=["save", "generate", "approve"])
def test_state_changes_from_another_origin_are_refused(page, project: Path, index: int) -> None:
    _edit_body(_clause(project))
    before = _clause(project).read_bytes()
    url, data = _actions(project)[index]
    assert page.post(url, data, origin="http://evil.example").status_code == 403  # right token, wrong site
    assert page.post(url, data, origin="null").status_code == 403
    referer = {"Referer": "http://evil.example/page"}
    assert page.post(url, data, origin=None, headers=referer).status_code == 403
    assert not (project / "tenders" / "csrf-probe-1.yaml").exists()
    assert not (project / "output" / "demo" / "售后服务方案.docx").exists()
    assert _clause(project).read_bytes() == before


def test_same_origin_with_token_is_accepted(page, project: Path) -> None:
    response = page.post("/tenders/save", SAVE_FORM)
    assert response.status_code == 302
    assert (project / "tenders" / "csrf-probe-1.yaml").is_file()


def test_token_is_per_session(web_app) -> None:
    from conftest import Page

    first, second = Page(web_app), Page(web_app)
    first.get("/tenders")
    second.get("/tenders")
    assert first.token and second.token and first.token != second.token
    assert second.post("/tenders/save", SAVE_FORM, token=first.token).status_code == 403


# ---- downloads -----------------------------------------------------------------------------------

@pytest.fixture
def built(project: Path) -> Path:
    build(project / "tenders" / "demo.yaml", BuildOptions(output_root=project / "output"))
    return project / "output" / "demo"


def test_download_serves_the_built_proposal(page, built: Path) -> None:
    response = page.get("/outputs/demo/download/docx")
    assert response.status_code == 200
    assert response.data == (built / "售后服务方案.docx").read_bytes()
    assert "attachment" in response.headers["Content-Disposition"]


@pytest.mark.parametrize("url", [
    "/outputs/../download/docx",
    "/outputs/..%2F..%2Fclauses/download/docx",
    "/outputs/demo/download/..%2F..%2Ftenders%2Fdemo.yaml",
    "/outputs/demo/download/售后服务方案.docx",
    "/outputs/demo/download/manifest.json",
    "/outputs/DEMO/download/docx",
    "/outputs/demo%00/download/docx",
    "/outputs/nonexistent/download/docx",
    "/outputs/demo/download/pdf",  # not built
])
def test_download_cannot_leave_the_output_folder(page, built: Path, url: str) -> None:
    assert page.get(url).status_code == 404


def test_download_does_not_follow_links_out_of_the_output_folder(page, project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret"
    outside.mkdir()
    (outside / "售后服务方案.docx").write_bytes(b"secret")
    os.symlink(outside, project / "output" / "leak")
    assert page.get("/outputs/leak/download/docx").status_code == 404
    (project / "output" / "leak2").mkdir()
    os.symlink(outside / "售后服务方案.docx", project / "output" / "leak2" / "售后服务方案.docx")
    assert page.get("/outputs/leak2/download/docx").status_code == 404


def test_output_file_resolves_inside(project: Path, built: Path, tmp_path: Path) -> None:
    from generator.web.views_outputs import output_file

    root = project / "output"
    assert output_file(root, "demo", "docx") == (built / "售后服务方案.docx").resolve()
    for bad_id in ("..", "../demo", "demo/..", "", "a" * 200, "Demo"):
        assert output_file(root, bad_id, "docx") is None
    assert output_file(root, "demo", "../../tenders/demo.yaml") is None


def test_tender_names_are_whitelisted(page, project: Path) -> None:
    for name in ("../profiles/bidders/huachen.yaml", "/etc/passwd", "samples/elevator-maintenance.key.yaml",
                 "demo.yaml/../../clauses/core/principles.yaml", "nope.yaml"):
        assert page.get(f"/tenders/preview?file={name}").status_code == 404
        assert page.get(f"/tenders/form?file={name}").status_code == 404


# ---- uploads -------------------------------------------------------------------------------------

def test_upload_over_the_limit_is_refused(page) -> None:
    response = page.upload("/check", "大文件.txt", b"a" * (2 * 1024 * 1024))
    assert response.status_code == 413
    assert "超过上限" in response.get_data(as_text=True)


def test_upload_just_over_the_file_limit_is_refused_with_the_reason(page) -> None:
    data = b"a" * (1024 * 1024 + 10)  # within the request limit, over the file limit
    response = page.upload("/check", "稍大.txt", data)
    assert response.status_code == 422
    assert "文件过大" in response.get_data(as_text=True)


@pytest.mark.parametrize("name,reason", [("方案.doc", "不是有效的 .doc 文件"), ("脚本.exe", "不支持的文件类型"),
                                         ("无扩展名", "不支持的文件类型")])
def test_upload_types_are_limited(page, name: str, reason: str) -> None:
    response = page.upload("/check", name, b"data")
    assert response.status_code == 422
    assert reason in response.get_data(as_text=True)


def test_upload_name_is_never_a_path(page, web_app, project: Path) -> None:
    text = "售后服务方案\n质保期为3年。\n".encode()
    response = page.upload("/check", "../../tenders/evil.txt", text)
    assert response.status_code == 200
    assert "检查结果：evil.txt" in response.get_data(as_text=True)
    assert not (project / "tenders" / "evil.txt").exists()
    assert list(Path(web_app.config["UPLOAD_DIR"]).iterdir()) == []


def test_large_upload_spools_only_inside_the_temporary_folder(page, web_app, monkeypatch) -> None:
    import tempfile

    seen: list[str | None] = []
    original = tempfile.SpooledTemporaryFile

    def spy(*args, **kwargs):
        seen.append(kwargs.get("dir"))
        return original(*args, **kwargs)

    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", spy)
    body = ("售后服务方案\n" + "质保期为3年，服务热线7×24小时。\n" * 12000).encode()
    assert 512 * 1024 < len(body) < 1024 * 1024  # spooled to disk, within the limit
    response = page.upload("/check", "长文档.txt", body)
    assert response.status_code == 200
    assert seen and all(d == web_app.config["UPLOAD_DIR"] for d in seen)
    assert list(Path(web_app.config["UPLOAD_DIR"]).iterdir()) == []


def test_server_removes_its_upload_folder(project: Path) -> None:
    from generator.web.server import Server

    server = Server(project, port=0)
    folder = server.upload_dir
    assert folder.is_dir() and folder.name.startswith("aftersales-web-")
    server.close()
    assert not folder.exists()


def test_closing_with_idle_keep_alive_connections_closes_them_in_the_server_thread(project: Path) -> None:
    """A browser keeps connections open after its last page; closing the server must end its loop
    thread and close those channels there (no exception in the thread, no socket left to the GC)."""
    from generator.web.server import Server

    server = Server(project, port=0)
    thread = server.start_thread()
    clients = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(3)]
    try:
        for client in clients:
            client.sendall(b"GET /tenders HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n")
            assert client.recv(12).startswith(b"HTTP/1.1 200")
        server.close()
        assert not thread.is_alive()
        assert server.server._map == {}  # every channel, the listener and the trigger are closed
        for client in clients:  # the server side is gone: the client reads end-of-file, not a hang
            while client.recv(65536):
                pass
    finally:
        for client in clients:
            client.close()


def test_security_headers(page) -> None:
    response = page.get("/check")
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert "SameSite=Strict" in response.headers["Set-Cookie"]
    assert "HttpOnly" in response.headers["Set-Cookie"]
