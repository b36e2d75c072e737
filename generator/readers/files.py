"""Read an input file within a size limit, refusing what is not a regular file before opening it.

The size is checked with stat before a byte is read (a 3 GB sparse file is refused at once), pipes,
devices and sockets are refused (a FIFO would block `open`, /dev/zero would fill the memory), and
the read itself stops one byte past the limit in case the file grows meanwhile.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from generator.readers.errors import DocumentError

MB = 1024 * 1024
TEXT_LIMIT = 20 * MB  # .txt / .md
PACKAGE_LIMIT = 50 * MB  # .docx / .pdf / .doc / .wps
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text", "")

_REASONS = {
    errno.ENOENT: "文件不存在",
    errno.EACCES: "没有读取权限",
    errno.EPERM: "没有读取权限",
    errno.ENOTDIR: "路径中有一段是普通文件，不是目录",
    errno.ELOOP: "符号链接循环，无法找到文件",
    errno.ENAMETOOLONG: "路径过长",
    errno.EIO: "读取出错（磁盘或网络故障）",
}


def limit_for(name: str) -> int:
    return TEXT_LIMIT if Path(name).suffix.lower() in TEXT_SUFFIXES else PACKAGE_LIMIT


def too_large(size: int, limit: int) -> str:
    return f"文件过大（{size / MB:.1f} MB），此类文件不应超过 {limit // MB} MB"


def _refuse_kind(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "是目录，不是文件"
    if stat.S_ISFIFO(mode):
        return "是命名管道（FIFO），不是普通文件，已拒绝读取"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "是设备文件，不是普通文件，已拒绝读取"
    if stat.S_ISSOCK(mode):
        return "是套接字，不是普通文件，已拒绝读取"
    if not stat.S_ISREG(mode):
        return "不是普通文件，已拒绝读取"
    return None


def _reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or -1) or f"无法读取文件（系统错误：{exc.strerror or exc}）"


def read_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of `path`; DocumentError naming the file when it cannot or must not be read."""
    limit = limit_for(path.name) if limit is None else limit
    try:
        info = os.stat(path)
        refusal = _refuse_kind(info.st_mode)
        if refusal:
            raise DocumentError(path, refusal)
        if info.st_size > limit:
            raise DocumentError(path, too_large(info.st_size, limit))
        # O_NONBLOCK: should the path have become a FIFO since the stat, open does not wait for a writer
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as handle:
            refusal = _refuse_kind(os.fstat(handle.fileno()).st_mode)
            if refusal:
                raise DocumentError(path, refusal)
            data = handle.read(limit + 1)
    except OSError as exc:
        raise DocumentError(path, _reason(exc)) from None
    except ValueError as exc:  # a path with a NUL character
        raise DocumentError(path, f"文件路径无效（{exc}）") from None
    if len(data) > limit:
        raise DocumentError(path, too_large(len(data), limit))
    return data
