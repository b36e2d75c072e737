"""Writing results: atomically, never over an existing proposal unless asked to."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.errors import InputError, Problem, os_reason


def ensure_writable(directory: Path, names: list[str], force: bool) -> None:
    """Fail before any work is done if the outputs exist (without --force) or cannot be written."""
    occupied = [directory / name for name in names if (directory / name).is_dir()]
    if occupied:
        raise InputError("输出文件的位置被同名目录占用，未生成", [
            Problem(path, "这是一个目录，无法写成文件", hint="移走该目录，或用 --output 指定其他目录")
            for path in occupied])
    existing = [directory / name for name in names if (directory / name).exists()]
    if existing and not force:
        raise InputError("输出文件已存在，未覆盖", [
            Problem(path, "文件已存在", hint="确认无误后加 --force 覆盖，或用 --output 指定其他目录")
            for path in existing])
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError("无法创建输出目录", [Problem(directory, os_reason(exc),
                                                      hint="用 --output 指定一个可写的目录")]) from None
    if not os.access(directory, os.W_OK):
        raise InputError("输出目录不可写", [Problem(directory, "没有写入权限")])


def _stage(path: Path, data: bytes) -> Path:
    """`data` written and synced to a temporary file beside `path` (same file system: rename is atomic)."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return Path(temp)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: readers see old or new, never half."""
    temp = _stage(path, data)
    try:
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def write_all(directory: Path, files: dict[str, bytes]) -> None:
    """Write several files together: every one is staged first, then all are renamed into place, the
    .docx last. A failed or interrupted write leaves the previous outputs as they were (never a new
    manifest beside an old document), and a new .docx always has its manifest beside it."""
    staged: list[tuple[Path, Path]] = []
    try:
        for name in sorted(files, key=lambda n: n.endswith(".docx")):
            staged.append((_stage(directory / name, files[name]), directory / name))
        for temp, target in staged:
            os.replace(temp, target)
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else directory
        raise InputError("写入输出文件失败", [Problem(where, os_reason(exc))]) from None
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
    for name in files:  # left by an earlier build that was killed while writing (SIGKILL, power loss)
        for stale in directory.glob(f".{name}.*.tmp"):
            stale.unlink(missing_ok=True)
