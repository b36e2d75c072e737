"""Which version of a file a path holds, known from one stat: its path, device, inode, size and
modification time in nanoseconds. A file that is edited, replaced or renamed over gets another size,
inode or mtime, so a result kept under the old version is not used again.

What that cannot see: a rewrite of the same size within the file system's timestamp granularity
(1-2 s on some file systems). So a file modified less than RACY_SECONDS ago is not `still`: what is
worked out from it must not be kept (git's "racily clean" rule) until it has been still for that long.
"""

from __future__ import annotations

import os
import time

RACY_SECONDS = 3.0

Version = tuple[str, int, int, int, int]


def version(path: str | os.PathLike[str]) -> tuple[Version, bool]:
    """The file's version, and whether it has been still long enough to keep results under it.
    Raises OSError as os.stat does."""
    st = os.stat(path)
    key = (os.fspath(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
    return key, time.time_ns() - st.st_mtime_ns > RACY_SECONDS * 1e9
