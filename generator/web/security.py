"""What keeps a local page safe from other web sites and from its own inputs.

- Host check: a server bound to loopback answers only requests addressed to a loopback name, so a
  site that re-points its own domain at 127.0.0.1 (DNS rebinding) cannot read the pages.
- Cross-site requests: every POST must come from this origin (Origin, else Referer, when the browser
  sends one) and carry the session's CSRF token (form field `csrf_token` or header X-CSRF-Token).
- Paths: a name typed into a URL is accepted only after resolving it and checking it lies inside
  the folder it must come from.
"""

from __future__ import annotations

import hmac
import re
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from flask import abort, request, session

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
TOKEN_KEY = "csrf"
ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")  # tender ids (the model's pattern), output folder names


def csrf_token() -> str:
    """The session's token, created on first use (pages put it in every form)."""
    token = session.get(TOKEN_KEY)
    if not token:
        token = secrets.token_urlsafe(32)
        session[TOKEN_KEY] = token
    return token


def _host_name(host: str) -> str:
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def check_host(loopback_only: bool) -> None:
    if loopback_only and _host_name(request.host.lower()) not in LOOPBACK_NAMES:
        abort(400, description="请求的主机名不是本机地址，已拒绝。请直接打开 http://127.0.0.1 开头的地址。")


def _same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() == request.host_url.rstrip("/").lower()


def check_cross_site() -> None:
    """Refuse a state-changing request that another site could have made the browser send."""
    if request.method in SAFE_METHODS:
        return
    origin = request.headers.get("Origin")
    if origin is not None:
        if not _same_origin(origin):
            abort(403, description="请求来自其他网站，已拒绝。")
    else:
        referer = request.headers.get("Referer")
        if referer and not _same_origin(referer):
            abort(403, description="请求来自其他网站，已拒绝。")
    expected = session.get(TOKEN_KEY)
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token", "")
    if not expected or not sent or not hmac.compare_digest(str(expected), str(sent)):
        abort(403, description="页面已过期或不是从本工具打开的（安全校验未通过）。请返回上一页，刷新后再操作一次。")


def inside(base: Path, candidate: Path) -> Path | None:
    """`candidate` resolved, if it is a file strictly inside `base` (symbolic links followed)."""
    try:
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    base = base.resolve()
    if resolved == base or not resolved.is_relative_to(base) or not resolved.is_file():
        return None
    return resolved


def valid_id(value: str) -> bool:
    return bool(ID.fullmatch(value))
