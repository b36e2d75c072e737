"""Uploaded documents are data: size-limited, read into memory, never given a name on disk.

Werkzeug spools a large upload to a temporary file; this request class puts that file in the
server's own temporary folder (created at start, removed at exit) as an anonymous file that
disappears when the request ends. The upload's file name is only used for its suffix and shown
as text; it never becomes a path.
"""

from __future__ import annotations

import tempfile
from pathlib import PurePosixPath, PureWindowsPath
from typing import IO, Any

from flask import Request, current_app

SPOOL_BYTES = 512 * 1024
CHECK_SUFFIXES = (".docx", ".pdf", ".doc", ".wps", ".txt", ".md")


class UploadRequest(Request):
    def _get_file_stream(self, total_content_length: int | None, content_type: str | None,
                         filename: str | None = None, content_length: int | None = None) -> IO[bytes]:
        return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, dir=current_app.config["UPLOAD_DIR"])


class UploadProblem(Exception):
    """Shown to the user as it is."""


def display_name(filename: str | None) -> str:
    """The last part of a browser-supplied name, for display and for its suffix only."""
    name = PureWindowsPath(PurePosixPath(filename or "").name).name.strip()
    return "".join(ch for ch in name if ch.isprintable())[:120] or "未命名文件"


def read_upload(storage: Any, limit: int, suffixes: tuple[str, ...] = CHECK_SUFFIXES) -> tuple[bytes, str]:
    """(content, display name) of an uploaded file; UploadProblem when it cannot be used."""
    if storage is None or not storage.filename:
        raise UploadProblem("请先选择要检查的文件")
    name = display_name(storage.filename)
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in suffixes:
        raise UploadProblem(f"不支持的文件类型“{suffix or '无扩展名'}”：请上传 {'、'.join(suffixes)} 文件")
    data = storage.stream.read(limit + 1)
    if len(data) > limit:
        raise UploadProblem(f"文件过大：上限为 {limit // (1024 * 1024)} MB")
    if not data:
        raise UploadProblem("文件是空的")
    return data, name
