"""The Flask application: configuration, security hooks, error pages; the pages live in views_*.py."""

from __future__ import annotations

import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from flask import Flask, redirect, render_template, url_for
from werkzeug.exceptions import HTTPException

from generator.web import security
from generator.web.project_cache import ProjectCache
from generator.web.uploads import UploadRequest

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
ERROR_TITLES = {400: "请求无效", 403: "请求被拒绝", 404: "找不到页面或文件", 405: "不支持该操作",
                413: "上传的文件过大", 500: "程序内部错误"}


@dataclass(frozen=True)
class WebConfig:
    root: Path  # project: clauses/, profiles/, templates/, tenders/
    output_root: Path  # where proposals are built and downloaded from
    upload_dir: Path  # the server's temporary folder for uploads in transit
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    loopback_only: bool = True  # answer only requests addressed to 127.0.0.1 / localhost / ::1


def create_app(config: WebConfig) -> Flask:
    app = Flask(__name__)
    app.request_class = UploadRequest
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),  # new per start: sessions and tokens end with the server
        MAX_CONTENT_LENGTH=config.max_upload_bytes + 256 * 1024,  # the file plus the form around it
        MAX_FORM_MEMORY_SIZE=2 * 1024 * 1024,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        UPLOAD_DIR=str(config.upload_dir),
        WEB=config,
        JSON_AS_ASCII=False,
    )
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.extensions["build_lock"] = threading.Lock()  # one build at a time: builds share output folders
    app.extensions["project_cache"] = ProjectCache(config.root)  # parsed project files, until one changes

    @app.before_request
    def _guard() -> None:
        security.check_host(config.loopback_only)
        security.check_cross_site()

    @app.after_request
    def _headers(response):
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Content-Security-Policy",
                                    "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'")
        return response

    @app.context_processor
    def _globals() -> dict:
        return {"csrf_token": security.csrf_token}

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        code = error.code or 500
        message = error.description if code in (400, 403) else {
            404: "地址有误，或文件已被移走。", 405: "请从页面上的按钮操作。",
            413: f"上传的文件超过上限 {config.max_upload_bytes // (1024 * 1024)} MB。"}.get(code, error.description)
        return render_template("error.html", title=ERROR_TITLES.get(code, "出错了"), message=message, code=code), code

    from generator.web import views_check, views_clauses, views_extract, views_outputs, views_profiles, views_tenders

    app.register_blueprint(views_tenders.blueprint)
    app.register_blueprint(views_extract.blueprint)
    app.register_blueprint(views_outputs.blueprint)
    app.register_blueprint(views_check.blueprint)
    app.register_blueprint(views_clauses.blueprint)
    app.register_blueprint(views_profiles.blueprint)

    @app.get("/")
    def home():
        return redirect(url_for("tenders.index"))

    return app
