"""Precision and recall of `aftersales check` per rule on the labelled corpus (tests/check/corpus).

    .venv/bin/python benchmarks/check_quality.py [-v]

Exit status 1 when any rule falls below 0.9 (the target of issue 4). -v lists every miss and extra.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "check"))

from corpus_tools import cases, run_case, score

from generator.check.findings import RULES

TARGET = 0.9


def table(title: str, result) -> bool:
    print(title)
    print(f"{'rule':<24}{'expected':>9}{'found':>7}{'tp':>5}{'precision':>11}{'recall':>8}")
    failing = False
    for rule in RULES:
        expected = result.tp[rule] + result.fn[rule]
        found = result.tp[rule] + result.fp[rule]
        precision, recall = result.precision(rule), result.recall(rule)
        failing |= precision < TARGET or recall < TARGET
        print(f"{rule:<24}{expected:>9}{found:>7}{result.tp[rule]:>5}{precision:>11.2f}{recall:>8.2f}")
    tp, fp, fn = (sum(d.values()) for d in (result.tp, result.fp, result.fn))
    print(f"{'all rules':<24}{tp + fn:>9}{tp + fp:>7}{tp:>5}{tp / max(tp + fp, 1):>11.2f}{tp / max(tp + fn, 1):>8.2f}")
    return failing


def main() -> int:
    verbose = "-v" in sys.argv[1:]
    corpus = cases()
    runs = [(case, run_case(case)) for case in corpus]
    result = score(runs)
    docx = sum(1 for case in corpus if case.sidecar.get("format") == "docx")
    heldout = [(case, findings) for case, findings in runs if case.sidecar.get("heldout")]
    print(f"语料：{len(corpus)} 份方案（其中 {docx} 份写成 .docx 后检查，{len(heldout)} 份为留出集 h*）\n")
    failing = table("全部语料", result)
    if heldout:
        print()
        table("其中留出集（写好标注后才首次运行检查器的方案）", score(heldout))
    if verbose or failing:
        for line in result.misses:
            print(f"  漏报 {line}")
        for line in result.extras:
            print(f"  误报 {line}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
