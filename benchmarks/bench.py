#!/usr/bin/env python3
"""Benchmarks of aftersales, side by side on the same content (a script, not a test).

    .venv/bin/python benchmarks/bench.py            # every figure, medians
    .venv/bin/python benchmarks/bench.py --quick    # fewer repeats
    .venv/bin/python benchmarks/bench.py --markdown benchmarks/last-run.md

Baselines need docxtpl in the venv (`.venv/bin/pip install docxtpl`); it is not a dependency of the
package. Targets (issue 19): in-process build no slower than docxtpl on the same content, and our
writer no slower than docxtpl at 100 pages; whole-process demo build ≤ 0.4 s; `aftersales --help`
≤ 0.25 s; `aftersales check` of a 100-page proposal ≤ 0.3 s; 2 jobs ≥ 1.8 × the throughput of 1 job
on 100 tenders. Issue 17: `check` of 20,000 commitments in one paragraph < 5 s, and about 4 × the
time of 5,000 (linear).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VENV_BIN = Path(sys.executable).parent
AFTERSALES = str(VENV_BIN / "aftersales") if (VENV_BIN / "aftersales").exists() else "aftersales"
# Whole-process runs import this checkout's code, even through another checkout's editable venv (a work
# tree sharing main's .venv): its `aftersales` script would otherwise import the code the venv was installed from.
CHILD_ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
PROJECT_DIRS = ("clauses", "profiles", "templates", "tenders")
# Every figure is taken on a private copy of the project data (set in main()), so edits in the work
# tree during a run cannot change the content half-way.
DEMO = ROOT / "tenders" / "demo.yaml"
REFERENCE = ROOT / "templates" / "standard" / "reference.docx"


# -- measuring ------------------------------------------------------------------------------------

def median_seconds(fn: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run_quiet(args: list[str], cwd: Path | None = None, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    result = subprocess.run(args, cwd=cwd or DEMO.parent.parent, capture_output=True, env=CHILD_ENV)
    if check and result.returncode != 0:
        raise SystemExit(f"command failed ({result.returncode}): {' '.join(args)}\n"
                         f"{result.stderr.decode('utf-8', 'replace')}")
    return result


@dataclass
class Row:
    name: str
    seconds: float | None
    note: str = ""
    target: str = ""
    met: bool | None = None


ROWS: list[Row] = []


def record(name: str, seconds: float | None, note: str = "", target: str = "", met: bool | None = None) -> None:
    row = Row(name, seconds, note, target, met)
    ROWS.append(row)
    if seconds is None:
        shown = "      n/a   "
    elif "ratio" in note:
        shown = f"{seconds:9.2f} × "
    else:
        shown = f"{seconds * 1000:9.1f} ms"
    verdict = "" if met is None else ("  OK" if met else "  MISSED")
    print(f"{name:<58}{shown}  {note}{'  [' + target + ']' if target else ''}{verdict}", flush=True)


# -- the same content for every writer ---------------------------------------------------------------

def demo_proposal():
    """The demo's Proposal (blocks), through the build's own named steps, without writing anything."""
    from generator.load.project import load_inputs
    from generator.pipeline.build import check_requirements, resolve
    from generator.render.context import build_context
    from generator.render.proposal import render_proposal, select_clauses

    inputs = load_inputs(DEMO)
    commitments = resolve(inputs)
    deviations = check_requirements(inputs, commitments, allow_deviation=True)
    product = inputs.product.model
    sections, _ = select_clauses(inputs.outline.model, inputs.clauses, product.id, list(product.capabilities))
    context = build_context(inputs.tender.model, inputs.bidder.model, product, commitments, deviations)
    return render_proposal(inputs.outline.model, sections, context, draft=True)


def enlarged(proposal, copies: int):
    """The demo body repeated: about 10 pages per copy of the demo."""
    from generator.render.blocks import Cover, PageBreak, Toc

    head = [b for b in proposal.blocks[:4] if isinstance(b, (Cover, PageBreak, Toc))]
    body = list(proposal.blocks[len(head):])
    return replace(proposal, blocks=tuple(head + body * copies))


def flatten(proposal) -> list[dict]:
    """Blocks → plain records (style name + text, tables, page breaks) that any writer can take."""
    from generator.render.blocks import Cover, Heading, ListBlock, PageBreak, Paragraph, Signature, Table, Toc
    from generator.write.docx_writer import PARAGRAPH_STYLES as styles  # the writer's own mapping
    out: list[dict] = []

    def p(style: str, text: str = "") -> None:
        out.append({"kind": "p", "style": style, "text": text})

    for block in proposal.blocks:
        if isinstance(block, Cover):
            for _ in range(3):
                p("Cover Title")
            p("Cover Title", block.title)
            p("Cover Subtitle", block.subtitle)
            for label, value in block.fields:
                p("Cover Field", label + value)
        elif isinstance(block, PageBreak):
            out.append({"kind": "break"})
        elif isinstance(block, Toc):
            p("TOC Title", block.title)
            for entry in block.entries:
                p(f"toc {min(entry.level, 2)}", entry.text)
        elif isinstance(block, Heading):
            p(f"Heading {block.level}", block.text)
        elif isinstance(block, Paragraph):
            p(styles[block.style], block.text)
        elif isinstance(block, ListBlock):
            for index, item in enumerate(block.items, start=1):
                p("Normal", (f"{index}. " if block.ordered else "• ") + item)
        elif isinstance(block, Table):
            out.append({"kind": "table", "header": list(block.header), "rows": [list(r) for r in block.rows]})
        elif isinstance(block, Signature):
            p("Normal")
            for label, value in block.lines:
                p("Signature Line", label + value)
    return out


def python_docx_minimal(records: list[dict]) -> bytes:
    """What a Python user writes first: add_paragraph(text, style=name), add_table, add_page_break."""
    from docx import Document

    document = Document(str(REFERENCE))
    for record_ in records:
        if record_["kind"] == "p":
            document.add_paragraph(record_["text"], style=record_["style"])
        elif record_["kind"] == "break":
            document.add_page_break()
        else:
            rows = [record_["header"], *record_["rows"]]
            table = document.add_table(rows=len(rows), cols=len(rows[0]), style="Table Grid")
            for cells, values in zip(table.rows, rows, strict=True):
                for cell, value in zip(cells.cells, values, strict=True):
                    cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_docxtpl_template(path: Path, records: list[dict]) -> None:
    """One docxtpl template that renders any record list: a loop with a branch per style."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    document = Document(str(REFERENCE))
    styles = sorted({r["style"] for r in records if r["kind"] == "p"})
    document.add_paragraph("{%p for b in blocks %}")
    document.add_paragraph("{%p if b.kind == 'break' %}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph("{%p elif b.kind == 'table' %}")
    table = document.add_table(rows=4, cols=3, style="Table Grid")
    cells = [["{%tc for c in b.header %}", "{{ c }}", "{%tc endfor %}"],
             ["{%tr for row in b.rows %}", "", ""],
             ["{%tc for c in row %}", "{{ c }}", "{%tc endfor %}"],
             ["{%tr endfor %}", "", ""]]
    for row, values in zip(table.rows, cells, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    for style in styles:
        document.add_paragraph(f"{{%p elif b.style == '{style}' %}}")
        document.add_paragraph("{{ b.text }}", style=style)
    document.add_paragraph("{%p endif %}")
    document.add_paragraph("{%p endfor %}")
    document.save(str(path))


def docxtpl_render(template: Path, records: list[dict]) -> bytes:
    from docxtpl import DocxTemplate

    document = DocxTemplate(str(template))
    document.render({"blocks": records}, autoescape=True)  # TECH-NOTES: the default drops & and <
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def have_docxtpl() -> bool:
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        return False
    return True


def page_count(docx: Path, workdir: Path) -> int | None:
    """Pages as LibreOffice lays them out (None when soffice or pdfinfo is missing)."""
    if not (shutil.which("soffice") and shutil.which("pdfinfo")):
        return None
    profile = workdir / "lo-profile"
    run_quiet(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(workdir), str(docx)], check=False)
    pdf = workdir / (docx.stem + ".pdf")
    if not pdf.exists():
        return None
    info = run_quiet(["pdfinfo", str(pdf)], check=False).stdout.decode("utf-8", "replace")
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


# -- the project copy for whole-process runs ---------------------------------------------------------

def project_copy(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in PROJECT_DIRS:
        shutil.copytree(ROOT / name, target / name)
    (target / "output").mkdir()
    return target


def hundred_tenders(project: Path, count: int) -> list[Path]:
    text = DEMO.read_text(encoding="utf-8")
    folder = project / "batch"
    folder.mkdir()
    paths = []
    for index in range(1, count + 1):
        body = text.replace("id: demo", f"id: bench-{index:03d}", 1)
        body = body.replace("project_number: HDWJ-2026-GK-031", f"project_number: HDWJ-2026-GK-{index:03d}", 1)
        path = folder / f"bench-{index:03d}.yaml"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def check_available() -> bool:
    result = run_quiet([AFTERSALES, "check", "--help"], check=False)
    return result.returncode == 0


# -- the benchmark -----------------------------------------------------------------------------------

def clear_memory_caches() -> None:
    """Forget what this process memoised (parsed and validated inputs, charts, column widths, prepared
    references, the checker's block analyses…), so a run costs what the first build of a new process
    costs (the disk caches stay warm). Every bounded memo, per-text memo and lru_cache of the package is
    found on the imported modules rather than listed by name; the few plain dicts are named."""
    import functools
    import sys

    from generator.check.memo import TextMemo
    from generator.core.bounded_memo import BoundedMemo

    for module_name, module in list(sys.modules.items()):
        if module is None or not module_name.startswith("generator."):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, BoundedMemo):
                value.clear()
            elif isinstance(value, TextMemo):
                value.cached.cache_clear()
            elif isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()
    import generator.load.validated as validated
    import generator.load.yamlio as yamlio

    yamlio._parsed.clear()
    validated._memory.clear()
    try:
        from generator.pictures import cached

        cached._memory.clear()
    except ImportError:
        pass


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    global DEMO, REFERENCE
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (rough figures)")
    parser.add_argument("--tenders", type=int, default=100, help="tenders in the batch runs (default 100)")
    parser.add_argument("--paragraph", type=int, default=20_000,
                        help="commitments in the one-paragraph check (default 20,000; the smaller run is a quarter)")
    parser.add_argument("--markdown", type=Path, help="also write the figures as a markdown table to this file")
    args = parser.parse_args()
    repeat = 3 if args.quick else 9
    batch_repeat = 1 if args.quick else 5  # the ratio of two medians: five pairs, a burst of load elsewhere moves one pair

    print(f"aftersales benchmarks — {dt.datetime.now():%Y-%m-%d %H:%M}, {machine()}")
    print(f"load average at start: {load()}; medians of {repeat} runs (batch: {batch_repeat}); lower is better")
    print(compile_modules() + "\n")

    with tempfile.TemporaryDirectory(prefix="aftersales-bench-") as temp_name:
        temp = Path(temp_name)
        project = project_copy(temp / "project")
        DEMO = project / "tenders" / "demo.yaml"
        REFERENCE = project / "templates" / "standard" / "reference.docx"

        from generator.pipeline.build import BuildOptions, build
        from generator.write.docx_writer import write_docx

        options = BuildOptions(force=True, allow_draft=True, output_root=temp / "inproc")

        # 1. the demo, in-process and as a whole process
        in_process = median_seconds(lambda: build(DEMO, options), repeat)
        proposal = demo_proposal()
        record("demo build, in-process (load→render→write→self-check)", in_process, f"{len(proposal.blocks)} blocks")
        fresh = median_seconds(lambda: (clear_memory_caches(), build(DEMO, options)), repeat)
        record("demo build, in-process, memory caches cleared every run", fresh,
               "as the first build of a new process (disk caches warm)")
        whole = median_seconds(lambda: run_quiet([AFTERSALES, "build", str(DEMO), "--allow-draft", "--force",
                                                  "-o", str(temp / "whole")]), repeat)
        record("demo build, whole process", whole, target="≤ 400 ms", met=whole <= 0.4)

        # 2. the same blocks through three writers, at demo size and at ~100 pages
        demo_docx = temp / "demo.docx"
        demo_docx.write_bytes(write_docx(proposal, REFERENCE))
        demo_pages = page_count(demo_docx, temp)
        copies = max(1, -(-100 // demo_pages)) if demo_pages else 5  # at least 100 pages
        big = enlarged(proposal, copies)
        big_docx = temp / "proposal-100.docx"
        big_docx.write_bytes(write_docx(big, REFERENCE))
        pages = page_count(big_docx, temp)
        sizes = [(f"demo, {demo_pages or '?'} pages", proposal), (f"{pages or '~100'} pages", big)]
        template = temp / "docxtpl-template.docx"
        make_docxtpl_template(template, flatten(big))
        for label, prop in sizes:
            flat = flatten(prop)
            ours = median_seconds(lambda p=prop: write_docx(p, REFERENCE), repeat)
            record(f"[{label}] our writer only (write_docx)", ours, f"{len(flat)} paragraphs/tables")
            ours_cold = median_seconds(lambda p=prop: (clear_memory_caches(), write_docx(p, REFERENCE)), repeat)
            record(f"[{label}] our writer, memory caches cleared every run", ours_cold, "column widths fitted again")
            naive = median_seconds(lambda f=flat: python_docx_minimal(f), repeat)
            record(f"[{label}] minimal python-docx script", naive, f"ours/this = {ours / naive:.2f}")
            if have_docxtpl():
                tpl = median_seconds(lambda f=flat: docxtpl_render(template, f), repeat)
                big_size = not label.startswith("demo")
                record(f"[{label}] docxtpl template (autoescape=True)", tpl, f"ours/this = {ours / tpl:.2f}",
                       target="ours ≤ this" if big_size else "", met=ours <= tpl if big_size else None)
                if label.startswith("demo"):
                    record("in-process demo build ÷ docxtpl, same content", in_process / tpl,
                           "ratio (×), not seconds", target="≤ 1.0", met=in_process <= tpl)
            else:
                record(f"[{label}] docxtpl template", None, "not installed: .venv/bin/pip install docxtpl")

        # 3. start-up
        help_time = median_seconds(lambda: run_quiet([AFTERSALES, "--help"]), repeat)
        record("aftersales --help, whole process", help_time, target="≤ 250 ms", met=help_time <= 0.25)

        # 4. the checker on ~100 pages
        if check_available():
            check = median_seconds(lambda: run_quiet([AFTERSALES, "check", str(big_docx)], check=False), repeat)
            record(f"aftersales check, {pages or '~100'}-page proposal, whole process", check,
                   target="≤ 300 ms", met=check <= 0.3)
            one_paragraph(temp, repeat, args.paragraph)
        else:
            record("aftersales check, 100-page proposal", None, "not available (no `aftersales check` yet)")

        # 5. batch throughput; CPU seconds show whether a second process adds work or only waits for a core
        tenders = [str(p) for p in hundred_tenders(project, args.tenders)]
        timings: dict[int, list[float]] = {1: [], 2: []}
        cpu: dict[int, list[float]] = {1: [], 2: []}
        for _ in range(batch_repeat):
            for jobs in (1, 2):  # alternate, so a burst of load elsewhere hits both
                before_cpu, start = children_cpu(), time.perf_counter()
                run_quiet([AFTERSALES, "build", *tenders, "--allow-draft", "--force", "-j", str(jobs),
                           "-o", str(temp / f"batch-{jobs}")])
                timings[jobs].append(time.perf_counter() - start)
                cpu[jobs].append(children_cpu() - before_cpu)
        for jobs in (1, 2):
            wall, spent = statistics.median(timings[jobs]), statistics.median(cpu[jobs])
            record(f"{len(tenders)} tenders, --jobs {jobs}, whole process", wall,
                   f"{len(tenders) / wall:.1f} tenders/s, {spent:.1f} CPU-s, {spent / wall:.2f} cores busy")
        speedup = statistics.median(timings[1]) / statistics.median(timings[2])
        record("throughput of 2 jobs ÷ 1 job", speedup, "ratio (×), not seconds", target="≥ 1.8",
               met=speedup >= 1.8)
        print(f"\nload average at end: {load()}")

    if args.markdown:
        args.markdown.write_text(markdown(), encoding="utf-8")
        print(f"written: {args.markdown}")


def one_paragraph(temp: Path, repeat: int, largest: int) -> None:
    """`aftersales check` of one paragraph of N commitments, N = largest / 4 and largest (issue 17)."""
    times = {}
    small = largest // 4
    for count in (small, largest):
        text = "，".join(f"{1 + i % 3}小时内响应" if i % 2 else f"质保期{1 + i % 4}年" for i in range(count))
        path = temp / f"one-paragraph-{count}.txt"
        path.write_text(f"第一节 售后服务\n{text}。\n", encoding="utf-8")
        times[count] = median_seconds(lambda p=path: run_quiet([AFTERSALES, "check", str(p)], check=False),
                                      max(1, repeat // 3))
        record(f"aftersales check, {count:,} commitments in one paragraph", times[count],
               target="< 5000 ms" if count == 20_000 else "", met=times[count] < 5 if count == 20_000 else None)
    ratio = times[largest] / times[small]
    record(f"one paragraph: time of {largest:,} ÷ time of {small:,}", ratio,
           "ratio (×), not seconds; linear ≤ 4 (start-up included)", target="≤ 5", met=ratio <= 5)


def compile_modules() -> str:
    """The project's modules as .pyc, as `pip install` leaves them: with PYTHONDONTWRITEBYTECODE set (some
    shells and CI do) every process would otherwise compile ~100 modules from source (~90 ms each time)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    result = subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], env=env,
                            capture_output=True)
    state = "compiled to .pyc first" if result.returncode == 0 else "could not be compiled to .pyc"
    return f"project modules {state} (PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', 'unset')})"


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "n/a"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {cores} cores, Python {platform.python_version()}, {platform.system()} {platform.release()}"


def markdown() -> str:
    lines = [f"Run {dt.datetime.now():%Y-%m-%d %H:%M} on {machine()} (load average at end {load()}).", "",
             "| measurement | median | note | target | met |", "|---|---:|---|---|---|"]
    for row in ROWS:
        if row.seconds is None:
            value = "n/a"
        elif "ratio" in row.note:
            value = f"{row.seconds:.2f} ×"
        else:
            value = f"{row.seconds * 1000:.0f} ms"
        met = "" if row.met is None else ("yes" if row.met else "**no**")
        lines.append(f"| {row.name} | {value} | {row.note} | {row.target} | {met} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
