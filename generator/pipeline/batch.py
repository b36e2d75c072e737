"""Many tenders in one `aftersales build`: parallel worker processes, one outcome per tender.

A failing tender never stops the others. Each worker returns a small `Outcome` (never the
document bytes), the parent reports progress as outcomes arrive (to the Reporter it is given) and
`aftersales build` (commands/build.py) prints one summary table.

Exit code of a batch (documented in `aftersales build --help`):
  0  every tender built;
  2  some failed, and every failure is bad input (fix the files, nothing else is wrong);
  1  any other failure: a build refused by a rule (负偏离, 未审定条款, 自检), two tenders writing
     to the same output, a worker that died, or an internal error (its traceback is printed).
"""

from __future__ import annotations

import gc
import json
import os
import signal
import threading
import time
import traceback
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from generator.pipeline.build import BuildOptions, BuildResult


class Reporter(Protocol):
    """What a batch tells as it runs (batch_report.py has one for terminals and one for logs)."""

    def start(self, total: int) -> None: ...

    def done(self, outcome: Outcome) -> None: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class Outcome:
    """What one tender's build came to; small and picklable (crosses the process boundary)."""

    tender: str  # as the user typed it
    exit_code: int  # 0 built, 1 refused / internal error, 2 bad input
    seconds: float
    output: str = ""  # the .docx written
    blocks: int | None = None  # document blocks (headings, paragraphs, tables…)
    pages: int | None = None  # known when a PDF was exported (--pdf); blocks otherwise
    findings: int | None = None  # checker findings of a built document; problems of a failed one
    message: str = ""  # the rendered error, in Chinese (a traceback for an internal error)
    notes: tuple[str, ...] = ()  # 草稿 / 负偏离 remarks of a built document
    notices: tuple[str, ...] = ()  # what a single build prints as “! …” (a stale date, charts given as tables)
    internal: bool = False  # an unexpected exception: a bug, not the user's input

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


def _findings_from_manifest(path: Path) -> int | None:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = manifest.get("self_check_findings")
    return value if isinstance(value, int) else None


def _success(tender: str, result: BuildResult, seconds: float) -> Outcome:
    notes = []
    negative = [d for d in result.deviations if d.negative]
    if negative:
        notes.append(f"负偏离 {len(negative)} 项")
    if result.unapproved:
        notes.append(f"草稿（未审定条款 {len(result.unapproved)} 条）")
    if result.notices:
        notes.append(f"提示 {len(result.notices)} 条（见表后）")
    return Outcome(tender, 0, seconds, output=str(result.docx_path), blocks=result.blocks or None,
                   pages=result.pages,
                   findings=_findings_from_manifest(result.manifest_path), notes=tuple(notes),
                   notices=result.notices)


# A worker's state: Ctrl-C reaches the parent only; the parent stops workers with SIGTERM, which
# interrupts a build in progress (its temporary files are removed on the way out) and turns every
# tender still queued into a quick "cancelled" outcome, so the worker can exit normally.
_worker = {"busy": False, "cancelled": False}


def _on_terminate(signum: int, frame: object) -> None:
    _worker["cancelled"] = True
    if _worker["busy"]:
        raise KeyboardInterrupt


def _init_worker(every_core_busy: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_terminate)
    if every_core_busy:
        from generator.write.docx_writer import no_spare_core

        no_spare_core()


def build_one(tender: str, options: BuildOptions) -> Outcome:
    """Build one tender; every failure becomes an Outcome (runs in a worker process)."""
    from generator.core.errors import UserError
    from generator.pipeline.build import build

    start = time.perf_counter()
    if _worker["cancelled"]:
        return Outcome(tender, 130, 0.0, message="已取消")
    _worker["busy"] = True
    try:
        result = build(Path(tender), options)
    except UserError as error:
        return Outcome(tender, error.exit_code, time.perf_counter() - start, message=error.render(),
                       findings=len(error.problems))
    except Exception:  # a bug: keep the traceback, but let the other tenders go on
        return Outcome(tender, 1, time.perf_counter() - start, internal=True,
                       message="内部错误（程序缺陷，请把以下信息报告给维护者）：\n" + traceback.format_exc())
    finally:
        _worker["busy"] = False
    return _success(tender, result, time.perf_counter() - start)


