"""Writing results: atomically, never over an existing proposal unless asked to.

A build's outputs (the .docx and the manifest that describes it) are one unit: they are written
into a staged folder beside the output folder, and the staged folder replaces the output folder
in one atomic exchange. Readers and killed builds see the old pair or the new pair, never a mix.
Builds of the same tender serialise on a lock file beside the folder (`.<name>.lock`, flock: the
kernel releases it when a process dies), and the no-overwrite check happens under that lock, so of
several simultaneous builds without --force exactly one writes and the others are refused.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.core.errors import InputError, Problem, os_reason

_OVERWRITE_HINT = "确认无误后加 --force 覆盖，或用 --output 指定其他目录"


def _existing_ancestor(directory: Path) -> Path:
    for candidate in [directory, *directory.parents]:
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return Path("/")


def ensure_writable(directory: Path, names: list[str], force: bool) -> None:
    """Fail before any work is done if the outputs exist (without --force) or cannot be written.
    Creates nothing: a build that fails later leaves no empty output folder behind."""
    occupied = [directory / name for name in names if (directory / name).is_dir()]
    if occupied:
        raise InputError("输出文件的位置被同名目录占用，未生成", [
            Problem(path, "这是一个目录，无法写成文件", hint="移走该目录，或用 --output 指定其他目录")
            for path in occupied])
    refuse_existing(directory, names, force)
    ancestor = _existing_ancestor(directory)
    if not ancestor.is_dir():
        raise InputError("无法创建输出目录", [Problem(ancestor, "这是一个普通文件，不是目录",
                                                      hint="用 --output 指定一个可写的目录")])
    if not os.access(ancestor, os.W_OK | os.X_OK):
        raise InputError("输出目录不可写", [Problem(ancestor, "没有写入权限", hint="用 --output 指定一个可写的目录")])


def refuse_existing(directory: Path, names: list[str], force: bool) -> None:
    existing = [directory / name for name in names if (directory / name).exists()]
    if existing and not force:
        raise InputError("输出文件已存在，未覆盖", [Problem(path, "文件已存在", hint=_OVERWRITE_HINT)
                                                    for path in existing])


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o644)


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


@contextmanager
def output_lock(directory: Path) -> Iterator[None]:
    """Hold the lock of one output folder (waits for another build of the same folder to finish)."""
    directory.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(directory.parent / f".{directory.name}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False where the system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _staging_folders(directory: Path) -> list[Path]:
    return [p for p in directory.parent.glob(f".{directory.name}.*.tmp") if p.is_dir() and not p.is_symlink()]


def write_all(directory: Path, files: dict[str, bytes], force: bool = True, replaces: tuple[str, ...] = ()) -> None:
    """Write several files as one unit (see the module docstring). Files already in `directory` are
    kept, except those written now and those named in `replaces` (outputs the new build makes stale)."""
    try:
        with output_lock(directory):
            refuse_existing(directory, list(files), force)
            if directory.exists() and not directory.is_dir():
                raise InputError("无法创建输出目录", [Problem(directory, "这是一个普通文件，不是目录")])
            for stale in _staging_folders(directory):  # left by a build killed while writing
                shutil.rmtree(stale, ignore_errors=True)
            staged = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".tmp", dir=directory.parent))
            try:
                _fill(staged, directory, files, set(files) | set(replaces))
                if not directory.exists():
                    os.rename(staged, directory)
                elif not _exchange(staged, directory):
                    _swap_by_renames(staged, directory)
                _fsync_dir(directory.parent)
            finally:
                shutil.rmtree(staged, ignore_errors=True)  # after the exchange: the previous outputs
    except OSError as exc:
        where = Path(exc.filename) if exc.filename else directory
        raise InputError("写入输出文件失败", [Problem(where, os_reason(exc))]) from None


def _fill(staged: Path, directory: Path, files: dict[str, bytes], replaced: set[str]) -> None:
    os.chmod(staged, 0o755)
    if directory.is_dir():
        for entry in directory.iterdir():
            if entry.name in replaced or (entry.name.startswith(".") and entry.name.endswith(".tmp")):
                continue
            if entry.is_dir() and not entry.is_symlink():
                shutil.copytree(entry, staged / entry.name, symlinks=True)
            else:
                shutil.copy2(entry, staged / entry.name, follow_symlinks=False)
    for name in sorted(files):
        _write_synced(staged / name, files[name])
    _fsync_dir(staged)


def _swap_by_renames(staged: Path, directory: Path) -> None:
    """Where no atomic exchange exists: the old folder aside, the new one in (a short gap, never a mix)."""
    aside = staged.with_name(staged.name.removesuffix(".tmp") + ".old.tmp")
    os.rename(directory, aside)
    try:
        os.rename(staged, directory)
    except BaseException:
        os.rename(aside, directory)
        raise
    os.rename(aside, staged)  # removed by the caller with the rest of the staging
