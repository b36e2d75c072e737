"""Writing results: atomically, never over an existing proposal unless asked to."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.errors import InputError, Problem


def ensure_writable(directory: Path, names: list[str], force: bool) -> None:
    """Fail before any work is done if the outputs exist (without --force) or cannot be written."""
    existing = [directory / name for name in names if (directory / name).exists()]
    if existing and not force:
        raise InputError("输出文件已存在，未覆盖", [
            Problem(path, "文件已存在", hint="确认无误后加 --force 覆盖，或用 --output 指定其他目录")
            for path in existing])
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError("无法创建输出目录", [Problem(directory, exc.strerror or str(exc))]) from None
    if not os.access(directory, os.W_OK):
        raise InputError("输出目录不可写", [Problem(directory, "没有写入权限")])


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers see old or new, never half."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_all(directory: Path, files: dict[str, bytes]) -> None:
    """Write several files; the .docx last, so a complete manifest always sits beside it."""
    try:
        for name in sorted(files, key=lambda n: n.endswith(".docx")):
            write_atomic(directory / name, files[name])
    except OSError as exc:
        raise InputError("写入输出文件失败", [Problem(directory, exc.strerror or str(exc))]) from None