def default_jobs() -> int:
    """Cores this process may use (`--jobs 0`)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def unique_tenders(tenders: list[Path]) -> list[Path]:
    """The same file named twice (overlapping globs) is built once."""
    seen: set[Path] = set()
    unique = []
    for tender in tenders:
        key = tender.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(tender)
    return unique


def _warm_imports() -> None:
    """Import the pipeline once in the parent: forked workers inherit it instead of each paying for it."""
    import generator.pipeline.build
    import generator.pipeline.selfcheck
    import generator.write.docx_writer  # noqa: F401


def _pool(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing

    # fork: workers start in milliseconds with the imports already done. They are forked at the first
    # submit, before any reporter thread exists; a process that already runs threads (an embedding
    # program) gets the platform's safe default instead, which costs an import per worker.
    fork = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    context = multiprocessing.get_context("fork" if fork else None)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                               initargs=(jobs >= default_jobs(),))


def _stop(pool: ProcessPoolExecutor) -> None:
    """Ctrl-C: drop queued tenders, interrupt the running builds, wait for the workers to exit."""
    processes = list((getattr(pool, "_processes", None) or {}).values())  # shutdown() forgets them
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            os.kill(process.pid, signal.SIGTERM)
    pool.shutdown(wait=True)


def _run_parallel(tenders: list[Path], options: BuildOptions, jobs: int, reporter: Reporter) -> dict[str, Outcome]:
    _warm_imports()
    outcomes: dict[str, Outcome] = {}
    pool = _pool(jobs)
    try:
        # Python's advice for fork without exec: what the parent holds is out of the collector's reach while
        # the workers are forked (at the first submit), so their collections neither walk it nor touch its
        # pages (which would copy them one by one). The parent's own objects are collected again afterwards.
        gc.freeze()
        try:
            futures: dict[Future[Outcome], str] = {pool.submit(build_one, str(t), options): str(t) for t in tenders}
        finally:
            gc.unfreeze()
        reporter.start(len(tenders))
        started = time.perf_counter()
        for future in as_completed(futures):
            tender = futures[future]
            try:
                outcome = future.result()
            except BrokenProcessPool:
                outcome = Outcome(tender, 1, time.perf_counter() - started, internal=True,
                                  message="生成该项目的工作进程意外退出（可能内存不足或被终止），未生成文档")
            outcomes[tender] = outcome
            reporter.done(outcome)
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown(wait=True)
    return outcomes


def _run_serial(tenders: list[Path], options: BuildOptions, reporter: Reporter) -> dict[str, Outcome]:
    reporter.start(len(tenders))
    outcomes = {}
    for tender in tenders:
        outcome = build_one(str(tender), options)
        outcomes[str(tender)] = outcome
        reporter.done(outcome)
    return outcomes


def flag_shared_outputs(outcomes: list[Outcome]) -> list[Outcome]:
    """Two tenders with the same id write to the same place: neither result can be trusted."""
    by_output: dict[str, list[str]] = {}
    for outcome in outcomes:
        if outcome.ok:
            by_output.setdefault(outcome.output, []).append(outcome.tender)
    flagged = []
    for outcome in outcomes:
        others = [t for t in by_output.get(outcome.output, []) if t != outcome.tender] if outcome.ok else []
        if others:
            outcome = replace(outcome, exit_code=1, message=(
                f"与 {'、'.join(others)} 的项目编号 id 相同，输出到同一文件，结果互相覆盖\n"
                f"  - {outcome.tender}：请为每个招标项目文件设置不同的 id 后重新生成"))
        flagged.append(outcome)
    return flagged


def batch_exit_code(outcomes: list[Outcome]) -> int:
    failed = [o for o in outcomes if not o.ok]
    if not failed:
        return 0
    return 2 if all(o.exit_code == 2 for o in failed) else 1


def run_batch(tenders: list[Path], options: BuildOptions, jobs: int, reporter: Reporter) -> list[Outcome]:
    """Build every tender (in `jobs` processes); outcomes in the order the tenders were given."""
    tenders = unique_tenders(tenders)
    jobs = min(jobs or default_jobs(), len(tenders))
    try:  # parsed inputs are cached by content in every process (load/yamlio.py)
        if jobs > 1:
            outcomes = _run_parallel(tenders, options, jobs, reporter)
        else:
            outcomes = _run_serial(tenders, options, reporter)
    finally:
        reporter.stop()
    return [outcomes[str(t)] for t in tenders]
