"""Console entry point of `aftersales` and `python -m generator`: the command line as a process of its own.

Two things a library must not do to the program that imports it, but a short command-line process may:

- **Collect cycles less often.** Importing the pipeline creates some 50,000 long-lived objects (modules,
  functions, pydantic schemas, compiled templates); with CPython's default threshold (a collection every
  700 new container objects) the collector walks them again and again, about 50 ms of a 300 ms build.
  A larger threshold keeps collections rare but still bounds memory in long runs (a batch in one
  process, `aftersales serve`).
- **End without tearing the interpreter down.** Freeing every module and object one by one at exit
  takes another 80–100 ms and achieves nothing the operating system does not do at once. Once the
  command has finished, the streams are flushed and the `atexit` callbacks run (the disk caches of
  core/regex_cache.py and core/generated_code.py, temporary directories), the process exits directly —
  unless another thread or a child process is still running, when the normal exit waits for them.

Tests and embedding programs call `generator.cli.run` (or the typer app) and keep Python's behaviour.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
from typing import NoReturn

YOUNG_OBJECTS_PER_COLLECTION = 100_000  # CPython's default is 700


def main() -> NoReturn:
    gc.set_threshold(YOUNG_OBJECTS_PER_COLLECTION, *gc.get_threshold()[1:])
    from generator.cli import run

    try:
        run()
        code: object = 0
    except SystemExit as stop:
        code = stop.code
    exit_now(code)


def exit_now(code: object) -> NoReturn:
    """Exit with `code` as `sys.exit` would, skipping the interpreter's teardown when it is safe to."""
    status = _status(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`aftersales check … | head`): nothing more to say
            pass
    run_exit_callbacks = getattr(atexit, "_run_exitfuncs", None)  # CPython's; absent elsewhere
    if run_exit_callbacks is None or _others_still_running():
        sys.exit(status)
    run_exit_callbacks()
    os._exit(status)


def _status(code: object) -> int:
    """sys.exit's rules: None is success, an integer is the status, anything else is printed and fails."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def _others_still_running() -> bool:
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return True
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is not None and bool(multiprocessing.active_children())
